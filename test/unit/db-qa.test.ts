import 'fake-indexeddb/auto';
import { translator } from '../../src/core/i18n';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNote, editNote, noteFields, type RecordingInfo } from '../../src/db/notes';
import { addAnswer, addQuestions, listQa, restoreQuestion, setNoteLink, trashQuestion } from '../../src/db/qa';
import { addSpeaker, editSpeaker, getRecording, removeSpeaker, saveDetails } from '../../src/db/recordings';
import { db } from '../../src/db/schema';
import { emptyDatabase } from './empty-db';

const talk: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };

beforeEach(async () => {
  await emptyDatabase();
});

describe('webinar details and speakers', () => {
  it('keep each other and the recording row', async () => {
    await addNote(talk, 5, 'first');
    await saveDetails(talk, {}, { title: 'Accessible forms', date: '2026-11-12', organiser: 'A11y Guild' });
    const ada = await addSpeaker(talk, { name: '  Ada Example ', role: 'Lead', org: 'Example Org' });
    await addSpeaker(talk, { name: 'Grace, PhD', org: 'Sample Co' });
    const { id: _id, ...adaFields } = ada;
    await editSpeaker(talk, ada.id, adaFields, { ...adaFields, role: 'Accessibility lead' });
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
    await expect(addSpeaker(talk, { name: '   ' })).rejects.toThrow('A speaker needs a name.');
    expect(await getRecording(talk.key)).toBeUndefined();
  });

  it('a stale details form keeps the fields another tab saved, and reports a field both changed', async () => {
    const opened = { title: 'Forms', organiser: 'Guild' };
    await saveDetails(talk, {}, opened);
    await saveDetails(talk, opened, { ...opened, title: 'Accessible forms' });
    expect(await saveDetails(talk, opened, { ...opened, date: '2026-11-12' })).toEqual({ state: 'saved' });
    expect((await getRecording(talk.key))?.details).toEqual({ title: 'Accessible forms', organiser: 'Guild', date: '2026-11-12' });

    const before = await getRecording(talk.key);
    expect(await saveDetails(talk, opened, { title: 'Forms that work', organiser: undefined })).toEqual({
      state: 'conflict',
      conflicts: [{ field: 'title', base: 'Forms', mine: 'Forms that work', stored: 'Accessible forms' }],
    });
    expect(await getRecording(talk.key)).toEqual(before);
  });

  it('a stale speaker form keeps another tab’s edit, and does not bring back a removed speaker', async () => {
    const ada = await addSpeaker(talk, { name: 'Ada', role: 'Lead' });
    const opened = { name: 'Ada', role: 'Lead' };
    await editSpeaker(talk, ada.id, opened, { ...opened, role: 'Accessibility lead' });
    expect(await editSpeaker(talk, ada.id, opened, { ...opened, org: 'Example Org' })).toEqual({ state: 'saved' });
    expect((await getRecording(talk.key))?.speakers).toMatchObject([{ id: ada.id, name: 'Ada', role: 'Accessibility lead', org: 'Example Org' }]);
    expect((await editSpeaker(talk, ada.id, opened, { ...opened, role: 'Host' })).state).toBe('conflict');

    await removeSpeaker(talk, ada.id);
    expect(await editSpeaker(talk, ada.id, opened, { name: 'Ada B.' })).toEqual({ state: 'gone' });
    expect((await getRecording(talk.key))?.speakers).toEqual([]);
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
    expect(await addAnswer(q.id, { speakerId: 's1', text: 'Yes, three seats.', t: 110, end: 130 })).toEqual({ state: 'saved' });
    const note = await addNote(talk, 112, 'Free tier: 3 seats');
    await setNoteLink(note.id, q.id, true);
    expect((await db().notes.where('qaIds').equals(q.id).toArray()).map((n) => n.id)).toEqual([note.id]);

    await trashQuestion(q.id);
    expect(await listQa(talk.key)).toEqual([]);

    await restoreQuestion(q.id);
    expect((await listQa(talk.key)).map((item) => item.answers)).toEqual([[{ speakerId: 's1', text: 'Yes, three seats.', t: 110, end: 130 }]]);
    expect((await db().notes.get(note.id))?.qaIds).toEqual([q.id]);
  });

  it('answers added in two tabs are both kept; a trashed or deleted question takes none', async () => {
    const [q] = await addQuestions(talk, [{ question: 'Recorded?' }]);
    if (!q) throw new Error('no question');
    // Both tabs opened the answer form on the same (answerless) question.
    await addAnswer(q.id, { name: 'Ada', text: 'Yes.' });
    await addAnswer(q.id, { name: 'Grace', text: 'And captioned.' });
    expect((await db().qa.get(q.id))?.answers.map((a) => a.name)).toEqual(['Ada', 'Grace']);

    await trashQuestion(q.id);
    const trashed = await db().qa.get(q.id);
    expect(await addAnswer(q.id, { text: 'Late.' })).toEqual({ state: 'trashed' });
    expect(await db().qa.get(q.id)).toEqual(trashed);
    expect(await addAnswer('missing', { text: 'Late.' })).toEqual({ state: 'gone' });
    await expect(addAnswer(q.id, { text: ' ' })).rejects.toThrow('An answer needs some text.');
  });

  it('trashing or restoring a question that is gone says so and creates nothing', async () => {
    await expect(trashQuestion('missing')).rejects.toThrow('This question no longer exists.');
    await expect(restoreQuestion('missing')).rejects.toThrow(translator('en').t('db_goneForGood'));
    expect(await db().qa.count()).toBe(0);
  });

  it('links survive edits of the note', async () => {
    const [q] = await addQuestions(talk, [{ question: 'Why?' }]);
    const note = await addNote(talk, 1, 'Because');
    await setNoteLink(note.id, q!.id, true);
    await editNote(note.id, noteFields(note), { ...noteFields(note), text: 'Because, edited', t: 2 });
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
