/**
 * The server's side of a sync (layout: core/sync/layout.ts), whatever keeps the local copy: the
 * extension's database (db/sync.ts) or a backup file (the CLI). Each recording file is read with
 * its ETag, merged with the local copy (core/sync/merge.ts) and written back only where the merge
 * holds something the server's copy lacks, and only if the file is still what was read; a 412
 * reads, merges and writes again. Then the index, the same way.
 */
import { t } from '../core/i18n';
import { sameContent } from '../core/field-times';
import {
  emptyIndex, mergeIndex, parseFile, parseIndex, serializeFile, serializeIndex, sha256Hex, SINGLE_FOLDER,
  type IndexEntry, type SyncFolder, type SyncIndex,
} from '../core/sync/layout';
import { mergeSyncData, type SyncData } from '../core/sync/merge';
import { imageFileNameOf, parseImageFile, serializeImageFile } from '../core/sync/images';
import type { BackupImage, ImageFacts, ImportedImage } from '../core/backup';
import { emptyRoster, mergeRoster, parseRoster, ROSTER_PATH, serializeRoster, type Roster } from '../core/sync/team';
import type { Author } from '../core/model';
import type { Codec } from './sync-crypto';
import { DavError, type DavClient, type GetResult } from './webdav';

/** A server file this sync cannot use without losing something: the sync stops. */
export class SyncFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncFileError';
  }
}

const MAX_TRIES = 8;
/** Files read and written at once. */
export const PARALLEL = 4;

/**
 * Runs `work` on each item, at most `limit` at once. After a failure no item is started, and the
 * first error is thrown once every running one has ended: nothing of a failed sync runs on.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failure) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure) throw failure.error;
}

export interface FileResult {
  name: string;
  data: SyncData;
  entry: IndexEntry;
  sent: boolean;
}

/**
 * One recording file: `name`, of the recording `knownKey` when the caller knows it (a file only
 * the server has names its own), at revision `indexRev` as the index read says; `readLocal` gives
 * the local copy of a recording. A file that
 * cannot be read is written again from the local copy, its problem added to `repaired`.
 * Undefined when there is nothing to write (no recording on either side). `folder` is where the
 * file lives (a team author's, or the single user's); `accept` keeps of the server's copy only what
 * that folder may hold (team.ts acceptFolder). `sendImages`, when given, is handed the local
 * pictures the server's copy does not list, before the file that lists them is written (so a
 * device that reads the file finds their files): none when no picture changed.
 */
export async function syncFile(client: DavClient, codec: Codec, name: string, knownKey: string | undefined, indexRev: number | undefined, readLocal: (key: string) => Promise<SyncData>, now: () => Date, repaired: string[], folder: SyncFolder = SINGLE_FOLDER, accept: (data: SyncData) => SyncData = (data) => data, sendImages?: (images: ImageFacts[]) => Promise<void>): Promise<FileResult | undefined> {
  const path = `${folder.recordings}${name}`;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const got: GetResult = await client.get(path);
    let remote: { rev: number; data: SyncData } | undefined;
    let precondition: { etag: string } | 'absent' = 'absent';
    if (got.state === 'found') {
      if (got.etag === undefined) throw new DavError('server', t('sync_noEtag'));
      precondition = { etag: got.etag };
      const plain = await codec.decode(got.text);
      const parsed = plain === null ? { ok: false as const, message: t('sync_fileUndecryptable', path) } : parseFile(plain, name, folder.recordings);
      if (parsed.ok) remote = { rev: parsed.value.rev, data: accept(parsed.value.data) };
      else if (parsed.newer) throw new SyncFileError(t('sync_updateToSync', parsed.message));
      else if (!repaired.includes(parsed.message)) repaired.push(parsed.message);
    }
    const key = remote?.data.recordingKey ?? knownKey;
    if (key === undefined) return undefined;
    const local = await readLocal(key);
    const merged = remote ? mergeSyncData(local, remote.data) : local;
    // A file needs its recording (a backup's notes must have theirs); one never seen here is left.
    if (!merged.recording) return undefined;
    if (remote && got.state === 'found' && sameContent(merged, remote.data)) {
      return { name, data: merged, entry: { rev: remote.rev, sha256: await sha256Hex(got.text) }, sent: false };
    }
    if (sendImages) {
      const listed = new Set(remote?.data.images.map((image) => image.id));
      const kept = new Set(merged.images.map((image) => image.id));
      const unsent = local.images.filter((image) => !listed.has(image.id) && kept.has(image.id));
      if (unsent.length > 0) await sendImages(unsent);
    }
    // Past the index's revision too: a damaged file written again must outrank what the index says.
    const rev = Math.max(remote?.rev ?? 0, indexRev ?? 0) + 1;
    const text = await codec.encode(serializeFile({ rev, data: merged }, now()));
    if ((await client.put(path, text, precondition)) === 'written') return { name, data: merged, entry: { rev, sha256: await sha256Hex(text) }, sent: true };
  }
  throw new DavError('server', t('sync_keptWriting', path));
}

/** Writes the index with the entries of this sync, merged with what another device wrote meanwhile. */
export async function writeIndex(client: DavClient, codec: Codec, read: { index: SyncIndex; etag: string | 'absent' }, entries: readonly FileResult[], folder: SyncFolder = SINGLE_FOLDER): Promise<SyncIndex> {
  let { index, etag } = read;
  const mine: SyncIndex = { ...emptyIndex(), files: Object.fromEntries(entries.map((r) => [r.name, r.entry])) };
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const next = mergeIndex(index, mine);
    if (etag !== 'absent' && sameContent(next, index)) return next;
    if ((await client.put(folder.index, await codec.encode(serializeIndex(next)), etag === 'absent' ? 'absent' : { etag })) === 'written') return next;
    ({ index, etag } = await readIndex(client, codec, [], folder));
  }
  throw new DavError('server', t('sync_keptWriting', folder.index));
}

