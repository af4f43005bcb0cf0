import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlTime, parseVideoUrl } from '../../src/core/video-url';

// Time strings from library tests; sources in test/data/README.md.
const DATA = path.resolve(import.meta.dirname, '../data/time-strings.json');

interface TimeCase {
  input: unknown;
  expected_seconds: number | null;
}
const GROUPS = ['jsVideoUrlParser_getTime', 'ytdlp_parse_duration', 'sponsorblock_getStartTimeFromUrl'] as const;
const data = JSON.parse(fs.readFileSync(DATA, 'utf8')) as Record<(typeof GROUPS)[number], TimeCase[]>;

const rows = GROUPS.flatMap((group) => data[group].map((row) => ({ group, key: `${group} ${JSON.stringify(row.input)}`, ...row })));

const NOT_PLAYER_FORM = 'prose or ISO 8601 duration: no player writes this in t=/start=';
const DAYS = 'day/week units or a 4th+ clock field: no player writes them, and the sources disagree on what a 4th field is';
const REPEATED = 'a unit repeated or out of order: a malformed link, not a time to add up';

/** Rows where we deliberately return something else: key is "<group> <JSON input>". */
const DIFFERS: Record<string, { ours: number | null; reason: string }> = {
  'jsVideoUrlParser_getTime null': { ours: null, reason: 'no parameter means no start (null), not "start at 0"' },
  'jsVideoUrlParser_getTime "asd"': { ours: null, reason: 'garbage means no start (null), not "start at 0"' },
  'jsVideoUrlParser_getTime "1w"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "1d"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "01:00:00:00:00"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "01:00:00:00"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "1w1d1h1m1s"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "01:01:01:01:01"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "30w1m"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "30:00:00:01:00"': { ours: null, reason: DAYS },
  'jsVideoUrlParser_getTime "1h30m25s25s"': { ours: null, reason: REPEATED },
  'jsVideoUrlParser_getTime "1h30m25s25"': { ours: null, reason: REPEATED },
  'jsVideoUrlParser_getTime "1h30m25s25s1h1w"': { ours: null, reason: REPEATED },
  'ytdlp_parse_duration "3h 11m 53s"': { ours: null, reason: 'spaces: a URL parameter value has none' },
  'ytdlp_parse_duration "3 hours 11 minutes 53 seconds"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "3 hours 11 mins 53 secs"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "3 hours, 11 minutes, 53 seconds"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "3 hours, 11 mins, 53 secs"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "T30M38S"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "5 s"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "3 min"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "2.5 hours"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "01:02:03:04"': { ours: null, reason: DAYS },
  'ytdlp_parse_duration "1 hour 3 minutes"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "87 Min."': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "PT1H0.040S"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "PT00H03M30SZ"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "P0Y0M0DT0H4M20.880S"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "01:02:03:050"': { ours: null, reason: DAYS },
  'ytdlp_parse_duration "103:050"': { ours: null, reason: 'a 3-digit seconds field: yt-dlp reads milliseconds, in a link it is malformed' },
  'ytdlp_parse_duration "1HR 3MIN"': { ours: null, reason: NOT_PLAYER_FORM },
  'ytdlp_parse_duration "2hrs 3mins"': { ours: null, reason: NOT_PLAYER_FORM },
};

/** Rows whose "input" describes a URL rather than being a parameter value: asserted through parseVideoUrl. */
const DESCRIBED_URLS: Record<string, { url: string; ours: number | null; reason: string }> = {
  'sponsorblock_getStartTimeFromUrl "(time_continue=123)"': {
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&time_continue=123',
    ours: 123,
    reason: 'same result, read from the time_continue parameter',
  },
  'sponsorblock_getStartTimeFromUrl "(no t param)"': {
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ours: null,
    reason: 'differs: no parameter means no start (null); SponsorBlock returns 0',
  },
};

describe('parseUrlTime: every row of time-strings.json', () => {
  it('lists only rows that exist, each once', () => {
    const keys = new Set(rows.map((row) => row.key));
    expect([...Object.keys(DIFFERS), ...Object.keys(DESCRIBED_URLS)].filter((key) => !keys.has(key))).toEqual([]);
    expect(Object.keys(DIFFERS).filter((key) => key in DESCRIBED_URLS)).toEqual([]);
  });

  it.each(rows)('$key', (row) => {
    const described = DESCRIBED_URLS[row.key];
    if (described) {
      expect(parseVideoUrl(described.url)?.start, described.reason).toBe(described.ours);
      return;
    }
    // Inputs that are not strings (null, false) stand for an absent parameter.
    const ours = parseUrlTime(typeof row.input === 'string' ? row.input : null);
    const differs = DIFFERS[row.key];
    if (differs) {
      expect(differs.ours, 'a listed row must really differ').not.toBe(row.expected_seconds);
      expect(ours, differs.reason).toBe(differs.ours);
    } else {
      expect(ours).toBe(row.expected_seconds);
    }
  });
});

describe('parseUrlTime', () => {
  it.each([
    ['754', 754],
    ['754s', 754],
    ['12m34s', 754],
    ['12M34S', 754],
    ['1h2m3s', 3723],
    ['1m40', 100],
    ['2h', 7200],
    ['1.5', 1.5],
    ['1.5s', 1.5],
    ['0', 0],
    ['1:02:03', 3723],
    ['125:30', 7530],
    ['100h', 360_000],
  ])('%j → %s', (input, expected) => {
    expect(parseUrlTime(input)).toBe(expected);
  });

  it.each(['', ' 754', '754 ', '-5', '+5', '1e3', 'NaN', 'Infinity', '0x10', '1.5h', '1m2h', 's', 'h', '1:2', '1:60:00', '1:02:60', ':30', '9'.repeat(400), '1000000000000000000000', '100h0m1s', '6000:00:01'])(
    '%j → null',
    (input) => {
      expect(parseUrlTime(input)).toBeNull();
    },
  );

  it.each([null, undefined])('%s → null', (input) => {
    expect(parseUrlTime(input)).toBeNull();
  });

  it('is null or a media time (0 to 100 hours) for any string', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const seconds = parseUrlTime(input);
        expect(seconds === null || (Number.isFinite(seconds) && seconds >= 0 && seconds <= 360_000)).toBe(true);
      }),
    );
  });

  it('reads back h/m/s written in any combination', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), (h, m, s) => {
        const text = `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
        expect(parseUrlTime(text)).toBe(h * 3600 + m * 60 + s);
      }),
    );
  });
});
