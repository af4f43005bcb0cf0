import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentStartTime } from '../../src/core/media-fragment';
import {
  pageTimestampedUrl,
  parseVideoUrl,
  recordingKeyFor,
  timestampedUrl,
  type VideoRef,
} from '../../src/core/video-url';

// Real URL forms from public libraries' tests; sources in test/data/README.md.
const DATA = path.resolve(import.meta.dirname, '../data/video-urls.json');

interface UrlCase {
  url: string;
  provider: 'youtube' | 'vimeo';
  id: string | null;
  start_seconds_or_null: number | null;
  source: string;
  hash?: string;
  start_asserted_by_source?: boolean;
  id_is_placeholder_not_11_chars?: boolean;
}

const cases = (JSON.parse(fs.readFileSync(DATA, 'utf8')) as { cases: UrlCase[] }).cases;

const REAL_ID = 'dQw4w9WgXcQ';

/**
 * Rows whose source test uses a made-up id that is not 11 characters. Real YouTube ids are exactly
 * 11, so we reject these rows as they stand; with REAL_ID put in the placeholder's place, the URL form
 * itself is asserted (to parse, unless UNSUPPORTED_FORMS lists it).
 */
const PLACEHOLDER_ID_ROWS: Record<string, string> = {
  'https://www.youtube.com/shorts/xyz987': 'xyz987 is 6 chars (the data says so in a note, without the flag)',
  'https://youtube.com/shorts/123?i=4': '123 is 3 chars',
  'https://www.youtube.com/shorts/1234?i=4': '1234 is 4 chars',
  'http://youtu.be/ABC12304?feature=youtube_gdata_player': 'ABC12304 is 8 chars',
  'http://y2u.be/ABC12304': 'ABC12304 is 8 chars',
  'http://www.youtube.com/ytscreeningroom?v=ABC1230': 'ABC1230 is 7 chars',
  'http://youtube.com/?vi=ABC12309&feature=youtube_gdata_player': 'ABC12309 is 8 chars',
  'http://youtube.com/watch?vi=ABC12311&feature=youtube_gdata_player': 'ABC12311 is 8 chars',
  'http://youtube.com/vi/ABC12302?feature=youtube_gdata_player': 'ABC12302 is 8 chars',
  'http://www.youtube.com/watch/ABC1230/': 'ABC1230 is 7 chars',
  'https://www.youtube.com/e/E1230': 'E1230 is 5 chars',
  'www.youtube-nocookie.com/embed/ABC12301?rel=0': 'ABC12301 is 8 chars',
  'https://www.youtube-nocookie.com/embed/ABC12303': 'ABC12303 is 8 chars',
  'http://www.youtube.com/user/username#p/u/1/ABC1230': 'ABC1230 is 7 chars',
  'http://www.youtube.com/attribution_link?u=%2Fwatch%3Fv%3DABC12300%26feature%3Dshare&a=JdfC0C9V6ZI':
    'ABC12300 is 8 chars',
  'http://www.youtube.com/attribution_link?a=fF1CWYwxCQ4&u=/watch?v=ABC12304&feature=em-uploademail':
    'ABC12304 is 8 chars',
  'https://www.youtube.com/live/ABC1230': 'ABC1230 is 7 chars',
  'www.youtube-nocookie.com/live/ABC12301?feature=share': 'ABC12301 is 8 chars',
  '<iframe width="560" height="315" src="https://www.youtube.com/embed/1234" frameborder="0" allowfullscreen></iframe>':
    '1234 is 4 chars',
};

