/**
 * Notes an export had to leave out, and why, in words the panel and the command line both show. An
 * export never drops a note silently: the user would take the file for the whole of their notes.
 */
import { translator, type Translator } from '../i18n';
import type { Note } from '../model';
import { shorten } from '../shorten';
import { formatTime } from '../time';
import { safeTime, textLines } from './input';

/** How much of a left-out note's first line its message quotes, in code points (cut only between grapheme clusters). */
export const LEFT_OUT_QUOTE_MAX = 40;

export type LeftOutNote =
  /** Less than `gap` seconds after the chapter starting at `at` (seconds), which is kept. */
  | { note: Note; reason: 'near-previous'; at: number; gap: number }
  /** Less than `gap` seconds before the end of the recording, at `end` (seconds). */
  | { note: Note; reason: 'near-end'; end: number; gap: number }
  /** At or after the end of the recording, at `end` (seconds). */
  | { note: Note; reason: 'past-end'; end: number };

/**
 * "The note at 1:09 “Too close” is left out: it is less than 10 s after the chapter at 1:00.", in
 * `ui`'s language (the pages' or the command line's: it is said to the user, not written in the export).
 */
export function leftOutMessage(item: LeftOutNote, ui: Translator = translator('en')): string {
  const quote = shorten(textLines(item.note.text)[0] ?? '', LEFT_OUT_QUOTE_MAX, { atWord: true });
  const time = formatTime(safeTime(item.note.t));
  const which = quote ? ui.t('export_leftOutNoteQuoted', time, quote) : ui.t('export_leftOutNote', time);
  switch (item.reason) {
    case 'near-previous':
      return ui.t('export_leftOutNearPrevious', which, item.gap, formatTime(item.at));
    case 'near-end':
      return ui.t('export_leftOutNearEnd', which, item.gap, formatTime(item.end));
    case 'past-end':
      return ui.t('export_leftOutPastEnd', which, formatTime(item.end));
  }
}
