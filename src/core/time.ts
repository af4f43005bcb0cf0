/**
 * Times and dates: the one rule for each, used wherever one comes in (the editor, a paste, a CSV
 * column, a backup, a message, a URL), and the forms people type them in.
 */
import { t } from './i18n';

/**
 * The latest media time anything may name: 100 hours, in seconds. Far beyond any webinar, yet
 * small enough that every export, media fragment and player link can write it; a larger number is
 * a typo or hostile input (`1e21` has no fixed-point form and made the Summary tab throw).
 */
export const MAX_MEDIA_SECONDS = 100 * 3600;

/** A media time: seconds into a recording, finite, from 0 to MAX_MEDIA_SECONDS. */
export function isMediaTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_MEDIA_SECONDS;
}

/**
 * The media time rule as an internal error completes it ("t must be …"), in English: for errors
 * only a caller's fault can raise (db guards). What users read comes from the messages (i18n).
 */
export const MEDIA_TIME_RULE = `a time in seconds from 0 to ${MAX_MEDIA_SECONDS.toLocaleString('en')} (100 hours)`;

/**
 * The latest moment a record's date (created, edited, trashed) may name, in ms since 1970: the
 * end of year 9999. Up to there `toISOString` writes the plain four-digit-year form every reader
 * takes; past 8.64e15 it throws (a backup's `createdAt: 1e17` broke the Web Annotation export).
 */
export const MAX_TIMESTAMP = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A date as records store it: milliseconds since 1970-01-01 UTC, finite, from 0 to MAX_TIMESTAMP. */
export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIMESTAMP;
}

/** The date rule as an internal error completes it ("createdAt must be …"), in English (as MEDIA_TIME_RULE). */
export const TIMESTAMP_RULE = 'a timestamp in milliseconds from 1970 to the year 9999';

/**
 * What is wrong with a span of a recording (an answer's `t` to `end`, seconds), or null when
 * nothing is: each end a media time, and an end only after a start that comes before it.
 */
export function spanProblem(start: number | undefined, end: number | undefined): string | null {
  if (start !== undefined && !isMediaTime(start)) return t('time_spanStartRule', MAX_MEDIA_SECONDS);
  if (end === undefined) return null;
  if (!isMediaTime(end)) return t('time_spanEndRule', MAX_MEDIA_SECONDS);
  if (start === undefined) return t('time_spanEndNoStart');
  return end > start ? null : t('time_spanEndBeforeStart', formatTime(end), formatTime(start));
}

/**
 * Formats seconds as h:mm:ss, or m:ss under an hour (how players show time). A time the media
 * time rule refuses shows as 0:00, where its links open (a database from before the rule may hold one).
 */
export function formatTime(seconds: number): string {
  if (!isMediaTime(seconds)) return '0:00';
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const CLOCK = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/;
const UNITS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/** A time read from what a person typed: its seconds, or a sentence saying what is wrong. */
export type TimeReading = { ok: true; seconds: number } | { ok: false; message: string };

/**
 * Reads a time typed by a person: "1:02:03", "2:03", "75", "75.5", "1h2m3s", "2m", "90s", in
 * seconds. Anything else, and any time the media time rule refuses (past 100 hours), gives a
 * message for the user instead.
 */
export function readMediaTime(input: string): TimeReading {
  const seconds = readTime(input.trim().toLowerCase());
  if (seconds === null) return { ok: false, message: t('time_unreadable') };
  if (!isMediaTime(seconds)) return { ok: false, message: t('time_tooLate', formatTime(MAX_MEDIA_SECONDS)) };
  return { ok: true, seconds };
}

/** readMediaTime's seconds, or null for anything it refuses (a paste or CSV cell, where no message fits). */
export function parseTime(input: string): number | null {
  const reading = readMediaTime(input);
  return reading.ok ? reading.seconds : null;
}

function readTime(text: string): number | null {
  if (text === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const clock = CLOCK.exec(text);
  if (clock) {
    const [, h, m, s] = clock;
    const minutes = Number(m);
    const secs = Number(s);
    // Minutes may run past 59 only when they are the first field ("125:30" is 2 h 5 min 30 s).
    if (h !== undefined && ((m ?? '').length > 2 || minutes >= 60)) return null;
    if (secs >= 60) return null;
    return Number(h ?? 0) * 3600 + minutes * 60 + secs;
  }
  const units = UNITS.exec(text);
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  return null;
}