/** URL forms the sources read an id from and we deliberately do not (null). */
const UNSUPPORTED_FORMS: Record<string, string> = {
  'https://gdata.youtube.com/feeds/api/videos/HRb7B9fPhfA/related': 'GData API feed, retired in 2015; not a page',
  'https://gdata.youtube.com/feeds/api/videos/HRb7B9fPhfA': 'GData API feed, retired in 2015; not a page',
  'https://i.ytimg.com/vi/HRb7B9fPhfA/hqdefault.jpg': 'thumbnail image, not a page a recording plays on',
  'https://img.youtube.com/vi/HRb7B9fPhfA/maxresdefault.jpg': 'thumbnail image, not a page a recording plays on',
  'https://i.ytimg.com/an_webp/MYDcdp-VNmQ/mqdefault_6s.webp': 'animated thumbnail, not a page',
  'https://www.youtube.com/watch?feature=player_embedded&amp;amp;v=V36LpHqtcDY':
    'HTML-entity-mangled query ("amp;amp;v"): we do not repair scraped HTML',
  'http://www.youtube.com/watch?v=BaW_jenozKcsharePLED17F32AD9753930':
    'v= is 31 chars; we reject ids of the wrong length rather than guess that the first 11 are the id',
  'http://youtu.be/G-3YxlZIhus&feature=channel':
    'path segment is "G-3YxlZIhus&feature=channel" ("&" is not a separator in a path); no truncating ids',
  'https://youtube.com/user/WMFinland#p/a/u/1/G-3YxlZIhus': 'pre-2012 channel-page fragment route; pages no longer use it',
  'http://www.youtube.com/user/username#p/u/1/ABC1230': 'pre-2012 channel-page fragment route (placeholder row)',
  'http://y2u.be/ABC12304': 'y2u.be is a third-party shortener, not a YouTube host (placeholder row)',
  'http://youtube.com/?vi=ABC12309&feature=youtube_gdata_player': 'legacy "vi" parameter (placeholder row)',
  'http://youtube.com/watch?vi=ABC12311&feature=youtube_gdata_player': 'legacy "vi" parameter (placeholder row)',
  'http://youtube.com/vi/ABC12302?feature=youtube_gdata_player': '/vi/ is the thumbnail path, not a page (placeholder row)',
  'http://www.youtube.com/watch/ABC1230/': '/watch/ID path form: YouTube serves /watch?v=ID (placeholder row)',
  'www.youtube-nocookie.com/embed/ABC12301?rel=0': 'no scheme: not an absolute http(s) URL (placeholder row)',
  'www.youtube-nocookie.com/live/ABC12301?feature=share': 'no scheme: not an absolute http(s) URL (placeholder row)',
  '<iframe width="560" height="315" src="https://www.youtube.com/embed/1234" frameborder="0" allowfullscreen></iframe>':
    'an HTML snippet, not a URL (placeholder row)',
  'http://vimeopro.com/staff/frame/video/24069938': 'vimeopro.com portfolio host is not in our host list (retired service)',
  'http://vimeo.com/moogaloop.swf?clip_id=2539741': 'Flash player URL (Flash is gone)',
  'http://vimeo.com/name.swf?clip_id=1234': 'Flash player URL (Flash is gone)',
  'https://www.player.vimeo.com/video/123450987': 'www.player.vimeo.com is not a host Vimeo serves the player on',
  'https://vimeo.com/123450987/randomhash':
    'placeholder hash: unlisted hashes are hex (f9ad567296); vimeo.com/ID/HEX rows are read below',
  'https://vimeo.com/event/12345':
    'names a live event, not a video: a recurring event plays a new video each time (the adapter asks the player which)',
  'https://vimeo.com/channels/1234': 'a channel page, not a video (yt-dlp agrees; get-video-id does not)',
  'https://www.google.cz/url?sa=t&rct=j&q=&esrc=s&source=web&cd=2&ved=0ahUKEwiz9P3Aw5DVAhUDZVAKHcegCi8QuAIINDAB&url=https%3A%2F%2Fvimeo.com%2F35652044&usg=AFQjCNG0kTPdL8nC6zCi2QoZ1KVeTXH-pw':
    'a Google redirect wrapping a Vimeo URL: we do not follow redirect wrappers',
};

/** Rows whose source does not assert a start (expects null) while the URL carries one we read. */
const START_NOT_ASSERTED: Record<string, { start: number | null; reason: string }> = {
  'https://www.youtube.com/watch?v=G-3YxlZIhus#t=0m10s': { start: 10, reason: 'get-video-id outputs no start; #t=0m10s is 10 s' },
  'https://vimeo.com/140542479#t=0m3s': { start: 3, reason: 'get-video-id outputs no start; #t=0m3s is 3 s' },
};

