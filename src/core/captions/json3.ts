/**
 * YouTube's caption responses: the request a player made to `/api/timedtext` (what video, what
 * language) and its body in the JSON3 format (`fmt=json3`). JSON3 has no published spec; the shape
 * read here is the one YouTube's player consumes, as seen in its responses:
 *
 *     { "events": [ { "tStartMs": 1200, "dDurationMs": 2400, "segs": [ { "utf8": "Hello" }, … ] }, … ] }
 *
 * `tStartMs` and `dDurationMs` are milliseconds into the video; an event's text is its `segs`'
 * `utf8` joined. Auto-generated ("asr") tracks add events with `aAppend: 1` whose only seg is
 * "\n" (a line break on screen) and window-definition events with no `segs`: both give no cue.
 * Everything here came from a page, so every field is checked and text stays text.
 */
import type { Cue } from '../model';
import { isMediaTime } from '../time';
import { isCaptionLang } from './lang';
import { MAX_CAPTION_RESPONSE_BYTES, MAX_CUES, MAX_NAME_CHARS } from './limits';
import { lineText } from './line-text';
import { sortedCues } from './transcript-merge';
import { shorten } from '../shorten';

/** What a timedtext request asked for: the video, the track's language and a label for it. */
export interface TimedtextRequest {
  videoId: string;
  lang: string;
  /** "en (auto-generated)" for `kind=asr`, "translated from en" with `tlang`; else the track's `name`. */
  label?: string;
}

const YOUTUBE_ID = /^[0-9A-Za-z_-]{11}$/;

/**
 * The request behind a response at `url`, when it is a caption request of the page at `origin`
 * (same origin, path `/api/timedtext`) naming a video id (`v`, 11 characters of base64url) and a
 * language (`tlang`, a translation, else `lang`; core/captions/lang.ts); else null.
 */
export function timedtextRequest(url: string, origin: string): TimedtextRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return null;
  }
  if (parsed.origin !== origin || parsed.pathname !== '/api/timedtext') return null;
  const params = parsed.searchParams;
  const videoId = params.get('v') ?? '';
  const spoken = params.get('lang') ?? '';
  const translated = params.get('tlang');
  const lang = translated ?? spoken;
  if (!YOUTUBE_ID.test(videoId) || !isCaptionLang(lang)) return null;
  const name = lineText(params.get('name') ?? '');
  const label =
    translated !== null && isCaptionLang(spoken)
      ? `translated from ${spoken}`
      : params.get('kind') === 'asr'
        ? `${lang} (auto-generated)`
        : name
          ? shorten(name, MAX_NAME_CHARS)
          : undefined;
  return { videoId, lang, ...(label ? { label } : {}) };
}

/** A JSON3 body read: its cues in order of start, or a sentence saying why there are none. */
export type Json3Reading = { ok: true; cues: Cue[] } | { ok: false; message: string };

/**
 * The cues of a JSON3 body of at most MAX_CAPTION_RESPONSE_BYTES (counted as UTF-16 units, never
 * more than its UTF-8 bytes): one per event with text, from `tStartMs` for `dDurationMs` (0 when
 * absent), text by core/captions/line-text.ts. An event whose times are not media times
 * (core/time.ts) or whose text is empty is left out, not the whole track; past MAX_CUES cues the
 * rest are left out. Overlapping events stay as they are (auto-generated lines overlap on screen
 * but never repeat words); out-of-order ones are sorted. Linear in the body's length.
 */
export function parseJson3(body: string): Json3Reading {
  if (body.length > MAX_CAPTION_RESPONSE_BYTES) return { ok: false, message: 'The caption response is too large to read.' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, message: 'The caption response is not JSON.' };
  }
  const events = isRecord(data) ? data.events : undefined;
  if (!Array.isArray(events)) return { ok: false, message: 'The caption response has no list of events.' };
  const cues: Cue[] = [];
  for (const event of events) {
    if (cues.length >= MAX_CUES) break;
    const cue = cueOf(event);
    if (cue) cues.push(cue);
  }
  return { ok: true, cues: sortedCues(cues) };
}

function cueOf(event: unknown): Cue | null {
  if (!isRecord(event) || !Array.isArray(event.segs)) return null;
  const { tStartMs, dDurationMs = 0 } = event;
  if (typeof tStartMs !== 'number' || typeof dDurationMs !== 'number' || dDurationMs < 0) return null;
  const start = tStartMs / 1000;
  const end = (tStartMs + dDurationMs) / 1000;
  if (!isMediaTime(start) || !isMediaTime(end)) return null;
  const text = lineText(segsText(event.segs));
  return text ? { start, end, text } : null;
}

// The segs' text joined, no longer than line-text.ts looks at: a seg of 8 MB is not copied whole.
function segsText(segs: unknown[]): string {
  let text = '';
  for (const seg of segs) {
    if (text.length > SEGS_HEAD_CHARS) break;
    if (isRecord(seg) && typeof seg.utf8 === 'string') text += seg.utf8.length > SEGS_HEAD_CHARS ? seg.utf8.slice(0, SEGS_HEAD_CHARS) : seg.utf8;
  }
  return text;
}
const SEGS_HEAD_CHARS = 16_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
