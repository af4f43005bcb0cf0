/**
 * YouTube and Vimeo page URLs: which video they show, where they ask playback to start, and the
 * links we write back. Hosts and path forms follow docs/player-dom.md §4.2 and §5.2 and the URL
 * forms in test/data/video-urls.json; anything else reads as null.
 */
import { mediaFragment } from './media-fragment';
import type { SiteId } from './model';
import { isMediaTime } from './time';
import { httpUrl } from './web-url';
import { siteOfHost, YOUTUBE_SHORT_LINK_HOST } from './sites';

export type VideoSite = Exclude<SiteId, 'html5'>;

export interface VideoRef {
  site: VideoSite;
  id: string;
  /** Vimeo's unlisted-video hash (`vimeo.com/ID/HASH`, `?h=HASH`): needed to play it, not part of its identity. */
  hash?: string;
  /**
   * The Vimeo review page the video was found on (`vimeo.com/USER/review/ID/HASH`): a video shared
   * for review may play nowhere else, so links keep the page. Not part of its identity.
   */
  review?: { user: string; hash: string };
}

export interface ParsedVideoUrl extends VideoRef {
  /** Seconds the URL asks playback to start at; null when it names no (valid) time. */
  start: number | null;
}

// Units as players write them: "754", "754s", "12m34s", "1h2m3s", and "1m40" (seconds' "s" left off).
const URL_UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s?)?$/i;
// Clock forms some links carry: "1:02:03", "04:30", "1337:12"; minutes past 59 only as the first field.
const URL_CLOCK = /^(?:(\d+):)?(\d+):([0-5]\d(?:\.\d+)?)$/;

/**
 * A `t=` / `start=` / `time_continue=` value as YouTube and Vimeo write it, in seconds.
 * Kept apart from parseTime (time.ts), which reads what people type (spaces, "1.5h") and may grow.
 * Null for an absent value or anything else, a time past the media time rule (time.ts) included.
 */
export function parseUrlTime(value: string | null | undefined): number | null {
  if (!value) return null;
  let seconds: number | null = null;
  const units = URL_UNITS.exec(value);
  if (units) {
    const [, h, m, s] = units;
    seconds = Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  } else {
    const clock = URL_CLOCK.exec(value);
    if (clock) {
      const [, h, m = '', s] = clock;
      if (h !== undefined && (m.length !== 2 || Number(m) >= 60)) return null;
      seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
    }
  }
  return isMediaTime(seconds) ? seconds : null;
}

// Real ids are 11 characters of base64url; "videoseries" is 11 letters but names a playlist embed.
const YOUTUBE_ID = /^[0-9A-Za-z_-]{11}$/;
const YOUTUBE_PATH_ID = /^\/(?:embed|shorts|live|v|e)\/([^/]+)\/?$/;
const TIME_PARAMS = ['t', 'start', 'time_continue'];

function youtubeId(candidate: string | null | undefined): string | null {
  return candidate && YOUTUBE_ID.test(candidate) && candidate !== 'videoseries' ? candidate : null;
}

/** The first readable time among t=, start=, time_continue=, looked up in the query, then the fragment. */
function startFrom(url: URL): number | null {
  for (const params of [url.searchParams, new URLSearchParams(url.hash.slice(1))]) {
    for (const name of TIME_PARAMS) {
      const seconds = parseUrlTime(params.get(name));
      if (seconds !== null) return seconds;
    }
  }
  return null;
}

function parseYoutube(url: URL): ParsedVideoUrl | null {
  let id: string | null = null;
  if (url.hostname === YOUTUBE_SHORT_LINK_HOST) {
    id = youtubeId(/^\/([^/]+)\/?$/.exec(url.pathname)?.[1]);
  } else if (url.pathname === '/attribution_link') {
    // A share link: `u` holds the real path and query, relative to youtube.com.
    // Prefixing the host keeps "//evil.example/…" a path on youtube.com, not a new host.
    const inner = url.searchParams.get('u');
    return inner?.startsWith('/') ? parseVideoUrl(`https://www.youtube.com${inner}`) : null;
  } else if (url.pathname === '/tv' && url.hash.startsWith('#/')) {
    // The TV interface routes in its fragment: /tv#/watch?v=ID.
    return parseVideoUrl(`https://www.youtube.com${url.hash.slice(1)}`);
  } else {
    // /watch, /watch_popup, m.youtube's /details …: `v` names the video; a second `v` is ignored.
    id = youtubeId(url.searchParams.get('v') ?? YOUTUBE_PATH_ID.exec(url.pathname)?.[1]);
  }
  return id ? { site: 'youtube', id, start: startFrom(url) } : null;
}

