import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTime, isMediaTime, isTimestamp, MAX_MEDIA_SECONDS, MAX_TIMESTAMP, parseTime, readMediaTime, spanProblem } from '../../src/core/time';

describe('formatTime', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [59.999, '0:59'],
    [60, '1:00'],
    [754, '12:34'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [36_000 + 61, '10:01:01'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatTime(seconds)).toBe(expected);
  });

  it.each([NaN, -1, -0.5, Infinity, -Infinity, 1e21, 360_001])('%s → 0:00', (seconds) => {
    expect(formatTime(seconds)).toBe('0:00');
  });
});

describe('parseTime', () => {
  it.each([
    ['1:02:03', 3723],
    ['2:03', 123],
    ['0:05', 5],
    ['75', 75],
    ['75.5', 75.5],
    ['1:02:03.5', 3723.5],
    ['1h2m3s', 3723],
    ['1H2M3S', 3723],
    ['1.5h', 5400],
    ['2m', 120],
    ['90s', 90],
    ['1h', 3600],
    ['  2:03  ', 123],
  ])('%j → %s', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '1:75', '1:60:00', '-3', '-1:00', '1:2:3:4', 'h', '1x', '.5', '5.', '1:', ':30', '2s1m'])(
    'rejects %j',
    (input) => {
      expect(parseTime(input)).toBeNull();
    },
  );

  it('reads back what formatTime writes, for whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_MEDIA_SECONDS }), (seconds) => parseTime(formatTime(seconds)) === seconds),
    );
  });
});

describe('the media time rule (issue 11, item 8)', () => {
  it.each([0, 0.001, 754.5, 359_999.999, 360_000])('%s s is a media time', (seconds) => {
    expect(isMediaTime(seconds)).toBe(true);
  });

  it.each([-0.001, -1, 360_000.001, 1e21, NaN, Infinity, -Infinity, '12', null, undefined])('%s is not', (value) => {
    expect(isMediaTime(value)).toBe(false);
  });

  it('is at most 100 hours', () => {
    expect(MAX_MEDIA_SECONDS).toBe(100 * 3600);
  });

  it.each(['1000000000000000000000', '100:00:01', '360001', '101h', '9'.repeat(400)])('a typed %j is refused with a message that says the limit', (input) => {
    expect(readMediaTime(input)).toEqual({ ok: false, message: 'A time can be at most 100:00:00 (100 hours).' });
    expect(parseTime(input)).toBeNull();
  });

  it.each(['abc', '', '1:75', '-3'])('a typed %j that is no time says how to write one', (input) => {
    expect(readMediaTime(input)).toEqual({ ok: false, message: 'Write the time as h:mm:ss, m:ss or seconds, e.g. 1:02:03 or 75.' });
  });

  it.each([['100:00:00', 360_000], ['1:02:03', 3723], ['100h', 360_000]])('a typed %j is %s s', (input, seconds) => {
    expect(readMediaTime(input)).toEqual({ ok: true, seconds });
  });
});

