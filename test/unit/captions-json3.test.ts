import { describe, expect, it } from 'vitest';
import { parseJson3, timedtextRequest } from '../../src/core/captions/json3';
import { MAX_CAPTION_RESPONSE_BYTES, MAX_CUE_CHARS, MAX_CUES } from '../../src/core/captions/limits';
import { MAX_MEDIA_SECONDS } from '../../src/core/time';

const ORIGIN = 'https://www.youtube.com';
const cuesOf = (body: unknown) => {
  const reading = parseJson3(JSON.stringify(body));
  if (!reading.ok) throw new Error(reading.message);
  return reading.cues.map(({ start, end, text }) => [start, end, text]);
};

// Shaped like an auto-generated (asr) track's JSON3: a window definition first, each line's words
// as segs with offsets, then "\n" appended to the window (events of our own writing).
const ASR = {
  wireMagic: 'pb3',
  pens: [{}],
  wsWinStyles: [{}, { mhModeHint: 2, juJustifCode: 0, sdScrollDir: 3 }],
  wpWinPositions: [{}, { apPoint: 6, ahHorPos: 20, avVerPos: 100, rcRows: 2, ccCols: 40 }],
  events: [
    { tStartMs: 0, dDurationMs: 62000, id: 1, wpWinPosId: 1, wsWinStyleId: 1 },
    { tStartMs: 1200, dDurationMs: 4100, wWinId: 1, segs: [{ utf8: 'welcome', acAsrConf: 0 }, { utf8: ' everyone', tOffsetMs: 400 }, { utf8: ' to', tOffsetMs: 800 }] },
    { tStartMs: 3100, dDurationMs: 2200, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] },
    { tStartMs: 3110, dDurationMs: 4000, wWinId: 1, segs: [{ utf8: 'the' }, { utf8: ' forms', tOffsetMs: 300 }, { utf8: ' session', tOffsetMs: 700 }] },
    { tStartMs: 5300, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] },
  ],
};

describe('parseJson3', () => {
  it('gives one cue per line of an auto-generated track, with no cue for line breaks or window definitions', () => {
    expect(cuesOf(ASR)).toEqual([
      [1.2, 5.3, 'welcome everyone to'],
      [3.11, 7.11, 'the forms session'],
    ]);
  });

  it('joins a line split by "\\n" with a space, and keeps markup-looking text as text', () => {
    expect(cuesOf({ events: [{ tStartMs: 0, dDurationMs: 1000, segs: [{ utf8: 'first line\nsecond <b>line</b> &amp;' }] }] })).toEqual([
      [0, 1, 'first line second <b>line</b> &amp;'],
    ]);
  });

  it('sorts events out of order and keeps overlapping ones', () => {
    const events = [
      { tStartMs: 5000, dDurationMs: 2000, segs: [{ utf8: 'later' }] },
      { tStartMs: 1000, dDurationMs: 6000, segs: [{ utf8: 'earlier and long' }] },
      { tStartMs: 1000, dDurationMs: 1000, segs: [{ utf8: 'same start, shorter' }] },
    ];
    expect(cuesOf({ events })).toEqual([
      [1, 2, 'same start, shorter'],
      [1, 7, 'earlier and long'],
      [5, 7, 'later'],
    ]);
  });

  it('leaves out events with empty text or bad times, not the whole track', () => {
    const events = [
      { tStartMs: 0, dDurationMs: 1000, segs: [] },
      { tStartMs: 0, dDurationMs: 1000, segs: [{ utf8: '   ' }, { utf8: 42 }, null, { text: 'x' }] },
      { tStartMs: 'soon', dDurationMs: 1000, segs: [{ utf8: 'a string time' }] },
      { tStartMs: -1, dDurationMs: 1000, segs: [{ utf8: 'before the start' }] },
      { tStartMs: 1e300, dDurationMs: 1000, segs: [{ utf8: 'far too late' }] },
      { tStartMs: MAX_MEDIA_SECONDS * 1000, dDurationMs: 1, segs: [{ utf8: 'ends past the last time' }] },
      { tStartMs: 1000, dDurationMs: -5, segs: [{ utf8: 'negative length' }] },
      { tStartMs: 2000, segs: [{ utf8: 'no duration' }] },
      'not an event',
      { tStartMs: 3000, dDurationMs: 500, segs: [{ utf8: 'kept' }] },
    ];
    expect(cuesOf({ events })).toEqual([
      [2, 2, 'no duration'],
      [3, 3.5, 'kept'],
    ]);
  });

  it('cuts a huge line to MAX_CUE_CHARS', () => {
    const huge = 'word '.repeat(750_000); // 3.75 MB a seg, two segs: near the size limit
    const [cue] = cuesOf({ events: [{ tStartMs: 0, dDurationMs: 1000, segs: [{ utf8: huge }, { utf8: huge }] }] });
    expect(Array.from(cue![2] as string).length).toBeLessThanOrEqual(MAX_CUE_CHARS);
    expect(cue![2]).toMatch(/^word word .*…$/);
  });

  it('keeps at most MAX_CUES cues', () => {
    const events = Array.from({ length: MAX_CUES + 10 }, (_, i) => ({ tStartMs: i * 10, dDurationMs: 10, segs: [{ utf8: `l${i}` }] }));
    expect(cuesOf({ events })).toHaveLength(MAX_CUES);
  });

  it('refuses what is not a JSON3 body, with a message', () => {
    expect(parseJson3('<transcript><text start="0">xml</text></transcript>')).toEqual({ ok: false, message: 'The caption response is not JSON.' });
    expect(parseJson3('{"events": {"0": {}}}')).toEqual({ ok: false, message: 'The caption response has no list of events.' });
    expect(parseJson3('[]')).toEqual({ ok: false, message: 'The caption response has no list of events.' });
    expect(parseJson3(' '.repeat(MAX_CAPTION_RESPONSE_BYTES + 1))).toEqual({ ok: false, message: 'The caption response is too large to read.' });
  });
});

