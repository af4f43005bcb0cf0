import { useEffect, useState } from 'preact/hooks';
import { BACKUP_FOLDER, type AutoBackupFrequency } from '../../core/auto-backup';
import { MAX_LEAD_IN_SECONDS, type Settings } from '../../core/settings';
import { loadAutoBackupState } from '../../db/auto-backup';
import { parseBackupRun, type BackupRun, type PageRequest } from '../../messaging/protocol';
import { loadSettings, saveSettings } from '../../db/settings';
import browser from '../../platform/browser';
import { ATTACH_FRAME_COMMAND, NEW_NOTE_COMMAND } from '../../platform/pages';
import { useLiveQuery } from '../shared/live-query';
import { errorText } from '../../core/error-text';
import { FEEDBACK, failedText } from '../../core/feedback-text';
import { FormError } from '../shared/FormError';
import { ToastBar } from '../shared/ToastBar';
import type { Toast } from '../shared/toast';
import { openLibrary } from '../shared/open-library';
import { SitesSection } from './SitesSection';
import { useShortcuts } from '../shared/use-shortcuts';
import { CaptionsSection } from './CaptionsSection';
import { SyncSection } from './SyncSection';
import { LanguageSection } from './LanguageSection';
import { hasSidePanel } from '../../platform/side-panel';
import { t, ui18n, type MessageKey } from '../../core/i18n';
import { withElements } from './with-elements';

/** Export and import live in the library, with the notes they move. */
function LibrarySection() {
  return (
    <section>
      <h2>{t('options_exportHeading')}</h2>
      <p class="muted">{t('options_exportHint')}</p>
      <button type="button" onClick={() => void openLibrary()}>
        {t('options_openLibrary')}
      </button>
    </section>
  );
}

const FREQUENCIES: { value: AutoBackupFrequency; label: MessageKey }[] = [
  { value: 'weekly', label: 'options_autoBackupWeekly' },
  { value: 'daily', label: 'options_autoBackupDaily' },
  { value: 'off', label: 'options_autoBackupOff' },
];

function when(at: number): string {
  return ui18n().date(at, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How often a backup file is written, what the last one was, and "Back up now". */
function AutoBackupSection({ frequency, change }: { frequency: AutoBackupFrequency; change: (changes: Partial<Settings>) => void }) {
  const state = useLiveQuery(loadAutoBackupState, []);
  const [run, setRun] = useState<BackupRun | 'running' | null>(null);
  const backUpNow = async () => {
    setRun('running');
    const request: PageRequest = { type: 'back-up-now' };
    try {
      setRun(parseBackupRun(await browser.runtime.sendMessage(request)) ?? { outcome: 'failed', message: t('options_noAnswer') });
    } catch (error) {
      setRun({ outcome: 'failed', message: errorText(error) });
    }
  };
  const last = state.state === 'ready' ? state.value.last : undefined;
  const failure = state.state === 'ready' ? state.value.failure : undefined;
  return (
    <section aria-labelledby="auto-backup-heading">
      <h2 id="auto-backup-heading">{t('options_autoBackupHeading')}</h2>
      <p class="muted">{withElements('options_autoBackupHint', <q>{BACKUP_FOLDER}</q>)}</p>
      <fieldset class="choices">
        <legend>{t('options_autoBackupLegend')}</legend>
        {FREQUENCIES.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name="auto-backup"
              value={option.value}
              checked={frequency === option.value}
              onChange={() => change({ autoBackup: option.value })}
            />{' '}
            {t(option.label)}
          </label>
        ))}
      </fieldset>
      <p class="last-backup">
        {last ? withElements('options_lastBackup', when(last.at), <code>{last.file}</code>) : t('options_noBackupYet')}
      </p>
      {failure && (
        <p class="error backup-failure" role="alert">
          {t('options_backupFailed', when(failure.at), failure.message)}
        </p>
      )}
      <p class="backup-actions">
        <button type="button" disabled={run === 'running'} onClick={() => void backUpNow()}>
          {t('options_backUpNow')}
        </button>
        {/* A failure the database kept shows above, once. */}
        {run && run !== 'running' && !(run.outcome === 'failed' && run.message === failure?.message) && (
          <span class={run.outcome === 'failed' ? 'error' : undefined} role="status">
            {run.outcome === 'written' ? t('options_backupWritten', run.file) : run.outcome === 'skipped' ? run.reason : run.message}
          </span>
        )}
      </p>
    </section>
  );
}

