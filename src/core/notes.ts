import type { Note } from './model';

/** Notes in the order the panel shows them: by time, then by when they were written. */
export function byTime(a: Note, b: Note): number {
  return a.t - b.t || a.createdAt - b.createdAt;
}

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

/**
 * A random (version 4) UUID. Not `crypto.randomUUID`: it exists only in secure contexts, and the
 * panel is not one when it sits in a plain-http page a user enabled (a frame is secure only if
 * every page around it is). `getRandomValues` works everywhere.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
