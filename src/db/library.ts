import type { LibraryData } from '../core/library';
import { db } from './schema';

/** Everything the library shows, trash included, read as one consistent snapshot. */
export async function loadLibrary(): Promise<LibraryData> {
  const database = db();
  return database.transaction('r', database.recordings, database.notes, database.qa, async () => {
    const [recordings, notes, qa] = await Promise.all([database.recordings.toArray(), database.notes.toArray(), database.qa.toArray()]);
    return { recordings, notes, qa };
  });
}

/** Deletes every trashed note and question for good. Returns how many went. */
export async function emptyTrash(): Promise<number> {
  const database = db();
  return database.transaction('rw', database.notes, database.qa, async () => {
    const [notes, qa] = await Promise.all([
      database.notes.where('deletedAt').above(0).primaryKeys(),
      database.qa.where('deletedAt').above(0).primaryKeys(),
    ]);
    await database.notes.bulkDelete(notes);
    await database.qa.bulkDelete(qa);
    return notes.length + qa.length;
  });
}
