import { db } from './schema';

/** An item as the trash showed it: which, and when it was trashed. */
interface Listed {
  id: string;
  deletedAt: number;
}

/** What the trash showed when the user asked to empty it. */
export interface TrashListing {
  notes: readonly Listed[];
  qa: readonly Listed[];
}

/**
 * Deletes for good the trashed notes and questions the user saw listed, as they were listed: not
 * one restored since, nor one trashed again since (an Undo in the panel must still find those).
 * Links from notes to the deleted questions go too, and so do the frames of the deleted notes
 * (kept while the note was in the trash, so restoring it brought them back). Returns how many
 * notes and questions went.
 */
export async function emptyTrash(listed: TrashListing): Promise<number> {
  const database = db();
  return database.transaction('rw', database.notes, database.qa, database.images, async () => {
    const unchanged = <T extends { id: string; deletedAt?: number }>(rows: (T | undefined)[], entries: readonly Listed[]) =>
      rows.flatMap((row, i) => (row && row.deletedAt !== undefined && row.deletedAt === entries[i]?.deletedAt ? [row.id] : []));
    const [notes, qa] = await Promise.all([
      database.notes.bulkGet(listed.notes.map((entry) => entry.id)),
      database.qa.bulkGet(listed.qa.map((entry) => entry.id)),
    ]);
    const noteIds = unchanged(notes, listed.notes);
    const qaIds = unchanged(qa, listed.qa);
    await database.notes.bulkDelete(noteIds);
    await database.images.where('noteId').anyOf(noteIds).delete();
    await database.qa.bulkDelete(qaIds);
    const gone = new Set(qaIds);
    for (const note of await database.notes.where('qaIds').anyOf(qaIds).toArray()) {
      await database.notes.update(note.id, { qaIds: (note.qaIds ?? []).filter((id) => !gone.has(id)) });
    }
    return noteIds.length + qaIds.length;
  });
}
