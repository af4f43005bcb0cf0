/**
 * How much caption data is taken in, from a page or a backup. Everything caption-shaped crosses a
 * trust boundary (a page's player, a file), so each limit is checked where it enters, and text past
 * a limit is cut (core/shorten.ts) rather than refused: one odd cue must not cost the rest.
 */

/**
 * Whether `text` has at most `max` code points: the unit these limits count in, as
 * core/shorten.ts cuts (a string's `length` counts UTF-16 units, twice as many for an emoji).
 */
export function withinChars(text: string, max: number): boolean {
  if (text.length <= max) return true;
  if (text.length > 2 * max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/** Cues a transcript holds: a 10-hour stream of short auto-generated lines fits. */
export const MAX_CUES = 20_000;
/** Characters of one cue's text after its markup is gone; a line on screen is under 100. */
export const MAX_CUE_CHARS = 2_000;
/** Characters of a quote kept with a note (about two minutes of speech). */
export const MAX_QUOTE_CHARS = 4_000;
/** Characters of a language tag or a voice name or a track label. */
export const MAX_NAME_CHARS = 100;
/** Bytes of one caption response read from a player (YouTube's JSON3 of a 10-hour track is ~5 MB). */
export const MAX_CAPTION_RESPONSE_BYTES = 8_000_000;
/** Cues in one `captions` message to the panel: a whole track goes in a few messages. */
export const MAX_CUES_PER_MESSAGE = 5_000;

/** The quote window's bounds, seconds before the note's time (a setting). */
export const MIN_QUOTE_WINDOW_SECONDS = 2;
export const MAX_QUOTE_WINDOW_SECONDS = 60;
export const DEFAULT_QUOTE_WINDOW_SECONDS = 10;
