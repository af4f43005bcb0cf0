import { autoBackupStateFrom, type AutoBackupState, type DataSummary } from '../core/auto-backup';
import { db } from './schema';

/** Its own row of the `settings` table: state the extension keeps, not a choice of the user's. */
const KEY = 'auto-backup';
/**
 * When an import last changed something. An import may write records whose own `updatedAt` is
 * older than the last backup file, and may replace some without adding any.
 */
export const IMPORTED_KEY = 'last-import';

export async function loadAutoBackupState(): Promise<AutoBackupState> {
  return autoBackupStateFrom((await db().settings.get(KEY))?.value);
}

export async function saveAutoBackupState(state: AutoBackupState): Promise<void> {
  await db().settings.put({ key: KEY, value: state });
}

/** Called inside the import's transaction, so the mark and the records land together. */
export async function markImport(at: number): Promise<void> {
  await db().settings.put({ key: IMPORTED_KEY, value: at });
}

/** How many records there are and when the newest changed: the `updatedAt` indexes, or the last import. */
export async function dataSummary(): Promise<DataSummary> {
  const database = db();
  return database.transaction('r', database.recordings, database.notes, database.qa, database.settings, async () => {
    const tables = [database.recordings, database.notes, database.qa] as const;
    const counts = await Promise.all(tables.map((table) => table.count()));
    const newest = await Promise.all(tables.map((table) => table.orderBy('updatedAt').last()));
    const imported = (await database.settings.get(IMPORTED_KEY))?.value;
    return {
      records: counts.reduce((sum, n) => sum + n, 0),
      lastChange: Math.max(0, ...newest.map((item) => item?.updatedAt ?? 0), typeof imported === 'number' ? imported : 0),
    };
  });
}
