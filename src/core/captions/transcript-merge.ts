/**
 * How caption lines come together into one transcript (core/model.ts `Transcript`): the lines a
 * player sends in pieces, and what is heard now over what was stored before. One rule for the
 * panel, the import of a backup and sync.
 */
import type { Cue, Transcript } from '../model';
import { MAX_CUES } from './limits';

/**
 * The cues held of a track after a `captions` message: those before index `from` stay, the rest
 * are `cues`. A `from` past the end (a message lost, or sent before the panel listened) keeps
 * what is held and appends, never leaving a gap filled with nothing.
 */
export function applyCaptionUpdate(held: readonly Cue[], from: number, cues: readonly Cue[]): Cue[] {
  return sortedCues([...held.slice(0, Math.min(from, held.length)), ...cues]);
}

/** Cues in order of start (then end), at most MAX_CUES (the first ones kept). Stable. */
export function sortedCues(cues: readonly Cue[]): Cue[] {
  const ordered = isSorted(cues) ? [...cues] : [...cues].sort((a, b) => a.start - b.start || a.end - b.end);
  return ordered.length > MAX_CUES ? ordered.slice(0, MAX_CUES) : ordered;
}

function isSorted(cues: readonly Cue[]): boolean {
  for (let i = 1; i < cues.length; i++) {
    const before = cues[i - 1]!;
    const cue = cues[i]!;
    if (cue.start < before.start || (cue.start === before.start && cue.end < before.end)) return false;
  }
  return true;
}

/**
 * One transcript from two copies of the same recording and language (`a` may be absent): what the
 * panel hears over what is stored, a backup's copy over the library's, another device's over
 * ours. A whole track (`complete`) wins over lines seen; between two of a kind, the newer copy's
 * lines (later `updatedAt`; `b` on a tie) win where the two cover the same stretch of time, and
 * each keeps the lines of the stretches only it covers: lines seen yesterday up to 20:00 and today
 * from 15:00 give one transcript to the end of today's. Two copies of another recording or
 * language are not merged: `b` is returned. O((n + m) log m) in the two lengths.
 */
export function mergeTranscripts(a: Transcript | undefined, b: Transcript): Transcript {
  if (!a || a.recordingKey !== b.recordingKey || a.lang !== b.lang) return b;
  const [older, newer] = a.updatedAt > b.updatedAt ? [b, a] : [a, b];
  if (newer.complete !== older.complete) return newer.complete ? newer : older;
  const covered = coverage(newer.cues);
  const kept = older.cues.filter((cue) => !covered(cue));
  return {
    ...newer,
    ...(newer.label === undefined && older.label !== undefined ? { label: older.label } : {}),
    cues: mergeInOrder(kept, newer.cues),
  };
}

/**
 * Whether a cue's middle falls inside the time `cues` cover (the spans where one cue meets the
 * next within a few seconds, as speech does). Each question is a binary search over the spans.
 */
function coverage(cues: readonly Cue[]): (cue: Cue) => boolean {
  const spans: [number, number][] = [];
  for (const cue of cues) {
    const last = spans[spans.length - 1];
    if (last && cue.start <= last[1] + JOIN_GAP_SECONDS) last[1] = Math.max(last[1], cue.end);
    else spans.push([cue.start, cue.end]);
  }
  return (cue) => {
    const middle = (cue.start + cue.end) / 2;
    // The first span ending at or after the middle: spans are disjoint and in order.
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid]![1] < middle) low = mid + 1;
      else high = mid;
    }
    const span = spans[low];
    return span !== undefined && span[0] <= middle;
  };
}

/** Silence shorter than this (seconds) between two lines heard is still one stretch heard. */
const JOIN_GAP_SECONDS = 5;

function mergeInOrder(a: readonly Cue[], b: readonly Cue[]): Cue[] {
  const out: Cue[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x!);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out.length > MAX_CUES ? out.slice(0, MAX_CUES) : out;
}
