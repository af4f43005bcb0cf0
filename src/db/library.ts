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

/** What the trash showed when the user asked to empty it. */
export interface TrashListing {
  notes: readonly string[];
  qa: readonly string[];
}

/**
 * Deletes for good the trashed notes and questions the user saw listed, and nothing trashed since
 * (an Undo in the panel must still find those). Links from notes to the deleted questions go too.
 * Returns how many went.
 */
export async function emptyTrash(listed: TrashListing): Promise<number> {
  const database = db();
  return database.transaction('rw', database.notes, database.qa, async () => {
    const [notes, qa] = await Promise.all([database.notes.bulkGet([...listed.notes]), database.qa.bulkGet([...listed.qa])]);
    const noteIds = notes.flatMap((note) => (note?.deletedAt !== undefined ? [note.id] : []));
    const qaIds = qa.flatMap((item) => (item?.deletedAt !== undefined ? [item.id] : []));
    await database.notes.bulkDelete(noteIds);
    await database.qa.bulkDelete(qaIds);
    const gone = new Set(qaIds);
    for (const note of await database.notes.where('qaIds').anyOf(qaIds).toArray()) {
      await database.notes.update(note.id, { qaIds: (note.qaIds ?? []).filter((id) => !gone.has(id)) });
    }
    return noteIds.length + qaIds.length;
  });
}
