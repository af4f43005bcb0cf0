/**
 * Where sync keeps its files on the user's WebDAV server, and what each holds (README "Sync").
 * Version 1:
 *
 *     <folder>/webinar-notes/v1/index.json            the index: every recording file's revision and hash
 *     <folder>/webinar-notes/v1/recordings/<name>.json one recording with its notes, Q&A, transcripts, tombstones
 *     <folder>/webinar-notes/v1/images/<name>.json     one picture's bytes and facts (images.ts)
 *
 * `<name>` is the first 32 hex digits of the SHA-256 of the recording's key, so no page address
 * shows in a file name and every name is safe on every server. A recording file is a Webinar
 * Notes backup (format `webinar-notes-backup`, version 3, one recording) with a `sync` member
 * holding its revision and tombstones, and its pictures' facts (`images`) and pictures' tombstones
 * (`imageTombstones`: apart, so a version that knows only notes' and questions' reads the file): the
 * library's import and the CLI read it as they read a backup. A new layout that older code would
 * misread goes to `v2/`, never into `v1/`.
 *
 * Team folders (added within v1, since older code reads only the two paths above and is not misled):
 *
 *     <folder>/webinar-notes/v1/authors.json                      who writes here: author id → name (team.ts)
 *     <folder>/webinar-notes/v1/authors/<author id>/index.json    that author's index, as above
 *     <folder>/webinar-notes/v1/authors/<author id>/recordings/<name>.json
 *     <folder>/webinar-notes/v1/authors/<author id>/images/<name>.json
 *
 * Each person's browsers write only their own author's folder, and read everyone's. A recording file
 * there has the same form, its notes and questions each carrying `author`.
 */
import * as v from 'valibot';
import { makeBackup, readBackup, readImageFacts, type ImageFacts } from '../backup';
import { t } from '../i18n';
import { isTimestamp } from '../time';
import type { SyncData } from './merge';
import type { Tombstone } from './tombstones';

export const SYNC_ROOT = 'webinar-notes/v1/';
export const INDEX_PATH = `${SYNC_ROOT}index.json`;
export const RECORDINGS_DIR = `${SYNC_ROOT}recordings/`;
export const IMAGES_DIR = `${SYNC_ROOT}images/`;
export const INDEX_FORMAT = 'webinar-notes-sync-index';
export const INDEX_VERSION = 1;

/** Where one index and its recording files live: the single-user folder, or one author's in a team folder. */
export interface SyncFolder {
  /** The index's path, e.g. `webinar-notes/v1/index.json`. */
  index: string;
  /** The recording files' folder, ending in `/`. */
  recordings: string;
  /** The picture files' folder, ending in `/` (made when the first picture goes in: older folders lack it). */
  images: string;
  /** The folders to create (in order) before the first file goes in. */
  make: readonly string[];
}

export const SINGLE_FOLDER: SyncFolder = { index: INDEX_PATH, recordings: RECORDINGS_DIR, images: IMAGES_DIR, make: ['webinar-notes/', SYNC_ROOT, RECORDINGS_DIR, IMAGES_DIR] };

/** One author's folder in a team folder; `authorId` is 16 hex digits (team.ts teamAuthorId). */
export function authorFolder(authorId: string): SyncFolder {
  const root = `${SYNC_ROOT}authors/${authorId}/`;
  return { index: `${root}index.json`, recordings: `${root}recordings/`, images: `${root}images/`, make: ['webinar-notes/', SYNC_ROOT, `${SYNC_ROOT}authors/`, root, `${root}recordings/`, `${root}images/`] };
}

/** Hex SHA-256 of UTF-8 text (WebCrypto: in the service worker, pages and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A recording's file name on the server (without folder), from its key. */
export async function fileNameOf(recordingKey: string): Promise<string> {
  return `${(await sha256Hex(recordingKey)).slice(0, 32)}.json`;
}

/** What the index says of one recording file: its revision (1, 2, … as it is rewritten) and the SHA-256 of its bytes. */
export interface IndexEntry {
  rev: number;
  sha256: string;
}

export interface SyncIndex {
  format: typeof INDEX_FORMAT;
  version: typeof INDEX_VERSION;
  /** By file name. */
  files: Record<string, IndexEntry>;
}

export function emptyIndex(): SyncIndex {
  return { format: INDEX_FORMAT, version: INDEX_VERSION, files: {} };
}

/**
 * Two copies of the index (the one read before writing, and the one read after a 412): each file
 * at its higher revision. A file is written only with the server's ETag of what was read, so a
 * revision is never given to two contents; the hash breaks a tie only for a file changed by hand.
 */
