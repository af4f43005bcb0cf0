import { backupImage, imagePlan, makeBackup, mergePlan, parseBackup, parseBackupFile, type Backup, type BackupImage, type MergeCounts } from '../core/backup';
import { bytesToBase64 } from '../core/base64';
import { t } from '../core/i18n';
import type { ImageType } from '../core/images';
import type { Note, QaItem, Recording, RecordingImage, Transcript } from '../core/model';
import { markImport } from './auto-backup';
import { db } from './schema';
import { errorText } from '../core/error-text';

/** The bytes of a blob, as base64. */
async function blobBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** Stored pictures as a backup holds them, their blobs read to base64 (outside any transaction: reading a blob is not a database request). */
export async function backupImages(images: readonly RecordingImage[]): Promise<BackupImage[]> {
  const out: BackupImage[] = [];
  for (const image of images) {
    const [data, thumb] = await Promise.all([blobBase64(image.blob), blobBase64(image.thumb)]);
    out.push(backupImage(image, data, thumb, (image.thumb.type || image.type) as ImageType));
  }
  return out;
}

/**
 * One recording with all its notes, Q&A and transcripts, trashed notes and questions included (the
 * trash is part of what the user has), or everything; with `images`, their pictures too (frames
 * and slides, their bytes as base64). Read in one transaction, so the file is a consistent
 * snapshot.
 */
export async function exportBackup(scope: { recordingKey?: string; images?: boolean }): Promise<Backup> {
  const database = db();
  const { recordingKey } = scope;
  const tables = [database.recordings, database.notes, database.qa, database.transcripts, database.images];
  type Read = { recordings: Recording[]; notes: Note[]; qa: QaItem[]; transcripts: Transcript[]; images: RecordingImage[] | null };
  const { recordings, notes, qa, transcripts, images } = await database.transaction('r', tables, async (): Promise<Read> => {
    if (recordingKey === undefined) {
      const [recordings, notes, qa, transcripts, images] = await Promise.all([
        database.recordings.toArray(),
        database.notes.toArray(),
        database.qa.toArray(),
        database.transcripts.toArray(),
        scope.images ? database.images.toArray() : null,
      ]);
      return { recordings, notes, qa, transcripts, images };
    }
    const recording = await database.recordings.get(recordingKey);
    // Without its recording the notes would dangle, and the file would not import.
    if (!recording) return { recordings: [], notes: [], qa: [], transcripts: [], images: scope.images ? [] : null };
    const [notes, qa, transcripts, images] = await Promise.all([
      database.notes.where('recordingKey').equals(recordingKey).toArray(),
      database.qa.where('recordingKey').equals(recordingKey).toArray(),
      database.transcripts.where('recordingKey').equals(recordingKey).toArray(),
      scope.images ? database.images.where('recordingKey').equals(recordingKey).toArray() : null,
    ]);
    return { recordings: [recording], notes, qa, transcripts, images };
  });
  return makeBackup({ recordings, notes, qa, transcripts, ...(images ? { images: await backupImages(images) } : {}) }, new Date());
}

/**
 * `adjusted`: the file's times and dates brought within the rules as it was read; `captionFixes`:
 * its transcripts brought within the caption limits (ParseResult).
 */
export type ImportResult =
  | { ok: true; counts: MergeCounts; adjusted: string[]; captionFixes: string[]; imageProblems: string[] }
  | { ok: false; message: string };

/** Where an import is: the file being checked, or records being written (`done` of `total`). */
export type ImportProgress = { stage: 'checking' } | { stage: 'saving'; done: number; total: number };

/** The parts of a Dexie table an import uses. */
interface KeyedTable<T, K = string> {
  toCollection(): { primaryKeys(): Promise<K[]> };
  bulkGet(keys: K[]): Promise<(T | undefined)[]>;
  bulkPut(items: T[]): Promise<unknown>;
}

/** Records written per step: small enough for the progress bar to move, large enough to stay fast. */
const CHUNK = 5000;

/**
 * Checks the whole file first, then merges it (field by field, src/core/record-merge.ts; a
 * transcript by core/captions/transcript-merge.ts) in one transaction over the four tables: either every record the plan puts is written, or (on any
 * failure) none is. `file` is the file's bytes (read by parseBackupFile, as the command line reads
 * them) or text already decoded.
 */
