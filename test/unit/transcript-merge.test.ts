import { describe, expect, it } from 'vitest';
import { applyCaptionUpdate, mergeTranscripts, sortedCues } from '../../src/core/captions/transcript-merge';
import { MAX_CUES } from '../../src/core/captions/limits';
import type { Cue, Transcript } from '../../src/core/model';

const cue = (start: number, end: number, text = `at ${start}`): Cue => ({ start, end, text });
const transcript = (cues: Cue[], over: Partial<Transcript> = {}): Transcript => ({
  recordingKey: 'youtube:abc',
  lang: 'en',
  source: 'screen',
  complete: false,
  cues,
  updatedAt: 1,
  ...over,
});

describe('applyCaptionUpdate', () => {
  it('replaces the held cues from the index on', () => {
    const held = [cue(0, 1), cue(1, 2, 'grow'), cue(2, 3)];
    expect(applyCaptionUpdate(held, 1, [cue(1, 2.5, 'growing')]).map((c) => c.text)).toEqual(['at 0', 'growing']);
  });
  it('appends when the index is past what is held', () => {
    expect(applyCaptionUpdate([cue(0, 1)], 5, [cue(9, 10)]).map((c) => c.start)).toEqual([0, 9]);
  });
  it('puts cues out of order in order', () => {
    expect(applyCaptionUpdate([], 0, [cue(5, 6), cue(1, 2), cue(3, 4)]).map((c) => c.start)).toEqual([1, 3, 5]);
  });
});

describe('sortedCues', () => {
  it('keeps at most MAX_CUES, the first ones', () => {
    const many = Array.from({ length: MAX_CUES + 10 }, (_, i) => cue(i, i + 1));
    const kept = sortedCues(many);
    expect(kept).toHaveLength(MAX_CUES);
    expect(kept.at(-1)?.start).toBe(MAX_CUES - 1);
  });
});

describe('mergeTranscripts', () => {
  it('a whole track wins over lines seen, whichever is newer', () => {
    const seen = transcript([cue(0, 1, 'seen')], { updatedAt: 5 });
    const whole = transcript([cue(0, 1, 'track'), cue(1, 2, 'track')], { complete: true, source: 'timedtext', updatedAt: 2 });
    expect(mergeTranscripts(seen, whole).cues.map((c) => c.text)).toEqual(['track', 'track']);
    const kept = mergeTranscripts(whole, seen);
    expect(kept.complete).toBe(true);
    expect(kept.cues.map((c) => c.text)).toEqual(['track', 'track']);
  });

  it('keeps the stretches only the older copy heard, and the newer copy’s lines where both heard', () => {
    const yesterday = transcript([cue(0, 3, 'a'), cue(3, 6, 'b'), cue(100, 103, 'far')], { updatedAt: 1 });
    const today = transcript([cue(2, 4, 'B'), cue(4, 7, 'C')], { updatedAt: 2 });
    expect(mergeTranscripts(yesterday, today).cues.map((c) => c.text)).toEqual(['a', 'B', 'C', 'far']);
  });

  it('never mixes two recordings or two languages', () => {
    const other = transcript([cue(0, 1, 'other')], { recordingKey: 'youtube:xyz' });
    const mine = transcript([cue(5, 6, 'mine')]);
    expect(mergeTranscripts(other, mine)).toBe(mine);
    expect(mergeTranscripts(transcript([cue(0, 1)], { lang: 'de' }), mine)).toBe(mine);
  });

  it('merges two 10,000-cue tracks that do not meet', () => {
    const a = transcript(Array.from({ length: 10_000 }, (_, i) => cue(i * 2, i * 2 + 1)));
    const b = transcript(Array.from({ length: 10_000 }, (_, i) => cue(i * 2 + 20_000, i * 2 + 20_001)));
    expect(mergeTranscripts(a, b).cues).toHaveLength(20_000);
  });
});
