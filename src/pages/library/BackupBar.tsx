import { useEffect, useRef, useState } from 'preact/hooks';
import { type Backup, importSummary, imagesBackupSize } from '../../core/backup';
import { exportBackup, importBackup, type ImportProgress } from '../../db/backup';
import { imageTotals } from '../../db/images';
import { downloadText } from '../shared/download';
import { errorText } from '../../core/error-text';
import { formatBytes } from '../../core/images';
import { SyncLine } from '../shared/SyncLine';
import { plural, t, type MessageKey } from '../../core/i18n';

type Job =
  | { kind: 'idle' }
  /** The library holds pictures: with or without them, each with the file's size. */
  | { kind: 'choose'; json: string; backup: Backup; without: number; with: number }
  /** The step, as a message: read when shown, so a language chosen meanwhile is followed. */
  | { kind: 'export'; stage: MessageKey }
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
    const recordings = plural('library_recordingCount', backup.recordings.length);
    const notes = plural('notesCount', backup.notes.length);
    setResult({
      ok: true,
      text: pictures > 0 ? t('library_backupSavedPictures', recordings, notes, plural('library_pictureCount', pictures)) : t('library_backupSaved', recordings, notes),
    });
  };

  /**
   * Reads the library without pictures; when it holds none, saves it, else offers both files with
   * their sizes (the one without pictures measured, the one with them counted from the kept stats).
   */
  const download = async () => {
    setResult(null);
    setJob({ kind: 'export', stage: 'library_backupReading' });
    try {
      const [backup, pictures] = await Promise.all([exportBackup({}), imageTotals()]);
      setJob({ kind: 'export', stage: 'library_backupWriting' });
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
      setResult({ ok: false, text: t('library_backupFailed', errorText(error)) });
      setJob({ kind: 'idle' });
    }
  };

  const choose = async (choice: Extract<Job, { kind: 'choose' }>, images: boolean) => {
    if (!images) {
      save(choice.json, choice.backup, 0);
      setJob({ kind: 'idle' });
      return;
    }
    setJob({ kind: 'export', stage: 'library_backupReadingPictures' });
    try {
      const backup = await exportBackup({ images: true });
      setJob({ kind: 'export', stage: 'library_backupWriting' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      save(JSON.stringify(backup, null, 2), backup, backup.images?.length ?? 0);
    } catch (error) {
      setResult({ ok: false, text: t('library_backupFailed', errorText(error)) });
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
              text: t('library_restored', file.name, importSummary(outcome.counts, outcome.adjusted, outcome.captionFixes, outcome.imageProblems)),
            }
          : { ok: false, text: outcome.message },
      );
    } catch (error) {
      // The file could not be read (moved, or unreadable) before anything was imported.
      setResult({ ok: false, text: t('library_fileUnreadable', file.name, errorText(error)) });
    } finally {
      setJob({ kind: 'idle' });
    }
  };

  return (
    <footer class="backup-bar">
      <div class="backup-actions">
        <button type="button" onClick={() => void download()} disabled={job.kind !== 'idle'}>
          {t('library_exportEverything')}
        </button>
        <label class={`file${job.kind !== 'idle' ? ' disabled' : ''}`}>
          {t('library_importBackup')}
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
        <div class="backup-choice" role="group" aria-label={t('library_exportEverything')}>
          <span>{t('library_backupChoice')}</span>
          <button type="button" ref={firstChoice} onClick={() => void choose(job, false)}>
            {t('library_withoutImages', formatBytes(job.without))}
          </button>
          <button type="button" onClick={() => void choose(job, true)}>
            {t('library_withImages', formatBytes(job.with))}
          </button>
          <button type="button" class="quiet" onClick={() => setJob({ kind: 'idle' })}>
            {t('shared_cancel')}
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
    const label = job.kind === 'export' ? t(job.stage) : t('library_checkingFile', job.file);
    return (
      <p class="job">
        <progress aria-label={label} /> {label}
      </p>
    );
  }
  const { done, total } = job.progress;
  const label = t('library_savingRecords', done, total);
  return (
    <p class="job">
      <progress max={total || 1} value={done} aria-label={t('library_importProgress')} /> {label}
    </p>
  );
}

/** What the extension's storage holds, read again after each export or import ('' until known). */
function useStorageUsed(when: unknown): string {
  const [used, setUsed] = useState<number | null>(null);
  useEffect(() => {
    navigator.storage
      ?.estimate()
      .then((estimate) => setUsed(estimate.usage ?? 0))
      .catch(() => setUsed(null));
  }, [when]);
  return used === null ? '' : t('library_storageUsed', formatBytes(used));
}