/** Rows without a `hash` field whose URL carries an unlisted hash we keep. */
const HASH_NOT_IN_ROW: Record<string, { hash: string; reason: string }> = {
  'https://vimeo.com/160743502/abd0e13fb4': { hash: 'abd0e13fb4', reason: 'yt-dlp asserts the id only' },
};

function expectHttp(href: string | null): void {
  expect(href).not.toBeNull();
  expect(['http:', 'https:']).toContain(new URL(href ?? '').protocol);
}

describe('parseVideoUrl: every row of video-urls.json', () => {
  const urls = new Set(cases.map((row) => row.url));

  it.each([
    ['PLACEHOLDER_ID_ROWS', PLACEHOLDER_ID_ROWS],
    ['UNSUPPORTED_FORMS', UNSUPPORTED_FORMS],
    ['START_NOT_ASSERTED', START_NOT_ASSERTED],
    ['HASH_NOT_IN_ROW', HASH_NOT_IN_ROW],
  ])('%s lists only rows that exist', (_name, list) => {
    expect(Object.keys(list).filter((url) => !urls.has(url))).toEqual([]);
  });

  it('PLACEHOLDER_ID_ROWS holds every flagged row, and only ids that are not 11 chars', () => {
    for (const row of cases) {
      if (row.id_is_placeholder_not_11_chars) expect(PLACEHOLDER_ID_ROWS).toHaveProperty([row.url]);
      if (row.url in PLACEHOLDER_ID_ROWS) expect(row.id?.length).not.toBe(11);
    }
  });

  it('lists START_NOT_ASSERTED rows only where the source asserts no start and we differ', () => {
    for (const row of cases.filter((r) => r.url in START_NOT_ASSERTED)) {
      expect(row.start_asserted_by_source).toBe(false);
      expect(START_NOT_ASSERTED[row.url]?.start).not.toBe(row.start_seconds_or_null);
    }
  });

  it.each(cases)('$source $url', (row) => {
    const parsed = parseVideoUrl(row.url);
    const placeholder = PLACEHOLDER_ID_ROWS[row.url];
    const unsupported = UNSUPPORTED_FORMS[row.url];
    if (placeholder !== undefined) {
      expect(parsed, placeholder).toBeNull();
      const withRealId = parseVideoUrl(row.url.replace(row.id ?? '', REAL_ID));
      if (unsupported !== undefined) expect(withRealId, unsupported).toBeNull();
      else expect(withRealId, `${row.url} with a real id`).toMatchObject({ site: row.provider, id: REAL_ID });
      return;
    }
    if (unsupported !== undefined) {
      expect(row.id, 'a difference only if the source reads an id').not.toBeNull();
      expect(parsed, unsupported).toBeNull();
      return;
    }
    if (row.id === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed).not.toBeNull();
    expect(parsed?.site).toBe(row.provider);
    expect(parsed?.id).toBe(row.id);
    expect(parsed?.start).toBe(START_NOT_ASSERTED[row.url]?.start ?? row.start_seconds_or_null);
    expect(parsed?.hash).toBe(row.hash ?? HASH_NOT_IN_ROW[row.url]?.hash);
    if (!parsed) return;

    // What we write back for the row reads back as the same recording, at the time we asked for.
    expect(recordingKeyFor(parsed)).toBe(`${row.provider}:${row.id}`);
    const link = timestampedUrl(parsed, 754.9);
    expectHttp(link);
    expect(parseVideoUrl(link)).toEqual({ ...parsed, start: 754 });
  });
});

interface VimeoFormCase {
  url: string;
  kind: string;
  video_id: string | null;
  hash?: string;
  review?: { user: string; hash: string };
}
const vimeoForms = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../data/vimeo-url-forms.json'), 'utf8')) as {
    cases: VimeoFormCase[];
  }
).cases;

