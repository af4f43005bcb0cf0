import { describe, expect, it } from 'vitest';
import { cueIndexAt, soleVoice } from '../../src/core/captions/cue-at';

const cues = [
  { start: 0, end: 4, text: 'a' },
  { start: 4, end: 8, text: 'b', voice: 'Ada' },
  { start: 4, end: 6, text: 'c' },
  { start: 12, end: 14, text: 'd', voice: 'Grace' },
];

describe('cueIndexAt: the line being spoken', () => {
  it('is the last line started at or before the time, through gaps, and none before the first', () => {
    expect(cueIndexAt(cues, -1)).toBe(-1);
    expect(cueIndexAt(cues, 0)).toBe(0);
    expect(cueIndexAt(cues, 3.9)).toBe(0);
    expect(cueIndexAt(cues, 4)).toBe(2);
    expect(cueIndexAt(cues, 10)).toBe(2);
    expect(cueIndexAt(cues, 99)).toBe(3);
    expect(cueIndexAt([], 5)).toBe(-1);
  });
});

describe('soleVoice', () => {
  it('is the one voice the lines name, else none', () => {
    expect(soleVoice(cues.slice(0, 3))).toBe('Ada');
    expect(soleVoice(cues)).toBeUndefined();
    expect(soleVoice([cues[0]!])).toBeUndefined();
  });
});
