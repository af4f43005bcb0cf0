import { describe, expect, it } from 'vitest';
import { rollingLines } from '../../src/core/captions/rolling-lines';
import { MAX_CUE_CHARS } from '../../src/core/captions/limits';

type Snapshot = [time: number, lines: string[]];
const run = (snapshots: Snapshot[]) => {
  const rolling = rollingLines();
  for (const [time, lines] of snapshots) rolling.see(time, lines);
  return rolling.cues().map(({ start, end, text }) => [start, end, text]);
};

// Auto-generated captions as YouTube draws them: words arrive one by one on the bottom line; when
// it is full, a new line starts under it; when that one is full the top one scrolls away.
const ASR_ROLL: Snapshot[] = [
  [1.0, ['welcome']],
  [1.3, ['welcome everyone']],
  [1.6, ['welcome everyone to']],
  [2.0, ['welcome everyone to', 'the']],
  [2.4, ['welcome everyone to', 'the forms']],
  [2.4, ['welcome everyone to', 'the forms']], // the same lines redrawn
  [2.9, ['welcome everyone to', 'the forms session']],
  [3.3, ['the forms session', 'today']], // line 2 moves up to line 1
  [3.7, ['the forms session', 'today we start']],
  [4.2, ['today we start', 'with labels']],
];

describe('rollingLines', () => {
  it('makes one cue per spoken line of rolling captions, never doubled', () => {
    expect(run(ASR_ROLL)).toEqual([
      [1.0, 3.3, 'welcome everyone to'],
      [2.0, 4.2, 'the forms session'],
      [3.3, 4.2, 'today we start'],
      [4.2, 4.2, 'with labels'],
    ]);
  });

  it('ends the lines on screen when captions are turned off, and starts afresh when they come back', () => {
    expect(
      run([
        [1, ['first line']],
        [2, ['first line', 'second']],
        [3, []],
        [8, ['much later']],
      ]),
    ).toEqual([
      [1, 3, 'first line'],
      [2, 3, 'second'],
      [8, 8, 'much later'],
    ]);
  });

  it('takes pop-on captions, where each line replaces the one before, as they come', () => {
    expect(
      run([
        [0, ['Hello and welcome.']],
        [2, ['Today: accessible forms.']],
        [4, ['Labels first,', 'then errors.']],
        [6, ['Questions at the end.']],
      ]),
    ).toEqual([
      [0, 2, 'Hello and welcome.'],
      [2, 4, 'Today: accessible forms.'],
      [4, 6, 'Labels first,'],
      [4, 6, 'then errors.'],
      [6, 6, 'Questions at the end.'],
    ]);
  });

  it('does not double lines played again after a seek backwards', () => {
    const replay: Snapshot[] = [
      ...ASR_ROLL,
      [5.0, []],
      [1.0, ['welcome']], // the user went back to 1 s
      [1.3, ['welcome everyone']],
      [1.6, ['welcome everyone to']],
      [2.0, ['welcome everyone to', 'the']],
      [2.9, ['welcome everyone to', 'the forms session']],
      [3.3, ['the forms session', 'today']],
    ];
    const texts = run(replay).map(([, , text]) => text);
    expect(texts).toEqual(['welcome everyone to', 'the forms session', 'today we start', 'with labels']);
  });

  it('keeps a line that did not change as the same cue object, so only changes are sent on', () => {
    const rolling = rollingLines();
    expect(rolling.see(1, ['so'])).toBe(true);
    const first = rolling.cues()[0];
    expect(rolling.see(1, ['so'])).toBe(false);
    expect(rolling.cues()[0]).toBe(first);
    expect(rolling.see(1.5, ['so we'])).toBe(true);
    expect(rolling.see(2, ['so we', 'begin'])).toBe(true);
    expect(rolling.see(2.5, ['begin', 'now'])).toBe(true);
    const [gone] = rolling.cues();
    expect(gone).toEqual({ start: 1, end: 2.5, text: 'so we' });
    rolling.see(3, ['begin', 'now here']);
    rolling.see(3.5, ['now here', 'and there']);
    expect(rolling.cues()[0]).toBe(gone);
  });

  it('reads lines as text: spaces collapsed, markup kept as characters, huge lines cut, bad times ignored', () => {
    const rolling = rollingLines();
    rolling.see(1, ['  <img src=x onerror=alert(1)>\n  hi ', '', 'x'.repeat(100_000)]);
    expect(rolling.see(Number.NaN, ['ignored'])).toBe(false);
    expect(rolling.see(-1, ['ignored'])).toBe(false);
    const cues = rolling.cues();
    expect(cues.map((c) => c.text.length)).toEqual([31, MAX_CUE_CHARS]);
    expect(cues[0]!.text).toBe('<img src=x onerror=alert(1)> hi');
  });
});