describe('the date rule', () => {
  it.each([0, Date.UTC(2026, 10, 12), MAX_TIMESTAMP])('%s ms is a date, and toISOString writes it with a four-digit year', (ms) => {
    expect(isTimestamp(ms)).toBe(true);
    expect(new Date(ms).toISOString()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it.each([-1, MAX_TIMESTAMP + 1, 1e17, 8.64e15 + 1, NaN, Infinity, '0', null])('%s is not', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });
});

describe('spanProblem', () => {
  it.each([
    [undefined, undefined],
    [10, undefined],
    [10, 10.5],
    [0, 360_000],
  ])('%s–%s is a span', (start, end) => {
    expect(spanProblem(start, end)).toBeNull();
  });

  it.each([
    [30, 20, 'its end (0:20) is not after its start (0:30)'],
    [30, 30, 'its end (0:30) is not after its start (0:30)'],
    [undefined, 20, 'it has an end but no start'],
    [1e21, undefined, 'its start must be a time in seconds from 0 to 360,000 (100 hours)'],
    [10, 1e21, 'its end must be a time in seconds from 0 to 360,000 (100 hours)'],
  ])('%s–%s: %s', (start, end, problem) => {
    expect(spanProblem(start, end)).toBe(problem);
  });
});

// ─── The shared corpus of time strings from other projects ─────────────────────────────────────

interface Row {
  input: unknown;
  expected_seconds: number | null;
}

const corpus = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../data/time-strings.json'), 'utf8'),
) as Record<string, Row[]>;

/** Where our parser, made for times a person types into the editor, parts from the source. */
interface Difference {
  reason: string;
  /** What parseTime returns for every input of the list. */
  ours: number | null;
  inputs: string[];
}

interface GroupExpectation {
  /** Rows where parseTime returns exactly the source's expected_seconds. */
  agree: string[];
  /** Rows whose input is not a string: parseTime's type takes only the editor's text. */
  notStrings: unknown[];
  differ: Record<string, Difference>;
}

const SPELLED_OUT_UNITS: Difference = {
  reason: 'only the compact letters h, m and s with no spaces; words and spaced forms are rejected',
  ours: null,
  inputs: [
    '3h 11m 53s',
    '3 hours 11 minutes 53 seconds',
    '3 hours 11 mins 53 secs',
    '3 hours, 11 minutes, 53 seconds',
    '3 hours, 11 mins, 53 secs',
    '5 s',
    '3 min',
    '2.5 hours',
    '1 hour 3 minutes',
    '87 Min.',
    '1HR 3MIN',
    '2hrs 3mins',
  ],
};

const EXPECTED: Record<string, GroupExpectation> = {
  jsVideoUrlParser_getTime: {
    agree: ['1h', '1m', '1s', '1', '01:00:00', '01:00', '0:01', '00:01', '100', '4m30s', '04:30', '04m30s', '1h30m25s', '1:30:25'],
    notStrings: [null],
    differ: {
      junkIsNullNotZero: {
        reason: 'junk gives null, not 0, so the editor can say the time is not understood',
        ours: null,
        inputs: ['asd'],
      },
      noWeeksOrDays: {
        reason: 'a webinar lasts hours: no w/d units and no clock fields above hours',
        ours: null,
        inputs: ['1w', '1d', '01:00:00:00:00', '01:00:00:00', '1w1d1h1m1s', '01:01:01:01:01', '30w1m', '30:00:00:01:00'],
      },
      bareTrailingNumber: {
        reason: 'in the unit form every number carries its unit',
        ours: null,
        inputs: ['04m30', '1h30m25'],
      },
      repeatedUnits: {
        reason: 'each unit at most once, in h-m-s order',
        ours: null,
        inputs: ['1h30m25s25s', '1h30m25s25', '1h30m25s25s1h1w'],
      },
    },
  },
  ytdlp_parse_duration: {
    agree: [
      'invalid', '1', '9:12:43', '12:00', '00:01:01', 'x:y', '3h11m53s', '62m45s', '6m59s', '49s',
      '0h0m0s', '0m0s', '0s', '01:02:03.05', '02:03:04', '1337:12',
    ],
    notStrings: [null, false],
    differ: {
      spelledOutUnits: SPELLED_OUT_UNITS,
      iso8601: {
        reason: 'ISO 8601 durations are a machine format, not something a person types',
        ours: null,
        inputs: ['T30M38S', 'PT1H0.040S', 'PT00H03M30SZ', 'P0Y0M0DT0H4M20.880S'],
      },
      millisecondField: {
        reason: 'no 3-digit millisecond clock field; fractions are written as 3.05',
        ours: null,
        inputs: ['01:02:03:050', '103:050'],
      },
      noDays: {
        reason: 'a webinar lasts hours: no clock field above hours',
        ours: null,
        inputs: ['01:02:03:04'],
      },
    },
  },
  sponsorblock_getStartTimeFromUrl: {
    agree: ['123', '123s', '23m3s', '1h2m3s'],
    notStrings: [],
    differ: {
      urlSituations: {
        reason: 'these rows describe URLs (a time_continue param, no t param), not time strings; as text they are junk',
        ours: null,
        inputs: ['(time_continue=123)', '(no t param)'],
      },
    },
  },
};

function rowFor(rows: Row[], input: unknown): Row {
  const row = rows.find((r) => Object.is(r.input, input));
  if (!row) throw new Error(`no row with input ${JSON.stringify(input)}`);
  return row;
}

describe('parseTime against test/data/time-strings.json', () => {
  it('has exactly the groups this test knows', () => {
    const groups = Object.keys(corpus).filter((key) => Array.isArray(corpus[key]));
    expect(groups.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (group, expectation) => {
    const rows = corpus[group] ?? [];

    it('files every row in exactly one list (none skipped)', () => {
      const listed = [
        ...expectation.agree,
        ...expectation.notStrings,
        ...Object.values(expectation.differ).flatMap((d) => d.inputs),
      ];
      const key = (value: unknown) => JSON.stringify(value);
      expect(listed.map(key).sort()).toEqual(rows.map((r) => key(r.input)).sort());
    });

    it.each(expectation.agree)('agrees on %j', (input) => {
      expect(parseTime(input)).toBe(rowFor(rows, input).expected_seconds);
    });

    if (expectation.notStrings.length > 0) {
      it('leaves out only rows whose input is not a string', () => {
        for (const input of expectation.notStrings) expect(typeof rowFor(rows, input).input).not.toBe('string');
      });
    }

    describe.each(Object.entries(expectation.differ))('differs: %s', (_name, difference) => {
      it.each(difference.inputs)(`%j (${difference.reason})`, (input) => {
        const row = rowFor(rows, input);
        expect(parseTime(input)).toBe(difference.ours);
        expect(row.expected_seconds).not.toBe(difference.ours);
      });
    });
  });
});

describe('parseTime at the edges', () => {
  it('takes minutes past 99 when they are the first field', () => {
    expect(parseTime('125:30')).toBe(7530);
    expect(parseTime('1:125:30')).toBeNull();
  });
  it('never returns Infinity', () => {
    expect(parseTime('9'.repeat(400))).toBeNull();
    expect(parseTime(`${'9'.repeat(400)}h`)).toBeNull();
  });
});
