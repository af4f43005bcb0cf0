import { t, ui18n, type Language } from '../../core/i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** One formatter per language, made when first used (they are costly to make). */
const relatives = new Map<Language, Intl.RelativeTimeFormat>();
function relative(lang: Language): Intl.RelativeTimeFormat {
  let format = relatives.get(lang);
  if (!format) relatives.set(lang, (format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  return format;
}

/** "3 days ago", "yesterday", "just now" ("3 gün önce", "dün", "az önce"): how long ago `ms` was, in the pages' language. */
export function ago(ms: number, now = Date.now()): string {
  const elapsed = now - ms;
  for (const [unit, size] of UNITS) if (Math.abs(elapsed) >= size) return relative(ui18n().lang).format(-Math.round(elapsed / size), unit);
  return t('library_justNow');
}

/** The day of `ms` in the pages' language: "Dec 2, 2026", "2 Ara 2026". */
export function day(ms: number): string {
  return ui18n().date(ms, { year: 'numeric', month: 'short', day: 'numeric' });
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A webinar's date as its details hold it ("2026-10-02", a calendar day with no time zone) in the
 * pages' language: "October 2, 2026", "2 Ekim 2026". A text that is no such day is shown as typed.
 */
export function webinarDay(iso: string): string {
  const text = iso.trim();
  const match = ISO_DAY.exec(text);
  if (!match) return text;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  // Date.UTC rolls 31 February over into March: such a day is shown as typed.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return text;
  return ui18n().date(ms, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
