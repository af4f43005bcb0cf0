/**
 * Team folders: several people sync into one shared folder (layout.ts), and nobody's edit can
 * overwrite another person's note or question. That holds by where things are written and by how
 * they are read, not by what the pages offer:
 *
 * - Each person has a name (per browser, in the sync settings) and an author id derived from it
 *   (`teamAuthorId`), so one person's browsers share one author folder and merge there as a single
 *   user's do. Each browser writes only its own author's folder, and every record it writes there
 *   carries that author (`ownData`).
 * - A record read from author X's folder is taken only if it names X as its author
 *   (`acceptFolder`); a tombstone there buries only X's records.
 * - Locally, a record of another author is that author's file's copy, whole (`mergeTeam`): an edit
 *   or a purge made here to it is never sent (it is not in this browser's folder) and is undone by
 *   the next read of their file. A record id held here by one owner is never taken from another.
 * - Locally, `author` is set only on other people's records; this browser's own have none.
 * - Pictures follow the same rule: each author's folder lists their own (frames and slides).
 */
import type { ImageFacts } from '../backup';
import { mergeTranscripts } from '../captions/transcript-merge';
import { t } from '../i18n';
import type { Author, Note, QaItem, Transcript } from '../model';
import { mergeRecording } from '../record-merge';
import { sha256Hex, SYNC_ROOT, type Parsed } from './layout';
import { mergeSyncData, type SyncData } from './merge';
import { buries, tombstoneKey } from './tombstones';

/** The longest name, in characters (code points). */
export const MAX_AUTHOR_NAME = 60;

/** The name as kept: NFC, trimmed, inner white space one space. */
export function normalAuthorName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Why `name` cannot be a team name (an i18n key), or null. */
export function authorNameProblem(name: string): 'sync_teamNameMissing' | 'sync_teamNameLong' | null {
  const normal = normalAuthorName(name);
  if (normal === '') return 'sync_teamNameMissing';
  return [...normal].length > MAX_AUTHOR_NAME ? 'sync_teamNameLong' : null;
}

/**
 * The author id of a name: the first 16 hex digits of the SHA-256 of the name, normalised and
 * lower-cased. The same name on two browsers is one person (their notes merge as one user's); two
 * people of a team need different names.
 */
export async function teamAuthorId(name: string): Promise<string> {
  return (await sha256Hex(normalAuthorName(name).toLocaleLowerCase('und'))).slice(0, 16);
}

/** This browser's author: the name as kept and its id. */
export async function authorOf(name: string): Promise<Author> {
  return { id: await teamAuthorId(name), name: normalAuthorName(name) };
}

/**
 * Why this browser may not change `record` (another person's, in a team folder), in the user's
 * words; null when it may. Every db function that changes a note or question asks it, so no page
 * can, whatever its buttons (the merge would undo it anyway: mergeTeam).
 */
export function readOnlyProblem(record: Pick<Note, 'author'>): string | null {
  return record.author ? t('sync_teamReadOnly', record.author.name) : null;
}

// The roster: webinar-notes/v1/authors.json, the authors whose folders to read.

export const ROSTER_PATH = `${SYNC_ROOT}authors.json`;
export const ROSTER_FORMAT = 'webinar-notes-sync-authors';
export interface Roster {
  format: typeof ROSTER_FORMAT;
  version: 1;
  /** Author id → name. */
  authors: Record<string, string>;
}

export function emptyRoster(): Roster {
  return { format: ROSTER_FORMAT, version: 1, authors: {} };
}

/**
 * The union of two rosters (an entry is never removed: each browser adds its own author on every
 * sync, so one that vanished comes back); for one id, the name sorting last, the same either way.
 */
export function mergeRoster(a: Roster, b: Roster): Roster {
  const authors = { ...a.authors };
  for (const [id, name] of Object.entries(b.authors)) {
    const held = authors[id];
    if (held === undefined || name > held) authors[id] = name;
  }
  return { ...a, authors };
}

export function parseRoster(text: string, path: string): Parsed<Roster> {
  const damaged = { ok: false as const, message: t('sync_teamRosterDamaged', path) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return damaged;
  }
  const roster = value as Partial<Roster> | null;
  if (roster?.format !== ROSTER_FORMAT || typeof roster.authors !== 'object' || roster.authors === null) return damaged;
  const authors: Record<string, string> = {};
  for (const [id, name] of Object.entries(roster.authors)) {
    if (/^[0-9a-f]{16}$/.test(id) && typeof name === 'string' && authorNameProblem(name) === null) authors[id] = normalAuthorName(name);
  }
  return { ok: true, value: { format: ROSTER_FORMAT, version: 1, authors } };
}

export function serializeRoster(roster: Roster): string {
  const authors = Object.fromEntries(Object.entries(roster.authors).sort(([x], [y]) => (x < y ? -1 : 1)));
  return `${JSON.stringify({ ...roster, authors }, null, 1)}\n`;
}

// The records.

/** Whose a local record is: another author's id, or `null` for this browser's own. */
const ownerOf = (record: Note | QaItem | ImageFacts): string | null => record.author?.id ?? null;

/**
 * What this browser writes to its own author folder for a recording: its own notes, questions and
 * pictures (those with no `author`) stamped with `me`, the recording, the transcripts, and its
 * tombstones. Other people's records are never in it.
 */
