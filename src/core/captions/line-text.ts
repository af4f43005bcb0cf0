/**
 * The one rule for a caption line's text taken from a player (a timedtext response, a line drawn on
 * screen): whitespace (line breaks of a two-line caption included) becomes single spaces, the ends
 * are trimmed, and the result is cut (core/shorten.ts) to MAX_CUE_CHARS. Text stays text: nothing
 * here reads markup, so `<b>` in a line is three characters of it.
 */
import { shorten } from '../shorten';
import { MAX_CUE_CHARS } from './limits';

// A line of 8 MB costs no more than one of 2 kB: only a head of it is looked at (a run of spaces
// longer than this in a caption line is no line anyone spoke).
const HEAD_CHARS = MAX_CUE_CHARS * 4;

/**
 * `raw` as a cue's text (or, with `max` MAX_NAME_CHARS, as a voice or a track's label): spaces
 * collapsed, trimmed, at most `max` code points.
 */
export function lineText(raw: string, max = MAX_CUE_CHARS): string {
  const head = raw.length > HEAD_CHARS ? raw.slice(0, HEAD_CHARS) : raw;
  return shorten(head.replace(/\s+/gu, ' ').trim(), max, { atWord: true });
}
