import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePlan, type BackupData } from '../../src/core/backup';
import type { Note, QaItem, Recording } from '../../src/core/model';
import { editedNote, editedRecording, sameValues, withChanges } from '../../src/core/field-times';
import { mergeNote, mergeQaItem, mergeRecording } from '../../src/core/record-merge';

const KEY = 'youtube:Wb1nQ9rLk2A';
const recording = (over: Partial<Recording> = {}): Recording => ({
  key: KEY, site: 'youtube', url: 'https://youtu.be/Wb1nQ9rLk2A', title: 'Accessible forms', createdAt: 100, updatedAt: 100, ...over,
});
const note = (over: Partial<Note> = {}): Note => ({ id: 'n1', recordingKey: KEY, t: 12, text: 'Labels', createdAt: 100, updatedAt: 100, ...over });
const question = (over: Partial<QaItem> = {}): QaItem => ({
  id: 'q1', recordingKey: KEY, question: 'Is there a free tier?', answers: [], createdAt: 100, updatedAt: 100, ...over,
});
const ada = { id: 'ada', name: 'Ada Example', role: 'Host' };
const bo = { id: 'bo', name: 'Bo Sample' };

describe('editing stamps the fields that change', () => {
  it('a new record: every field it holds; an edit: only the fields whose value changed', () => {
    const created = editedNote(undefined, note({ speakerId: 'ada' }), 100);
    expect(created.fieldsUpdatedAt).toEqual({ t: 100, text: 100, speakerId: 100 });
    const edited = editedNote(created, withChanges(created, { text: 'Labels beat placeholders', t: 12, speakerId: undefined }), 200);
    expect(edited).toEqual(note({ text: 'Labels beat placeholders', updatedAt: 200, fieldsUpdatedAt: { t: 100, text: 200, speakerId: 200 } }));
  });

  it('a record from before per-field times: its fields take its updatedAt, the changed one now', () => {
    const edited = editedNote(note({ updatedAt: 150 }), note({ t: 20 }), 300);
    expect(edited.fieldsUpdatedAt).toEqual({ t: 300, text: 150 });
  });

  it('recordings: each detail on its own, each speaker field on the speaker', () => {
    const before = editedRecording(undefined, recording({ details: { title: 'T', organiser: 'Guild' }, speakers: [ada] }), 100);
    const after = editedRecording(before, { ...before, details: { title: 'T', organiser: 'Forms Guild' }, speakers: [{ ...ada, role: 'Moderator' }, bo] }, 200);
    expect(after.fieldsUpdatedAt).toMatchObject({ 'details.title': 100, 'details.organiser': 200, title: 100 });
    expect(after.speakers).toEqual([
      { ...ada, role: 'Moderator', fieldsUpdatedAt: { name: 100, role: 200 } },
      { ...bo, fieldsUpdatedAt: { name: 200 } },
    ]);
  });
});

