/**
 * Another person's note or question in a team folder (core/sync/team.ts) is read-only in the
 * database itself, whatever a page offers: every function that changes one refuses it, saying
 * whose it is, and changes nothing.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Author } from '../../src/core/model';
import { addNote, editNote, noteFields, restoreNote, trashNote, type RecordingInfo } from '../../src/db/notes';
import { addAnswer, addQuestions, restoreQuestion, setNoteLink, trashQuestion } from '../../src/db/qa';
import { db } from '../../src/db/schema';
import { emptyDatabase } from './empty-db';

const talk: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };
const ANA: Author = { id: 'a0a0a0a0a0a0a0a0', name: 'Ana' };
const REFUSED = 'Only Ana can change this.';

beforeEach(async () => {
  await emptyDatabase();
});

describe('another person\'s records', () => {
  it('a note of Ana\'s cannot be edited, trashed, restored or linked here; my own can', async () => {
    const hers = await addNote(talk, 5, 'Ana wrote this');
    const mine = await addNote(talk, 6, 'mine');
    await db().notes.update(hers.id, { author: ANA });
    const [question] = await addQuestions(talk, [{ question: 'Why?', answers: [] }]);
    const before = await db().notes.get(hers.id);
    const fields = noteFields(before!);
    await expect(editNote(hers.id, fields, { ...fields, text: 'changed' })).rejects.toThrow(REFUSED);
    await expect(trashNote(hers.id)).rejects.toThrow(REFUSED);
    await expect(restoreNote(hers.id)).rejects.toThrow(REFUSED);
    await expect(setNoteLink(hers.id, question!.id, true)).rejects.toThrow(REFUSED);
    expect(await db().notes.get(hers.id)).toEqual(before);
    await trashNote(mine.id);
    expect((await db().notes.get(mine.id))?.deletedAt).toBeTypeOf('number');
  });

  it('a question of Ana\'s cannot be answered, trashed or restored here', async () => {
    const [question] = await addQuestions(talk, [{ question: 'Why?', answers: [] }]);
    await db().qa.update(question!.id, { author: ANA });
    const before = await db().qa.get(question!.id);
    await expect(addAnswer(question!.id, { text: 'Because.' })).rejects.toThrow(REFUSED);
    await expect(trashQuestion(question!.id)).rejects.toThrow(REFUSED);
    await expect(restoreQuestion(question!.id)).rejects.toThrow(REFUSED);
    expect(await db().qa.get(question!.id)).toEqual(before);
  });
});
