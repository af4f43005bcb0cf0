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
