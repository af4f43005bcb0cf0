/**
 * What every export reads, and the small facts they share: which records are live, in what order,
 * and how names, titles and dates read. Pure: no browser API, no clock, no randomness.
 */
import type { Note, QaAnswer, QaItem, Recording, Speaker } from '../model';
import { isMediaTime } from '../time';
import { answererName as answerer, speakerById as speakersById } from '../people';

// Which records are live and in what order is the core's rule (records.ts); every export reads it through here.
export { liveNotes, liveQa } from '../records';
// How people are named is the core's rule (people.ts).
export { speakerAffiliation, speakerDisplayName } from '../people';
export { oneLine } from '../one-line';

export interface ExportInput {
  recording: Recording;
  /** May include trashed notes (deletedAt set): exports leave them out. */
  notes: readonly Note[];
  /** May include trashed items (deletedAt set): exports leave them out. */
  qa: readonly QaItem[];
}

/** The webinar's title as the user gave it, else the page's, else a placeholder (a post needs a heading). */
export function exportTitle(recording: Recording): string {
  return recording.details?.title?.trim() || recording.title.trim() || 'Untitled recording';
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * "2026-11-12" as "12 November 2026". Done by hand, not with Intl or Date, so the result does not
 * depend on the reader's locale or time zone. Anything that is not a real yyyy-mm-dd date comes back
 * trimmed as typed.
 */
export function formatLongDate(iso: string): string {
  const text = iso.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return text;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The webinar's date for a heading, or null when none was given. */
export function exportDate(recording: Recording): string | null {
  const date = recording.details?.date?.trim();
  return date ? formatLongDate(date) : null;
}

/** The speaker with `id` among the recording's; undefined without an id or when none has it. */
export function speakerById(recording: Recording, id: string | undefined): Speaker | undefined {
  return speakersById(recording.speakers, id);
}

/** Who gave an answer (people.ts): the speaker picked, else the name typed, else a placeholder. */
export function answererName(recording: Recording, answer: QaAnswer): string {
  return answerer(recording.speakers, answer);
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
