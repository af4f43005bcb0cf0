/** Tags on notes: typed as a comma-separated list, stored as a clean list. */
import { shorten } from './shorten';
import { t } from './i18n';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

export type ParsedTags = { ok: true; tags: string[] } | { ok: false; message: string };

/**
 * "#security, follow up,Security" → ["security", "follow up"]: split on commas and line breaks,
 * a leading # dropped (people type hashtags), spaces collapsed, the first spelling of a tag kept
 * when it comes again in another case.
 */
export function parseTags(input: string): ParsedTags {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of input.split(/[,\n]/)) {
    const tag = part.replace(/\s+/g, ' ').trim().replace(/^#+\s*/, '');
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) {
      return { ok: false, message: t('tags_tooLong', MAX_TAG_LENGTH, shorten(tag, 20), tag.length) };
    }
    const folded = tag.toLocaleLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { ok: false, message: t('tags_tooMany', MAX_TAGS, tags.length) };
  return { ok: true, tags };
}

export function formatTags(tags: readonly string[] | undefined): string {
  return (tags ?? []).join(', ');
}

/** Every tag in use, each once (first spelling wins), sorted for a menu. */
export function allTags(notes: Iterable<{ tags?: readonly string[] }>): string[] {
  const byFolded = new Map<string, string>();
  for (const note of notes) for (const tag of note.tags ?? []) if (!byFolded.has(tag.toLocaleLowerCase())) byFolded.set(tag.toLocaleLowerCase(), tag);
  return [...byFolded.values()].sort((a, b) => a.localeCompare(b));
}

export function hasTag(note: { tags?: readonly string[] }, tag: string): boolean {
  const folded = tag.toLocaleLowerCase();
  return (note.tags ?? []).some((t) => t.toLocaleLowerCase() === folded);
}
