import { autoBackupStateFrom, type AutoBackupState, type DataSummary } from '../core/auto-backup';
import { db } from './schema';

/** Its own row of the `settings` table: state the extension keeps, not a choice of the user's. */
const KEY = 'auto-backup';

export async function loadAutoBackupState(): Promise<AutoBackupState> {
  return autoBackupStateFrom((await db().settings.get(KEY))?.value);
}

export async function saveAutoBackupState(state: AutoBackupState): Promise<void> {
  await db().settings.put({ key: KEY, value: state });
}

/** How many records there are and when the newest changed, from the `updatedAt` indexes. */
export async function dataSummary(): Promise<DataSummary> {
  const database = db();
  return database.transaction('r', database.recordings, database.notes, database.qa, async () => {
    const tables = [database.recordings, database.notes, database.qa] as const;
    const counts = await Promise.all(tables.map((table) => table.count()));
    const newest = await Promise.all(tables.map((table) => table.orderBy('updatedAt').last()));
    return {
      records: counts.reduce((sum, n) => sum + n, 0),
      lastChange: Math.max(0, ...newest.map((item) => item?.updatedAt ?? 0)),
    };
  });
}
