import type { SyncStatus } from '../core/sync/status';
import { db } from './schema';
import { SYNC_STATE_KEY, type SyncState } from './sync';

/** Its own row of `settings`, as the automatic backup's: what the settings page and the library show. */
const KEY = 'sync-status';

export async function loadSyncStatus(): Promise<SyncStatus> {
  const value = (await db().settings.get(KEY))?.value;
  return typeof value === 'object' && value !== null ? (value as SyncStatus) : {};
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await db().settings.put({ key: KEY, value: status });
}

/** Whether anything was written here since the last sync's mark (no mark: never synced). */
export async function changedSinceSync(): Promise<boolean> {
  const database = db();
  return database.transaction('r', database.settings, database.changes, async () => {
    const state = (await database.settings.get(SYNC_STATE_KEY))?.value as SyncState | undefined;
    if (state?.mark === undefined) return true;
    if (state.pending.length > 0) return true;
    return Number((await database.changes.orderBy('seq').lastKey()) ?? 0) > state.mark;
  });
}

/** Forgets what this device knew of the server (with the account): a new one starts afresh. */
export async function forgetSyncState(): Promise<void> {
  await db().settings.bulkDelete([KEY, SYNC_STATE_KEY]);
}
