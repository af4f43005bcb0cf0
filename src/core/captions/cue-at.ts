import type { Cue } from '../model';

/**
 * The index of the line being spoken at `t` seconds in `cues` (in order of start): the last one
 * that started at or before `t`; -1 before the first. A binary search: O(log n).
 */
export function cueIndexAt(cues: readonly Pick<Cue, 'start'>[], t: number): number {
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cues[mid]!.start <= t) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The one voice the given lines name, when they name exactly one; else undefined. */
export function soleVoice(cues: readonly Cue[]): string | undefined {
  const voices = new Set(cues.flatMap((cue) => (cue.voice ? [cue.voice] : [])));
  return voices.size === 1 ? [...voices][0] : undefined;
}
