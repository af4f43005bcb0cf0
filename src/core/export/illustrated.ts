/**
 * What the illustrated exports (the Markdown zip, the HTML handout) add to the summary outline: the
 * recording's slides in time order, each with the notes taken while it was shown, and each note's
 * frames. Built once here so the two formats place every picture alike. Pure: the pictures come as
 * bytes (the pages read their blobs, the command line decodes a backup's base64).
 */
import { safeFileName, uniqueFileNames } from '../file-name';
import type { Translator } from '../i18n';
import { imageTypeOfBytes, type ImageType } from '../images';
import type { RecordingImage } from '../model';
import { formatTime } from '../time';
import { type ExportInput, type ExportLanguage, exportWords, liveNotes, safeTime } from './input';
import { type OutlineNote, summaryOutline, type SummaryOutline } from './outline';

/** A picture as the exports take it: a stored `RecordingImage`'s facts and its bytes. */
export interface ExportImage extends Pick<RecordingImage, 'id' | 'kind' | 't' | 'noteId' | 'width' | 'height'> {
  /** The encoded picture (WebP or JPEG, told by its bytes). */
  bytes: Uint8Array;
}

export interface IllustratedInput extends ExportInput {
  /**
   * The recording's pictures (its own only: an `ExportImage` does not name its recording), in any
   * order; frames of no live note are left out.
   */
  images: readonly ExportImage[];
}

/** A picture as an export writes it: where it is in the zip, what its bytes are. */
export interface PlacedImage {
  image: ExportImage;
  type: ImageType;
  /** `images/0003-slide-12m05s.webp`: unique, safe on every file system (ASCII only). */
  path: string;
  /** "Slide at 12:05", "Frame at 3:10" (in the export's language): the picture's text alternative and caption. */
  label: string;
  /** "12:05". */
  time: string;
}

export interface IllustratedNote {
  note: OutlineNote;
  /** The note's frames, in time order. */
  frames: PlacedImage[];
}

/** A slide and the notes taken from its time until the next slide's; the first may have no slide. */
export interface SlideSection {
  slide: PlacedImage | null;
  notes: IllustratedNote[];
}

export interface IllustratedOutline {
  outline: SummaryOutline;
  /** In time order; no section without a slide or a note. */
  sections: SlideSection[];
  /** Every picture written, in the order of `sections`. */
  images: PlacedImage[];
  /** Pictures whose bytes are neither WebP nor JPEG: not written, named here (in `uiLang`). */
  skipped: string[];
}

/** "12m05s", "1h02m05s": a time in a file name (no `:`). */
function fileTime(seconds: number): string {
  const whole = Math.floor(safeTime(seconds));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}h${two(m)}m${two(s)}s` : `${m}m${two(s)}s`;
}

const byTime = (a: ExportImage, b: ExportImage) => safeTime(a.t) - safeTime(b.t) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The summary outline with its pictures placed: slides (kind `slide`) in time order, each note
 * under the last slide shown at or before its time (notes before the first slide come first, under
 * none), each live note's frames (kind `frame`, by `noteId`) with it. Frames of notes in the trash
 * or unknown are left out, as their notes are.
 */
export function illustratedOutline(input: IllustratedInput, options: ExportLanguage = {}): IllustratedOutline {
  const { words, ui } = exportWords(options);
  const outline = summaryOutline(input, words.lang);
  const live = liveNotes(input.notes);
  const liveIds = new Set(live.map((note) => note.id));
  const ours = input.images.filter((image) => image.kind === 'slide' || (image.noteId !== undefined && liveIds.has(image.noteId)));
  const skipped: string[] = [];
  const typed = [...ours].sort(byTime).filter((image) => {
    if (imageTypeOfBytes(image.bytes)) return true;
    skipped.push(ui.t(image.kind === 'slide' ? 'export_pictureSkippedSlide' : 'export_pictureSkippedFrame', formatTime(safeTime(image.t)), image.id));
    return false;
  });
  const placed = new Map<ExportImage, PlacedImage>();
  const types = typed.map((image) => imageTypeOfBytes(image.bytes) as ImageType);
  // Numbered, so unique already; the file-name rule still has the last word on what a name may be.
  const names = uniqueFileNames(typed.map((image, i) =>
    safeFileName(`${String(i + 1).padStart(4, '0')}-${image.kind}-${fileTime(image.t)}`, types[i] === 'image/webp' ? '.webp' : '.jpg')));
  typed.forEach((image, i) => {
    const type = types[i] as ImageType;
    const time = formatTime(safeTime(image.t));
    placed.set(image, {
      image,
      type,
      path: `images/${names[i] as string}`,
      label: words.t(image.kind === 'slide' ? 'export_slideLabel' : 'export_frameLabel', time),
      time,
    });
  });
  const slides = typed.filter((image) => image.kind === 'slide');
  const framesOf = new Map<string, PlacedImage[]>();
  for (const image of typed) {
    if (image.kind !== 'frame' || image.noteId === undefined) continue;
    framesOf.set(image.noteId, [...(framesOf.get(image.noteId) ?? []), placed.get(image) as PlacedImage]);
  }
  const sections: SlideSection[] = [{ slide: null, notes: [] }];
  for (const slide of slides) sections.push({ slide: placed.get(slide) as PlacedImage, notes: [] });
  // Notes and slides are both in time order: each note goes to the last section begun at or before it.
  let current = 0;
  live.forEach((note, i) => {
    const t = safeTime(note.t);
    while (current + 1 < sections.length && safeTime(slides[current]?.t) <= t) current++;
    (sections[current] as SlideSection).notes.push({ note: outline.notes[i] as OutlineNote, frames: framesOf.get(note.id) ?? [] });
  });
  const kept = sections.filter((section) => section.slide !== null || section.notes.length > 0);
  const images = kept.flatMap((section) => [...(section.slide ? [section.slide] : []), ...section.notes.flatMap((n) => n.frames)]);
  return { outline, sections: kept, images, skipped };
}

/** How many slides and frames the illustrated exports would show (no bytes needed: stored rows do). */
export function pictureCounts(input: ExportInput, images: readonly Pick<RecordingImage, 'kind' | 'noteId'>[]): { slides: number; frames: number } {
  const live = new Set(liveNotes(input.notes).map((note) => note.id));
  return {
    slides: images.filter((image) => image.kind === 'slide').length,
    frames: images.filter((image) => image.kind === 'frame' && image.noteId !== undefined && live.has(image.noteId)).length,
  };
}

/** "12 slides and 3 frames", "1 slide", "2 frames" (in `words`' language); empty when there are none. */
export function picturesText({ slides, frames }: { slides: number; frames: number }, words: Translator): string {
  const parts = [slides > 0 ? words.plural('export_slideCount', slides) : '', frames > 0 ? words.plural('export_frameCount', frames) : ''];
  return words.list(parts.filter(Boolean));
}
