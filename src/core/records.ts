/**
 * Which records are live and the order every list shows them in: the panel, the library, the
 * exports and the database reads all call these, so a note or question sits in the same place
 * on every screen and in every export.
 */
import type { Note, QaItem } from './model';

/** Not in the trash: `deletedAt` (ms) is unset. `null` counts as unset too (a hand-edited backup). */
export function isLive(record: { deletedAt?: number | null }): boolean {
  return record.deletedAt == null;
}

/** Notes by time (seconds), then by when they were written (`createdAt`, ms). */
export function byTime(a: Note, b: Note): number {
  return a.t - b.t || a.createdAt - b.createdAt;
}

/** A question's place on the timeline: its time when it has a real one, else after every time. */
const askedAt = (item: QaItem): number => (item.t !== undefined && Number.isFinite(item.t) ? item.t : Infinity);

/** Questions by the time they were asked (seconds), untimed ones last, then by when they were added (`createdAt`, ms). */
export function byAsked(a: QaItem, b: QaItem): number {
  const [at, bt] = [askedAt(a), askedAt(b)];
  return (at === bt ? 0 : at < bt ? -1 : 1) || a.createdAt - b.createdAt;
}

/** The notes not in the trash, in `byTime` order (a new array; the input is not changed). */
export function liveNotes(notes: readonly Note[]): Note[] {
  return notes.filter(isLive).sort(byTime);
}

/** The questions not in the trash, in `byAsked` order (a new array; the input is not changed). */
export function liveQa(items: readonly QaItem[]): QaItem[] {
  return items.filter(isLive).sort(byAsked);
}
