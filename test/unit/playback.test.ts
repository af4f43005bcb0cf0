import { describe, expect, it } from 'vitest';
import { noteTime, timeAt, type PlaybackState } from '../../src/core/playback';

const AT = 1_000_000;
const state = (changes: Partial<PlaybackState>): PlaybackState => ({
  t: 10,
  paused: false,
  rate: 1,
  duration: 100,
  at: AT,
  ad: false,
  ...changes,
});

describe('timeAt', () => {
  it('does not move while paused', () => {
    expect(timeAt(state({ paused: true }), AT + 5000)).toBe(10);
  });

  it('moves with the wall clock at rate 1', () => {
    expect(timeAt(state({}), AT)).toBe(10);
    expect(timeAt(state({}), AT + 2500)).toBe(12.5);
  });

  it('moves twice as fast at rate 2', () => {
    expect(timeAt(state({ rate: 2 }), AT + 3000)).toBe(16);
  });

  it('stops at the duration', () => {
    expect(timeAt(state({ duration: 11 }), AT + 5000)).toBe(11);
  });

  it('does not clamp when the duration is unknown', () => {
    expect(timeAt(state({ duration: null }), AT + 500_000)).toBe(510);
    expect(timeAt(state({ duration: NaN }), AT + 500_000)).toBe(510);
  });

  it('does not go back when the clock is behind the state', () => {
    expect(timeAt(state({}), AT - 5000)).toBe(10);
  });

  it('is null while an ad plays in place of the recording', () => {
    expect(timeAt(state({ ad: true }), AT + 1000)).toBeNull();
    expect(timeAt(state({ ad: true, paused: true }), AT)).toBeNull();
  });

  it.each([null, NaN, Infinity])('is null when the video time is %s', (t) => {
    expect(timeAt(state({ t }), AT + 1000)).toBeNull();
    expect(timeAt(state({ t, paused: true }), AT + 1000)).toBeNull();
  });
});

describe('noteTime', () => {
  it('subtracts the lead-in', () => {
    expect(noteTime(10, 2)).toBe(8);
    expect(noteTime(10, 0)).toBe(10);
  });

  it('never goes below 0', () => {
    expect(noteTime(1, 2)).toBe(0);
    expect(noteTime(0, 30)).toBe(0);
  });
});