export function mergeIndex(a: SyncIndex, b: SyncIndex): SyncIndex {
  const files = { ...a.files };
  for (const [name, entry] of Object.entries(b.files)) {
    const held = files[name];
    if (!held || entry.rev > held.rev || (entry.rev === held.rev && entry.sha256 > held.sha256)) files[name] = entry;
  }
  return { ...a, files };
}

const IndexSchema = v.object({
  format: v.literal(INDEX_FORMAT),
  version: v.number(),
  files: v.record(
    v.pipe(v.string(), v.regex(/^[0-9a-f]{32}\.json$/)),
    v.object({ rev: v.pipe(v.number(), v.integer(), v.minValue(1)), sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) }),
  ),
});

/**
 * Why a server file could not be used: said to the user, naming the file; `newer` when a newer
 * version of the extension wrote it (this one must not write over it).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; newer?: boolean };

export function parseIndex(text: string, path = INDEX_PATH): Parsed<SyncIndex> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: t('sync_indexNotJson', path) };
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > INDEX_VERSION) {
    return { ok: false, message: t('sync_indexNewer', version), newer: true };
  }
  const result = v.safeParse(IndexSchema, value);
  if (!result.success) return { ok: false, message: t('sync_indexNotIndex', path) };
  return { ok: true, value: { ...result.output, format: INDEX_FORMAT, version: INDEX_VERSION } };
}

export function serializeIndex(index: SyncIndex): string {
  const files = Object.fromEntries(Object.entries(index.files).sort(([x], [y]) => (x < y ? -1 : 1)));
  return `${JSON.stringify({ ...index, files }, null, 1)}\n`;
}

/** A recording file's contents: the recording's data and the revision it is written at. */
export interface SyncFile {
  rev: number;
  data: SyncData;
}

const TombstoneSchema = v.object({
  kind: v.picklist(['note', 'qa']),
  id: v.pipe(v.string(), v.minLength(1)),
  recordingKey: v.string(),
  deletedAt: v.pipe(v.number(), v.check((n: number) => isTimestamp(n))),
});
const ImageTombstoneSchema = v.object({ ...TombstoneSchema.entries, kind: v.literal('image') });
const SyncMember = v.object({
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  recordingKey: v.pipe(v.string(), v.minLength(1)),
  tombstones: v.array(TombstoneSchema),
  images: v.optional(v.array(v.unknown()), []),
  imageTombstones: v.optional(v.array(ImageTombstoneSchema), []),
});

export function serializeFile(file: SyncFile, now: Date): string {
  const { data } = file;
  const backup = makeBackup({ recordings: data.recording ? [data.recording] : [], notes: data.notes, qa: data.qa, transcripts: data.transcripts }, now);
  const tombstones = data.tombstones.filter((t) => t.kind !== 'image');
  const imageTombstones = data.tombstones.filter((t) => t.kind === 'image');
  return JSON.stringify({ ...backup, sync: { rev: file.rev, recordingKey: data.recordingKey, tombstones, images: data.images, imageTombstones } });
}

/**
 * A recording file read back, checked as a backup is (every record, every link) plus its `sync`
 * member. `name` is the file's name and `dir` its folder, for the message.
 */
export function parseFile(text: string, name: string, dir = RECORDINGS_DIR): Parsed<SyncFile> {
  const damaged = (why: string, newer = false): Parsed<SyncFile> => ({ ok: false, message: t('sync_fileDamaged', `${dir}${name}`, why), ...(newer ? { newer } : {}) });
  const parsed = readBackup(text);
  if (!parsed.ok) return damaged(parsed.reason.replace(/\n/g, ' '), parsed.newer);
  const sync = v.safeParse(SyncMember, (JSON.parse(text) as { sync?: unknown }).sync);
  if (!sync.success) return damaged(t('sync_fileNoSyncDetails'));
  const { backup } = parsed;
  const { recordingKey, rev } = sync.output;
  if (backup.recordings.length > 1 || backup.recordings.some((r) => r.key !== recordingKey)) return damaged(t('sync_fileOtherRecording'));
  const tombstones: Tombstone[] = [...sync.output.tombstones, ...sync.output.imageTombstones].map((t) => ({ ...t, recordingKey }));
  const images: ImageFacts[] = [];
  for (const item of sync.output.images) {
    const facts = readImageFacts(item);
    if (facts === null || facts.recordingKey !== recordingKey) return damaged(t('sync_fileImageFacts'));
    images.push(facts);
  }
  return {
    ok: true,
    value: {
      rev,
      data: {
        recordingKey,
        ...(backup.recordings[0] ? { recording: backup.recordings[0] } : {}),
        notes: backup.notes,
        qa: backup.qa,
        transcripts: backup.transcripts,
        images,
        tombstones,
      },
    },
  };
}
