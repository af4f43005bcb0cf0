import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyTrash } from '../../src/db/library';
import { addNote, restoreNote, trashNote, type RecordingInfo } from '../../src/db/notes';
import { addQuestions, setNoteLink, trashQuestion } from '../../src/db/qa';
import { db } from '../../src/db/schema';
import { useEmptyDatabaseAndClock } from './empty-db';

const talk: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };

const clock = useEmptyDatabaseAndClock();

describe('emptyTrash', () => {
  it('deletes what was listed and still trashed, and nothing trashed after the list was shown', async () => {
    const listedNote = await addNote(talk, 1, 'listed');
    const restoredMeanwhile = await addNote(talk, 2, 'restored since');
    const trashedLater = await addNote(talk, 3, 'trashed after the list was shown');
    const kept = await addNote(talk, 4, 'never trashed');
    const [listedQuestion, laterQuestion] = await addQuestions(talk, [{ question: 'Listed?' }, { question: 'Later?' }]);
    await setNoteLink(kept.id, listedQuestion!.id, true);
    await setNoteLink(kept.id, laterQuestion!.id, true);
    const retrashed = await addNote(talk, 5, 'restored and trashed again since');
    for (const note of [listedNote, restoredMeanwhile, retrashed]) await trashNote(note.id);
    await trashQuestion(listedQuestion!.id);
    const shown = async (table: 'notes' | 'qa', id: string) => ({ id, deletedAt: (await db()[table].get(id))!.deletedAt! });
    const listing = {
      notes: await Promise.all([listedNote.id, restoredMeanwhile.id, retrashed.id].map((id) => shown('notes', id))),
      qa: [await shown('qa', listedQuestion!.id)],
    };

    clock.now += 1_000;
    await restoreNote(restoredMeanwhile.id);
    await trashNote(trashedLater.id);
    await trashQuestion(laterQuestion!.id);
    await restoreNote(retrashed.id);
    clock.now += 1_000;
    await trashNote(retrashed.id);

    const purgedAt = clock.now;
    expect(await emptyTrash(listing)).toBe(2);
    // What went for good leaves a tombstone each, for sync; nothing else does.
    expect(await db().tombstones.toArray()).toEqual([
      { kind: 'note', id: listedNote.id, recordingKey: talk.key, deletedAt: purgedAt },
      { kind: 'qa', id: listedQuestion!.id, recordingKey: talk.key, deletedAt: purgedAt },
    ]);
    expect((await db().notes.toArray()).map((note) => note.text).sort()).toEqual([
      'never trashed',
      'restored and trashed again since',
      'restored since',
      'trashed after the list was shown',
    ]);
    expect((await db().qa.toArray()).map((item) => item.question)).toEqual(['Later?']);
    // The link to the question deleted for good goes; the link to the one still in the trash stays.
    expect((await db().notes.get(kept.id))?.qaIds).toEqual([laterQuestion!.id]);
    await restoreNote(trashedLater.id);
    expect((await db().notes.get(trashedLater.id))?.deletedAt).toBeUndefined();
  });

  it('an empty listing deletes nothing', async () => {
    const note = await addNote(talk, 1, 'in the trash');
    await trashNote(note.id);
    expect(await emptyTrash({ notes: [], qa: [] })).toBe(0);
    expect(await db().notes.count()).toBe(1);
    expect(await db().tombstones.count()).toBe(0);
  });
});