describe('timedtextRequest', () => {
  it('reads the video id and language of a same-origin caption request', () => {
    expect(timedtextRequest('/api/timedtext?v=Wb1nQ9rLk2A&lang=en&fmt=json3', ORIGIN)).toEqual({ videoId: 'Wb1nQ9rLk2A', lang: 'en' });
    expect(timedtextRequest(`${ORIGIN}/api/timedtext?v=Wb1nQ9rLk2A&lang=en&kind=asr&fmt=json3`, ORIGIN)).toEqual({
      videoId: 'Wb1nQ9rLk2A',
      lang: 'en',
      label: 'en (auto-generated)',
    });
    expect(timedtextRequest('/api/timedtext?v=Wb1nQ9rLk2A&lang=en&tlang=pt-BR&fmt=json3', ORIGIN)).toEqual({
      videoId: 'Wb1nQ9rLk2A',
      lang: 'pt-BR',
      label: 'translated from en',
    });
    expect(timedtextRequest('/api/timedtext?v=Wb1nQ9rLk2A&lang=de&name=Deutsch%20%3Cb%3E', ORIGIN)).toEqual({
      videoId: 'Wb1nQ9rLk2A',
      lang: 'de',
      label: 'Deutsch <b>',
    });
  });

  it('refuses other origins, other paths, and bad ids or languages', () => {
    for (const url of [
      'https://evil.example/api/timedtext?v=Wb1nQ9rLk2A&lang=en',
      'https://m.youtube.com/api/timedtext?v=Wb1nQ9rLk2A&lang=en',
      '/api/timedtext/x?v=Wb1nQ9rLk2A&lang=en',
      '/api/timedtextx?v=Wb1nQ9rLk2A&lang=en',
      '/api/timedtext?lang=en',
      '/api/timedtext?v=short&lang=en',
      '/api/timedtext?v=Wb1nQ9rLk2A',
      '/api/timedtext?v=Wb1nQ9rLk2A&lang=<script>',
      `/api/timedtext?v=Wb1nQ9rLk2A&lang=${'a-'.repeat(60)}b`,
      'http://[bad',
    ]) {
      expect(timedtextRequest(url, ORIGIN), url).toBeNull();
    }
  });
});
