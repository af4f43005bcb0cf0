/**
 * One sync of this database with the user's WebDAV server (layout: core/sync/layout.ts).
 *
 * 1. What changed here since the last sync: the change log after the kept mark (every recording
 *    when there is no mark or the log was pruned past it), as recording keys.
 * 2. The server's index: a file whose revision differs from the one this device last saw changed
 *    there. Those files and the ones changed here are read (with their ETags), each merged with
 *    this device's copy (core/sync/merge.ts) and written back where the merge holds anything the
 *    server's copy lacks, only if the file is still what was read (ETag); when it is not (412),
 *    read, merge and write again. Then the index, the same way.
 * 3. Only then, in one transaction, the merged records go into the database (merged once more with
 *    what the database holds by then), with the new mark and what this device now knows of each
 *    file. A sync that fails anywhere before leaves the database as it was; the server then holds
 *    merges that lose nothing, and the next sync picks up from the same mark.
 *
 * A file that cannot be read (damaged by hand) is written again from this device's copy and named
 * in the outcome; one written by a newer version of the extension stops the sync untouched.
 *
 * Pictures (core/sync/images.ts): a recording file lists its pictures' facts; the pictures this
 * device holds that the server's copy does not list are written, each to its own file, before the
 * recording file (step 2). Those the files read list and this device lacks are read after step 2
 * and stored in step 3's transaction; one whose file is not there (yet) stays pending in the sync
 * state and is read again at the next sync. A draft's frames (their note not saved yet) stay here.
 */
import type { ImageFacts } from '../core/backup';
import { sameContent } from '../core/field-times';
import type { Note, QaItem, Recording, RecordingImage, Transcript } from '../core/model';
import { imageFacts } from '../core/sync/images';
import type { Author } from '../core/model';
import { authorFolder, fileNameOf, SINGLE_FOLDER, type IndexEntry } from '../core/sync/layout';
import { emptySyncData, mergeSyncData, type SyncData } from '../core/sync/merge';
import { acceptFolder, mergeTeam, ownData } from '../core/sync/team';
import { buries, tombstoneKey, type Tombstone } from '../core/sync/tombstones';
import {
  eachLimited, joinRoster, lanes, PARALLEL, putImageFile, readImageFile, readIndex, readTheirFile, syncFile, writeIndex, type FileResult,
} from '../platform/sync-files';
import { codecFor } from '../platform/sync-crypto';
import type { DavClient } from '../platform/webdav';

export { SyncFileError } from '../platform/sync-files';
import { backupImages } from './backup';
import { changesFloor } from './changes';
import type { NotesDatabase } from './schema';

/** The settings row that holds what this device knows of the server (never synced, never in a backup). */
export const SYNC_STATE_KEY = 'sync-state';

export interface SyncState {
  /** The folder and user this state is about: another server starts afresh. */
  server: string;
  /** The change log's `seq` up to which this device's changes are on the server. */
  mark?: number;
  /** Each file's index entry as this device last read or wrote it; in a team folder `<author id>/<name>`. */
  files: Record<string, IndexEntry>;
  /** Recordings changed here while the last sync ran: sent next time. */
  pending: string[];
  /** Pictures a file read lists whose own file could not be read yet: read again next time. */
  images?: PendingImage[];
}

/** A picture to read from the server: the picture folder (a SyncFolder's `images`) and its facts as listed. */
export interface PendingImage {
  dir: string;
  facts: ImageFacts;
}

/** What one sync did. */
export interface SyncOutcome {
  /** Recording files written to the server. */
  sent: number;
  /** Recording files read from the server that changed something here. */
  received: number;
  /** Records written or deleted in this database (`images`: pictures received). */
  changedHere: { recordings: number; notes: number; qa: number; transcripts: number; images: number; deleted: number };
  /** Picture files written to the server. */
  imagesSent: number;
  /** Pictures listed on the server whose files could not be read yet (kept pending: nothing here lost). */
  imagesWaiting: number;
  /** Files on the server that could not be read and were written again from this device's copy. */
  repaired: string[];
  /** Requests sent to the server. */
  requests: number;
}

