import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentStartTime, mediaFragment, parseMediaFragmentTime } from '../../src/core/media-fragment';
import { MAX_MEDIA_SECONDS } from '../../src/core/time';

// W3C Media Fragments test strings; sources in test/data/README.md.
const DATA = path.resolve(import.meta.dirname, '../data/media-fragments.json');

interface UaCase {
  id: string;
  fragment: string;
  ua_valid: boolean;
  ua_expected_start: number | 'duration' | null;
  ua_expected_end: number | 'duration' | null;
  collector_parsed_start_s?: number;
  collector_parsed_end_s?: number | null;
}
interface Expected {
  fragment: string;
  start_s: number;
  end_s: number | null;
}
interface Rejection {
  fragment: string;
  result: string;
}
interface MediaFragmentData {
  ua_test_cases: UaCase[];
  spec_examples: Expected[];
  spec_parser_rejections: Rejection[];
  collector_derived: Expected[];
}

const data = JSON.parse(fs.readFileSync(DATA, 'utf8')) as MediaFragmentData;

/**
 * UA test rows whose expectation depends on the test clip (counting.ogv, about 9.97 s long). We parse
 * without the media, so we return the times as written (the collector's reading of the ABNF); the
 * player clamps them when it knows the duration.
 */
const DIFFERS_FROM_UA: Record<string, string> = {
  TC0004: 'end 9.97 is the clip duration, so the harness expects "no end" (null); we return end 9.97',
  TC0006: 'end 15 lies past the 9.97 s clip; the UA clamps it to the duration (null); we return end 15',
  TC0009: 'start 15 lies past the clip; the UA seeks to its end and calls the fragment invalid; we return 15,20',
  TC0014: 'start 15 lies past the clip; the UA seeks to its end and calls the fragment invalid; we return 15',
  TC0017: 'end 15 lies past the clip; the UA reports end = "duration"; we return end 15',
};

