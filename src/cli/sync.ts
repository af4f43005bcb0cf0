/**
 * `webinar-notes sync --url URL --user NAME --password-file FILE BACKUP.json`: merges the backup
 * file with the sync folder on a WebDAV server both ways, with the extension's own merge and
 * server code (platform/sync-files.ts): the server gets what the file has, and the file then holds
 * what the server has. The file is replaced only once the server is done, and whole (written
 * beside it, then renamed), so a failure leaves it as it was.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { makeBackup, parseBackupFile } from '../core/backup';
import { fileNameOf, RECORDINGS_DIR, SYNC_ROOT } from '../core/sync/layout';
import { emptySyncData, type SyncData } from '../core/sync/merge';
import { eachLimited, PARALLEL, readIndex, syncFile, SyncFileError, writeIndex, type FileResult } from '../platform/sync-files';
import { codecFor } from '../platform/sync-crypto';
import { DavClient, type DavAccount } from '../platform/webdav';

export interface SyncCommand {
  account: DavAccount;
  file: string;
  /** The folder's encryption passphrase, when it is encrypted. */
  passphrase?: string;
}

/** The backup's records by recording. */
function byRecording(backup: ReturnType<typeof makeBackup>): Map<string, SyncData> {
  const groups = new Map(backup.recordings.map((recording) => [recording.key, { ...emptySyncData(recording.key), recording }]));
  for (const note of backup.notes) groups.get(note.recordingKey)?.notes.push(note);
  for (const item of backup.qa) groups.get(item.recordingKey)?.qa.push(item);
  for (const transcript of backup.transcripts) groups.get(transcript.recordingKey)?.transcripts.push(transcript);
  return groups;
}

/** Runs the sync; resolves to the lines to print, or throws (a DavError, SyncFileError or a message). */
export async function syncBackupFile({ account, file, passphrase }: SyncCommand, fetchImpl?: typeof fetch): Promise<string[]> {
  const parsed = parseBackupFile(await readFile(file));
  if (!parsed.ok) throw new SyncFileError(parsed.message);
  const local = byRecording(parsed.backup);
  const client = new DavClient(account, fetchImpl);
  const repaired: string[] = [];
  const codec = await codecFor(client, passphrase);
  const indexRead = await readIndex(client, codec, repaired);
  if (indexRead.etag === 'absent') for (const folder of ['webinar-notes/', SYNC_ROOT, RECORDINGS_DIR]) await client.mkcol(folder);
  const keyOf = new Map<string, string>();
  for (const key of local.keys()) keyOf.set(await fileNameOf(key), key);
  const names = [...new Set([...keyOf.keys(), ...Object.keys(indexRead.index.files)])].sort();
  const results: FileResult[] = [];
  const now = () => new Date();
  await eachLimited(names, PARALLEL, async (name) => {
    const result = await syncFile(client, codec, name, keyOf.get(name), indexRead.index.files[name]?.rev, async (key) => local.get(key) ?? emptySyncData(key), now, repaired);
    if (result) results.push(result);
  });
  await writeIndex(client, codec, indexRead, results);

  const merged = new Map(local);
  for (const result of results) merged.set(result.data.recordingKey, result.data);
  const all = [...merged.values()].sort((a, b) => (a.recordingKey < b.recordingKey ? -1 : 1));
  const backup = makeBackup(
    {
      recordings: all.flatMap((data) => (data.recording ? [data.recording] : [])),
      notes: all.flatMap((data) => data.notes),
      qa: all.flatMap((data) => data.qa),
      transcripts: all.flatMap((data) => data.transcripts),
    },
    now(),
  );
  const temporary = `${file}.sync-${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(backup, null, 2)}\n`);
  await rename(temporary, file);
  const sent = results.filter((result) => result.sent).length;
  return [
    ...repaired.map((line) => `warning: ${line}`),
    `Synced with ${client.urlOf('')}: ${sent.toLocaleString('en')} of ${names.length.toLocaleString('en')} recording files sent.`,
    `${file} now holds ${backup.recordings.length.toLocaleString('en')} recordings, ${backup.notes.length.toLocaleString('en')} notes and ${backup.qa.length.toLocaleString('en')} questions.`,
  ];
}