/** The index and its ETag ('absent' when there is none yet); a damaged one counts as empty, its problem added to `repaired`. */
export async function readIndex(client: DavClient, codec: Codec, repaired: string[], folder: SyncFolder = SINGLE_FOLDER): Promise<{ index: SyncIndex; etag: string | 'absent' }> {
  const got = await client.get(folder.index);
  if (got.state === 'absent') return { index: emptyIndex(), etag: 'absent' };
  if (got.etag === undefined) throw new DavError('server', t('sync_noEtag'));
  const plain = await codec.decode(got.text);
  const parsed = plain === null ? { ok: false as const, message: t('sync_indexUndecryptable', folder.index) } : parseIndex(plain, folder.index);
  if (parsed.ok) return { index: parsed.value, etag: got.etag };
  if (parsed.newer) throw new SyncFileError(parsed.message);
  // Rebuilt from what the devices know: each sends the files the index no longer lists.
  repaired.push(parsed.message);
  return { index: emptyIndex(), etag: got.etag };
}


/**
 * A file of another author's folder, read only (team.ts): its data as `accept` keeps it; undefined
 * when it is absent or cannot be read (said in `problems`: it is theirs to write again, not ours).
 */
export async function readTheirFile(client: DavClient, codec: Codec, folder: SyncFolder, name: string, accept: (data: SyncData) => SyncData, problems: string[]): Promise<SyncData | undefined> {
  const path = `${folder.recordings}${name}`;
  const got = await client.get(path);
  if (got.state === 'absent') return undefined;
  const plain = await codec.decode(got.text);
  const parsed = plain === null ? { ok: false as const, message: t('sync_fileUndecryptable', path) } : parseFile(plain, name, folder.recordings);
  if (parsed.ok) return accept(parsed.value.data);
  if (parsed.newer) throw new SyncFileError(t('sync_updateToSync', parsed.message));
  problems.push(parsed.message);
  return undefined;
}

/**
 * The team folder's roster (team.ts) with `me` in it: read, and when it lacks me under my name,
 * written with `If-Match` (the union with what another browser wrote meanwhile on a 412). A damaged
 * roster counts as empty and is written again: every browser adds itself back on its next sync.
 */
export async function joinRoster(client: DavClient, codec: Codec, me: Author, problems: string[]): Promise<Roster> {
  const mine: Roster = { ...emptyRoster(), authors: { [me.id]: me.name } };
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const got = await client.get(ROSTER_PATH);
    let held = emptyRoster();
    if (got.state === 'found') {
      if (got.etag === undefined) throw new DavError('server', t('sync_noEtag'));
      const plain = await codec.decode(got.text);
      const parsed = plain === null ? { ok: false as const, message: t('sync_teamRosterDamaged', ROSTER_PATH) } : parseRoster(plain, ROSTER_PATH);
      if (parsed.ok) held = parsed.value;
      else if (!problems.includes(parsed.message)) problems.push(parsed.message);
    }
    const next = mergeRoster(held, mine);
    if (got.state === 'found' && sameContent(next, held)) return next;
    if ((await client.put(ROSTER_PATH, await codec.encode(serializeRoster(next)), got.state === 'found' ? { etag: got.etag! } : 'absent')) === 'written') return next;
  }
  throw new DavError('server', t('sync_keptWriting', ROSTER_PATH));
}

/**
 * At most `limit` calls of `run` at once, across every caller: the picture files of all the
 * recording files a sync works on share one limit (each may be several hundred kB).
 */
export function lanes(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Writes a picture's file into `folder` unless it is there already (a picture's bytes never change:
 * `If-None-Match: *`, and a 412 means another device wrote it first). The picture folder is made on
 * the first 409 (folders synced before pictures travelled lack it). Resolves to whether it wrote.
 */
export async function putImageFile(client: DavClient, codec: Codec, folder: SyncFolder, image: BackupImage): Promise<boolean> {
  const path = `${folder.images}${await imageFileNameOf(image.id)}`;
  const text = await codec.encode(serializeImageFile(image));
  try {
    return (await client.put(path, text, 'absent')) === 'written';
  } catch (error) {
    if (!(error instanceof DavError) || error.status !== 409) throw error;
    // Several pictures may find the folder missing at once, and a server may refuse the second
    // MKCOL of a racing pair (Apache: 403): the PUT again says whether the folder is there.
    await client.mkcol(folder.images).catch(() => undefined);
    return (await client.put(path, text, 'absent')) === 'written';
  }
}

/**
 * A picture's file from the picture folder `dir` (a SyncFolder's `images`): the picture, checked
 * (its id must be `id`); `absent` when the file is not there (yet); a message when it cannot be
 * used. Throws a SyncFileError for a file of a newer version.
 */
export async function readImageFile(client: DavClient, codec: Codec, dir: string, id: string): Promise<ImportedImage | 'absent' | { problem: string }> {
  const path = `${dir}${await imageFileNameOf(id)}`;
  const got = await client.get(path);
  if (got.state === 'absent') return 'absent';
  const plain = await codec.decode(got.text);
  const parsed = plain === null ? { ok: false as const, message: t('sync_fileUndecryptable', path) } : parseImageFile(plain, path);
  if (!parsed.ok) {
    if (parsed.newer) throw new SyncFileError(t('sync_updateToSync', parsed.message));
    return { problem: parsed.message };
  }
  if (parsed.value.id !== id) return { problem: t('sync_imageDamaged', path, t('sync_imageNotJson')) };
  return parsed.value;
}