export function Options() {
  const settings = useLiveQuery(loadSettings, []);
  const shortcuts = useShortcuts();
  const [toast, setToast] = useState<Toast | null>(null);
  const [leadInError, setLeadInError] = useState<string | null>(null);

  // What the user just chose, shown until the stored settings catch up: a box bound only to the
  // stored value springs back for the moment the write takes (and a click then seems to do nothing).
  const [pending, setPending] = useState<Partial<Settings>>({});
  const stored = settings.state === 'ready' ? settings.value : null;
  useEffect(() => setPending({}), [stored]);

  const change = (changes: Partial<Settings>) => {
    setPending((before) => ({ ...before, ...changes }));
    void saveSettings(changes).then(
      () => setToast({ text: FEEDBACK.saved.done }),
      (error: unknown) => {
        // Not stored: show what is.
        setPending({});
        setToast({ text: failedText('saved', error) });
      },
    );
  };

  if (settings.state !== 'ready') {
    return <main class="options">{settings.state === 'failed' ? <p class="error">{settings.error.message}</p> : null}</main>;
  }
  const value = { ...settings.value, ...pending };
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <LanguageSection />
      <section>
        <h2>{t('options_takingNotesHeading')}</h2>
        <label class="row">
          <span>
            {t('options_leadIn')} <span class="muted">{t('options_leadInHint')}</span>
          </span>
          <input
            type="number"
            min={0}
            max={MAX_LEAD_IN_SECONDS}
            step={0.5}
            value={value.leadInSeconds}
            onChange={(event) => {
              const n = event.currentTarget.valueAsNumber;
              const valid = Number.isFinite(n) && n >= 0 && n <= MAX_LEAD_IN_SECONDS;
              setLeadInError(valid ? null : t('options_leadInInvalid', MAX_LEAD_IN_SECONDS));
              if (valid) change({ leadInSeconds: n });
            }}
          />
        </label>
        <FormError message={leadInError} />
        <label class="row">
          <input
            type="checkbox"
            checked={value.pauseWhileTyping}
            onChange={(event) => change({ pauseWhileTyping: event.currentTarget.checked })}
          />
          <span>{t('options_pauseWhileTyping')}</span>
        </label>
        <label class="row">
          <input
            type="checkbox"
            checked={value.openPanelOnVideo}
            onChange={(event) => change({ openPanelOnVideo: event.currentTarget.checked })}
          />
          <span>{t('options_openPanelOnVideo')}</span>
        </label>
        {hasSidePanel() && (
          <label class="row">
            <input
              type="checkbox"
              checked={value.typeInSidePanel}
              onChange={(event) => change({ typeInSidePanel: event.currentTarget.checked })}
            />
            <span>
              {t('options_typeInSidePanel')} <span class="muted">{t('options_typeInSidePanelHint')}</span>
            </span>
          </label>
        )}
      </section>
      <CaptionsSection value={value} change={change} toast={setToast} />
      <section>
        <h2>{t('options_shortcutsHeading')}</h2>
        <p>{withElements('options_shortcutNewNote', <ShortcutKeys keys={shortcuts?.[NEW_NOTE_COMMAND]} />)}</p>
        <p>{withElements('options_shortcutAttachFrame', <ShortcutKeys keys={shortcuts?.[ATTACH_FRAME_COMMAND]} />)}</p>
        <p class="muted">{t('options_shortcutsHint')}</p>
      </section>
      <SitesSection />
      <AutoBackupSection frequency={value.autoBackup} change={change} />
      <SyncSection />
      <LibrarySection />
      <ToastBar toast={toast} onClose={() => setToast(null)} />
    </main>
  );
}

/** A shortcut's keys as the browser has them; `undefined` while they are read. */
function ShortcutKeys({ keys }: { keys: string | undefined }) {
  if (keys === undefined) return <>…</>;
  return keys ? <kbd>{keys}</kbd> : <em>{t('options_noKeyAssigned')}</em>;
}
