/**
 * The library's reads that never walk the notes: the shelf (every recording and its kept counts,
 * core/shelf.ts), the rows of it that a batch of changes touched, one recording's notes and
 * questions, and the trash. Each first read comes with the change log's mark, read in the same
 * transaction, so a reader then reads only what changed after it (db/changes.ts).
 */
import type { Note, QaItem, Recording } from '../core/model';
import type { RecordingStats } from '../core/recording-stats';
import { isLive } from '../core/records';
import { applyChanges } from '../core/apply-changes';
import { changedKeys, imageRecordings, lastSeq, type Change } from './changes';
import type { Table } from 'dexie';
import { db } from './schema';

/** Past this many changes at once (an import), reading the shelf again is the cheaper way. */
const MAX_CHANGES_FOLLOWED = 1000;

export interface ShelfRead {
  recordings: Recording[];
  stats: RecordingStats[];
  /** The change log's `seq` this read includes. */
  mark: number;
}

/** Rows read per request by `readShelf`: about 200 kB of recordings. */
const SHELF_CHUNK = 250;

/**
 * Every row of `table` in primary-key order, SHELF_CHUNK at a time (inside the caller's
 * transaction): each request's rows are made in a task of their own, where one read of 1,000
 * recordings was one long task (77 ms on two busy cores) after the first screen.
 */
async function readInChunks<T>(table: Table<T, string, unknown>, keyOf: (row: T) => string): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const last = rows.at(-1);
    const chunk = await (last === undefined ? table.limit(SHELF_CHUNK) : table.where(':id').above(keyOf(last)).limit(SHELF_CHUNK)).toArray();
    rows.push(...chunk);
    if (chunk.length < SHELF_CHUNK) return rows;
  }
}

/** Every recording and every stats row, and the mark, in one read transaction. Reads no note. */
export async function readShelf(): Promise<ShelfRead> {
  const database = db();
  return database.transaction('r', [database.recordings, database.recordingStats, database.changes, database.settings], async () => {
    const [recordings, stats, mark] = await Promise.all([
      readInChunks(database.recordings, (row) => row.key),
      readInChunks(database.recordingStats, (row) => row.recordingKey),
      lastSeq(),
    ]);
    return { recordings, stats, mark };
  });
}

/**
 * The shelf's first screenful: the `count` recordings most recently edited, in the list's order
 * (core/shelf.ts `byLastEdit`, which the stats' [lastEdit+recordingKey] index follows), with
 * their stats rows, and how many recordings there are. Reads `count` rows of each store whatever
 * the library's size.
 */
export async function readShelfTop(count: number): Promise<{ recordings: Recording[]; stats: RecordingStats[]; total: number }> {
  const database = db();
  return database.transaction('r', [database.recordings, database.recordingStats], async () => {
    const stats = await database.recordingStats.orderBy('[lastEdit+recordingKey]').reverse().limit(count).toArray();
    const [rows, total] = await Promise.all([database.recordings.bulkGet(stats.map((row) => row.recordingKey)), database.recordings.count()]);
    const recordings = rows.filter((row): row is Recording => row !== undefined);
    return { recordings, stats, total };
  });
}

export interface ShelfRows {
  /** Each recording the changes touched: its row as stored now, undefined when it is gone. */
  recordings: Map<string, Recording | undefined>;
  stats: Map<string, RecordingStats | undefined>;
}

/**
 * The shelf's rows that `changes` touched, read again: the recordings written, and the stats rows
 * of those, of the recordings of the notes and questions written and of the recordings whose
 * images changed. Null when the shelf must be
 * read whole: a note or question deleted for good (its recording is no longer known) or too many
 * changes to follow one by one.
 */
export async function shelfRowsChanged(changes: readonly Change[]): Promise<ShelfRows | null> {
  if (changes.length > MAX_CHANGES_FOLLOWED) return null;
  const database = db();
  const keysOf = (table: 'recordings' | 'notes' | 'qa') => changedKeys(changes, table);
  return database.transaction('r', [database.recordings, database.recordingStats, database.notes, database.qa], async () => {
    const recordingKeys = keysOf('recordings');
    const [recordings, notes, qa] = await Promise.all([database.recordings.bulkGet(recordingKeys), database.notes.bulkGet(keysOf('notes')), database.qa.bulkGet(keysOf('qa'))]);
    const written = [...notes, ...qa];
    if (written.some((row) => row === undefined)) return null;
    const statsKeys = [...new Set([...recordingKeys, ...written.map((row) => row!.recordingKey), ...imageRecordings(changes)])];
    const stats = await database.recordingStats.bulkGet(statsKeys);
    return {
      recordings: new Map(recordingKeys.map((key, i) => [key, recordings[i]])),
      stats: new Map(statsKeys.map((key, i) => [key, stats[i]])),
    };
  });
}

/** Notes and questions: a recording's, or the trash's. */
export interface Records {
  notes: readonly Note[];
  qa: readonly QaItem[];
}

/** Which notes and questions a reader holds: the rule a record read again is kept by. */
export type RecordsOf = { recordingKey: string } | 'trash';

const byDeletedAt = (a: Note | QaItem, b: Note | QaItem) => (a.deletedAt ?? 0) - (b.deletedAt ?? 0);
/** No order but the primary key's (applyChanges breaks ties by id). */
const byIdOnly = () => 0;

const belongsTo = (which: RecordsOf) => (row: Note | QaItem) => (which === 'trash' ? !isLive(row) : row.recordingKey === which.recordingKey);

/**
 * A recording's notes and questions, trashed ones included (by the `recordingKey` indexes), or
 * those in the trash and only those (by the `deletedAt` indexes); with the mark.
 */
export async function readRecords(which: RecordsOf): Promise<{ value: Records; mark: number }> {
  const database = db();
  return database.transaction('r', [database.notes, database.qa, database.changes, database.settings], async () => {
    const [notes, qa, mark] = await Promise.all(
      which === 'trash'
        ? [database.notes.where('deletedAt').above(-Infinity).toArray(), database.qa.where('deletedAt').above(-Infinity).toArray(), lastSeq()]
        : [database.notes.where('recordingKey').equals(which.recordingKey).toArray(), database.qa.where('recordingKey').equals(which.recordingKey).toArray(), lastSeq()],
    );
    return { value: { notes, qa }, mark };
  });
}

/**
 * `records` with the notes and questions `changes` name read again (by id): replaced or added
 * when they are `which`'s, dropped when they are not or are gone. The same object when none of
 * it changed.
 */
export async function withRecordsChanged(which: RecordsOf, records: Records, changes: readonly Change[]): Promise<Records> {
  const database = db();
  const noteIds = changedKeys(changes, 'notes');
  const qaIds = changedKeys(changes, 'qa');
  if (noteIds.length === 0 && qaIds.length === 0) return records;
  const [notes, qa] = await database.transaction('r', database.notes, database.qa, () => Promise.all([database.notes.bulkGet(noteIds), database.qa.bulkGet(qaIds)]));
  const belongs = belongsTo(which);
  // In the order `readRecords` reads by: the trash by its index on `deletedAt`, a recording's by id.
  const order = which === 'trash' ? byDeletedAt : byIdOnly;
  const nextNotes = applyChanges(records.notes, new Map(noteIds.map((id, i) => [id, notes[i]])), belongs, order);
  const nextQa = applyChanges(records.qa, new Map(qaIds.map((id, i) => [id, qa[i]])), belongs, order);
  return nextNotes === records.notes && nextQa === records.qa ? records : { notes: nextNotes, qa: nextQa };
}
