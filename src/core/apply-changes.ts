/**
 * A list read once and then kept up to date from the rows that changed (the change log,
 * db/changes.ts), instead of being read again whole: an open panel's notes and questions.
 */

/**
 * `list` (sorted by `order`, ties by id) with the rows in `changed` applied: each changed id leaves
 * the list, and comes back at its place if its row as stored now (`undefined`: deleted) passes
 * `keep` (its recording's, not in the trash). The result is what a full read of the kept rows,
 * sorted the same way, gives: the database reads break ties of `order` by primary key, and so does
 * this. The same array comes back when nothing in it changed, so a change to another recording
 * re-renders nothing. O(n) to find the ids, O(log n) a row to place it, no sort.
 */
export function applyChanges<T extends { id: string }>(
  list: readonly T[],
  changed: ReadonlyMap<string, T | undefined>,
  keep: (row: T) => boolean,
  order: (a: T, b: T) => number,
): readonly T[] {
  const arriving = [...changed.values()].filter((row): row is T => row !== undefined && keep(row));
  const leaving = changed.size > 0 && list.some((row) => changed.has(row.id));
  if (!leaving && arriving.length === 0) return list;
  const next = leaving ? list.filter((row) => !changed.has(row.id)) : [...list];
  const ordered = thenById(order);
  for (const row of arriving) next.splice(insertionPoint(next, row, ordered), 0, row);
  return next;
}

/** `order`, then primary key: the order an index read sorted by `order` gives. */
export function thenById<T extends { id: string }>(order: (a: T, b: T) => number): (a: T, b: T) => number {
  return (a, b) => order(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first index whose row sorts after `row` (binary search). */
function insertionPoint<T>(sorted: readonly T[], row: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(sorted[mid] as T, row) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
