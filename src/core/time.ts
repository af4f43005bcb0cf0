/** Formats seconds as h:mm:ss, or m:ss under an hour (how players show time). */
export function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '0:00';
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const CLOCK = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/;
const UNITS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/**
 * Reads a time typed by a person: "1:02:03", "2:03", "75", "75.5", "1h2m3s", "2m", "90s".
 * Returns null for anything else, including negative and empty input.
 */
export function parseTime(input: string): number | null {
  const seconds = readTime(input.trim().toLowerCase());
  return seconds !== null && Number.isFinite(seconds) ? seconds : null;
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
