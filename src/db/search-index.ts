/**
 * The library's search index as kept in IndexedDB (schema 6's `searchIndex` store), and the reads
 * that build it and keep it up to date: every search document with the change log's mark, and the
 * documents a batch of changes touched. Used by the library's worker (pages/library/search.worker.ts).
 */
import { libraryDocs, noteDoc, qaDoc, recordingDoc } from '../core/library';
import { isLive } from '../core/records';
import type { Recording } from '../core/model';
import type { SearchDoc } from '../core/search';
import type { WordIndexSnapshot } from '../core/word-index';
import { changedKeys, lastSeq, type Change } from './changes';
import { db } from './schema';

/** The one row: the index as of `mark` (a change log `seq`). */
export interface KeptSearchIndex {
  name: typeof NAME;
  mark: number;
  snapshot: WordIndexSnapshot;
  /** ms since the epoch. */
  keptAt: number;
}

const NAME = 'library';

export async function readKeptIndex(): Promise<KeptSearchIndex | undefined> {
  return db().searchIndex.get(NAME);
}

/** Keeps the index as of `mark`, replacing the one kept before. */
export async function keepIndex(mark: number, snapshot: WordIndexSnapshot): Promise<void> {
  await db().searchIndex.put({ name: NAME, mark, snapshot, keptAt: Date.now() });
}

/** Every live note and question and every recording as search documents, the recordings themselves, and the mark, in one read. */
export async function readSearchDocs(): Promise<{ docs: SearchDoc[]; recordings: Recording[]; mark: number }> {
  const database = db();
  return database.transaction('r', [database.recordings, database.notes, database.qa, database.changes, database.settings], async () => {
    const [recordings, notes, qa, mark] = await Promise.all([database.recordings.toArray(), database.notes.toArray(), database.qa.toArray(), lastSeq()]);
    return { docs: libraryDocs({ recordings, notes, qa }), recordings, mark };
  });
}

/** What a batch of changes does to the index: documents to put, and kinds and ids to remove. */
export interface SearchDocChanges {
  put: SearchDoc[];
  remove: Pick<SearchDoc, 'kind' | 'id'>[];
  /** Recordings written: the filters read their site and speakers. */
  recordings: string[];
}

/** The documents of the records `changes` name, read as they are now: gone or trashed ones are removed. */
export async function searchDocChanges(changes: readonly Change[]): Promise<SearchDocChanges> {
  const database = db();
  const recordingKeys = changedKeys(changes, 'recordings');
  const noteIds = changedKeys(changes, 'notes');
  const qaIds = changedKeys(changes, 'qa');
  const [recordings, notes, qa] = await database.transaction('r', [database.recordings, database.notes, database.qa], () =>
    Promise.all([database.recordings.bulkGet(recordingKeys), database.notes.bulkGet(noteIds), database.qa.bulkGet(qaIds)]),
  );
  const result: SearchDocChanges = { put: [], remove: [], recordings: recordingKeys };
  recordings.forEach((row, i) => (row ? result.put.push(recordingDoc(row)) : result.remove.push({ kind: 'recording', id: recordingKeys[i] as string })));
  notes.forEach((row, i) => (row && isLive(row) ? result.put.push(noteDoc(row)) : result.remove.push({ kind: 'note', id: noteIds[i] as string })));
  qa.forEach((row, i) => (row && isLive(row) ? result.put.push(qaDoc(row)) : result.remove.push({ kind: 'qa', id: qaIds[i] as string })));
  return result;
}
