import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../src/core/model';
import { lastSeq, pruneChanges } from '../../src/db/changes';
import { followRecording, type RecordingRecords } from '../../src/db/follow-recording';
import { addNote, editNote, listNotes, noteFields, restoreNote, trashNote } from '../../src/db/notes';
import { addQuestions, listQa, trashQuestion } from '../../src/db/qa';
import { db } from '../../src/db/schema';
import { useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const recording = (n: number) => ({ key: `https://example.com/r${n}`, site: 'html5' as const, url: `https://example.com/r${n}`, title: `R${n}` });
const HERE = recording(1);

let stop = () => undefined as void;
afterEach(() => stop());

/** Follows HERE; `latest()` is what the reader was last given, `calls` how many times. */
function follow(firstLimit?: number) {
  const seen: RecordingRecords[] = [];
  const firsts: (readonly Note[])[] = [];
  const failures: unknown[] = [];
  stop = followRecording(HERE.key, { first: (notes) => firsts.push(notes), records: (records) => seen.push(records), failed: (error) => failures.push(error) }, firstLimit);
  return { seen, firsts, failures, latest: () => seen.at(-1) };
}

/** Waits until the followed records equal a full read now. */
async function expectFollowed(followed: ReturnType<typeof follow>): Promise<void> {
  const [notes, qa] = await Promise.all([listNotes(HERE.key), listQa(HERE.key)]);
  await vi.waitFor(() => expect(followed.latest()).toEqual({ notes, qa }));
  expect(followed.failures).toEqual([]);
}

describe('followRecording: read once, then what changed', () => {
  it('follows adds, edits, moves in time, trash, restore and deletes of its recording’s notes and questions', async () => {
    const a = await addNote(HERE, 10, 'a');
    const followed = follow();
    await expectFollowed(followed);

    const b = await addNote(HERE, 5, 'b');
    await expectFollowed(followed);
    clock.now = 2_000;
    await editNote(a.id, noteFields(a), { ...noteFields(a), t: 1, text: 'a, earlier' });
    await expectFollowed(followed);
    expect(followed.latest()?.notes.map((n) => n.text)).toEqual(['a, earlier', 'b']);
    await trashNote(b.id);
    await expectFollowed(followed);
    await restoreNote(b.id);
    await expectFollowed(followed);
    const [q] = await addQuestions(HERE, [{ question: 'Why?', answers: [] }]);
    await expectFollowed(followed);
    await trashQuestion(q!.id);
    await expectFollowed(followed);
    await db().notes.delete(a.id);
    await expectFollowed(followed);
    // Moved to another recording (a hand-made write; no screen does it yet): it leaves.
    await db().notes.update(b.id, { recordingKey: recording(2).key });
    await expectFollowed(followed);
    expect(followed.latest()).toEqual({ notes: [], qa: [] });
  });

  it('gives nothing new for a change to another recording, and keeps the array a part did not change', async () => {
    await addNote(HERE, 1, 'here');
    const followed = follow();
    await expectFollowed(followed);
    const calls = followed.seen.length;
    await addNote(recording(2), 1, 'elsewhere');
    // Then a change here, so the one elsewhere has certainly been read.
    const [q] = await addQuestions(HERE, [{ question: 'Here?', answers: [] }]);
    await vi.waitFor(() => expect(followed.latest()?.qa.map((item) => item.id)).toEqual([q!.id]));
    expect(followed.seen.length).toBe(calls + 1);
    expect(followed.seen.at(-1)?.notes).toBe(followed.seen.at(-2)?.notes);
  });

  it('reads everything again when the log was pruned past its mark', async () => {
    const followed = follow();
    await expectFollowed(followed);
    const database = db();
    // A write and a prune of the log past it in one transaction: the reader cannot have read the change.
    await database.transaction('rw', [database.notes, database.changes, database.settings, database.recordings, database.recordingStats], async () => {
      await database.notes.add({ id: 'pruned', recordingKey: HERE.key, t: 3, text: 'unlogged', createdAt: 1, updatedAt: 1 });
      await pruneChanges(await lastSeq());
    });
    await expectFollowed(followed);
    expect(followed.latest()?.notes.map((n) => n.id)).toEqual(['pruned']);
  });

  it('shows the first screenful before the rest', async () => {
    for (let i = 0; i < 5; i++) await addNote(HERE, i, `n${i}`);
    const followed = follow(2);
    await expectFollowed(followed);
    expect(followed.firsts.map((notes) => notes.map((n) => n.text))).toEqual([['n0', 'n1']]);
  });
});
