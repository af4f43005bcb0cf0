import { afterEach, beforeEach, vi } from 'vitest';
import { db } from '../../src/db/schema';

/** Opens the (fake-indexeddb) database and empties every table: each test starts from nothing. */
export async function emptyDatabase(): Promise<void> {
  const database = db();
  await database.open();
  // The records first: clearing them writes the change log and the counts, emptied after.
  const derived = new Set(['changes', 'recordingStats']);
  await Promise.all(database.tables.filter((table) => !derived.has(table.name)).map((table) => table.clear()));
  await Promise.all(database.tables.filter((table) => derived.has(table.name)).map((table) => table.clear()));
}

/**
 * Before each test: an empty database, and `Date.now` reading `clock.now` (1,000 at the start),
 * so the times the code stores are the test's to choose.
 */
export function useEmptyDatabaseAndClock(): { now: number } {
  const clock = { now: 1_000 };
  beforeEach(async () => {
    await emptyDatabase();
    clock.now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock.now);
  });
  afterEach(() => vi.restoreAllMocks());
  return clock;
}