describe('merging two copies of a record', () => {
  it('takes the newer edit of each field, never one whole copy', () => {
    const a = note({ text: 'Edited here', t: 12, updatedAt: 300, fieldsUpdatedAt: { text: 300, t: 100 } });
    const b = note({ text: 'Labels', t: 15, updatedAt: 200, fieldsUpdatedAt: { text: 100, t: 200 } });
    expect(mergeNote(a, b)).toEqual(note({ text: 'Edited here', t: 15, updatedAt: 300, fieldsUpdatedAt: { text: 300, t: 200 } }));
  });

  it('recordings: the page fields and each detail by field; speakers by id, one on a single side kept', () => {
    const restored = recording({
      details: { title: 'Accessible forms in practice', description: 'Labels, errors.' },
      speakers: [ada],
      updatedAt: 100,
    });
    // Made fresh by a note after a reinstall: newer, but without details or speakers.
    const fresh = editedRecording(undefined, recording({ title: 'Accessible forms (live)', createdAt: 500 }), 500);
    const merged = mergeRecording(fresh, restored);
    expect(merged).toMatchObject({
      title: 'Accessible forms (live)',
      details: { title: 'Accessible forms in practice', description: 'Labels, errors.' },
      speakers: [ada],
      createdAt: 100,
      updatedAt: 500,
    });
  });

  it('a speaker on both sides is merged field by field', () => {
    const a = recording({ speakers: [{ ...ada, role: 'Moderator', fieldsUpdatedAt: { name: 100, role: 300 } }, bo], updatedAt: 300 });
    const b = recording({ speakers: [{ ...ada, name: 'Ada E.', fieldsUpdatedAt: { name: 200, role: 100 } }], updatedAt: 200 });
    expect(mergeRecording(a, b).speakers).toEqual([
      { id: 'ada', name: 'Ada E.', role: 'Moderator', fieldsUpdatedAt: { name: 200, role: 300 } },
      bo,
    ]);
  });

  it('two copies edited at the same moment, each with a speaker the other lacks: one order, kept by merging again', () => {
    const a = recording({ speakers: [ada], updatedAt: 5 });
    const b = recording({ speakers: [bo], updatedAt: 5 });
    const ids = (r: Recording) => r.speakers?.map((s) => s.id);
    const merged = mergeRecording(a, b);
    expect(ids(merged)).toEqual(['bo', 'ada']);
    expect(ids(mergeRecording(b, a))).toEqual(['bo', 'ada']);
    expect(ids(mergeRecording(merged, a))).toEqual(['bo', 'ada']);
    expect(ids(mergeRecording(merged, b))).toEqual(['bo', 'ada']);
  });

  it('a record without per-field times: what it holds counts from its updatedAt, what it lacks never wipes a value', () => {
    const old = recording({ title: 'Old title', updatedAt: 400 }); // no details at all
    const stamped = recording({ title: 'Newer?', details: { date: '2026-10-02' }, updatedAt: 300, fieldsUpdatedAt: { title: 300, 'details.date': 300 } });
    const merged = mergeRecording(old, stamped);
    expect(merged.title).toBe('Old title');
    expect(merged.details).toEqual({ date: '2026-10-02' });
    // A field cleared on purpose has its own time, and wins when newer.
    const cleared = recording({ updatedAt: 500, fieldsUpdatedAt: { 'details.date': 500 } });
    expect(mergeRecording(cleared, stamped).details).toBeUndefined();
  });

  it('Q&A items: fields by time, answers by content, those only one side has kept', () => {
    const yes = { name: 'Host', text: 'Yes.' };
    const later = { name: 'Host', text: 'And a trial.', t: 40 };
    const a = question({ question: 'Is there a free tier, and for how long?', answers: [yes], updatedAt: 300, fieldsUpdatedAt: { question: 300, answers: 100 } });
    const b = question({ answers: [yes, later], askedBy: 'Sam', updatedAt: 200, fieldsUpdatedAt: { question: 100, answers: 200, askedBy: 200 } });
    expect(mergeQaItem(a, b)).toMatchObject({ question: 'Is there a free tier, and for how long?', askedBy: 'Sam', answers: [yes, later] });
  });
});

describe('the trash against edits', () => {
  const trashed = note({ deletedAt: 300, updatedAt: 300, fieldsUpdatedAt: { text: 100, t: 100, deletedAt: 300 } });

  it('a trashing newer than every edit of the other side wins', () => {
    const edited = note({ text: 'Edited before the trashing', updatedAt: 200, fieldsUpdatedAt: { text: 200, t: 100 } });
    expect(mergeNote(edited, trashed)).toMatchObject({ text: 'Edited before the trashing', deletedAt: 300 });
  });

  it('an edit newer than the trashing brings the record back, with that edit', () => {
    const edited = note({ text: 'Edited after the trashing', updatedAt: 400, fieldsUpdatedAt: { text: 400, t: 100 } });
    const merged = mergeNote(trashed, edited);
    expect(merged.text).toBe('Edited after the trashing');
    expect(merged).not.toHaveProperty('deletedAt');
    expect(merged.fieldsUpdatedAt?.deletedAt).toBe(400);
    expect(mergeNote(merged, trashed)).toBe(merged);
  });

  it('a restore newer than the trashing wins, and a trashing newer than the restore', () => {
    const restored = note({ updatedAt: 400, fieldsUpdatedAt: { text: 100, t: 100, deletedAt: 400 } });
    expect(mergeNote(trashed, restored)).not.toHaveProperty('deletedAt');
    const trashedAgain = { ...trashed, deletedAt: 500, updatedAt: 500, fieldsUpdatedAt: { ...trashed.fieldsUpdatedAt, deletedAt: 500 } };
    expect(mergeNote(restored, trashedAgain).deletedAt).toBe(500);
  });
});

