/**
 * YouTube chapters for a video description. YouTube shows chapters only when the list starts at
 * 0:00, has at least 3 entries, each at least 10 s long, in ascending order; it also refuses `<` and
 * `>` anywhere in a description and caps the description at 5,000 characters.
 *
 * Choices, so the result is always valid when it is ok:
 * - A chapter's title is the first non-blank line of its note, whitespace collapsed, cut at a word
 *   to at most 60 characters with "…"; `<`/`>` become `‹`/`›`. Notes with no text make no chapter.
 * - Times are whole seconds, as YouTube reads them. A note in the first 10 s opens the 0:00 chapter;
 *   when none does, an "Introduction" chapter is put at 0:00.
 * - A note less than 10 s after the previous chapter is dropped (the earlier note wins, it was heard
 *   first), and so is one less than 10 s before the end when the duration is known. `dropped` counts
 *   them so the UI can say so.
 */
import type { Note } from '../model';
import { formatTime } from '../time';
import { type ExportInput, liveNotes, safeTime, textLines } from './input';

export const CHAPTER_MIN_COUNT = 3;
export const CHAPTER_MIN_SECONDS = 10;
export const CHAPTER_TITLE_MAX = 60;
export const DESCRIPTION_MAX_CHARACTERS = 5_000;
export const INTRO_TITLE = 'Introduction';

export type ChaptersResult =
  | { ok: true; text: string; /** Notes left out for being under 10 s from a neighbour or the end. */ dropped: number }
  | { ok: false; message: string };

/** A note's chapter title, or '' when it has no text. */
export function chapterTitle(text: string): string {
  const first = (textLines(text)[0] ?? '').replace(/\s+/g, ' ').replace(/</g, '‹').replace(/>/g, '›');
  const chars = Array.from(first);
  if (chars.length <= CHAPTER_TITLE_MAX) return first;
  const cut = chars.slice(0, CHAPTER_TITLE_MAX - 1).join('');
  // The last word is whole when a space follows the cut; otherwise drop it.
  const atWord = /\s/.test(chars[CHAPTER_TITLE_MAX - 1] ?? '') ? cut : cut.replace(/\s+\S*$/, '');
  // Cut at the last word break unless that would leave almost nothing.
  return `${(atWord.length >= CHAPTER_TITLE_MAX / 2 ? atWord : cut).trimEnd()}…`;
}

interface Chapter { start: number; title: string }

function pickChapters(notes: Note[], duration: number | undefined): { chapters: Chapter[]; dropped: number } {
  const chapters: Chapter[] = [];
  let dropped = 0;
  const end = duration !== undefined && Number.isFinite(duration) && duration > 0 ? Math.floor(duration) : Infinity;
  for (const note of notes) {
    const title = chapterTitle(note.text);
    if (!title) continue;
    const start = Math.floor(safeTime(note.t));
    const previous = chapters.at(-1);
    if (!previous && start < CHAPTER_MIN_SECONDS) {
      chapters.push({ start: 0, title });
      continue;
    }
    if (!previous) chapters.push({ start: 0, title: INTRO_TITLE });
    const last = chapters.at(-1) as Chapter;
    if (start - last.start < CHAPTER_MIN_SECONDS || end - start < CHAPTER_MIN_SECONDS) dropped++;
    else chapters.push({ start, title });
  }
  return { chapters, dropped };
}

/** The chapter list for a YouTube description, or which YouTube rule these notes cannot meet. */
export function youtubeChapters(input: ExportInput): ChaptersResult {
  const notes = liveNotes(input.notes);
  if (!notes.some((note) => chapterTitle(note.text))) {
    return { ok: false, message: 'There are no notes with text to make chapters from. YouTube needs at least 3 chapters.' };
  }
  const { chapters, dropped } = pickChapters(notes, input.recording.duration);
  if (chapters.length < CHAPTER_MIN_COUNT) {
    const made = `${chapters.length} chapter${chapters.length === 1 ? '' : 's'}`;
    return {
      ok: false,
      message:
        `YouTube needs at least ${CHAPTER_MIN_COUNT} chapters, each at least ${CHAPTER_MIN_SECONDS} seconds long; ` +
        `these notes make ${made}` +
        (dropped > 0 ? ` (${dropped} note${dropped === 1 ? ' was' : 's were'} less than ${CHAPTER_MIN_SECONDS} seconds from the previous chapter or the end).` : '.') +
        ' Add notes further apart.',
    };
  }
  const text = `${chapters.map((c) => `${formatTime(c.start)} ${c.title}`).join('\n')}\n`;
  const length = Array.from(text).length;
  if (length > DESCRIPTION_MAX_CHARACTERS) {
    return {
      ok: false,
      message: `The chapter list is ${length} characters, but a YouTube description holds at most ${DESCRIPTION_MAX_CHARACTERS}. Use fewer notes as chapters.`,
    };
  }
  return { ok: true, text, dropped };
}