/** Everything of the recordings `keys` that syncs, as the database holds it now. Run inside a transaction. */
async function readLocal(database: NotesDatabase, keys: readonly string[]): Promise<Map<string, SyncData>> {
  const [recordings, notes, qa, transcripts, tombstones, images] = await Promise.all([
    database.recordings.bulkGet([...keys]),
    database.notes.where('recordingKey').anyOf([...keys]).toArray(),
    database.qa.where('recordingKey').anyOf([...keys]).toArray(),
    database.transcripts.where('recordingKey').anyOf([...keys]).toArray(),
    database.tombstones.where('recordingKey').anyOf([...keys]).toArray(),
    database.images.where('recordingKey').anyOf([...keys]).toArray(),
  ]);
  const byKey = new Map(keys.map((key) => [key, emptySyncData(key)]));
  recordings.forEach((recording) => {
    if (recording) byKey.get(recording.key)!.recording = recording;
  });
  for (const note of notes) byKey.get(note.recordingKey)?.notes.push(note);
  for (const item of qa) byKey.get(item.recordingKey)?.qa.push(item);
  for (const transcript of transcripts) byKey.get(transcript.recordingKey)?.transcripts.push(transcript);
  for (const tombstone of tombstones) byKey.get(tombstone.recordingKey)?.tombstones.push(tombstone);
  // A draft's frames stay here until their note is saved (a discarded draft deletes them unseen).
  const noteIds = new Set(notes.map((note) => note.id));
  for (const image of images) {
    if (image.kind === 'frame' && (image.noteId === undefined || !noteIds.has(image.noteId))) continue;
    byKey.get(image.recordingKey)?.images.push(imageFacts(image));
  }
  return byKey;
}

/** One recording's local copy, read in a transaction of its own. */
async function readLocalOne(database: NotesDatabase, key: string): Promise<SyncData> {
  const tables = [database.recordings, database.notes, database.qa, database.transcripts, database.tombstones, database.images];
  return (await database.transaction('r', tables, () => readLocal(database, [key]))).get(key)!;
}

/** The recordings that changes after `mark` touched (or every one, with no usable mark), and the log's end. */
async function localChanges(database: NotesDatabase, mark: number | undefined): Promise<{ keys: Set<string>; end: number }> {
  const floor = await changesFloor(database);
  const end = Math.max(floor, Number((await database.changes.orderBy('seq').lastKey()) ?? 0));
  if (mark === undefined || floor > mark) {
    const keys = new Set([...(await database.recordings.toCollection().primaryKeys()), ...(await database.tombstones.orderBy('recordingKey').uniqueKeys()).map(String)]);
    return { keys, end };
  }
  const changes = await database.changes.where('seq').above(mark).toArray();
  const keys = new Set<string>();
  const ids = { notes: new Set<string>(), qa: new Set<string>() };
  for (const change of changes) {
    if (change.table === 'recordings') keys.add(change.key as string);
    else if (change.table === 'transcripts') keys.add((change.key as [string, string])[0]);
    else if (change.table === 'images') {
      if (change.recordingKey !== undefined) keys.add(change.recordingKey);
    } else ids[change.table].add(change.key as string);
  }
  for (const table of ['notes', 'qa'] as const) {
    const list = [...ids[table]];
    const rows = await database[table].bulkGet(list);
    const kind = table === 'notes' ? 'note' : 'qa';
    const buried = await database.tombstones.bulkGet(list.map((id): [Tombstone['kind'], string] => [kind, id]));
    list.forEach((_, i) => {
      const key = rows[i]?.recordingKey ?? buried[i]?.recordingKey;
      if (key !== undefined) keys.add(key);
    });
  }
  return { keys, end: changes.at(-1)?.seq ?? Math.max(mark, end) };
}

/** Who this state is about: the folder's address and the user. */
export function serverIdentity(client: DavClient, user: string): string {
  return `${client.urlOf('')} ${user}`;
}

/** What a sync makes of one recording here: `merge` takes the database's copy at that moment. */
interface Target {
  recordingKey: string;
  merge(here: SyncData): SyncData;
}

/**
 * Puts the merged files into the database where they differ from what it holds now; returns how
 * many files changed something. The writes are worked out first and made in one bulk call a table:
 * inside a Dexie transaction only Dexie's own promises may be awaited in a row (hundreds of plain
 * awaits lose its zone, and the transaction commits under the sync).
 */
