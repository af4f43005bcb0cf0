/**
 * Caption lines read off the screen, as a player draws them, turned into cues. YouTube's
 * auto-generated captions roll: a line grows word by word, a second line starts under it, and when
 * that one fills, the first scrolls away and the second moves up. Seen as successive snapshots of
 * the lines on screen, each line appears many times (growing, moved, redrawn): here each spoken
 * line becomes one cue, from when it first showed to when it left, never doubled.
 */
import type { Cue } from '../model';
import { isMediaTime } from '../time';
import { MAX_CUES } from './limits';
import { lineText } from './line-text';
import { sortedCues } from './transcript-merge';

/** The lines on screen followed over time. */
export interface RollingLines {
  /**
   * Takes the lines on screen (top to bottom) at `time` (seconds into the video); no line means
   * captions are hidden or between lines. A time that is not a media time (core/time.ts) is
   * ignored. True when the cues changed.
   */
  see(time: number, lines: readonly string[]): boolean;
  /**
   * Every line seen so far, in order of start, those still on screen included (ending at the last
   * time seen). An unchanged line is the same object from one call to the next.
   */
  cues(): readonly Cue[];
}

/** A line seen before within this many seconds, with the same words, is that line again (a replay after a seek). */
const SAME_LINE_SECONDS = 2;

/** Lines that leave the screen, as cues, from an empty start. */
export function rollingLines(): RollingLines {
  // Finished lines, in order of start; and the lines on screen now, top to bottom.
  const done: Cue[] = [];
  let open: Cue[] = [];
  let lastTime = -1;
  let shown: readonly Cue[] = [];

  const finish = (cue: Cue, end: number) => {
    const line = { start: cue.start, end: Math.max(cue.start, end), text: cue.text };
    const twin = seenBefore(done, line);
    if (twin !== -1) {
      // A replay of a line already held: keep the one with more words, over both spans.
      const held = done[twin]!;
      if (held.text.length >= line.text.length && held.end >= line.end) return;
      done[twin] = { start: Math.min(held.start, line.start), end: Math.max(held.end, line.end), text: longer(held.text, line.text) };
      return;
    }
    if (done.length >= MAX_CUES) return;
    let at = done.length;
    while (at > 0 && done[at - 1]!.start > line.start) at--;
    done.splice(at, 0, line);
  };

  const rebuild = () => {
    // A line on screen that replays one held (after a seek back) shows as the held one.
    const onScreen = open.filter((cue) => seenBefore(done, cue) === -1);
    const next = sortedCues([...done, ...onScreen]);
    const changed = next.length !== shown.length || next.some((cue, i) => cue !== shown[i]);
    if (changed) shown = next;
    return changed;
  };

  return {
    see(time, rawLines) {
      if (!isMediaTime(time)) return false;
      const lines = rawLines.map((line) => lineText(line)).filter((line) => line !== '');
      if (time < lastTime) {
        // A seek back: what was on screen ended where the video left it.
        for (const cue of open) finish(cue, lastTime);
        open = [];
      }
      lastTime = time;
      const from = firstKept(open, lines);
      for (const cue of open.slice(0, from)) finish(cue, time);
      const kept = open.slice(from);
      open = lines.map((text, i) => {
        const before = kept[i];
        if (before && before.text === text) return before.end === time ? before : { ...before, end: time };
        if (before) return { start: before.start, end: time, text };
        return { start: time, end: time, text };
      });
      return rebuild();
    },
    cues: () => shown,
  };
}

/**
 * How many of the lines on screen before have left the top: the least `k` such that the lines
 * from `k` on are the first of those on screen now, each the same or grown by words. All of them
 * (`open.length`) when none carries on.
 */
function firstKept(open: readonly Cue[], lines: readonly string[]): number {
  for (let k = 0; k < open.length; k++) {
    const count = Math.min(lines.length, open.length - k);
    if (count === 0) break;
    let fits = true;
    for (let i = 0; i < count && fits; i++) fits = carriesOn(open[k + i]!.text, lines[i]!);
    if (fits) return k;
  }
  return open.length;
}

/** Whether `now` is the line `before`, maybe with words added after it. */
function carriesOn(before: string, now: string): boolean {
  return now === before || now.startsWith(`${before} `);
}

function longer(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

/**
 * The index of a held line that `line` repeats: one starting within SAME_LINE_SECONDS whose words
 * are the same, or one's words begin the other's (a line cut short by a seek); -1 when none.
 */
function seenBefore(done: readonly Cue[], line: Cue): number {
  // Held lines are in order of start: look only at those near this one's.
  let low = 0;
  let high = done.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (done[mid]!.start < line.start - SAME_LINE_SECONDS) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < done.length && done[i]!.start <= line.start + SAME_LINE_SECONDS; i++) {
    const held = done[i]!.text;
    if (held === line.text || carriesOn(held, line.text) || carriesOn(line.text, held)) return i;
  }
  return -1;
}
