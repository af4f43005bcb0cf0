/**
 * The temporal dimension of W3C Media Fragments URI 1.0 (https://www.w3.org/TR/media-frags/),
 * Normal Play Time only: `#t=10`, `#t=10,20`, `#t=,20`, `#t=npt:0:02:00,121.5`.
 * SMPTE and wall-clock times are valid in the spec but no player we link to writes them, so they read as null.
 * Times past the media time rule (time.ts: at most 100 hours) read as null too, and are never written.
 */
import { isMediaTime } from './time';

export interface TemporalFragment {
  /** Seconds; 0 when the fragment gives only an end (`t=,20`). */
  start: number;
  /** Seconds; null means "to the end of the media". */
  end: number | null;
}

// npt-sec = 1*DIGIT [ "." *DIGIT ]   ("3." is valid, ".5" and "1e-1" are not)
const NPT_SEC = /^\d+(?:\.\d*)?$/;
// npt-hhmmss = npt-hh ":" npt-mm ":" npt-ss [ "." *DIGIT ]; npt-mmss = npt-mm ":" npt-ss [ "." *DIGIT ]
// npt-hh is 1*DIGIT; npt-mm and npt-ss are exactly two digits, 00-59.
const NPT_CLOCK = /^(?:(\d+):)?([0-5]\d):([0-5]\d(?:\.\d*)?)$/;

function nptTime(text: string): number | null {
  let seconds: number;
  if (NPT_SEC.test(text)) {
    seconds = Number(text);
  } else {
    const clock = NPT_CLOCK.exec(text);
    if (!clock) return null;
    const [, h, m, s] = clock;
    seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  // A run of 400 digits is valid ABNF but not a time.
  return isMediaTime(seconds) ? seconds : null;
}

/** One already percent-decoded `t` value: `[npt:] a[,b]` or `[npt:] ,b`. */
function temporalValue(value: string): TemporalFragment | null {
  const body = value.startsWith('npt:') ? value.slice(4) : value;
  const parts = body.split(',');
  if (parts.length > 2) return null;
  const [first = '', second] = parts;
  if (second === undefined) {
    const start = nptTime(first);
    return start === null ? null : { start, end: null };
  }
  const start = first === '' ? 0 : nptTime(first);
  const end = nptTime(second);
  if (start === null || end === null) return null;
  // "t=3,3" and "t=7,3" are syntactically fine but name no interval: the spec says ignore them.
  return start < end ? { start, end } : null;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Reads the temporal dimension of a media fragment: the text after `#` (a leading `#` is allowed),
 * i.e. `&`-separated `name=value` pairs such as `t=10,20` or `foo=1&t=30`.
 * Input is always a whole fragment, never a bare value: `parseMediaFragmentTime('10')` is null.
 *
 * As in the spec's processing model: pairs split on `&`, then on the first `=`, then percent-decode
 * (`%74=3` is `t=3`, but `t%3D3` has no `=` and is no pair); names are case-sensitive; when `t`
 * occurs more than once the last valid occurrence wins (the W3C UA tests TC0053/TC0085).
 * Invalid syntax, or start >= end, gives null.
 */
export function parseMediaFragmentTime(fragment: string): TemporalFragment | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  let found: TemporalFragment | null = null;
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = decode(pair.slice(0, eq));
    const value = decode(pair.slice(eq + 1));
    if (name !== 't' || value === null) continue;
    found = temporalValue(value) ?? found;
  }
  return found;
}

/** Where a page's `#…` fragment asks playback to start, or null when it names no valid time. */
export function fragmentStartTime(hash: string): number | null {
  return parseMediaFragmentTime(hash)?.start ?? null;
}

/** Seconds as NPT: up to 3 decimals, no trailing zeros ("754", "754.5", "0.125"). */
function nptSeconds(seconds: number): string {
  if (!isMediaTime(seconds)) {
    throw new RangeError(`Not a media time: ${seconds}`);
  }
  return seconds.toFixed(3).replace(/\.?0+$/, '');
}

/**
 * The fragment (without `#`) for a start, or a start and an end: `t=754`, `t=754,790.5`.
 * Throws RangeError for a time the media time rule refuses (time.ts), or an end that is not after the start once
 * rounded to milliseconds, since no reader would accept that fragment.
 */
export function mediaFragment(start: number, end?: number): string {
  const from = nptSeconds(start);
  if (end === undefined) return `t=${from}`;
  const to = nptSeconds(end);
  if (Number(to) <= Number(from)) throw new RangeError(`End ${end} is not after start ${start}`);
  return `t=${from},${to}`;
}
