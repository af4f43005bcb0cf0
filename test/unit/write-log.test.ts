import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note, QaItem, RecordingImage } from '../../src/core/model';
import { statsOf, type RecordingStats } from '../../src/core/recording-stats';
import { capChanges, catchUpWith, changesSince, followChangeLog, lastSeq, pruneChanges, type Change, type ChangeFollower } from '../../src/db/changes';
import { emptyTrash } from '../../src/db/library';
import { addNote, editNote, noteFields, restoreNote, trashNote } from '../../src/db/notes';
import { addQuestions, restoreQuestion, trashQuestion } from '../../src/db/qa';
import { db } from '../../src/db/schema';
import { storeHeard } from '../../src/db/transcripts';
import { MAX_LOGGED_PER_WRITE } from '../../src/db/write-log';
import { useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const recording = (n: number) => ({ key: `https://example.com/r${n}`, site: 'html5' as const, url: `https://example.com/r${n}`, title: `R${n}` });

/** The kept stats must equal the ones computed from every record (lastEdit may only be newer: it never goes back). */
async function expectStatsTrue(): Promise<void> {
  const database = db();
  const [recordings, notes, qa, images, kept] = await Promise.all([
    database.recordings.toArray(),
    database.notes.toArray(),
    database.qa.toArray(),
    database.images.toArray(),
    database.recordingStats.toArray(),
  ]);
  const computed = statsOf({ recordings, notes, qa, images });
  // A tag's shown spelling is any one in use, and lastEdit never goes back: both checked apart.
  const strip = ({ lastEdit: _lastEdit, tags, ...rest }: RecordingStats) => ({ ...rest, tags: Object.fromEntries(Object.entries(tags).map(([folded, { notes }]) => [folded, notes])) });
  expect(new Map(kept.map((row) => [row.recordingKey, strip(row)]))).toEqual(new Map([...computed].map(([key, row]) => [key, strip(row)])));
  for (const row of kept) expect(row.lastEdit).toBeGreaterThanOrEqual(computed.get(row.recordingKey)?.lastEdit ?? 0);
}

describe('the write log', () => {
  it('keeps every recording’s counts true through the app’s own writes', async () => {
    const a = await addNote(recording(1), 10, 'first', {});
    const b = await addNote(recording(1), 20, 'second', {});
    await addNote(recording(2), 5, 'elsewhere', {});
    await expectStatsTrue();
    expect(await db().recordingStats.get(recording(1).key)).toMatchObject({ notes: 2, questions: 0, trashed: 0 });

    clock.now = 2_000;
    await editNote(a.id, noteFields(a), { ...noteFields(a), tags: ['Pricing', 'roadmap'] });
    await editNote(b.id, noteFields(b), { ...noteFields(b), tags: ['pricing'] });
    expect((await db().recordingStats.get(recording(1).key))?.tags).toEqual({ pricing: { name: 'Pricing', notes: 2 }, roadmap: { name: 'roadmap', notes: 1 } });
    expect((await db().recordingStats.get(recording(1).key))?.lastEdit).toBe(2_000);

    const [question] = await addQuestions(recording(1), [{ question: 'Why?' }]);
    await trashNote(a.id);
    await trashQuestion(question!.id);
    expect(await db().recordingStats.get(recording(1).key)).toMatchObject({ notes: 1, questions: 0, trashed: 2, tags: { pricing: { name: 'Pricing', notes: 1 } } });
    await expectStatsTrue();

    await restoreQuestion(question!.id);
    await emptyTrash({ notes: [{ id: a.id, deletedAt: (await db().notes.get(a.id))!.deletedAt! }], qa: [] });
    expect(await db().recordingStats.get(recording(1).key)).toMatchObject({ notes: 1, questions: 1, trashed: 0 });
    await expectStatsTrue();
    await expect(restoreNote(a.id)).rejects.toThrow();
    await expectStatsTrue();
  });

  it('logs each record written once, in order, transcripts included, and nothing of a write that failed', async () => {
    const before = await lastSeq();
    const note = await addNote(recording(1), 1, 'logged');
    await storeHeard({ recordingKey: recording(1).key, lang: 'en', source: 'track', complete: true, cues: [{ start: 0, end: 1, text: 'hi' }], updatedAt: 1 });
    const { changes, mark, complete } = await changesSince(before);
    expect(complete).toBe(true);
    expect(changes.map(({ table, key }) => [table, key])).toEqual([
      ['recordings', recording(1).key],
      ['notes', note.id],
      ['transcripts', [recording(1).key, 'en']],
    ]);
    expect(mark).toBe(await lastSeq());

    // A transaction that fails after writing leaves no count and no log entry behind.
    const database = db();
    await expect(
      database.transaction('rw', database.notes, async () => {
        await database.notes.put({ ...note, id: 'doomed' });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await changesSince(mark)).changes).toEqual([]);
    expect(await database.recordingStats.get(recording(1).key)).toMatchObject({ notes: 1 });
  });

  it('tells a reader behind the pruned log to read everything again', async () => {
    await addNote(recording(1), 1, 'one');
    const old = await lastSeq();
    await addNote(recording(1), 2, 'two');
    await pruneChanges(await lastSeq());
    expect((await changesSince(old)).complete).toBe(false);
    expect(await changesSince(await lastSeq())).toMatchObject({ changes: [], complete: true });
  });

  it('brings a follower up to the log: its changes after its mark, everything read again when it has none, the log was pruned past it, or it declines them', async () => {
    const seen: string[] = [];
    let mark: number | undefined;
    let decline = false;
    const follower: ChangeFollower = {
      mark: () => mark,
      apply: async (changes: readonly Change[], next: number) => {
        if (decline) return false;
        seen.push(...changes.filter((change) => change.table === 'notes').map(() => 'note'));
        mark = next;
        return true;
      },
      readWhole: async () => {
        seen.push('whole');
        mark = await lastSeq();
      },
    };
    await catchUpWith(follower);
    await addNote(recording(1), 1, 'one');
    await catchUpWith(follower);
    await catchUpWith(follower); // nothing new: nothing applied
    expect(seen).toEqual(['whole', 'note']);

    decline = true;
    await addNote(recording(1), 2, 'two');
    await catchUpWith(follower);
    decline = false;
    const behind = mark ?? 0;
    await addNote(recording(1), 3, 'three');
    await pruneChanges(await lastSeq());
    mark = behind;
    await catchUpWith(follower);
    expect(seen).toEqual(['whole', 'note', 'whole', 'whole']);
    expect(mark).toBe(await lastSeq());
  });

  it('follows the log as it grows, one step at a time through the caller’s queue', async () => {
    let mark = await lastSeq();
    const applied: number[] = [];
    let queue = Promise.resolve();
    let afters = 0;
    const stop = followChangeLog(
      {
        mark: () => mark,
        apply: async (changes, next) => {
          applied.push(changes.length);
          mark = next;
          return true;
        },
        readWhole: () => Promise.reject(new Error('not expected')),
      },
      (step) => (queue = queue.then(step)),
      (error) => {
        throw error;
      },
      () => afters++,
    );
    await addNote(recording(1), 1, 'one');
    await expect.poll(() => mark).toBe(await lastSeq());
    await queue;
    stop();
    await addNote(recording(1), 2, 'two');
    await new Promise((done) => setTimeout(done, 50));
    await queue;
    expect(applied).toEqual([2]); // the note and its recording's row
    expect(afters).toBe(1);
    expect(mark).toBeLessThan(await lastSeq());
  });

  it('logs a write too large to log record by record as the floor raised: readers read everything again, and later writes are logged one by one', async () => {
    await addNote(recording(1), 1, 'before');
    const reader = await lastSeq();
    const many = MAX_LOGGED_PER_WRITE + 1;
    const note = (i: number): Note => ({ id: `bulk-${i}`, recordingKey: recording(2).key, t: i, text: `bulk ${i}`, createdAt: 1, updatedAt: 1 });
    await db().notes.bulkPut(Array.from({ length: many }, (_, i) => note(i)));
    // One row stands for the write, at the floor; everything before it is gone.
    expect(await db().changes.count()).toBe(1);
    expect(await db().changes.orderBy('seq').lastKey()).toBe(await lastSeq());
    expect(await lastSeq()).toBeGreaterThan(reader);
    expect((await changesSince(reader)).complete).toBe(false);
    await expectStatsTrue();
    expect(await db().recordingStats.get(recording(2).key)).toMatchObject({ notes: many });

    // A reader that has read everything since follows the log again.
    const caughtUp = await lastSeq();
    const after = await addNote(recording(1), 2, 'after');
    const since = await changesSince(caughtUp);
    expect(since.complete).toBe(true);
    expect(since.changes.map(({ table, key }) => [table, key])).toContainEqual(['notes', after.id]);

    // At the limit, a write is still logged record by record.
    const mark = await lastSeq();
    await db().notes.bulkDelete(Array.from({ length: MAX_LOGGED_PER_WRITE }, (_, i) => `bulk-${i}`));
    const deleted = await changesSince(mark);
    expect(deleted.complete).toBe(true);
    expect(deleted.changes).toHaveLength(MAX_LOGGED_PER_WRITE);
    await expectStatsTrue();
  });

  it('caps the log at the newest changes when no reader prunes it', async () => {
    for (let i = 0; i < 5; i++) await addNote(recording(1), i, `note ${i}`);
    const newest = await lastSeq();
    const logged = await db().changes.count(); // each note and its recording's row, every time
    expect(logged).toBe(10);
    expect(await capChanges(3)).toBe(7);
    expect(await db().changes.count()).toBe(3);
    expect(await lastSeq()).toBe(newest);
    expect((await changesSince(newest - 3)).complete).toBe(true);
    expect((await changesSince(newest - 4)).complete).toBe(false);
    expect(await capChanges(3)).toBe(0);
  });

  it('keeps the counts true through any mix of raw puts, deletes and clears (property)', async () => {
    const noteArb = fc.record({
      id: fc.constantFrom('n1', 'n2', 'n3', 'n4'),
      recordingKey: fc.constantFrom('k1', 'k2'),
      tags: fc.option(fc.array(fc.constantFrom('A', 'a', 'b', 'B '), { maxLength: 3 }), { nil: undefined }),
      deletedAt: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
      updatedAt: fc.integer({ min: 1, max: 1000 }),
    });
    const qaArb = fc.record({
      id: fc.constantFrom('q1', 'q2'),
      recordingKey: fc.constantFrom('k1', 'k2'),
      deletedAt: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
      updatedAt: fc.integer({ min: 1, max: 1000 }),
    });
    const imageArb = fc.record({
      id: fc.constantFrom('i1', 'i2', 'i3'),
      recordingKey: fc.constantFrom('k1', 'k2'),
      bytes: fc.integer({ min: 2, max: 5000 }),
    });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('putImages' as const), images: fc.array(imageArb, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('deleteImages' as const), ids: fc.array(fc.constantFrom('i1', 'i2', 'i4'), { maxLength: 2 }) }),
      fc.constant({ kind: 'clearImages' as const }),
      fc.record({ kind: fc.constant('putNotes' as const), notes: fc.array(noteArb, { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('putQa' as const), qa: fc.array(qaArb, { maxLength: 2 }) }),
      fc.record({ kind: fc.constant('deleteNotes' as const), ids: fc.array(fc.constantFrom('n1', 'n2', 'n5'), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('putRecording' as const), key: fc.constantFrom('k1', 'k2'), updatedAt: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ kind: fc.constant('deleteRecording' as const), key: fc.constantFrom('k1', 'k2') }),
      fc.constant({ kind: 'clearNotes' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const database = db();
        await database.transaction('rw', [database.notes, database.qa, database.recordings, database.images, database.recordingStats, database.changes], async () => {
          await Promise.all([database.notes.clear(), database.qa.clear(), database.recordings.clear(), database.images.clear()]);
          await Promise.all([database.recordingStats.clear(), database.changes.clear()]);
        });
        for (const step of ops) {
          if (step.kind === 'putImages') {
            await database.images.bulkPut(step.images.map((image) => ({ ...image, kind: 'frame', t: 1, type: 'image/webp', blob: new Blob(['x']), width: 1, height: 1, thumb: new Blob(['y']), thumbWidth: 1, thumbHeight: 1, createdAt: 1, updatedAt: 1 }) as RecordingImage));
          } else if (step.kind === 'deleteImages') await database.images.bulkDelete(step.ids);
          else if (step.kind === 'clearImages') await database.images.clear();
          else if (step.kind === 'putNotes') {
            // bulkPut writes each id's last value: so does the expectation.
            await database.notes.bulkPut(step.notes.map((n) => ({ ...n, t: 1, text: 'x', createdAt: 1 }) as Note));
          } else if (step.kind === 'putQa') await database.qa.bulkPut(step.qa.map((q) => ({ ...q, question: 'q', answers: [], createdAt: 1 }) as QaItem));
          else if (step.kind === 'deleteNotes') await database.notes.bulkDelete(step.ids);
          else if (step.kind === 'putRecording') await database.recordings.put({ key: step.key, site: 'html5', url: step.key, title: 't', createdAt: 1, updatedAt: step.updatedAt });
          else if (step.kind === 'deleteRecording') await database.recordings.delete(step.key);
          else await database.notes.clear();
        }
        await expectStatsTrue();
      }),
      { numRuns: 150 },
    );
  });
});
