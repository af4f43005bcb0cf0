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

/** Export and import live in the library, with the notes they move. */
function LibrarySection() {
  return (
    <section>
      <h2>Export and import</h2>
      <p class="muted">
        The library exports everything to one file and imports a backup back: checked first, then merged, the newest version of
        each note winning.
      </p>
      <button type="button" onClick={() => void openLibrary()}>
        Open the library
      </button>
    </section>
  );
}

const FREQUENCIES: { value: AutoBackupFrequency; label: string }[] = [
  { value: 'weekly', label: 'Every week' },
  { value: 'daily', label: 'Every day' },
  { value: 'off', label: 'Off' },
];

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How often a backup file is written, what the last one was, and "Back up now". */
function AutoBackupSection({ frequency, change }: { frequency: AutoBackupFrequency; change: (changes: Partial<Settings>) => void }) {
  const state = useLiveQuery(loadAutoBackupState, []);
  const [run, setRun] = useState<BackupRun | 'running' | null>(null);
  const backUpNow = async () => {
    setRun('running');
    const request: PageRequest = { type: 'back-up-now' };
    try {
      setRun(parseBackupRun(await browser.runtime.sendMessage(request)) ?? { outcome: 'failed', message: 'The background gave no answer.' });
    } catch (error) {
      setRun({ outcome: 'failed', message: errorText(error) });
    }
  };
  const last = state.state === 'ready' ? state.value.last : undefined;
  const failure = state.state === 'ready' ? state.value.failure : undefined;
  return (
    <section aria-labelledby="auto-backup-heading">
      <h2 id="auto-backup-heading">Automatic backups</h2>
      <p class="muted">
        A backup file goes to the folder <q>{BACKUP_FOLDER}</q> in your Downloads folder, so uninstalling the extension (which
        deletes its notes from the browser) does not lose them; import the file in the library to get them back.
      </p>
      <fieldset class="choices">
        <legend>Write a backup file</legend>
        {FREQUENCIES.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name="auto-backup"
              value={option.value}
              checked={frequency === option.value}
              onChange={() => change({ autoBackup: option.value })}
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
      <p class="last-backup">
        {last ? (
          <>
            Last backup: {when(last.at)}, <code>{last.file}</code>
          </>
        ) : (
          'No backup file has been written yet.'
        )}
      </p>
      {failure && (
        <p class="error backup-failure" role="alert">
          The backup of {when(failure.at)} failed. {failure.message}
        </p>
      )}
      <p class="backup-actions">
        <button type="button" disabled={run === 'running'} onClick={() => void backUpNow()}>
          Back up now
        </button>
        {/* A failure the database kept shows above, once. */}
        {run && run !== 'running' && !(run.outcome === 'failed' && run.message === failure?.message) && (
          <span class={run.outcome === 'failed' ? 'error' : undefined} role="status">
            {run.outcome === 'written' ? `Written: ${run.file}` : run.outcome === 'skipped' ? run.reason : run.message}
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
      <h1>Webinar Notes settings</h1>
      <LanguageSection />
      <section>
        <h2>Taking notes</h2>
        <label class="row">
          <span>
            Lead-in <span class="muted">(seconds taken off the moment you start typing)</span>
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
              setLeadInError(valid ? null : `The lead-in is a number of seconds from 0 to ${MAX_LEAD_IN_SECONDS}.`);
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
          <span>Pause the video while I type a note, and resume when I save it</span>
        </label>
        <label class="row">
          <input
            type="checkbox"
            checked={value.openPanelOnVideo}
            onChange={(event) => change({ openPanelOnVideo: event.currentTarget.checked })}
          />
          <span>Open the notes panel as soon as a video is found</span>
        </label>
        {hasSidePanel() && (
          <label class="row">
            <input
              type="checkbox"
              checked={value.typeInSidePanel}
              onChange={(event) => change({ typeInSidePanel: event.currentTarget.checked })}
            />
            <span>
              Type notes only in the browser’s side panel{' '}
              <span class="muted">
                (the video’s page then cannot tell when you type. Beside the video it can tell when, never what; pausing the video
                while you type tells it too)
              </span>
            </span>
          </label>
        )}
      </section>
      <CaptionsSection value={value} change={change} toast={setToast} />
      <section>
        <h2>Keyboard shortcuts</h2>
        <p>
          New note at the current moment: <ShortcutKeys keys={shortcuts?.[NEW_NOTE_COMMAND]} />
        </p>
        <p>
          Attach the video’s frame to the note: <ShortcutKeys keys={shortcuts?.[ATTACH_FRAME_COMMAND]} />
        </p>
        <p class="muted">The browser's extension shortcut settings change them.</p>
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
  return keys ? <kbd>{keys}</kbd> : <em>no key assigned</em>;
}
