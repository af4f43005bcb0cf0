import { makeBackup, mergePlan, parseBackup, type Backup, type MergeCounts } from '../core/backup';
import { db } from './schema';

/**
 * One recording with all its notes and Q&A, trashed ones included (the trash is part of what the
 * user has), or everything. Read in one transaction, so the file is a consistent snapshot.
 */
export async function exportBackup(scope: { recordingKey?: string }): Promise<Backup> {
  const database = db();
  const { recordingKey } = scope;
  return database.transaction('r', database.recordings, database.notes, database.qa, async () => {
    if (recordingKey === undefined) {
      const [recordings, notes, qa] = await Promise.all([
        database.recordings.toArray(),
        database.notes.toArray(),
        database.qa.toArray(),
      ]);
      return makeBackup({ recordings, notes, qa }, new Date());
    }
    const recording = await database.recordings.get(recordingKey);
    // Without its recording the notes would dangle, and the file would not import.
    if (!recording) return makeBackup({ recordings: [], notes: [], qa: [] }, new Date());
    const [notes, qa] = await Promise.all([
      database.notes.where('recordingKey').equals(recordingKey).toArray(),
      database.qa.where('recordingKey').equals(recordingKey).toArray(),
    ]);
    return makeBackup({ recordings: [recording], notes, qa }, new Date());
  });
}

export type ImportResult = { ok: true; counts: MergeCounts } | { ok: false; message: string };

/**
 * Checks the whole file first, then merges it in one transaction over the three tables: either
 * every record the plan puts is written, or (on any failure) none is.
 */
export async function importBackup(text: string): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { backup } = parsed;
  const database = db();
  try {
    const counts = await database.transaction('rw', database.recordings, database.notes, database.qa, async () => {
      // Only the records the file names: the plan needs nothing else, and a large database stays unread.
      const [recordings, notes, qa] = await Promise.all([
        database.recordings.bulkGet(backup.recordings.map((r) => r.key)),
        database.notes.bulkGet(backup.notes.map((n) => n.id)),
        database.qa.bulkGet(backup.qa.map((q) => q.id)),
      ]);
      const present = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined);
      const plan = mergePlan({ recordings: present(recordings), notes: present(notes), qa: present(qa) }, backup);
      await database.recordings.bulkPut(plan.put.recordings);
      await database.notes.bulkPut(plan.put.notes);
      await database.qa.bulkPut(plan.put.qa);
      return plan.counts;
    });
    return { ok: true, counts };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The backup could not be saved (${reason}). Nothing was changed.` };
  }
}

/** The full backup as the file a user keeps: the same JSON "Download a backup" writes. */
export async function backupFileBlob(): Promise<Blob> {
  return new Blob([JSON.stringify(await exportBackup({}), null, 2)], { type: 'application/json' });
}
