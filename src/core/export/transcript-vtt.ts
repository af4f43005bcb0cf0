/**
 * A recording's transcript (model.ts `Transcript`) as a WebVTT file
 * (https://www.w3.org/TR/webvtt1/): the `WEBVTT` header, then one cue per caption line in time
 * order, numbered, timed `hh:mm:ss.ttt --> hh:mm:ss.ttt`, its speaker as a `<v Name>` voice span.
 *
 * Cue text came from a page's player, so it is written as text: `&`, `<`, `>` as character
 * references (no tag of the page's survives, and `-->` cannot occur), and no blank line, which
 * would end the cue early and make the rest of its text a cue block of its own (§4.1 "cue
 * payload": no line terminator pairs). Pure.
 */
import type { Cue, Transcript } from '../model';
import { oneLine, safeTime, textLines } from './input';
import { escapeCueText, vttTimestamp } from './vtt';

/** Whole milliseconds, a cue timestamp's precision. */
const ms = (seconds: number): number => Math.round(safeTime(seconds) * 1000);

function payload(cue: Cue): string {
  const text = textLines(cue.text).map(escapeCueText).join('\n');
  const voice = oneLine(cue.voice ?? '');
  return voice ? `<v ${escapeCueText(voice)}>${text}</v>` : text;
}

/**
 * The transcript as a WebVTT file. Cues go in order of start (stable for equal starts); one with
 * no words is left out; one whose end is not after its start (the spec wants an end greater than
 * the start, to the millisecond) lasts one millisecond, so its words and their place are kept. Times outside the
 * media time rule are written as 0 (`vttTimestamp`).
 */
export function transcriptVtt(transcript: Transcript): string {
  const cues = [...transcript.cues]
    .sort((a, b) => a.start - b.start)
    .filter((cue) => textLines(cue.text).length > 0);
  const blocks = cues.map((cue, i) => {
    const start = ms(cue.start);
    const end = Math.max(ms(cue.end), start + 1);
    return `${i + 1}\n${vttTimestamp(start / 1000)} --> ${vttTimestamp(end / 1000)}\n${payload(cue)}`;
  });
  return `${['WEBVTT', ...blocks].join('\n\n')}\n`;
}

/**
 * The file name to save it under: `transcript-<lang>.vtt`, with the language tag kept to letters,
 * digits and `-` (it came from a page), `transcript.vtt` when none is left.
 */
export function transcriptFileName(transcript: Transcript): string {
  const lang = transcript.lang.replace(/[^A-Za-z0-9-]/g, '').slice(0, 35);
  return lang ? `transcript-${lang}.vtt` : 'transcript.vtt';
}