// Groups: 1 the video id, 2 its unlisted hash. Forms as yt-dlp's Vimeo extractors read them
// (test/data/vimeo-url-forms.json). An event page (`/event/ID`, `/event/ID/embed`) names the event,
// not a video: a recurring event plays a new video each time, so it is no recording's identity and
// reads as null here; the site adapter asks the player which video it loads.
const VIMEO_PAGE = [
  /^\/(\d+)(?:\/([0-9a-f]+))?\/?$/i, // vimeo.com/ID, vimeo.com/ID/HASH (unlisted)
  /^\/channels\/[^/]+\/(\d+)\/?$/,
  /^\/groups\/[^/]+\/videos\/(\d+)\/?$/,
  /^\/(?:album|showcase)\/[^/]+\/video\/(\d+)\/?$/,
  /^\/event\/\d+\/videos\/(\d+)\/?$/, // a past video of an event, as the event page lists it
];
// vimeo.com/USER/review/ID/HASH: the hash opens the review page, it is not the unlisted hash.
const VIMEO_REVIEW = /^\/([\w-]+)\/review\/(\d+)\/([0-9a-f]{10})\/?$/i;
// The player page, and the player's configuration URL (`/video/ID/config?h=…`) that a page names its video by.
const VIMEO_PLAYER = /^\/(?:video\/)?(\d+)(?:\/config)?\/?$/;
const VIMEO_HASH = /^[0-9a-f]+$/i;

function parseVimeo(url: URL): ParsedVideoUrl | null {
  // Vimeo writes #t=754s; a query t= is read too, as YouTube-style links get pasted onto Vimeo ids.
  const start = startFrom(url);
  const review = url.hostname === 'player.vimeo.com' ? null : VIMEO_REVIEW.exec(url.pathname);
  if (review?.[1] && review[2] && review[3]) {
    return { site: 'vimeo', id: review[2], review: { user: review[1], hash: review[3] }, start };
  }
  const patterns = url.hostname === 'player.vimeo.com' ? [VIMEO_PLAYER] : VIMEO_PAGE;
  for (const pattern of patterns) {
    const match = pattern.exec(url.pathname);
    if (!match?.[1]) continue;
    const hash = match[2] ?? url.searchParams.get('h') ?? undefined;
    const parsed: ParsedVideoUrl = { site: 'vimeo', id: match[1], start };
    if (hash && VIMEO_HASH.test(hash)) parsed.hash = hash;
    return parsed;
  }
  return null;
}

/** The YouTube or Vimeo video a URL shows, with the start time it asks for; null for anything else. */
export function parseVideoUrl(href: string): ParsedVideoUrl | null {
  // `//host/…` (as embed codes write src) is read as https.
  const url = httpUrl(href.startsWith('//') ? `https:${href}` : href);
  if (!url) return null;
  const site = url.hostname === YOUTUBE_SHORT_LINK_HOST ? 'youtube' : siteOfHost(url.hostname);
  if (site === 'youtube') return parseYoutube(url);
  if (site === 'vimeo') return parseVimeo(url);
  return null;
}

/** The recording's identity: the same video with or without Vimeo's unlisted hash is one recording. */
export function recordingKeyFor(video: Pick<VideoRef, 'site' | 'id'>): string {
  return `${video.site}:${video.id}`;
}

/**
 * Whole seconds for a link; a time the media time rule refuses (time.ts) links to the beginning
 * rather than failing, so one bad stored time cannot break a whole export (as formatTime does).
 */
function wholeSeconds(seconds: number): number {
  return isMediaTime(seconds) ? Math.floor(seconds) : 0;
}

/**
 * Where the video can be watched again, on the site itself: `https://www.youtube.com/watch?v=ID`,
 * `https://vimeo.com/ID` (`/ID/HASH` when unlisted, the review page when found on one).
 */
export function watchUrl(video: VideoRef): string {
  const id = encodeURIComponent(video.id);
  if (video.site === 'youtube') return `https://www.youtube.com/watch?v=${id}`;
  if (video.review) {
    const { user, hash } = video.review;
    return `https://vimeo.com/${encodeURIComponent(user)}/review/${id}/${encodeURIComponent(hash)}`;
  }
  return `https://vimeo.com/${id}${video.hash ? `/${encodeURIComponent(video.hash)}` : ''}`;
}

/** A link that opens the video at `seconds` (floored), in the form the site itself honours. */
export function timestampedUrl(video: VideoRef, seconds: number): string {
  const t = wholeSeconds(seconds);
  return video.site === 'youtube' ? `${watchUrl(video)}&t=${t}s` : `${watchUrl(video)}#t=${t}s`;
}

/**
 * Any other page at `seconds` (floored): its URL, query kept, with the fragment replaced by a media
 * fragment `#t=754`, which the extension reads back (fragmentStartTime). Null unless http(s).
 */
export function pageTimestampedUrl(pageHref: string, seconds: number): string | null {
  const url = httpUrl(pageHref);
  if (!url) return null;
  url.hash = mediaFragment(wholeSeconds(seconds));
  return url.href;
}