describe('parseMediaFragmentTime: W3C UA test cases', () => {
  it('lists only rows that exist', () => {
    const ids = new Set(data.ua_test_cases.map((row) => row.id));
    expect(Object.keys(DIFFERS_FROM_UA).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(data.ua_test_cases)('$id #$fragment', (row) => {
    const parsed = parseMediaFragmentTime(row.fragment);
    const reason = DIFFERS_FROM_UA[row.id];
    if (reason !== undefined) {
      // Deliberately different from the UA: assert the clip-independent reading instead.
      expect(row.collector_parsed_start_s, reason).toBeTypeOf('number');
      expect(parsed, reason).toEqual({ start: row.collector_parsed_start_s, end: row.collector_parsed_end_s });
      return;
    }
    if (!row.ua_valid) {
      expect(parsed).toBeNull();
      return;
    }
    // The harness writes "starts at 0" as a null start.
    expect(parsed).toEqual({ start: row.ua_expected_start ?? 0, end: row.ua_expected_end });
  });
});

describe('parseMediaFragmentTime: spec examples (section 4.2.1)', () => {
  it.each(data.spec_examples)('#$fragment', (row) => {
    expect(parseMediaFragmentTime(row.fragment)).toEqual({ start: row.start_s, end: row.end_s });
  });
});

describe('parseMediaFragmentTime: rejected by the reference parser', () => {
  // Agrees with every row; the SMPTE row is valid in the spec but, like that parser, we read NPT only.
  it.each(data.spec_parser_rejections)('#$fragment → null', (row) => {
    expect(parseMediaFragmentTime(row.fragment)).toBeNull();
  });
});

describe('parseMediaFragmentTime: collector-derived rows', () => {
  it.each(data.collector_derived)('#$fragment', (row) => {
    expect(parseMediaFragmentTime(row.fragment)).toEqual({ start: row.start_s, end: row.end_s });
  });
});

describe('parseMediaFragmentTime: input is a whole fragment', () => {
  it('accepts a leading "#"', () => {
    expect(parseMediaFragmentTime('#t=10,20')).toEqual({ start: 10, end: 20 });
  });

  it.each(['10', '10,20', 'npt:10', ''])('a bare value %j is not a fragment → null', (value) => {
    expect(parseMediaFragmentTime(value)).toBeNull();
  });

  it.each([
    ['t=' + '9'.repeat(400), 'a time too large to be finite'],
    ['t=smpte:00:00:01', 'SMPTE (unsupported)'],
    ['t=clock:2011-10-01T10:00:00Z', 'wall-clock time (unsupported)'],
    ['t=%E0%A4%A', 'broken percent-encoding'],
    ['t=1:2:3', 'one-digit minutes and seconds'],
    ['t=,0', 'end 0 is not after the implied start 0'],
    ['t=1000000000000000000000', 'a start past the media time rule (100 hours)'],
    ['t=360000.5', 'just past 100 hours'],
    ['t=10,1000000000000000000000', 'an end past the media time rule'],
  ])('%s → null (%s)', (fragment) => {
    expect(parseMediaFragmentTime(fragment)).toBeNull();
  });

  it('keeps fractions', () => {
    expect(parseMediaFragmentTime('t=1:02:03.25,3723.5')).toEqual({ start: 3723.25, end: 3723.5 });
  });
});

describe('fragmentStartTime', () => {
  it.each([
    ['#t=30', 30],
    ['#foo=1&t=30', 30],
    ['#t=30&foo=1', 30],
    ['t=30', 30],
    ['#t=,20', 0],
    ['#t=12.5,20', 12.5],
    ['#t=npt:0:12:34', 754],
    ['#t=30s', null], // YouTube style, not a media fragment
    ['#t=10,5', null],
    ['#t=1000000000000000000000', null], // past the media time rule: no seek
    ['#t=360000', 360_000],
    ['#chapter-2', null],
    ['#', null],
    ['', null],
  ])('%j → %s', (hash, expected) => {
    expect(fragmentStartTime(hash)).toBe(expected);
  });
});

describe('mediaFragment', () => {
  it.each([
    [[754], 't=754'],
    [[754, 790], 't=754,790'],
    [[0], 't=0'],
    [[-0], 't=0'],
    [[12.5], 't=12.5'],
    [[0.1 + 0.2], 't=0.3'],
    [[1 / 3, 2 / 3], 't=0.333,0.667'],
    [[754.1004], 't=754.1'],
    [[0, 0.001], 't=0,0.001'],
  ] as [[number, number?], string][])('%j → %s', ([start, end], expected) => {
    expect(mediaFragment(start, end)).toBe(expected);
  });

  it.each([
    [[-1]],
    [[NaN]],
    [[Infinity]],
    [[1e21]],
    [[MAX_MEDIA_SECONDS + 0.5]], // past the media time rule (100 hours)
    [[0, MAX_MEDIA_SECONDS + 1]],
    [[10, 10]],
    [[10, 5]],
    [[1, 1.0001]], // the same millisecond once rounded
    [[1, NaN]],
  ] as [[number, number?]][])('%j throws RangeError', ([start, end]) => {
    expect(() => mediaFragment(start, end)).toThrow(RangeError);
  });

  it('round-trips whole milliseconds exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 180_000_000 }), fc.integer({ min: 1, max: 180_000_000 }), (startMs, lengthMs) => {
        const start = startMs / 1000;
        const end = (startMs + lengthMs) / 1000;
        expect(parseMediaFragmentTime(mediaFragment(start, end))).toEqual({ start, end });
        expect(parseMediaFragmentTime(mediaFragment(start))).toEqual({ start, end: null });
      }),
    );
  });

  it('round-trips any time to the millisecond', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: MAX_MEDIA_SECONDS, noNaN: true }), (seconds) => {
        const parsed = parseMediaFragmentTime(mediaFragment(seconds));
        expect(parsed?.start).toBe(Number(seconds.toFixed(3)));
        expect(Math.abs((parsed?.start ?? NaN) - seconds)).toBeLessThanOrEqual(0.0005 + 1e-9 * seconds);
      }),
    );
  });

  it('never writes an exponent, a trailing zero or a trailing dot', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: MAX_MEDIA_SECONDS, noNaN: true }), (seconds) => {
        expect(mediaFragment(seconds)).toMatch(/^t=(?:0|[1-9]\d*)(?:\.\d{0,2}[1-9])?$/);
      }),
    );
  });
});