describe('parseVideoUrl: every row of vimeo-url-forms.json (events, reviews, showcases, channels)', () => {
  it.each(vimeoForms)('$kind $url', (row) => {
    const parsed = parseVideoUrl(row.url);
    if (row.video_id === null) {
      expect(parsed, 'an event page names no video').toBeNull();
      return;
    }
    const expected: VideoRef = { site: 'vimeo', id: row.video_id };
    if (row.hash) expected.hash = row.hash;
    if (row.review) expected.review = row.review;
    expect(parsed).toEqual({ ...expected, start: null });
    // The link opens that moment of the same recording, on a page that plays it.
    const link = timestampedUrl(expected, 754.9);
    expect(new URL(link).hash).toBe('#t=754s');
    expect(parseVideoUrl(link)).toEqual({ ...expected, start: 754 });
    expect(recordingKeyFor(expected)).toBe(`vimeo:${row.video_id}`);
  });

  it('keeps a review page in the link: the video may play nowhere else', () => {
    const parsed = parseVideoUrl('https://vimeo.com/user21297594/review/75524534/3c257a1b5d#t=1m');
    expect(parsed && timestampedUrl(parsed, 60)).toBe('https://vimeo.com/user21297594/review/75524534/3c257a1b5d#t=60s');
    expect(parsed?.start).toBe(60);
  });

  it('reads the video from the player configuration URL an event page loads', () => {
    expect(parseVideoUrl('https://player.vimeo.com/video/1071439154/config?autoplay=1&h=3db517c479')).toEqual({
      site: 'vimeo',
      id: '1071439154',
      hash: '3db517c479',
      start: null,
    });
  });

  it.each([
    'https://vimeo.com/user1/review/75524534', // no hash
    'https://vimeo.com/user1/review/75524534/3c257a1b5', // 9 hex digits
    'https://vimeo.com/user1/review/abc/3c257a1b5d',
    'https://vimeo.com/us%2Fer/review/75524534/3c257a1b5d',
    'https://player.vimeo.com/user1/review/75524534/3c257a1b5d',
    'https://vimeo.com/event/595460/videos/',
    'https://vimeo.com/event/595460/videos/abc',
    'https://vimeo.com/event/abc/videos/498149131',
  ])('not a video: %j → null', (href) => {
    expect(parseVideoUrl(href)).toBeNull();
  });
});

