/**
 * One recording's live notes and questions, read once and then kept up to date from the change
 * log (db/changes.ts): a write anywhere (this page, another panel, the library) costs a reader the
 * log's new rows and a bulkGet of the records they name, not a read of every note again.
 */
import { liveQuery } from 'dexie';
import { applyChanges } from '../core/apply-changes';
import type { Note, QaItem } from '../core/model';
import { byAsked, byTime, isLive } from '../core/records';
import { changedKeys, changesSince, lastSeq } from './changes';
import { listNotes } from './notes';
import { listQa } from './qa';
import { db } from './schema';

export interface RecordingRecords {
  /** Not in the trash, by time (core/records.ts). */
  notes: readonly Note[];
  /** Not in the trash, by time asked. */
  qa: readonly QaItem[];
}

export interface RecordingReader {
  /** The first `limit` notes, read quickly so a long list shows something while the rest is read. */
  first?(notes: readonly Note[]): void;
  /** Everything, then again after each change that touches the recording (the same arrays when a part did not change). */
  records(records: RecordingRecords): void;
  failed(error: unknown): void;
}

/**
 * Follows `recordingKey`: with `firstLimit`, calls `first` with that many notes, then `records`
 * with all of them and the questions, then `records` again whenever a note or question of the
 * recording is added, changed, moved away, trashed or deleted, in any page of the extension.
 * A log pruned past the reader's mark (`complete: false`) reads everything again. Returns the
 * function that stops following.
 */
export function followRecording(recordingKey: string, reader: RecordingReader, firstLimit?: number): () => void {
  let stopped = false;
  let mark = 0;
  let held: RecordingRecords | null = null;
  // One catch-up at a time; a signal that comes during one asks for another after it.
  let catchingUp: Promise<void> | null = null;
  let again = false;
  let subscription: { unsubscribe(): void } | null = null;

  const database = db();
  const readAll = async (): Promise<{ records: RecordingRecords; mark: number }> => {
    const [notes, qa, seq] = await Promise.all([listNotes(recordingKey), listQa(recordingKey), lastSeq()]);
    return { records: { notes, qa }, mark: seq };
  };
  const keepNote = (note: Note) => note.recordingKey === recordingKey && isLive(note);
  const keepQa = (item: QaItem) => item.recordingKey === recordingKey && isLive(item);

  /** Reads what changed after the mark and the records it names, in one transaction, and applies it. */
  const catchUp = async (): Promise<void> => {
    const before = held;
    if (!before) return;
    const next = await database.transaction('r', [database.changes, database.settings, database.notes, database.qa], async () => {
      const since = await changesSince(mark);
      if (!since.complete) return readAll();
      const noteIds = changedKeys(since.changes, 'notes');
      const qaIds = changedKeys(since.changes, 'qa');
      const [notes, qa] = await Promise.all([database.notes.bulkGet(noteIds), database.qa.bulkGet(qaIds)]);
      return {
        records: {
          notes: applyChanges(before.notes, new Map(noteIds.map((id, i) => [id, notes[i]])), keepNote, byTime),
          qa: applyChanges(before.qa, new Map(qaIds.map((id, i) => [id, qa[i]])), keepQa, byAsked),
        },
        mark: since.mark,
      };
    });
    if (stopped) return;
    mark = next.mark;
    held = next.records;
    if (held.notes !== before.notes || held.qa !== before.qa) reader.records(held);
  };

  const signal = () => {
    if (catchingUp) {
      again = true;
      return;
    }
    catchingUp = catchUp()
      .catch((error: unknown) => {
        if (!stopped) reader.failed(error);
      })
      .finally(() => {
        catchingUp = null;
        if (again && !stopped) {
          again = false;
          signal();
        }
      });
  };

  const start = async () => {
    // The short read first: IndexedDB would serve it behind the long one.
    if (firstLimit !== undefined && reader.first) {
      const first = await listNotes(recordingKey, firstLimit);
      if (stopped) return;
      if (first.length > 0) reader.first(first);
    }
    const all = await database.transaction('r', [database.changes, database.settings, database.notes, database.qa], readAll);
    if (stopped) return;
    mark = all.mark;
    held = all.records;
    reader.records(held);
    // Re-runs whenever the log grows, in this page or any other (Dexie broadcasts its writes).
    subscription = liveQuery(lastSeq).subscribe({
      next: (seq) => seq > mark && signal(),
      error: (error: unknown) => stopped || reader.failed(error),
    });
  };
  start().catch((error: unknown) => stopped || reader.failed(error));

  return () => {
    stopped = true;
    subscription?.unsubscribe();
  };
}