async function applyLocally(database: NotesDatabase, results: readonly Target[], counts: SyncOutcome['changedHere'], pictures: Pictures): Promise<number> {
  const now = await readLocal(database, results.map((r) => r.recordingKey));
  const writes = { recordings: [] as Recording[], notes: [] as Note[], qa: [] as QaItem[], transcripts: [] as Transcript[], tombstones: [] as Tombstone[], images: [] as RecordingImage[] };
  const gone = { notes: [] as string[], qa: [] as string[], images: [] as string[] };
  const refacts: ImageFacts[] = [];
  let touchedFiles = 0;
  const changed = <T>(wanted: readonly T[], held: readonly T[], keyOf: (item: T) => string): T[] => {
    const heldBy = new Map(held.map((item) => [keyOf(item), item]));
    return wanted.filter((item) => !sameContent(heldBy.get(keyOf(item)), item));
  };
  for (const result of results) {
    const here = now.get(result.recordingKey)!;
    // Merged again with what the database holds now: an edit made while the sync ran stays.
    const target = result.merge(here);
    const recording = target.recording && !sameContent(here.recording, target.recording) ? [target.recording] : [];
    const notes = changed(target.notes, here.notes, (n) => n.id);
    const qa = changed(target.qa, here.qa, (q) => q.id);
    const transcripts = changed(target.transcripts, here.transcripts, (t) => JSON.stringify([t.recordingKey, t.lang]));
    const keptNotes = new Set(target.notes.map((n) => n.id));
    const keptQa = new Set(target.qa.map((q) => q.id));
    const goneNotes = here.notes.filter((n) => !keptNotes.has(n.id)).map((n) => n.id);
    const goneQa = here.qa.filter((q) => !keptQa.has(q.id)).map((q) => q.id);
    // Pictures: a frame only with its note; new ones from the files read, or left pending.
    const heldImages = new Map(here.images.map((image) => [image.id, image]));
    const wantedImages = target.images.filter((image) => image.kind === 'slide' || (image.noteId !== undefined && keptNotes.has(image.noteId)));
    let imagesChanged = 0;
    for (const facts of wantedImages) {
      const held = heldImages.get(facts.id);
      if (held) {
        if (!sameContent(held, facts)) refacts.push(facts);
      } else {
        const bytes = pictures.fetched.get(facts.id);
        if (bytes) writes.images.push(storedImage(facts, bytes));
        else pictures.unresolved.set(facts.id, { dir: pictures.dirOf.get(facts.id) ?? '', facts });
      }
      if (!held || !sameContent(held, facts)) imagesChanged++;
    }
    const keptImages = new Set(wantedImages.map((image) => image.id));
    const goneImages = here.images.filter((image) => !keptImages.has(image.id)).map((image) => image.id);
    writes.recordings.push(...recording);
    writes.notes.push(...notes);
    writes.qa.push(...qa);
    writes.transcripts.push(...transcripts);
    writes.tombstones.push(...changed(target.tombstones, here.tombstones, tombstoneKey));
    gone.notes.push(...goneNotes);
    gone.qa.push(...goneQa);
    gone.images.push(...goneImages);
    if (recording.length + notes.length + qa.length + transcripts.length + goneNotes.length + goneQa.length + imagesChanged + goneImages.length > 0) touchedFiles++;
  }
  counts.recordings += writes.recordings.length;
  counts.notes += writes.notes.length;
  counts.qa += writes.qa.length;
  counts.transcripts += writes.transcripts.length;
  counts.images += writes.images.length;
  counts.deleted += gone.notes.length + gone.qa.length + gone.images.length;
  if (writes.recordings.length > 0) await database.recordings.bulkPut(writes.recordings);
  if (writes.notes.length > 0) await database.notes.bulkPut(writes.notes);
  if (writes.qa.length > 0) await database.qa.bulkPut(writes.qa);
  if (writes.transcripts.length > 0) await database.transcripts.bulkPut(writes.transcripts);
  if (writes.tombstones.length > 0) await database.tombstones.bulkPut(writes.tombstones);
  if (gone.notes.length > 0) await database.notes.bulkDelete(gone.notes);
  if (gone.qa.length > 0) await database.qa.bulkDelete(gone.qa);
  if (gone.images.length > 0) await database.images.bulkDelete(gone.images);
  if (writes.images.length > 0) await database.images.bulkPut(writes.images);
  if (refacts.length > 0) {
    const rows = await database.images.bulkGet(refacts.map((facts) => facts.id));
    const updated = refacts.flatMap((facts, i) => (rows[i] ? [storedImage(facts, rows[i])] : []));
    await database.images.bulkPut(updated);
  }
  return touchedFiles;
}

