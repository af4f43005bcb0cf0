// @vitest-environment happy-dom
/**
 * The library's reads that never walk the notes: the shelf opens only the recordings and their
 * counts, the recording page only its recording's records, the trash only trashed ones; after the
 * first read, a change is followed by reading the rows it names, not everything again.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shelfFrom, shelfView, withChanged, type Shelf } from '../../src/core/shelf';
import { changesSince, lastSeq, type Change } from '../../src/db/changes';
import { emptyTrash } from '../../src/db/library';
import { addNote, restoreNote, trashNote } from '../../src/db/notes';
import { addQuestions } from '../../src/db/qa';
import { db } from '../../src/db/schema';
import { readRecords, readShelf, readShelfTop, shelfRowsChanged, withRecordsChanged } from '../../src/db/shelf';
import type { Live } from '../../src/pages/shared/live-query';
import { useChangeLog } from '../../src/pages/shared/use-change-log';
import { useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const recording = (n: number) => ({ key: `https://example.com/r${n}`, site: 'html5' as const, url: `https://example.com/r${n}`, title: `R${n}` });

/** The object stores read or written while `run` ran (each use of one goes through `objectStore`). */
async function storesOpened(run: () => Promise<unknown>): Promise<Set<string>> {
  const spy = vi.spyOn(IDBTransaction.prototype, 'objectStore');
  try {
    await run();
    return new Set(spy.mock.calls.map(([name]) => name));
  } finally {
    spy.mockRestore();
  }
}

async function seed(notesEach: number): Promise<void> {
  for (const n of [1, 2]) for (let i = 0; i < notesEach; i++) await addNote(recording(n), i, `note ${i}`);
}

describe('readShelf', () => {
  it('opens only the recordings, their counts and the log’s mark, however many notes there are', async () => {
    await seed(3);
    const small = await storesOpened(readShelf);
    const { recordings, stats, mark } = await readShelf();
    expect(small).toEqual(new Set(['recordings', 'recordingStats', 'changes', 'settings']));
    expect(mark).toBe(await lastSeq());
    // Edited at the same moment: the later key first (the stats index's order, read backwards).
    expect(shelfView(shelfFrom(recordings, stats)).summaries.map((s) => [s.recording.title, s.notes])).toEqual([
      ['R2', 3],
      ['R1', 3],
    ]);
    await seed(40);
    expect(await storesOpened(readShelf)).toEqual(small);
    expect((await readShelf()).stats.map((row) => row.notes)).toEqual([43, 43]);
  });

  it('reads every row of a shelf longer than one request’s chunk, in key order', async () => {
    const many = Array.from({ length: 520 }, (_, n) => ({ ...recording(n), createdAt: 1, updatedAt: 1 }));
    await db().recordings.bulkPut(many);
    const { recordings, stats } = await readShelf();
    const keys = many.map((row) => row.key).sort();
    expect(recordings.map((row) => row.key)).toEqual(keys);
    expect(stats.map((row) => row.recordingKey)).toEqual(keys);
  });
});

describe('readShelfTop', () => {
  it('reads the recordings most recently edited, in the whole shelf’s order (ties by key, the later first), and counts all', async () => {
    // Edited at 1, 2, 3, 3, 4 and 5 (seconds): the top three are those at 5, 4, and of the two at 3 the later key.
    for (const [n, at] of [[1, 1], [2, 2], [3, 3], [4, 3], [5, 4], [6, 5]] as const) {
      clock.now = at * 1000;
      await addNote(recording(n), 0, `note ${n}`);
    }
    const top = await readShelfTop(3);
    expect(top.total).toBe(6);
    const titles = (rows: { recordings: Parameters<typeof shelfFrom>[0]; stats: Parameters<typeof shelfFrom>[1] }) =>
      shelfView(shelfFrom(rows.recordings, rows.stats)).summaries.map((summary) => summary.recording.title);
    expect(titles(top)).toEqual(['R6', 'R5', 'R4']);
    expect(titles(await readShelf())).toEqual(['R6', 'R5', 'R4', 'R3', 'R2', 'R1']);
    expect(await storesOpened(() => readShelfTop(3))).toEqual(new Set(['recordings', 'recordingStats']));
  });
});

