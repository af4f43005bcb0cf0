import { useEffect, useRef, useState } from 'preact/hooks';
import { type Backup, importSummary, imagesBackupSize } from '../../core/backup';
import { exportBackup, importBackup, type ImportProgress } from '../../db/backup';
import { imageTotals } from '../../db/images';
import { downloadText } from '../shared/download';
import { errorText } from '../../core/error-text';
import { formatBytes } from '../../core/images';
import { SyncLine } from '../shared/SyncLine';

type Job =
  | { kind: 'idle' }
  /** The library holds pictures: with or without them, each with the file's size. */
  | { kind: 'choose'; json: string; backup: Backup; without: number; with: number }
  | { kind: 'export'; stage: string }
  | { kind: 'import'; progress: ImportProgress; file: string };

/** Export and import of everything, with progress, and how much the notes take on disk. */
export function BackupBar() {
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const used = useStorageUsed(job.kind);
  // Export everything is disabled while the choice shows: the focus moves to the choice, not to the page.
  const firstChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (job.kind === 'choose') firstChoice.current?.focus();
  }, [job.kind]);

  const save = (json: string, backup: Backup, pictures: number) => {
    downloadText(json, 'application/json', `webinar-notes-backup-${backup.exportedAt.slice(0, 10)}.json`);
    const notes = backup.notes.length;
    const with_ = pictures > 0 ? ` and ${pictures.toLocaleString()} ${pictures === 1 ? 'picture' : 'pictures'}` : '';
    setResult({ ok: true, text: `Backup of ${backup.recordings.length.toLocaleString()} recordings and ${notes.toLocaleString()} notes${with_} saved to your downloads.` });
  };

  /**
   * Reads the library without pictures; when it holds none, saves it, else offers both files with
   * their sizes (the one without pictures measured, the one with them counted from the kept stats).
   */
  const download = async () => {
    setResult(null);
    setJob({ kind: 'export', stage: 'Reading your notes…' });
    try {
      const [backup, pictures] = await Promise.all([exportBackup({}), imageTotals()]);
      setJob({ kind: 'export', stage: 'Writing the file…' });
      // Lets the progress line paint before the (synchronous) stringify of a large library.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const json = JSON.stringify(backup, null, 2);
      if (pictures.count === 0) {
        save(json, backup, 0);
        setJob({ kind: 'idle' });
        return;
      }
      const without = new Blob([json]).size;
      setJob({ kind: 'choose', json, backup, without, with: without + imagesBackupSize(pictures.count, pictures.bytes) });
    } catch (error) {
      setResult({ ok: false, text: `The backup could not be made: ${errorText(error)}` });
      setJob({ kind: 'idle' });
    }
  };

  const choose = async (choice: Extract<Job, { kind: 'choose' }>, images: boolean) => {
    if (!images) {
      save(choice.json, choice.backup, 0);
      setJob({ kind: 'idle' });
      return;
    }
    setJob({ kind: 'export', stage: 'Reading your notes and pictures…' });
    try {
      const backup = await exportBackup({ images: true });
      setJob({ kind: 'export', stage: 'Writing the file…' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      save(JSON.stringify(backup, null, 2), backup, backup.images?.length ?? 0);
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
              text: `Restored from ${file.name}: ${importSummary(outcome.counts, outcome.adjusted, outcome.captionFixes, outcome.imageProblems)}`,
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
      {job.kind === 'choose' && (
        <div class="backup-choice" role="group" aria-label="Export everything">
          <span>Your library holds pictures. Export:</span>
          <button type="button" ref={firstChoice} onClick={() => void choose(job, false)}>
            Without images, {formatBytes(job.without)}
          </button>
          <button type="button" onClick={() => void choose(job, true)}>
            With images, {formatBytes(job.with)}
          </button>
          <button type="button" class="quiet" onClick={() => setJob({ kind: 'idle' })}>
            Cancel
          </button>
        </div>
      )}
      {(job.kind === 'export' || job.kind === 'import') && <JobProgress job={job} />}
      {result && (
        <p class={result.ok ? 'backup-result' : 'backup-result error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </footer>
  );
}

function JobProgress({ job }: { job: Extract<Job, { kind: 'export' | 'import' }> }) {
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
