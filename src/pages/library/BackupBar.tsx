import { useEffect, useState } from 'preact/hooks';
import { importSummary } from '../../core/backup';
import { exportBackup, importBackup, type ImportProgress } from '../../db/backup';
import { downloadText } from '../shared/download';
import { errorText } from '../../core/error-text';
import { SyncLine } from '../shared/SyncLine';

type Job =
  | { kind: 'idle' }
  | { kind: 'export'; stage: string }
  | { kind: 'import'; progress: ImportProgress; file: string };

/** Export and import of everything, with progress, and how much the notes take on disk. */
export function BackupBar() {
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const used = useStorageUsed(job.kind);

  const download = async () => {
    setResult(null);
    setJob({ kind: 'export', stage: 'Reading your notes…' });
    try {
      const backup = await exportBackup({});
      setJob({ kind: 'export', stage: 'Writing the file…' });
      // Lets the progress line paint before the (synchronous) stringify of a large library.
      await new Promise((resolve) => setTimeout(resolve, 0));
      downloadText(JSON.stringify(backup, null, 2), 'application/json', `webinar-notes-backup-${backup.exportedAt.slice(0, 10)}.json`);
      const notes = backup.notes.length;
      setResult({ ok: true, text: `Backup of ${backup.recordings.length.toLocaleString()} recordings and ${notes.toLocaleString()} notes saved to your downloads.` });
    } catch (error) {
      setResult({ ok: false, text: `The backup could not be made: ${errorText(error)}` });
    }
    setJob({ kind: 'idle' });
  };

  const restore = async (file: File) => {
    setResult(null);
    setJob({ kind: 'import', progress: { stage: 'checking' }, file: file.name });
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      // Bytes, not file.text(): the core reads them as the command line does (a byte-order mark, UTF-16).
      const outcome = await importBackup(new Uint8Array(await file.arrayBuffer()), (progress) => setJob({ kind: 'import', progress, file: file.name }));
      setResult(
        outcome.ok
          ? {
              ok: true,
              text: `Restored from ${file.name}: ${importSummary(outcome.counts, outcome.adjusted, outcome.captionFixes)}`,
            }
          : { ok: false, text: outcome.message },
      );
    } catch (error) {
      // The file could not be read (moved, or unreadable) before anything was imported.
      setResult({ ok: false, text: `${file.name} could not be read (${errorText(error)}). Nothing was changed.` });
    } finally {
      setJob({ kind: 'idle' });
    }
  };

  return (
    <footer class="backup-bar">
      <div class="backup-actions">
        <button type="button" onClick={() => void download()} disabled={job.kind !== 'idle'}>
          Export everything
        </button>
        <label class={`file${job.kind !== 'idle' ? ' disabled' : ''}`}>
          Import a backup…
          <input
            type="file"
            accept="application/json,.json"
            disabled={job.kind !== 'idle'}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void restore(file);
            }}
          />
        </label>
        <span class="storage muted">{used}</span>
      </div>
      <SyncLine />
      {job.kind !== 'idle' && <JobProgress job={job} />}
      {result && (
        <p class={result.ok ? 'backup-result' : 'backup-result error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </footer>
  );
}

function JobProgress({ job }: { job: Exclude<Job, { kind: 'idle' }> }) {
  if (job.kind === 'export' || job.progress.stage === 'checking') {
    const label = job.kind === 'export' ? job.stage : `Checking ${job.file}…`;
    return (
      <p class="job">
        <progress aria-label={label} /> {label}
      </p>
    );
  }
  const { done, total } = job.progress;
  const label = `Saving ${done.toLocaleString()} of ${total.toLocaleString()} records…`;
  return (
    <p class="job">
      <progress max={total || 1} value={done} aria-label="Import progress" /> {label}
    </p>
  );
}

const UNITS = ['bytes', 'kB', 'MB', 'GB'];

function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

/** What the extension's storage holds, read again after each export or import. */
function useStorageUsed(when: unknown): string {
  const [used, setUsed] = useState('');
  useEffect(() => {
    navigator.storage
      ?.estimate()
      .then((estimate) => setUsed(`Storage used: ${formatBytes(estimate.usage ?? 0)}`))
      .catch(() => setUsed(''));
  }, [when]);
  return used;
}
