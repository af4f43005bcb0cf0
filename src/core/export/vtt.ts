/**
 * The notes as a WebVTT track (https://www.w3.org/TR/webvtt1/), for players that show captions or
 * chapters. Each note is a cue from its time until the next note; the last one lasts 5 s. No cue
 * runs past the end of the recording when its duration is known: a note at or after the end (a
 * stream that grew, a backup edited by hand) has no room for a cue, so it is left out and listed in
 * `leftOut`. Notes at the same millisecond share one cue (a cue must end after it starts). Notes with
 * no text are left out unlisted: there is nothing to show. Q&A is not included: it has its own
 * exports.
 */
import type { Note, Recording } from '../model';
import { type ExportInput, liveNotes, oneLine, safeTime, speakerById, textLines } from './input';
import type { LeftOutNote } from './left-out';

export const LAST_CUE_SECONDS = 5;

/** `00:01:02.500`: hours always written, as every WebVTT reader accepts. */
export function vttTimestamp(seconds: number): string {
  const ms = Math.round(safeTime(seconds) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * Cue text: `&`, `<`, `>` as character references (so "-->" cannot occur either), and no blank
 * line, which would end the cue.
 */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cuePayload(recording: Recording, notes: Note[]): string {
  return notes
    .map((note) => {
      const speaker = speakerById(recording, note.speakerId);
      const text = textLines(note.text).map(escapeCueText).join('\n');
      // A voice span names the speaker; players may show or style it.
      return speaker && oneLine(speaker.name) ? `<v ${escapeCueText(oneLine(speaker.name))}>${text}</v>` : text;
    })
    .join('\n');
}

export interface WebVtt {
  /** The WebVTT file. */
  text: string;
  /** Notes with text that have no cue (at or after the known end), in time order. */
  leftOut: LeftOutNote[];
}

/** The recording's notes as a WebVTT file, and the notes it could not place. */
export function webVtt(input: ExportInput): WebVtt {
  const { recording } = input;
  const duration = recording.duration;
  const endMs = duration !== undefined && Number.isFinite(duration) && duration > 0 ? Math.round(duration * 1000) : Infinity;
  const leftOut: LeftOutNote[] = [];
  // Group by start in whole milliseconds, the precision of a cue timestamp.
  const groups: { ms: number; notes: Note[] }[] = [];
  for (const note of liveNotes(input.notes)) {
    if (textLines(note.text).length === 0) continue;
    const ms = Math.round(safeTime(note.t) * 1000);
    if (ms >= endMs) {
      leftOut.push({ note, reason: 'past-end', end: endMs / 1000 });
      continue;
    }
    const last = groups.at(-1);
    if (last && last.ms === ms) last.notes.push(note);
    else groups.push({ ms, notes: [note] });
  }
  const blocks = groups.map((group, i) => {
    const end = Math.min(groups[i + 1]?.ms ?? group.ms + LAST_CUE_SECONDS * 1000, endMs);
    return `${i + 1}\n${vttTimestamp(group.ms / 1000)} --> ${vttTimestamp(end / 1000)}\n${cuePayload(recording, group.notes)}`;
  });
  return { text: ['WEBVTT', ...blocks].join('\n\n') + '\n', leftOut };
}
