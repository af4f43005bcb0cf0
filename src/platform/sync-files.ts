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
  emptyIndex, INDEX_PATH, mergeIndex, parseFile, parseIndex, RECORDINGS_DIR, serializeFile, serializeIndex, sha256Hex,
  type IndexEntry, type SyncIndex,
} from '../core/sync/layout';
import { mergeSyncData, type SyncData } from '../core/sync/merge';
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
 * Undefined when there is nothing to write (no recording on either side).
 */
export async function syncFile(client: DavClient, codec: Codec, name: string, knownKey: string | undefined, indexRev: number | undefined, readLocal: (key: string) => Promise<SyncData>, now: () => Date, repaired: string[]): Promise<FileResult | undefined> {
  const path = `${RECORDINGS_DIR}${name}`;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const got: GetResult = await client.get(path);
    let remote: { rev: number; data: SyncData } | undefined;
    let precondition: { etag: string } | 'absent' = 'absent';
    if (got.state === 'found') {
      if (got.etag === undefined) throw new DavError('server', t('sync_noEtag'));
      precondition = { etag: got.etag };
      const plain = await codec.decode(got.text);
      const parsed = plain === null ? { ok: false as const, message: t('sync_fileUndecryptable', path) } : parseFile(plain, name);
      if (parsed.ok) remote = parsed.value;
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
    // Past the index's revision too: a damaged file written again must outrank what the index says.
    const rev = Math.max(remote?.rev ?? 0, indexRev ?? 0) + 1;
    const text = await codec.encode(serializeFile({ rev, data: merged }, now()));
    if ((await client.put(path, text, precondition)) === 'written') return { name, data: merged, entry: { rev, sha256: await sha256Hex(text) }, sent: true };
  }
  throw new DavError('server', t('sync_keptWriting', path));
}

/** Writes the index with the entries of this sync, merged with what another device wrote meanwhile. */
export async function writeIndex(client: DavClient, codec: Codec, read: { index: SyncIndex; etag: string | 'absent' }, entries: readonly FileResult[]): Promise<SyncIndex> {
  let { index, etag } = read;
  const mine: SyncIndex = { ...emptyIndex(), files: Object.fromEntries(entries.map((r) => [r.name, r.entry])) };
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const next = mergeIndex(index, mine);
    if (etag !== 'absent' && sameContent(next, index)) return next;
    if ((await client.put(INDEX_PATH, await codec.encode(serializeIndex(next)), etag === 'absent' ? 'absent' : { etag })) === 'written') return next;
    ({ index, etag } = await readIndex(client, codec, []));
  }
  throw new DavError('server', t('sync_keptWriting', INDEX_PATH));
}

/** The index and its ETag ('absent' when there is none yet); a damaged one counts as empty, its problem added to `repaired`. */
export async function readIndex(client: DavClient, codec: Codec, repaired: string[]): Promise<{ index: SyncIndex; etag: string | 'absent' }> {
  const got = await client.get(INDEX_PATH);
  if (got.state === 'absent') return { index: emptyIndex(), etag: 'absent' };
  if (got.etag === undefined) throw new DavError('server', t('sync_noEtag'));
  const plain = await codec.decode(got.text);
  const parsed = plain === null ? { ok: false as const, message: t('sync_indexUndecryptable', INDEX_PATH) } : parseIndex(plain);
  if (parsed.ok) return { index: parsed.value, etag: got.etag };
  if (parsed.newer) throw new SyncFileError(parsed.message);
  // Rebuilt from what the devices know: each sends the files the index no longer lists.
  repaired.push(parsed.message);
  return { index: emptyIndex(), etag: got.etag };
}

