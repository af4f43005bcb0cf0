/**
 * What every export reads, and the small facts they share: which records are live, in what order,
 * and how names, titles and dates read. Pure: no browser API, no clock, no randomness.
 */
import { translator, type Language, type Translator } from '../i18n';
import type { Note, QaAnswer, QaItem, Recording, Speaker } from '../model';
import { answererName as peopleAnswererName, speakerById as speakersById, speakerDisplayName as peopleSpeakerName } from '../people';
import { isMediaTime } from '../time';

// Which records are live and in what order is the core's rule (records.ts); every export reads it through here.
export { liveNotes, liveQa } from '../records';
// How people are named is the core's rule (people.ts); the words for nobody named are the export's language's.
export { speakerAffiliation } from '../people';
export { oneLine } from '../one-line';

export interface ExportInput {
  recording: Recording;
  /** May include trashed notes (deletedAt set): exports leave them out. */
  notes: readonly Note[];
  /** May include trashed items (deletedAt set): exports leave them out. */
  qa: readonly QaItem[];
}

/** Options every export takes: the language of its own words (the community's, chosen per export). */
export interface ExportLanguage {
  /** Headings, labels, fallbacks and dates are written in it; what the user typed never changes. Default 'en'. */
  lang?: Language;
  /**
   * The language of what is said to the user beside the export (warnings, counts, notes left out):
   * the pages' language, which may differ from the export's. Default: `lang`.
   */
  uiLang?: Language;
}

/** The translators of an export's own words and of its messages to the user. */
export function exportWords(options: ExportLanguage | undefined): { words: Translator; ui: Translator } {
  const lang = options?.lang ?? 'en';
  return { words: translator(lang), ui: translator(options?.uiLang ?? lang) };
}

/**
 * The webinar's title as the user gave it, else the page's, else a placeholder (a post needs a
 * heading) in `lang`.
 */
export function exportTitle(recording: Recording, lang: Language = 'en'): string {
  return recording.details?.title?.trim() || recording.title.trim() || translator(lang).t('export_untitledRecording');
}

/**
 * "2026-11-12" as "12 November 2026" (en), "12 Kasım 2026" (tr): the month's name from Intl in
 * `lang`, the order from the catalogue (`export_longDate`, so English keeps its day-month order
 * where Intl's `en` would write "November 12, 2026"). Read in UTC, so the result does not depend on
 * the reader's time zone. Anything that is not a real yyyy-mm-dd date comes back trimmed as typed.
 */
export function formatLongDate(iso: string, lang: Language = 'en'): string {
  const text = iso.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return text;
  const words = translator(lang);
  const monthName = words.date(Date.UTC(year, month - 1, day), { month: 'long', timeZone: 'UTC' });
  // The year as digits, never grouped ("2026", not "2.026").
  return words.t('export_longDate', String(day), monthName, String(year));
}

/** The webinar's date for a heading in `lang`, or null when none was given. */
export function exportDate(recording: Recording, lang: Language = 'en'): string | null {
  const date = recording.details?.date?.trim();
  return date ? formatLongDate(date, lang) : null;
}

/** A speaker's name by people.ts's rule, in the export's language ("Unnamed speaker" when blank). */
export function speakerDisplayName(speaker: Speaker, words: Translator = translator('en')): string {
  return peopleSpeakerName(speaker, words);
}

/** The speaker with `id` among the recording's; undefined without an id or when none has it. */
export function speakerById(recording: Recording, id: string | undefined): Speaker | undefined {
  return speakersById(recording.speakers, id);
}

/**
 * Who gave an answer, by people.ts's rule (`answererName`) with the export's language's words: the
 * speaker picked, else the name typed, else "A former speaker" when the picked speaker was removed,
 * else "Answer".
 */
export function answererName(recording: Recording, answer: QaAnswer, words: Translator = translator('en')): string {
  return peopleAnswererName(recording.speakers, answer, words);
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/** The lines of typed text, each trimmed, with blank ones dropped (exports put one item per line). */
export function textLines(text: string): string[] {
  return text.split(LINE_BREAK).map((line) => line.trim()).filter(Boolean);
}

/** Typed text as paragraphs (split at blank lines), each a list of trimmed, non-blank lines. */
export function paragraphs(text: string): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    if (line.trim()) current.push(line.trim());
    else if (current.length > 0) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * A time that every format can write: a media time (time.ts), else 0 (the start). Entry points
 * refuse other times, but a database from before the rule may still hold one.
 */
export function safeTime(seconds: number | undefined): number {
  return isMediaTime(seconds) ? seconds : 0;
}
