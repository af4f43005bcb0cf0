const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "yesterday", "just now": how long ago `ms` was. */
export function ago(ms: number, now = Date.now()): string {
  const elapsed = now - ms;
  for (const [unit, size] of UNITS) if (Math.abs(elapsed) >= size) return relative.format(-Math.round(elapsed / size), unit);
  return 'just now';
}

export function day(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
