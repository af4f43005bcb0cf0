import { db } from '../../src/db/schema';

/** Opens the (fake-indexeddb) database and empties every table: each test starts from nothing. */
export async function emptyDatabase(): Promise<void> {
  const database = db();
  await database.open();
  await Promise.all(database.tables.map((table) => table.clear()));
}
