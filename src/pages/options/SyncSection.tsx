import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../core/error-text';
import { statusText } from '../../core/sync/status';
import { forgetSyncState, loadSyncStatus, saveSyncStatus } from '../../db/sync-status';
import type { SyncRun } from '../../messaging/protocol';
import browser from '../../platform/browser';
import { forgetAccount, loadAccount, originPattern, saveAccount, type SyncAccount } from '../../platform/sync-account';
import { checkServer, folderUrl, type CheckLine } from '../../platform/webdav';
import { useLiveQuery } from '../shared/live-query';
import { t } from '../../core/i18n';
import { authorNameProblem, normalAuthorName } from '../../core/sync/team';
import { syncNow } from '../shared/sync-now';

/**
 * Sync through the user's own WebDAV server: address, user and app password; Test (which asks for
 * the server's host permission, from the click, and saves the account once every check holds),
 * Sync now, Forget; and the status.
 */
type Form = Required<SyncAccount> & { team: boolean };
const EMPTY: Form = { url: '', user: '', password: '', passphrase: '', teamName: '', team: false };

export function SyncSection() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [configured, setConfigured] = useState(false);
  const [lines, setLines] = useState<CheckLine[] | 'testing' | null>(null);
  const [run, setRun] = useState<SyncRun | 'running' | null>(null);
  /** "Sync now" runs finished on this page: what a test waits for. */
  const [runs, setRuns] = useState(0);
  const status = useLiveQuery(loadSyncStatus, []);
  useEffect(() => {
    void loadAccount().then((account) => {
      if (!account) return;
      setForm({ ...EMPTY, ...account, team: account.teamName !== undefined });
      setConfigured(true);
    });
  }, []);

  const test = () => {
    setRun(null);
    let pattern: string;
    const nameProblem = form.team ? authorNameProblem(form.teamName) : null;
    if (nameProblem) {
      setLines([{ ok: false, text: t(nameProblem) }]);
      return;
    }
    try {
      pattern = originPattern(folderUrl(form.url).href);
    } catch (error) {
      setLines([{ ok: false, text: (error as Error).message }]);
      return;
    }
    setLines('testing');
    // Asked within the click: a permission request needs the user's gesture.
    void browser.permissions.request({ origins: [pattern] }).then(
      async (granted) => {
        if (!granted) {
          setLines([{ ok: false, text: t('options_syncRefused', new URL(form.url).hostname) }]);
          return;
        }
        const found = await checkServer(form);
        if (found.every((line) => line.ok)) {
          const { passphrase, teamName, team, ...account } = form;
          const before = await loadAccount();
          await saveAccount({ ...account, ...(passphrase ? { passphrase } : {}), ...(team ? { teamName: normalAuthorName(teamName) } : {}) });
          // A failure of the old settings no longer holds the next sync back; another folder or
          // user has no last sync yet.
          const { failure: _failure, ...rest } = await loadSyncStatus();
          await saveSyncStatus(before?.url === form.url && before.user === form.user ? rest : {});
          setConfigured(true);
          found.push({ ok: true, text: t('options_syncSaved') });
        }
        setLines(found);
      },
      (error: unknown) => setLines([{ ok: false, text: t('options_syncPermissionFailed', errorText(error)) }]),
    );
  };

  const sync = async () => {
    setRun('running');
    setRun(await syncNow());
    setRuns((n) => n + 1);
  };

  const forget = async () => {
    await forgetAccount();
    await forgetSyncState();
    setForm(EMPTY);
    setConfigured(false);
    setLines(null);
    setRun(null);
  };

  const field = (name: Exclude<keyof Form, 'team'>) => ({
    value: form[name],
    onInput: (event: Event) => setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  const shown = status.state === 'ready' ? statusText(status.value, configured) : '';
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('options_syncHeading')}</h2>
      <p class="muted">{t('options_syncHint')}</p>
      <label class="field">
        <span>
          {t('options_syncUrl')} <span class="muted">{t('options_syncUrlHint')}</span>
        </span>
        <input id="sync-url" type="url" placeholder={t('options_syncUrlExample')} autocomplete="off" {...field('url')} />
      </label>
      <label class="field">
        <span>{t('options_syncUser')}</span>
        <input id="sync-user" type="text" autocomplete="username" {...field('user')} />
      </label>
      <label class="field">
        <span>{t('options_syncPassword')}</span>
        <input id="sync-password" type="password" autocomplete="new-password" {...field('password')} />
      </label>
      <label class="field">
        <span>
          {t('options_syncPassphrase')} <span class="muted">{t('options_syncPassphraseHint')}</span>
        </span>
        <input id="sync-passphrase" type="password" autocomplete="off" {...field('passphrase')} />
      </label>
      <label class="row">
        <input type="checkbox" checked={form.team} onChange={(event) => setForm({ ...form, team: event.currentTarget.checked })} />
        <span>
          {t('sync_teamFolder')} <span class="muted">{t('sync_teamFolderHint')}</span>
        </span>
      </label>
      {form.team && (
        <label class="field">
          <span>
            {t('sync_teamName')} <span class="muted">{t('sync_teamNameHint')}</span>
          </span>
          <input id="sync-team-name" type="text" autocomplete="name" required {...field('teamName')} />
        </label>
      )}
      <p class="backup-actions">
        <button type="button" disabled={lines === 'testing'} onClick={test}>
          {t('options_syncTest')}
        </button>
        <button type="button" disabled={!configured || run === 'running'} onClick={() => void sync()}>
          {t('options_syncNow')}
        </button>
        <button type="button" disabled={!configured && !form.url && !form.user && !form.password && !form.passphrase} onClick={() => void forget()}>
          {t('options_syncForget')}
        </button>
      </p>
      {lines === 'testing' && <p role="status">{t('options_syncTesting')}</p>}
      {Array.isArray(lines) && (
        <ul class="sync-check" aria-label={t('options_syncChecks')}>
          {lines.map((line) => (
            <li key={line.text} class={line.ok ? undefined : 'error'}>
              {line.ok ? '✓' : '✗'} {line.text}
            </li>
          ))}
        </ul>
      )}
      {/* A failure is kept in the status below, with the next try: said once, there. */}
      {run && run !== 'running' && run.outcome === 'skipped' && <p role="status">{run.reason}</p>}
      <p class="sync-status" role="status" aria-live="polite" data-runs={runs}>
        {run === 'running' ? t('options_syncing') : shown}
      </p>
    </section>
  );
}