describe('mergePlan', () => {
  const file: BackupData = {
    recordings: [recording({ speakers: [ada] })],
    notes: [note({ id: 'by-ada', speakerId: 'ada' }), note({ id: 'by-gone', speakerId: 'gone', qaIds: ['q1', 'stored-q', 'missing-q'] })],
    qa: [question()],
  };

  it('drops links to a speaker or question neither side has, and names each with its note', () => {
    const plan = mergePlan({ recordings: [], notes: [], qa: [] }, file, new Set(['stored-q']));
    expect(plan.put.notes).toEqual([note({ id: 'by-ada', speakerId: 'ada' }), note({ id: 'by-gone', qaIds: ['q1', 'stored-q'] })]);
    expect(plan.counts).toEqual({ added: 4, merged: 0, kept: 0, repaired: ['note by-gone: speaker gone', 'note by-gone: question missing-q'] });
  });

  it('keeps a link to a speaker only the database had', () => {
    const stored = recording({ speakers: [{ id: 'gone', name: 'Stored only' }] });
    const plan = mergePlan({ recordings: [stored], notes: [], qa: [] }, file, new Set(['stored-q', 'missing-q']));
    expect(plan.put.notes.find((n) => n.id === 'by-gone')?.speakerId).toBe('gone');
    expect(plan.put.recordings[0]?.speakers?.map((s) => s.id).sort()).toEqual(['ada', 'gone']);
    expect(plan.counts).toEqual({ added: 3, merged: 1, kept: 0, repaired: [] });
  });

  it('is idempotent: a second import of the same file puts nothing', () => {
    const fresh = editedRecording(undefined, recording({ createdAt: 500 }), 500);
    const first = mergePlan({ recordings: [fresh], notes: [], qa: [] }, file, new Set());
    const after: BackupData = { recordings: first.put.recordings, notes: first.put.notes, qa: first.put.qa };
    const second = mergePlan(after, file, new Set(after.qa.map((q) => q.id)));
    expect(second.put).toEqual({ recordings: [], notes: [], qa: [], transcripts: [] });
    expect(second.counts).toEqual({ added: 0, merged: 0, kept: 4, repaired: [] });
  });
});

// ─── Properties: any two copies merge to the same content in either order, and merging again changes nothing. ───

const stamp = fc.integer({ min: 0, max: 1000 });
const times = (fields: string[]) => fc.option(fc.dictionary(fc.constantFrom(...fields), stamp, { maxKeys: fields.length }), { nil: undefined });
const word = fc.constantFrom('a', 'b', 'c');
const noteCopy = fc.record(
  {
    t: fc.constantFrom(1, 2), text: word, speakerId: word, qaIds: fc.array(word, { maxLength: 2 }), tags: fc.array(word, { maxLength: 2 }),
    createdAt: stamp, updatedAt: stamp, deletedAt: stamp, fieldsUpdatedAt: times(['t', 'text', 'speakerId', 'tags', 'deletedAt']),
  },
  { requiredKeys: ['t', 'text', 'createdAt', 'updatedAt'] },
).map((fields) => JSON.parse(JSON.stringify({ id: 'n1', recordingKey: KEY, ...fields })) as Note);
const speakerCopy = fc.record({ id: fc.constantFrom('ada', 'bo'), name: word, role: word, fieldsUpdatedAt: times(['name', 'role']) }, { requiredKeys: ['id', 'name'] });
const recordingCopy = fc.record(
  {
    title: word, duration: fc.constantFrom(10, 20), details: fc.record({ title: word, date: word }, { requiredKeys: [] }),
    speakers: fc.uniqueArray(speakerCopy, { selector: (s) => s.id }), createdAt: stamp, updatedAt: stamp,
    fieldsUpdatedAt: times(['title', 'duration', 'details.title', 'details.date']),
  },
  { requiredKeys: ['title', 'createdAt', 'updatedAt'] },
).map((fields) => JSON.parse(JSON.stringify({ key: KEY, site: 'html5', url: 'u', ...fields })) as Recording);
const qaCopy = fc.record(
  {
    question: word, askedBy: word, answers: fc.array(fc.record({ text: word }), { maxLength: 2 }), createdAt: stamp, updatedAt: stamp,
    deletedAt: stamp, fieldsUpdatedAt: times(['question', 'answers', 'deletedAt']),
  },
  { requiredKeys: ['question', 'answers', 'createdAt', 'updatedAt'] },
).map((fields) => JSON.parse(JSON.stringify({ id: 'q1', recordingKey: KEY, ...fields })) as QaItem);

describe.each([
  ['notes', noteCopy, mergeNote],
  ['Q&A items', qaCopy, mergeQaItem],
  ['recordings', recordingCopy, mergeRecording],
] as const)('merging %s (property)', (_kind, copy, merge) => {
  const mergeAny = merge as (a: unknown, b: unknown) => unknown;
  it('merge(a, b) and merge(b, a) hold the same content', () => {
    fc.assert(fc.property(copy, copy, (a, b) => {
      expect(sameValues(mergeAny(a, b), mergeAny(b, a))).toBe(true);
    }), { numRuns: 300 });
  });

  it('merging the result with either copy again changes nothing', () => {
    fc.assert(fc.property(copy, copy, (a, b) => {
      const merged = mergeAny(a, b);
      expect(sameValues(mergeAny(merged, b), merged)).toBe(true);
      expect(sameValues(mergeAny(merged, a), merged)).toBe(true);
      expect(mergeAny(a, a)).toBe(a);
    }), { numRuns: 300 });
  });
});
