import { useEffect, useState } from 'preact/hooks';
import { statusText } from '../../core/sync/status';
import { loadSyncStatus } from '../../db/sync-status';
import { loadAccount } from '../../platform/sync-account';
import { useLiveQuery } from './live-query';
import { syncNow } from './sync-now';
import { t } from '../../core/i18n';

/** The library's line about sync: the last sync or why it failed (kept up to date), and Sync now. Nothing while sync is not set up. */
export function SyncLine() {
  const [configured, setConfigured] = useState(false);
  const [running, setRunning] = useState(false);
  const status = useLiveQuery(loadSyncStatus, []);
  useEffect(() => {
    void loadAccount().then((account) => setConfigured(account !== undefined));
  }, []);
  if (!configured || status.state !== 'ready') return null;
  const sync = async () => {
    setRunning(true);
    await syncNow();
    setRunning(false);
  };
  return (
    <p class="sync-line">
      <span class={status.value.failure ? 'sync-status error' : 'sync-status'} role="status">
        {running ? t('shared_syncing') : statusText(status.value, true)}
      </span>{' '}
      <button type="button" disabled={running} onClick={() => void sync()}>
        {t('shared_syncNow')}
      </button>
    </p>
  );
}