describe('shelfRowsChanged', () => {
  it('reads again the recordings and stats rows the changes touched, and only those', async () => {
    await seed(1);
    const before = await readShelf();
    const note = await addNote(recording(1), 9, 'new');
    await trashNote(note.id);
    await addQuestions(recording(2), [{ question: 'Why?' }]);
    const { changes } = await changesSince(before.mark);
    const rows = await shelfRowsChanged(changes);
    expect([...rows!.recordings.keys()].sort()).toEqual([recording(1).key, recording(2).key]);
    expect(rows!.stats.get(recording(1).key)).toMatchObject({ notes: 1, trashed: 1 });
    expect(rows!.stats.get(recording(2).key)).toMatchObject({ notes: 1, questions: 1 });
    // Applied to the first read, the shelf is the one read now.
    const shelf = withChanged(shelfFrom(before.recordings, before.stats), rows!.recordings, rows!.stats);
    const now = await readShelf();
    expect(shelfView(shelf)).toEqual(shelfView(shelfFrom(now.recordings, now.stats)));
  });
  it('asks for the whole shelf when a record was deleted for good: its recording is no longer known', async () => {
    const note = await addNote(recording(1), 1, 'going');
    await trashNote(note.id);
    const mark = await lastSeq();
    await emptyTrash({ notes: [{ id: note.id, deletedAt: (await db().notes.get(note.id))!.deletedAt! }], qa: [] });
    expect(await shelfRowsChanged((await changesSince(mark)).changes)).toBeNull();
  });
});

describe('a recording’s records and the trash', () => {
  it('reads one recording’s notes and questions, and follows changes to them by id', async () => {
    await seed(2);
    const one = { recordingKey: recording(1).key };
    let first: Awaited<ReturnType<typeof readRecords>> | undefined;
    expect(await storesOpened(async () => (first = await readRecords(one)))).toEqual(new Set(['notes', 'qa', 'changes', 'settings']));
    const { value: read, mark } = first!;
    expect(read.notes.map((n) => n.text).sort()).toEqual(['note 0', 'note 1']);
    const added = await addNote(recording(1), 5, 'added');
    await addNote(recording(2), 5, 'elsewhere');
    await trashNote(read.notes.find((n) => n.text === 'note 0')!.id);
    const { changes } = await changesSince(mark);
    const next = await withRecordsChanged(one, read, changes);
    expect(next.notes.map((n) => [n.text, n.deletedAt !== undefined]).sort()).toEqual([
      ['added', false],
      ['note 0', true],
      ['note 1', false],
    ]);
    expect(next.notes.find((n) => n.id === added.id)).toEqual(await db().notes.get(added.id));
    const unrelated: Change[] = changes.filter((change) => change.table === 'recordings');
    expect(await withRecordsChanged(one, read, unrelated)).toBe(read);
  });
  it('reads only what is in the trash, and follows notes into it and out of it', async () => {
    await seed(2);
    const [note, other] = (await readRecords({ recordingKey: recording(2).key })).value.notes;
    await trashNote(note!.id);
    const { value: trash, mark } = await readRecords('trash');
    expect(trash.notes.map((n) => n.id)).toEqual([note!.id]);
    await trashNote(other!.id);
    await restoreNote(note!.id);
    const next = await withRecordsChanged('trash', trash, (await changesSince(mark)).changes);
    expect(next.notes.map((n) => n.id)).toEqual([other!.id]);
  });
});

describe('useChangeLog', () => {
  afterEach(() => render(null, document.body));
  it('reads once, then applies each change without reading everything again', async () => {
    await seed(1);
    const read = vi.fn(async () => {
      const { recordings, stats, mark } = await readShelf();
      return { value: shelfFrom(recordings, stats), mark };
    });
    const update = vi.fn(async (shelf: Shelf, changes: readonly Change[]) => {
      const rows = await shelfRowsChanged(changes);
      return rows && withChanged(shelf, rows.recordings, rows.stats);
    });
    let live: Live<Shelf> = { state: 'loading' };
    function Probe() {
      live = useChangeLog(read, update, []);
      return null;
    }
    await act(() => render(<Probe />, document.body));
    const notesOf = (n: number) => (live.state === 'ready' ? live.value.stats.get(recording(n).key)?.notes : undefined);
    await expect.poll(() => notesOf(1)).toBe(1);
    const note = await addNote(recording(1), 2, 'second');
    await expect.poll(() => notesOf(1)).toBe(2);
    await trashNote(note.id);
    await expect.poll(() => live.state === 'ready' && live.value.stats.get(recording(1).key)?.trashed).toBe(1);
    expect(notesOf(1)).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalled();
  });
});
