/**
 * YouTube chapters for a video description. YouTube shows chapters only when the list starts at
 * 0:00, has at least 3 entries, each at least 10 s long, in ascending order; it also refuses `<` and
 * `>` anywhere in a description and caps the description at 5,000 characters.
 *
 * Choices, so the result is always valid when it is ok:
 * - A chapter's title is the first non-blank line of its note, whitespace collapsed, cut at a word
 *   to at most 60 characters with "…"; `<`/`>` become `‹`/`›`. Notes with no text make no chapter.
 * - Times are whole seconds, as YouTube reads them. A note in the first 10 s opens the 0:00 chapter;
 *   when none does, an "Introduction" chapter (in the export's language) is put at 0:00.
 * - A note less than 10 s after the previous chapter is left out (the earlier note wins, it was heard
 *   first), and so is one less than 10 s before the end, or past it, when the duration is known.
 *   `leftOut` lists each with its reason, so the panel and the command line can name it.
 */
import type { Note } from '../model';
import { shorten } from '../shorten';
import { formatTime } from '../time';
import { type ExportInput, type ExportLanguage, exportWords, liveNotes, safeTime, textLines } from './input';
import type { LeftOutNote } from './left-out';

export const CHAPTER_MIN_COUNT = 3;
export const CHAPTER_MIN_SECONDS = 10;
export const CHAPTER_TITLE_MAX = 60;
export const DESCRIPTION_MAX_CHARACTERS = 5_000;

export type ChaptersResult =
  | { ok: true; text: string; /** Notes with text that make no chapter, in time order. */ leftOut: LeftOutNote[] }
  | { ok: false; message: string; leftOut: LeftOutNote[] };

/** A note's chapter title, at most 60 code points, cut only between grapheme clusters (shorten); '' when it has no text. */
export function chapterTitle(text: string): string {
  const first = (textLines(text)[0] ?? '').replace(/\s+/g, ' ').replace(/</g, '‹').replace(/>/g, '›');
  return shorten(first, CHAPTER_TITLE_MAX, { atWord: true });
}

interface Chapter { start: number; title: string }

function pickChapters(notes: Note[], duration: number | undefined, intro: string): { chapters: Chapter[]; leftOut: LeftOutNote[] } {
  const chapters: Chapter[] = [];
  const leftOut: LeftOutNote[] = [];
  const end = duration !== undefined && Number.isFinite(duration) && duration > 0 ? Math.floor(duration) : Infinity;
  for (const note of notes) {
    const title = chapterTitle(note.text);
    if (!title) continue;
    const start = Math.floor(safeTime(note.t));
    const previous = chapters.at(-1);
    // The first note with text opens the 0:00 chapter when it is in the first 10 s.
    const at = !previous && start < CHAPTER_MIN_SECONDS ? 0 : start;
    if (start >= end) leftOut.push({ note, reason: 'past-end', end });
    else if (end - at < CHAPTER_MIN_SECONDS) leftOut.push({ note, reason: 'near-end', end, gap: CHAPTER_MIN_SECONDS });
    else if (!previous) {
      if (at > 0) chapters.push({ start: 0, title: intro });
      chapters.push({ start: at, title });
    } else if (at - previous.start < CHAPTER_MIN_SECONDS) {
      leftOut.push({ note, reason: 'near-previous', at: previous.start, gap: CHAPTER_MIN_SECONDS });
    } else chapters.push({ start: at, title });
  }
  return { chapters, leftOut };
}

/**
 * The chapter list for a YouTube description (the Introduction's title in `lang`), or which YouTube
 * rule these notes cannot meet (in `uiLang`).
 */
export function youtubeChapters(input: ExportInput, options: ExportLanguage = {}): ChaptersResult {
  const { words, ui } = exportWords(options);
  const notes = liveNotes(input.notes);
  if (!notes.some((note) => chapterTitle(note.text))) {
    return { ok: false, message: ui.t('export_chaptersNoText', CHAPTER_MIN_COUNT), leftOut: [] };
  }
  const { chapters, leftOut } = pickChapters(notes, input.recording.duration, words.t('export_introduction'));
  if (chapters.length < CHAPTER_MIN_COUNT) {
    const made = ui.plural('export_chapterCount', chapters.length);
    return {
      ok: false,
      message: leftOut.length > 0
        ? ui.t('export_chaptersTooFewLeftOut', CHAPTER_MIN_COUNT, CHAPTER_MIN_SECONDS, made, ui.plural('export_notesAreLeftOut', leftOut.length))
        : ui.t('export_chaptersTooFew', CHAPTER_MIN_COUNT, CHAPTER_MIN_SECONDS, made),
      leftOut,
    };
  }
  const text = `${chapters.map((c) => `${formatTime(c.start)} ${c.title}`).join('\n')}\n`;
  const length = Array.from(text).length;
  if (length > DESCRIPTION_MAX_CHARACTERS) {
    return {
      ok: false,
      message: ui.t('export_chaptersTooLong', ui.number(length, { useGrouping: false }), ui.number(DESCRIPTION_MAX_CHARACTERS, { useGrouping: false })),
      leftOut,
    };
  }
  return { ok: true, text, leftOut };
}