describe('parseVideoUrl: bad input', () => {
  it.each([
    'javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'JavaScript:alert(1)',
    'data:text/html,https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'ftp://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'file:///watch?v=dQw4w9WgXcQ',
    'chrome-extension://abc/watch?v=dQw4w9WgXcQ',
    '',
    'not a url',
    'https://',
    'http://[::1/watch?v=dQw4w9WgXcQ',
    '/watch?v=dQw4w9WgXcQ',
    'watch?v=dQw4w9WgXcQ',
  ])('%j → null', (href) => {
    expect(parseVideoUrl(href)).toBeNull();
  });

  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXc', // 10 chars
    'https://www.youtube.com/watch?v=dQw4w9WgXcQQ', // 12 chars
    'https://www.youtube.com/watch?v=dQw4w9WgX%2BQ',
    'https://www.youtube.com/watch?v=dQw4w9.gXcQ',
    'https://youtu.be/dQw4w9WgXc',
    'https://www.youtube.com/embed/dQw4w9WgXcQQ',
    'https://www.youtube.com/embed/dQw4w9WgXcQ/extra',
    'https://www.youtube.com/embed/videoseries',
    'https://vimeo.com/abc',
    'https://player.vimeo.com/video/76979871abc',
    'https://vimeo.com/-76979871',
  ])('wrong id %j → null', (href) => {
    expect(parseVideoUrl(href)).toBeNull();
  });

  it.each([
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evil-youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ',
    'https://evil.example/?u=https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://vimeo.com.evil.example/76979871',
    'https://www.youtube.com/attribution_link?u=https://evil.example/watch?v=dQw4w9WgXcQ',
  ])('not a YouTube or Vimeo host: %j → null', (href) => {
    expect(parseVideoUrl(href)).toBeNull();
  });

  it.each([
    't=garbage',
    't=-30',
    't=-1m',
    't=NaN',
    't=Infinity',
    't=1e3',
    't=1:2:3',
    't=1:60:00',
    't=' + '9'.repeat(400),
    't=',
    't=30x',
    't=1h2m3s4h',
  ])('YouTube %s → start null, id kept', (param) => {
    expect(parseVideoUrl(`https://www.youtube.com/watch?v=${REAL_ID}&${param}`)).toEqual({
      site: 'youtube',
      id: REAL_ID,
      start: null,
    });
  });

  it.each(['#t=garbage', '#t=-3', '#t=3m28x'])('Vimeo %s → start null', (fragment) => {
    expect(parseVideoUrl(`https://vimeo.com/76979871${fragment}`)?.start).toBeNull();
  });

  it('skips an unreadable t= for a readable start=', () => {
    expect(parseVideoUrl(`https://www.youtube.com/embed/${REAL_ID}?t=oops&start=90`)?.start).toBe(90);
  });

  it('prefers the query over the fragment', () => {
    expect(parseVideoUrl(`https://www.youtube.com/watch?v=${REAL_ID}&t=5#t=9`)?.start).toBe(5);
  });

  it('reads the forms the brief names', () => {
    const at = (t: string) => parseVideoUrl(`https://youtu.be/${REAL_ID}?t=${t}`)?.start;
    expect([at('754'), at('754s'), at('12m34s'), at('1h2m3s'), at('0:12:34')]).toEqual([754, 754, 754, 3723, 754]);
  });

  it('reads the YouTube TV fragment route', () => {
    expect(parseVideoUrl(`https://www.youtube.com/tv#/watch?v=${REAL_ID}&t=42`)).toEqual({
      site: 'youtube',
      id: REAL_ID,
      start: 42,
    });
  });

  it('never throws and never gives a NaN or negative start', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (href) => {
        const parsed = parseVideoUrl(href);
        if (parsed?.start != null) {
          expect(Number.isFinite(parsed.start)).toBe(true);
          expect(parsed.start).toBeGreaterThanOrEqual(0);
        }
      }),
    );
    fc.assert(
      fc.property(fc.string(), (t) => {
        const start = parseVideoUrl(`https://www.youtube.com/watch?v=${REAL_ID}&t=${encodeURIComponent(t)}`)?.start;
        expect(start === null || (start !== undefined && Number.isFinite(start) && start >= 0)).toBe(true);
      }),
    );
  });
});

describe('recordingKeyFor', () => {
  it('names the site and id', () => {
    expect(recordingKeyFor({ site: 'youtube', id: REAL_ID })).toBe(`youtube:${REAL_ID}`);
    expect(recordingKeyFor({ site: 'vimeo', id: '76979871' })).toBe('vimeo:76979871');
  });

  it('ignores the unlisted hash: with or without it, one recording', () => {
    const withHash = parseVideoUrl('https://player.vimeo.com/video/36881035?h=f9ad567296');
    const without = parseVideoUrl('https://vimeo.com/36881035');
    expect(withHash?.hash).toBe('f9ad567296');
    expect(withHash && recordingKeyFor(withHash)).toBe('vimeo:36881035');
    expect(without && recordingKeyFor(without)).toBe('vimeo:36881035');
  });

  it('gives a YouTube video one key on every host and path', () => {
    const keys = [
      `https://www.youtube.com/watch?v=${REAL_ID}&t=3`,
      `https://youtu.be/${REAL_ID}`,
      `https://www.youtube-nocookie.com/embed/${REAL_ID}`,
      `https://m.youtube.com/shorts/${REAL_ID}`,
      `https://music.youtube.com/watch?v=${REAL_ID}`,
    ].map((href) => {
      const parsed = parseVideoUrl(href);
      return parsed && recordingKeyFor(parsed);
    });
    expect(new Set(keys)).toEqual(new Set([`youtube:${REAL_ID}`]));
  });
});

