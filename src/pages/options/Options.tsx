import { useEffect, useState } from 'preact/hooks';
import { MAX_LEAD_IN_SECONDS, type Settings } from '../../core/settings';
import { exportBackup, importBackup } from '../../db/backup';
import { loadSettings, saveSettings } from '../../db/settings';
import browser from '../../platform/browser';
import { useLiveQuery } from '../shared/live-query';
import { errorText } from '../shared/FormError';
import { downloadText } from '../shared/download';

function useShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      setShortcut(commands.find((command) => command.name === 'new-note')?.shortcut ?? '');
    });
  }, []);
  return shortcut;
}

/** Export everything, or bring a backup back: validated first, all or nothing. */
function BackupSection() {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const download = async () => {
    const backup = await exportBackup({});
    downloadText(JSON.stringify(backup, null, 2), 'application/json', `webinar-notes-backup-${backup.exportedAt.slice(0, 10)}.json`);
  };
  const restore = async (file: File) => {
    const outcome = await importBackup(await file.text());
    setResult(
      outcome.ok
        ? {
            ok: true,
            text: `Restored from ${file.name}: ${outcome.counts.added} added, ${outcome.counts.updated} updated, ${outcome.counts.kept} already up to date.`,
          }
        : { ok: false, text: outcome.message },
    );
  };
  return (
    <section>
      <h2>Backup</h2>
      <p class="muted">A backup file holds every recording, note and question. Importing merges it: the newest version of each wins.</p>
      <p class="backup-actions">
        <button type="button" onClick={() => void download()}>
          Download a backup
        </button>
        <label class="file">
          Import a backup{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void restore(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </p>
      {result && (
        <p class={result.ok ? 'restore-result' : 'restore-result error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </section>
  );
}

export function Options() {
  const settings = useLiveQuery(loadSettings, []);
  const shortcut = useShortcut();
  const [status, setStatus] = useState('');

  const change = (changes: Partial<Settings>) => {
    void saveSettings(changes).then(
      () => setStatus('Saved.'),
      (error: unknown) => setStatus(`Not saved: ${errorText(error)}`),
    );
  };

  if (settings.state !== 'ready') {
    return <main class="options">{settings.state === 'failed' ? <p class="error">{settings.error.message}</p> : null}</main>;
  }
  const value = settings.value;
  return (
    <main class="options">
      <h1>Webinar Notes settings</h1>
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
              if (Number.isFinite(n) && n >= 0 && n <= MAX_LEAD_IN_SECONDS) change({ leadInSeconds: n });
              else setStatus(`The lead-in is a number of seconds from 0 to ${MAX_LEAD_IN_SECONDS}.`);
            }}
          />
        </label>
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
      </section>
      <section>
        <h2>Keyboard shortcut</h2>
        <p>
          New note at the current moment:{' '}
          {shortcut === null ? '…' : shortcut ? <kbd>{shortcut}</kbd> : <em>no key assigned</em>}
        </p>
        <p class="muted">The browser's extension shortcut settings change it.</p>
      </section>
      <BackupSection />
      <p role="status" class="saved">
        {status}
      </p>
    </main>
  );
}