/**
 * Whether a tombstone held here keeps a listed picture away: for this browser's own, or any in a
 * single-user folder; never for another person's in a team folder (team.ts: their file decides).
 */
function buriedHere(tombstone: Tombstone | undefined, facts: ImageFacts, team: Author | undefined): boolean {
  if (team && facts.author && facts.author.id !== team.id) return false;
  return buries(tombstone, facts);
}

/** A picture read from the server: its bytes as blobs, ready to store. */
type PictureBytes = Pick<RecordingImage, 'blob' | 'thumb' | 'bytes'>;

/** What a sync knows of pictures while it applies: those read, where each is read from, and those still to read. */
interface Pictures {
  fetched: Map<string, PictureBytes>;
  dirOf: Map<string, string>;
  unresolved: Map<string, PendingImage>;
}

/** A picture to store: the facts as merged, the bytes as read (or as held). */
function storedImage(facts: ImageFacts, bytes: PictureBytes): RecordingImage {
  const { thumbType: _thumbType, ...rest } = facts;
  return { ...rest, blob: bytes.blob, thumb: bytes.thumb, bytes: bytes.bytes };
}

/**
 * Inside the final transaction, after applyLocally: stores the pending pictures of recordings no
 * file of this sync was about (read now, their recording here, not deleted here since, a frame's
 * note here), and resolves to every picture still to read (not read this time), unless it is
 * held or deleted here by now.
 */
async function applyPending(database: NotesDatabase, pending: readonly PendingImage[], pictures: Pictures, team: Author | undefined, counts: SyncOutcome['changedHere']): Promise<PendingImage[]> {
  const all = new Map(pictures.unresolved);
  for (const each of pending) all.set(each.facts.id, each);
  if (all.size === 0) return [];
  const ids = [...all.keys()];
  const [held, buried] = await Promise.all([
    database.images.where('id').anyOf(ids).primaryKeys(),
    database.tombstones.bulkGet(ids.map((id): [Tombstone['kind'], string] => ['image', id])),
  ]);
  const heldIds = new Set(held);
  const open = ids.flatMap((id, i) => (heldIds.has(id) || buriedHere(buried[i], all.get(id)!.facts, team) ? [] : [all.get(id)!]));
  const readNow = open.filter((each) => pictures.fetched.has(each.facts.id));
  const [recordings, notes] = await Promise.all([
    database.recordings.bulkGet(readNow.map((each) => each.facts.recordingKey)),
    database.notes.bulkGet(readNow.map((each) => each.facts.noteId ?? '')),
  ]);
  const stored = readNow.filter((each, i) => recordings[i] && (each.facts.kind === 'slide' || notes[i]));
  // This browser's own pictures are kept without an author (team.ts).
  const own = (facts: ImageFacts): ImageFacts => (team && facts.author?.id === team.id ? (({ author: _author, ...rest }) => rest)(facts) : facts);
  if (stored.length > 0) await database.images.bulkPut(stored.map((each) => storedImage(own(each.facts), pictures.fetched.get(each.facts.id)!)));
  counts.images += stored.length;
  // One read but not stored lost its recording or note here: nothing left to show it with.
  return open.filter((each) => !pictures.fetched.has(each.facts.id));
}

/**
 * Syncs `database` with the server `client` speaks to, as `user`. Resolves to what it did; rejects
 * with a DavError (the server's answer or none), a SyncFileError or a SyncPassphraseError, having
 * changed nothing here. With `passphrase`, every file is sealed (platform/sync-crypto.ts). With
 * `team`, the folder is a team folder (core/sync/team.ts): this browser writes only that author's
 * folder and reads every author's.
 */