export function ownData(local: SyncData, me: Author): SyncData {
  const stamp = <T extends Note | QaItem | ImageFacts>(records: readonly T[]): T[] => records.filter((r) => ownerOf(r) === null).map((r) => ({ ...r, author: me }));
  return { ...local, notes: stamp(local.notes), qa: stamp(local.qa), images: stamp(local.images) };
}

/** What a file of author `authorId`'s folder may say: only records naming that author. */
export function acceptFolder(data: SyncData, authorId: string): SyncData {
  const theirs = <T extends Note | QaItem | ImageFacts>(records: readonly T[]) => records.filter((r) => r.author?.id === authorId);
  return { ...data, notes: theirs(data.notes), qa: theirs(data.qa), images: theirs(data.images) };
}

/** Records as this browser keeps its own: without `author`. */
function unstamped<T extends Note | QaItem | ImageFacts>(records: readonly T[]): T[] {
  return records.map(({ author: _author, ...rest }) => rest as T);
}

/**
 * A recording's records as this browser keeps them after a team sync: `here` is the local copy,
 * `mine` the merge of this browser's author folder (ownData merged with the server's copy; absent
 * when that file was not read), `others` each other author's file as read (acceptFolder'd), by
 * author id. The recording and transcripts merge across everyone (by field, as for one user); this
 * browser's own records merge with its author file (tombstones included); another author's records
 * are their file's, whole: an edit or tombstone made here to them is not kept, and a record whose
 * id this browser holds under another owner is never taken.
 */
export function mergeTeam(here: SyncData, mine: SyncData | undefined, others: ReadonlyMap<string, SyncData>): SyncData {
  const heldOwner = new Map<string, string | null>();
  for (const note of here.notes) heldOwner.set(`note:${note.id}`, ownerOf(note));
  for (const item of here.qa) heldOwner.set(`qa:${item.id}`, ownerOf(item));
  for (const image of here.images) heldOwner.set(`image:${image.id}`, ownerOf(image));
  const mayTake = (kind: 'note' | 'qa' | 'image', id: string, owner: string | null) => {
    const held = heldOwner.get(`${kind}:${id}`);
    return held === undefined || held === owner;
  };

  // Own records: the single-user merge of the local copy and the author file.
  const ownHere: SyncData = { ...here, notes: here.notes.filter((n) => ownerOf(n) === null), qa: here.qa.filter((q) => ownerOf(q) === null), images: here.images.filter((i) => ownerOf(i) === null) };
  const ownThere: SyncData | undefined = mine && {
    ...mine,
    notes: unstamped(mine.notes).filter((n) => mayTake('note', n.id, null)),
    qa: unstamped(mine.qa).filter((q) => mayTake('qa', q.id, null)),
    images: unstamped(mine.images).filter((i) => mayTake('image', i.id, null)),
  };
  const own = ownThere ? mergeSyncData(ownHere, ownThere) : ownHere;
  const claimed = new Set([...own.notes.map((n) => `note:${n.id}`), ...own.qa.map((q) => `qa:${q.id}`), ...own.images.map((i) => `image:${i.id}`)]);

  // Other people's: their file's copy where it was read, else what is held here.
  const notes: Note[] = [...own.notes];
  const qa: QaItem[] = [...own.qa];
  const images: ImageFacts[] = [...own.images];
  const heldAuthors = new Set([...here.notes, ...here.qa, ...here.images].map(ownerOf).filter((id): id is string => id !== null));
  for (const authorId of new Set([...heldAuthors, ...others.keys()])) {
    const theirs = others.get(authorId);
    if (!theirs) {
      notes.push(...here.notes.filter((n) => ownerOf(n) === authorId));
      qa.push(...here.qa.filter((q) => ownerOf(q) === authorId));
      images.push(...here.images.filter((i) => ownerOf(i) === authorId));
      continue;
    }
    const dead = new Map(theirs.tombstones.map((t) => [tombstoneKey(t), t]));
    const take = <T extends Note | QaItem | ImageFacts>(kind: 'note' | 'qa' | 'image', records: readonly T[]) =>
      records.filter((r) => !claimed.has(`${kind}:${r.id}`) && mayTake(kind, r.id, authorId) && !buries(dead.get(tombstoneKey({ kind, id: r.id })), r));
    notes.push(...take('note', theirs.notes));
    qa.push(...take('qa', theirs.qa));
    images.push(...take('image', theirs.images));
  }

  const parts = [...others.values()];
  const recording = parts.reduce((held, part) => (held && part.recording ? mergeRecording(held, part.recording) : (held ?? part.recording)), own.recording);
  const transcripts = new Map<string, Transcript>(own.transcripts.map((t) => [t.lang, t]));
  for (const part of parts) {
    for (const t of part.transcripts) {
      const held = transcripts.get(t.lang);
      transcripts.set(t.lang, held ? mergeTranscripts(held, t) : t);
    }
  }
  const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  return {
    recordingKey: here.recordingKey,
    ...(recording ? { recording } : {}),
    notes: notes.sort(byId),
    qa: qa.sort(byId),
    transcripts: [...transcripts.values()].sort((x, y) => (x.lang < y.lang ? -1 : 1)),
    images: images.sort(byId),
    // Only this browser's own: another author's tombstones bury only their records, in their file.
    tombstones: own.tombstones,
  };
}
