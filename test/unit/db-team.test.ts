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
import { deleteImage, newImage, noteImages, storeImage } from '../../src/db/images';
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

  it('a frame cannot be attached to a note of Ana\'s, nor one of hers deleted, here', async () => {
    const hers = await addNote(talk, 5, 'Ana wrote this');
    const picture = (noteId: string) => {
      const bytes = (size: number) => new Blob([new Uint8Array(size).fill(7)], { type: 'image/webp' });
      return newImage({ recordingKey: talk.key, kind: 'frame', noteId, t: 5, type: 'image/webp', blob: bytes(1000), width: 1280, height: 720, thumb: bytes(100), thumbWidth: 240, thumbHeight: 135 });
    };
    const hersBefore = picture(hers.id);
    await storeImage(hersBefore);
    await db().notes.update(hers.id, { author: ANA });
    await expect(storeImage(picture(hers.id))).rejects.toThrow(REFUSED);
    await expect(deleteImage(hersBefore.id)).rejects.toThrow(REFUSED);
    expect((await noteImages(hers.id)).map((image) => image.id)).toEqual([hersBefore.id]);
    const mine = await addNote(talk, 6, 'mine');
    await storeImage(picture(mine.id));
    expect(await noteImages(mine.id)).toHaveLength(1);
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
