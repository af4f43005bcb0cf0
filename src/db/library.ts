import type { Tombstone } from '../core/sync/tombstones';
import { imageTombstones } from './images';
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
 * (kept while the note was in the trash, so restoring it brought them back). Each note and
 * question deleted leaves a tombstone (its kind, id, recording and the time now), and so does each
 * frame, so sync deletes them on the other devices too. Returns how many notes and questions went.
 */
export async function emptyTrash(listed: TrashListing): Promise<number> {
  const database = db();
  return database.transaction('rw', [database.notes, database.qa, database.images, database.tombstones], async () => {
    const unchanged = <T extends { id: string; recordingKey: string; deletedAt?: number }>(rows: (T | undefined)[], entries: readonly Listed[]) =>
      rows.flatMap((row, i) => (row && row.deletedAt !== undefined && row.deletedAt === entries[i]?.deletedAt ? [row] : []));
    const [notes, qa] = await Promise.all([
      database.notes.bulkGet(listed.notes.map((entry) => entry.id)),
      database.qa.bulkGet(listed.qa.map((entry) => entry.id)),
    ]);
    const goneNotes = unchanged(notes, listed.notes);
    const goneQa = unchanged(qa, listed.qa);
    const noteIds = goneNotes.map((note) => note.id);
    const qaIds = goneQa.map((item) => item.id);
    const now = Date.now();
    const tombstone = (kind: Tombstone['kind']) => (row: { id: string; recordingKey: string }): Tombstone => ({ kind, id: row.id, recordingKey: row.recordingKey, deletedAt: now });
    await database.tombstones.bulkPut([...goneNotes.map(tombstone('note')), ...goneQa.map(tombstone('qa'))]);
    await database.notes.bulkDelete(noteIds);
    const frames = await database.images.where('noteId').anyOf(noteIds).toArray();
    await database.images.bulkDelete(frames.map((frame) => frame.id));
    await database.tombstones.bulkPut(imageTombstones(frames, now));
    await database.qa.bulkDelete(qaIds);
    const gone = new Set(qaIds);
    for (const note of await database.notes.where('qaIds').anyOf(qaIds).toArray()) {
      await database.notes.update(note.id, { qaIds: (note.qaIds ?? []).filter((id) => !gone.has(id)) });
    }
    return noteIds.length + qaIds.length;
  });
}