describe('timestampedUrl', () => {
  it.each([
    [{ site: 'youtube', id: REAL_ID }, 754, `https://www.youtube.com/watch?v=${REAL_ID}&t=754s`],
    [{ site: 'youtube', id: REAL_ID }, 754.99, `https://www.youtube.com/watch?v=${REAL_ID}&t=754s`],
    [{ site: 'youtube', id: REAL_ID }, 0, `https://www.youtube.com/watch?v=${REAL_ID}&t=0s`],
    [{ site: 'youtube', id: REAL_ID }, -5, `https://www.youtube.com/watch?v=${REAL_ID}&t=0s`],
    [{ site: 'youtube', id: REAL_ID }, NaN, `https://www.youtube.com/watch?v=${REAL_ID}&t=0s`],
    [{ site: 'vimeo', id: '76979871' }, 754.5, 'https://vimeo.com/76979871#t=754s'],
    [{ site: 'vimeo', id: '76979871', hash: '8272103f6e' }, 754, 'https://vimeo.com/76979871/8272103f6e#t=754s'],
  ] as [VideoRef, number, string][])('%j at %s s → %s', (video, seconds, expected) => {
    const link = timestampedUrl(video, seconds);
    expect(link).toBe(expected);
    expectHttp(link);
  });

  it('keeps an odd id inside its parameter', () => {
    const link = timestampedUrl({ site: 'youtube', id: 'x&t=9#y' }, 1);
    expectHttp(link);
    expect(new URL(link).searchParams.get('v')).toBe('x&t=9#y');
    expect(new URL(link).hostname).toBe('www.youtube.com');
  });

  const youtubeId = fc.string({
    unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-'),
    minLength: 11,
    maxLength: 11,
  }).filter((id) => id !== 'videoseries');
  const seconds = fc.double({ min: 0, max: 100_000, noNaN: true });

  it('reads back any YouTube id and the whole seconds', () => {
    fc.assert(
      fc.property(youtubeId, seconds, (id, s) => {
        const link = timestampedUrl({ site: 'youtube', id }, s);
        expectHttp(link);
        expect(parseVideoUrl(link)).toEqual({ site: 'youtube', id, start: Math.floor(s) });
      }),
    );
  });

  it('reads back any Vimeo id, hash and the whole seconds', () => {
    const hash = fc.option(fc.stringMatching(/^[0-9a-f]{10}$/), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), hash, seconds, (n, h, s) => {
        const video: VideoRef = h === undefined ? { site: 'vimeo', id: String(n) } : { site: 'vimeo', id: String(n), hash: h };
        const link = timestampedUrl(video, s);
        expectHttp(link);
        expect(parseVideoUrl(link)).toEqual({ ...video, start: Math.floor(s) });
      }),
    );
  });
});

describe('pageTimestampedUrl', () => {
  it.each([
    ['https://example.com/talks/42', 754, 'https://example.com/talks/42#t=754'],
    ['https://example.com/talks/42?id=7&utm_source=x#chapter-2', 754.9, 'https://example.com/talks/42?id=7&utm_source=x#t=754'],
    ['http://127.0.0.1:8080/v.html#t=10', 0, 'http://127.0.0.1:8080/v.html#t=0'],
    ['https://example.com/a#t=1', -3, 'https://example.com/a#t=0'],
  ])('%s at %s s → %s', (href, s, expected) => {
    const link = pageTimestampedUrl(href, s);
    expect(link).toBe(expected);
    expectHttp(link);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<video>', 'file:///tmp/v.html', 'about:blank', 'not a url', ''])(
    '%j → null',
    (href) => {
      expect(pageTimestampedUrl(href, 10)).toBeNull();
    },
  );

  it('writes a fragment the page reads back', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (href, s) => {
        const link = pageTimestampedUrl(href, s);
        expectHttp(link);
        const url = new URL(link ?? '');
        // Past the media time rule (100 hours) a link opens at the beginning rather than failing.
        expect(fragmentStartTime(url.hash)).toBe(s <= 360_000 ? Math.floor(s) : 0);
        expect(url.search).toBe(new URL(href).search);
      }),
    );
  });
});