export async function importBackup(file: Uint8Array | string, onProgress?: (progress: ImportProgress) => void): Promise<ImportResult> {
  onProgress?.({ stage: 'checking' });
  const parsed = typeof file === 'string' ? parseBackup(file) : parseBackupFile(file);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { backup, adjusted, captionFixes, images, imageProblems } = parsed;
  const database = db();
  try {
    const tables = [database.recordings, database.notes, database.qa, database.transcripts, database.images, database.settings];
    const counts = await database.transaction('rw', tables, async () => {
      // Only stored records the file also names are read: the plan needs nothing else, and the
      // keys alone are cheap to list even in a large database.
      async function stored<T>(table: KeyedTable<T>, keys: string[], present: ReadonlySet<string>): Promise<T[]> {
        const overlap = keys.filter((key) => present.has(key));
        return (await table.bulkGet(overlap)).filter((item): item is T => item !== undefined);
      }
      const keysOf = async <T>(table: KeyedTable<T>) => new Set(await table.toCollection().primaryKeys());
      const [recordingKeys, noteIds, qaIds] = await Promise.all([keysOf(database.recordings), keysOf(database.notes), keysOf(database.qa)]);
      const [recordings, notes, qa] = await Promise.all([
        stored<Recording>(database.recordings, backup.recordings.map((r) => r.key), recordingKeys),
        stored<Note>(database.notes, backup.notes.map((n) => n.id), noteIds),
        stored<QaItem>(database.qa, backup.qa.map((q) => q.id), qaIds),
      ]);
      // A transcript's key is [recordingKey, lang]; only those of the file's recordings are read.
      const transcripts = (await database.transcripts.bulkGet(backup.transcripts.map((t): [string, string] => [t.recordingKey, t.lang])))
        .filter((item): item is Transcript => item !== undefined);
      // The stored questions' ids tell a note's link to a question not in the file from a dangling one.
      const plan = mergePlan({ recordings, notes, qa, transcripts }, backup, qaIds);
      const putTranscripts = plan.put.transcripts ?? [];
      const storedImages = await database.images.bulkGet(images.map((image) => image.id));
      const pictures = imagePlan(new Set(storedImages.flatMap((image) => (image ? [image.id] : []))), images);
      plan.counts.added += pictures.put.length;
      plan.counts.kept += pictures.kept;
      const total = plan.put.recordings.length + plan.put.notes.length + plan.put.qa.length + putTranscripts.length + pictures.put.length;
      let done = 0;
      const write = async <T>(table: KeyedTable<T>, items: T[]) => {
        for (let i = 0; i < items.length; i += CHUNK) {
          const chunk = items.slice(i, i + CHUNK);
          await table.bulkPut(chunk);
          done += chunk.length;
          onProgress?.({ stage: 'saving', done, total });
        }
      };
      await write(database.recordings, plan.put.recordings);
      await write(database.notes, plan.put.notes);
      await write(database.qa, plan.put.qa);
      // A transcript holds up to 20,000 cues: written a few at a time, so progress moves.
      for (let i = 0; i < putTranscripts.length; i += 10) {
        const chunk = putTranscripts.slice(i, i + 10);
        await database.transcripts.bulkPut(chunk);
        done += chunk.length;
        onProgress?.({ stage: 'saving', done, total });
      }
      // A few pictures a step: each may be megabytes.
      for (let i = 0; i < pictures.put.length; i += 20) {
        const chunk = pictures.put.slice(i, i + 20).map(({ data, thumb, thumbType, ...facts }): RecordingImage => ({
          ...facts,
          blob: new Blob([data as Uint8Array<ArrayBuffer>], { type: facts.type }),
          thumb: new Blob([thumb as Uint8Array<ArrayBuffer>], { type: thumbType }),
          bytes: data.length + thumb.length,
        }));
        await database.images.bulkPut(chunk);
        done += chunk.length;
        onProgress?.({ stage: 'saving', done, total });
      }
      if (total > 0) await markImport(Date.now());
      return plan.counts;
    });
    return { ok: true, counts, adjusted, captionFixes, imageProblems };
  } catch (error) {
    const reason = errorText(error);
    return { ok: false, message: t('backup_notSaved', reason) };
  }
}

/**
 * The full backup as the file a user keeps: the same JSON "Download a backup" writes, without
 * pictures (the automatic backup writes it every day: a library's pictures can take hundreds of
 * megabytes, which would fill the downloads folder; the library's Export offers them).
 */
export async function backupFileBlob(): Promise<Blob> {
  return new Blob([JSON.stringify(await exportBackup({}), null, 2)], { type: 'application/json' });
}
