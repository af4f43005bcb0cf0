import type { Note } from './model';

/**
 * Index of the note being played at time `t` in a list sorted by time: the last one at or before
 * `t`. -1 when `t` is before every note.
 */
export function currentNoteIndex(sorted: readonly Pick<Note, 't'>[], t: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Pick<Note, 't'>).t <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Notes longer than this are refused with a message: a pasted book is a mistake, not a note. */
export const MAX_NOTE_LENGTH = 200_000;
