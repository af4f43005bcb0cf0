/**
 * The change log: one row for every record written or deleted in the watched stores, appended in
 * the write's own transaction (db/write-log.ts). A reader that has seen everything up to `seq`
 * reads only what came after (the library's list, its search index, an open panel) instead of
 * reading every record again. The log is pruned from the front, and a write too large to log
 * record by record (write-log.ts) prunes it all; a reader whose mark is older than what was
 * pruned (the floor) is told to read everything once (`complete: false`).
 */
import { liveQuery } from 'dexie';
import { db, type NotesDatabase } from './schema';
import { CHANGES_FLOOR_KEY as FLOOR_KEY } from './write-log';

export type ChangedTable = 'recordings' | 'notes' | 'qa' | 'transcripts' | 'images';

export interface Change {
  /** Ascending in commit order; gaps are normal (an aborted transaction still takes its numbers). */
  seq: number;
  table: ChangedTable;
  /** The record's primary key: a recording's key, a note's, question's or image's id, a transcript's [recordingKey, lang]. */
  key: string | [string, string];
  /**
   * An image's recording (schema 7 on): a deleted image can no longer be read to learn it, and
   * its recording's counts changed with it.
   */
  recordingKey?: string;
}

export interface ChangesSince {
  changes: Change[];
  /** The newest `seq` read (the mark given when there is nothing new). */
  mark: number;
  /** False when changes after the mark were pruned: the reader must read everything again. */
  complete: boolean;
}

/** The distinct recordings whose images `changes` name, in the order first named. */
export function imageRecordings(changes: readonly Change[]): string[] {
  return [...new Set(changes.flatMap((change) => (change.table === 'images' && change.recordingKey !== undefined ? [change.recordingKey] : [])))];
}

/** The distinct keys of `table`'s records that `changes` name, in the order first named. */
export function changedKeys(changes: readonly Change[], table: Exclude<ChangedTable, 'transcripts'>): string[] {
  return [...new Set(changes.filter((change) => change.table === table).map((change) => change.key as string))];
}

/** Where the log starts: every change at or below this `seq` was pruned (0 when none was). Read in the caller's transaction. */
export async function changesFloor(database: NotesDatabase): Promise<number> {
  return Number((await database.settings.get(FLOOR_KEY))?.value ?? 0);
}

/** The newest change's `seq`, 0 when nothing was ever written: the mark of a reader that has just read everything. */
export async function lastSeq(): Promise<number> {
  const database = db();
  return database.transaction('r', database.changes, database.settings, async () => {
    const floor = await changesFloor(database);
    return Math.max(floor, Number((await database.changes.orderBy('seq').lastKey()) ?? 0));
  });
}

/** What changed after `mark` (a `seq`), oldest first, read in one transaction with the floor. */
export async function changesSince(mark: number): Promise<ChangesSince> {
  const database = db();
  return database.transaction('r', database.changes, database.settings, async () => {
    const floor = await changesFloor(database);
    const changes = await database.changes.where('seq').above(mark).toArray();
    return { changes, mark: changes.at(-1)?.seq ?? mark, complete: floor <= mark };
  });
}

/** Deletes the log up to and including `upTo` (a `seq`); readers behind it will read everything again. */
export async function pruneChanges(upTo: number): Promise<void> {
  const database = db();
  await database.transaction('rw', database.changes, database.settings, async () => {
    const floor = await changesFloor(database);
    if (upTo <= floor) return;
    await database.changes.where('seq').belowOrEqual(upTo).delete();
    await database.settings.put({ key: FLOOR_KEY, value: upTo });
  });
}

/** How many changes the log keeps at most when no reader prunes it (a library never opened). */
export const MAX_KEPT_CHANGES = 50_000;

/**
 * Prunes all but the newest `keep` changes: the log stays small even when the library's search
 * index, its main reader, is never built. Run at browser start. Resolves to how many went.
 */
export async function capChanges(keep = MAX_KEPT_CHANGES): Promise<number> {
  const database = db();
  const over = (await database.changes.count()) - keep;
  if (over <= 0) return 0;
  const upTo = await database.changes.orderBy('seq').offset(over - 1).firstKey();
  await pruneChanges(Number(upTo));
  return over;
}

/** A reader of the log: what it has applied and how it applies more. */
export interface ChangeFollower {
  /** The `seq` up to which everything is applied; undefined when nothing was read yet. */
  mark(): number | undefined;
  /**
   * Applies `changes` (every change after the mark, oldest first) and takes `mark` as the new
   * one; false to have everything read again instead (too many to apply one by one, say).
   */
  apply(changes: readonly Change[], mark: number): Promise<boolean>;
  /** Reads everything again and sets the mark to the log's end as read in the same transaction. */
  readWhole(): Promise<void>;
}

/**
 * Brings `follower` up to the log's end: the changes after its mark, or everything read again
 * when it has no mark, the log was pruned past it, or it declines them.
 */
export async function catchUpWith(follower: ChangeFollower): Promise<void> {
  const mark = follower.mark();
  if (mark === undefined) return follower.readWhole();
  const since = await changesSince(mark);
  if (since.changes.length === 0 && since.complete) return;
  if (!since.complete || !(await follower.apply(since.changes, since.mark))) await follower.readWhole();
}

/**
 * Catches `follower` up (`catchUpWith`) whenever the log grows past its mark, from this page or
 * any other context of the extension. Each catch-up is handed to `run`, which runs steps one at a
 * time in order (the caller's own reads go through it too); `after` runs once one has. Returns
 * the function that stops following.
 */
export function followChangeLog(follower: ChangeFollower, run: (step: () => Promise<void>) => void, onError: (error: unknown) => void, after?: () => void): () => void {
  const subscription = liveQuery(lastSeq).subscribe({
    next: (seen) =>
      run(async () => {
        const mark = follower.mark();
        if (mark !== undefined && seen <= mark) return;
        await catchUpWith(follower);
        after?.();
      }),
    error: onError,
  });
  return () => subscription.unsubscribe();
}
