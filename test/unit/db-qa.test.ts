import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, GONE_FOR_GOOD, updateNote, type RecordingInfo } from '../../src/db/notes';
import { addQuestions, listQa, restoreQuestion, setNoteLink, trashQuestion, updateQuestion } from '../../src/db/qa';
import { getRecording, removeSpeaker, saveDetails, saveSpeaker } from '../../src/db/recordings';
import { db } from '../../src/db/schema';
import { emptyDatabase } from './empty-db';

const talk: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };

beforeEach(async () => {
  await emptyDatabase();
});

describe('webinar details and speakers', () => {
  it('keep each other and the recording row', async () => {
    await addNote(talk, 5, 'first');
    await saveDetails(talk, { title: 'Accessible forms', date: '2026-11-12', organiser: 'A11y Guild' });
    const ada = await saveSpeaker(talk, { name: '  Ada Example ', role: 'Lead', org: 'Example Org' });
    await saveSpeaker(talk, { name: 'Grace, PhD', org: 'Sample Co' });
    await saveSpeaker(talk, { ...ada, role: 'Accessibility lead' });
    const row = await getRecording(talk.key);
    expect(row?.details).toEqual({ title: 'Accessible forms', date: '2026-11-12', organiser: 'A11y Guild' });
    expect(row?.speakers?.map((s) => [s.name, s.role])).toEqual([
      ['Ada Example', 'Accessibility lead'],
      ['Grace, PhD', undefined],
    ]);
    await removeSpeaker(talk, ada.id);
    expect((await getRecording(talk.key))?.speakers?.map((s) => s.name)).toEqual(['Grace, PhD']);
    expect((await getRecording(talk.key))?.details?.title).toBe('Accessible forms');
  });

  it('refuse a speaker without a name', async () => {
    await expect(saveSpeaker(talk, { name: '   ' })).rejects.toThrow('A speaker needs a name.');
    expect(await getRecording(talk.key)).toBeUndefined();
  });
});

describe('questions', () => {
  it('are added all or none, listed in the order asked, untimed ones last', async () => {
    await addQuestions(talk, [{ question: 'Untimed?' }, { question: 'Late?', t: 90 }, { question: 'Early?', t: 10, askedBy: 'a registrant' }]);
    expect((await listQa(talk.key)).map((q) => q.question)).toEqual(['Early?', 'Late?', 'Untimed?']);
    await expect(addQuestions(talk, [{ question: 'Fine?' }, { question: ' ' }])).rejects.toThrow('A question needs some text.');
    expect(await listQa(talk.key)).toHaveLength(3);
  });

  it('take answers; a trashed question keeps its note links, so restoring it brings them back', async () => {
    const [q] = await addQuestions(talk, [{ question: 'Is there a free tier?', t: 100 }]);
    if (!q) throw new Error('no question');
    await updateQuestion(q.id, { answers: [{ speakerId: 's1', text: 'Yes, three seats.', t: 110, end: 130 }] });
    const note = await addNote(talk, 112, 'Free tier: 3 seats');
    await setNoteLink(note.id, q.id, true);
    expect((await db().notes.where('qaIds').equals(q.id).toArray()).map((n) => n.id)).toEqual([note.id]);

    await trashQuestion(q.id);
    expect(await listQa(talk.key)).toEqual([]);

    await restoreQuestion(q.id);
    expect((await listQa(talk.key)).map((item) => item.answers)).toEqual([[{ speakerId: 's1', text: 'Yes, three seats.', t: 110, end: 130 }]]);
    expect((await db().notes.get(note.id))?.qaIds).toEqual([q.id]);
  });

  it('trashing or restoring a question that is gone says so and creates nothing', async () => {
    await expect(trashQuestion('missing')).rejects.toThrow('This question no longer exists.');
    await expect(restoreQuestion('missing')).rejects.toThrow(GONE_FOR_GOOD);
    expect(await db().qa.count()).toBe(0);
  });

  it('links survive edits of the note', async () => {
    const [q] = await addQuestions(talk, [{ question: 'Why?' }]);
    const note = await addNote(talk, 1, 'Because');
    await setNoteLink(note.id, q!.id, true);
    await updateNote(note.id, { text: 'Because, edited', t: 2 });
    expect((await db().notes.get(note.id))?.qaIds).toEqual([q!.id]);
    await setNoteLink(note.id, q!.id, false);
    expect((await db().notes.get(note.id))?.qaIds).toEqual([]);
  });
});

describe('the recording row', () => {
  it('leaves out a duration that is not a real length', async () => {
    await addNote({ ...talk, duration: Number.POSITIVE_INFINITY }, 1, 'live');
    await addNote({ ...talk, duration: Number.NaN }, 2, 'still live');
    expect((await getRecording(talk.key))?.duration).toBeUndefined();
    await addNote({ ...talk, duration: 3600 }, 3, 'recorded');
    expect((await getRecording(talk.key))?.duration).toBe(3600);
  });
});