export async function syncOnce(database: NotesDatabase, client: DavClient, user: string, options: { passphrase?: string; now?: () => Date; team?: Author } = {}): Promise<SyncOutcome> {
  const now = options.now ?? (() => new Date());
  const { team } = options;
  const server = `${serverIdentity(client, user)}${team ? ` team ${team.id}` : ''}`;
  const startRequests = client.requests;
  const start = await database.transaction('r', [database.settings, database.changes, database.recordings, database.notes, database.qa, database.tombstones], async () => {
    const row = (await database.settings.get(SYNC_STATE_KEY))?.value as SyncState | undefined;
    const state: SyncState = row && row.server === server ? row : { server, files: {}, pending: [] };
    const { keys, end } = await localChanges(database, state.mark);
    for (const key of state.pending) keys.add(key);
    return { state, keys, end };
  });
  const { state } = start;
  const repaired: string[] = [];

  const codec = await codecFor(client, options.passphrase);
  const folder = team ? authorFolder(team.id) : SINGLE_FOLDER;
  const stateKey = (authorId: string | undefined, name: string) => (authorId === undefined ? name : `${authorId}/${name}`);
  const differs = (known: IndexEntry | undefined, entry: IndexEntry) => !known || known.rev !== entry.rev || known.sha256 !== entry.sha256;
  const indexRead = await readIndex(client, codec, repaired, folder);
  if (indexRead.etag === 'absent') {
    for (const made of folder.make) await client.mkcol(made);
  }
  const { index } = indexRead;
  // Files to read: changed here, changed there, or known here and missing from the index.
  const keyOf = new Map<string, string>();
  for (const key of start.keys) keyOf.set(await fileNameOf(key), key);
  const names = new Set(keyOf.keys());
  for (const [name, entry] of Object.entries(index.files)) if (differs(state.files[stateKey(team?.id, name)], entry)) names.add(name);
  const ownPrefix = team ? `${team.id}/` : '';
  for (const known of Object.keys(state.files)) {
    const name = known.slice(ownPrefix.length);
    if (known.startsWith(ownPrefix) && !name.includes('/') && !index.files[name]) names.add(name);
  }

  const readOwn = team ? async (key: string) => ownData(await readLocalOne(database, key), team) : (key: string) => readLocalOne(database, key);
  const accept = team ? (data: SyncData) => acceptFolder(data, team.id) : undefined;
  // Every picture request of this sync shares one limit (a picture may be several hundred kB).
  const pictureLane = lanes(PARALLEL);
  const sentImages = new Set<string>();
  let imagesSent = 0;
  const sendImages = (unsent: ImageFacts[]) =>
    eachLimited(unsent.filter((facts) => !sentImages.has(facts.id)), PARALLEL, (facts) => pictureLane(async () => {
      const row = await database.images.get(facts.id);
      // Deleted meanwhile: its tombstone goes out with the next sync.
      if (!row) return;
      const [image] = await backupImages([row]);
      if (await putImageFile(client, codec, folder, image!)) imagesSent++;
      sentImages.add(facts.id);
    }));
  const results: FileResult[] = [];
  await eachLimited([...names].sort(), PARALLEL, async (name) => {
    const result = await syncFile(client, codec, name, keyOf.get(name), indexRead.index.files[name]?.rev, readOwn, now, repaired, folder, accept, sendImages);
    if (result) results.push(result);
  });
  await writeIndex(client, codec, indexRead, results, folder);

  // A team folder: every other author's files changed since this browser last read them, read only.
  const theirs: { authorId: string; name: string; data: SyncData; entry: IndexEntry }[] = [];
  if (team) {
    const roster = await joinRoster(client, codec, team, repaired);
    for (const authorId of Object.keys(roster.authors).sort()) {
      if (authorId === team.id) continue;
      const their = authorFolder(authorId);
      const { index: theirIndex } = await readIndex(client, codec, repaired, their);
      const changed = Object.entries(theirIndex.files).filter(([name, entry]) => differs(state.files[stateKey(authorId, name)], entry));
      await eachLimited(changed, PARALLEL, async ([name, entry]) => {
        const data = await readTheirFile(client, codec, their, name, (d) => acceptFolder(d, authorId), repaired);
        if (data) theirs.push({ authorId, name, data, entry });
      });
    }
  }

  // Pictures the files read list that this device lacks, and those pending from the last sync.
  const wanted = new Map<string, PendingImage>();
  for (const pending of state.images ?? []) wanted.set(pending.facts.id, pending);
  for (const result of results) for (const facts of result.data.images) wanted.set(facts.id, { dir: folder.images, facts });
  for (const read of theirs) for (const facts of read.data.images) wanted.set(facts.id, { dir: authorFolder(read.authorId).images, facts });
  const pictures: Pictures = { fetched: new Map(), dirOf: new Map([...wanted].map(([id, pending]) => [id, pending.dir])), unresolved: new Map() };
  if (wanted.size > 0) {
    const ids = [...wanted.keys()];
    const held = new Set(await database.images.where('id').anyOf(ids).primaryKeys());
    const buried = await database.tombstones.bulkGet(ids.map((id): [Tombstone['kind'], string] => ['image', id]));
    const toRead = ids.filter((id, i) => !held.has(id) && !buriedHere(buried[i], wanted.get(id)!.facts, team)).map((id) => wanted.get(id)!);
    await eachLimited(toRead, PARALLEL, (pending) => pictureLane(async () => {
      const got = await readImageFile(client, codec, pending.dir, pending.facts.id);
      if (got === 'absent') return;
      if ('problem' in got) {
        if (!repaired.includes(got.problem)) repaired.push(got.problem);
        return;
      }
      pictures.fetched.set(pending.facts.id, {
        blob: new Blob([got.data as Uint8Array<ArrayBuffer>], { type: got.type }),
        thumb: new Blob([got.thumb as Uint8Array<ArrayBuffer>], { type: got.thumbType }),
        bytes: got.data.length + got.thumb.length,
      });
    }));
  }

  const targets: Target[] = [];
  if (team) {
    const byKey = new Map<string, { mine?: SyncData; others: Map<string, SyncData> }>();
    const slot = (key: string) => byKey.get(key) ?? byKey.set(key, { others: new Map() }).get(key)!;
    for (const result of results) slot(result.data.recordingKey).mine = result.data;
    for (const read of theirs) slot(read.data.recordingKey).others.set(read.authorId, read.data);
    for (const [recordingKey, { mine, others }] of byKey) targets.push({ recordingKey, merge: (here) => mergeTeam(here, mine, others) });
  } else {
    for (const result of results) targets.push({ recordingKey: result.data.recordingKey, merge: (here) => mergeSyncData(here, result.data) });
  }

  const changedHere = { recordings: 0, notes: 0, qa: 0, transcripts: 0, images: 0, deleted: 0 };
  const tables = [database.settings, database.changes, database.recordings, database.notes, database.qa, database.transcripts, database.tombstones, database.images];
  const { received, waiting } = await database.transaction('rw', tables, async () => {
    // Changes made here while the sync talked to the server: not on the server yet.
    const meanwhile = await localChanges(database, start.end);
    const received = await applyLocally(database, targets, changedHere, pictures);
    const targeted = new Set(targets.map((target) => target.recordingKey));
    const waiting = await applyPending(database, [...wanted.values()].filter((p) => !targeted.has(p.facts.recordingKey)), pictures, team, changedHere);
    const end = Number((await database.changes.orderBy('seq').lastKey()) ?? start.end);
    const files = { ...state.files };
    for (const result of results) files[stateKey(team?.id, result.name)] = result.entry;
    for (const read of theirs) files[stateKey(read.authorId, read.name)] = read.entry;
    const next: SyncState = { server, mark: Math.max(end, start.end), files, pending: [...meanwhile.keys], ...(waiting.length > 0 ? { images: waiting } : {}) };
    await database.settings.put({ key: SYNC_STATE_KEY, value: next });
    return { received, waiting };
  });
  return {
    sent: results.filter((r) => r.sent).length, received, changedHere, imagesSent, imagesWaiting: waiting.length, repaired, requests: client.requests - startRequests,
  };
}
