/**
 * Restoring a backup after a reinstall, through the same db functions the panel and the library
 * use: the recording row the first new note creates must not hide the backup's details and
 * speakers, and no restored note may name a speaker that is gone.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importSummary, makeBackup } from '../../src/core/backup';
import { exportBackup, importBackup } from '../../src/db/backup';
import { addNote, listNotes } from '../../src/db/notes';
import { addSpeaker, getRecording, saveDetails, type RecordingInfo } from '../../src/db/recordings';
import { db } from '../../src/db/schema';
import { emptyDatabase, useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const PAGE: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Accessible forms', duration: 3600 };
const DETAILS = { title: 'Accessible forms in practice', date: '2026-10-02', description: 'Labels, errors, CSRF.', organiser: 'Forms Guild' };

describe('restoring a backup after a reinstall', () => {
  it('keeps the speakers and details when a note was taken on the same video before the import', async () => {
    await saveDetails(PAGE, {}, DETAILS);
    clock.now = 2_000;
    const ada = await addSpeaker(PAGE, { name: 'Ada Example', role: 'Host' });
    clock.now = 3_000;
    await addNote(PAGE, 754, 'Validate on the server, always', { speakerId: ada.id });
    const file = JSON.stringify(await exportBackup({}));

    // The reinstall: an empty database, then one note on the same video, later than the backup.
    await emptyDatabase();
    clock.now = 50_000;
    await addNote(PAGE, 30, 'Taken before restoring');
    clock.now = 60_000;
    const result = await importBackup(file);

    const recording = await getRecording(PAGE.key);
    expect(recording?.details).toEqual(DETAILS);
    expect(recording?.speakers?.map((s) => [s.name, s.role])).toEqual([['Ada Example', 'Host']]);
    const notes = await listNotes(PAGE.key);
    expect(notes.map((n) => [n.text, n.speakerId])).toEqual([
      ['Taken before restoring', undefined],
      ['Validate on the server, always', ada.id],
    ]);
    expect(recording?.speakers?.map((s) => s.id)).toContain(notes[1]?.speakerId);
    // The note is new here; the recording was here and took the backup's details and speakers.
    expect(result).toEqual({ ok: true, counts: { added: 1, merged: 1, kept: 0, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
  });

  it('importing the same file a second time changes nothing', async () => {
    await saveDetails(PAGE, {}, DETAILS);
    await addSpeaker(PAGE, { name: 'Ada Example' });
    await addNote(PAGE, 754, 'Validate on the server, always');
    const file = JSON.stringify(await exportBackup({}));
    await emptyDatabase();
    clock.now = 50_000;
    await addNote(PAGE, 30, 'Taken before restoring');
    expect(await importBackup(file)).toEqual({ ok: true, counts: { added: 1, merged: 1, kept: 0, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
    const after = await Promise.all([db().recordings.toArray(), db().notes.toArray()]);
    clock.now = 70_000;
    expect(await importBackup(file)).toEqual({ ok: true, counts: { added: 0, merged: 0, kept: 2, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
    expect(await Promise.all([db().recordings.toArray(), db().notes.toArray()])).toEqual(after);
  });

  it('drops a note’s link to a speaker or question that neither side has, and says so', async () => {
    const recording = { ...PAGE, speakers: [{ id: 'ada', name: 'Ada Example' }], createdAt: 1, updatedAt: 1 };
    const note = { id: 'n1', recordingKey: PAGE.key, t: 5, text: 'By someone gone', speakerId: 'gone', qaIds: ['no-such-question'], createdAt: 1, updatedAt: 1 };
    const result = await importBackup(JSON.stringify(makeBackup({ recordings: [recording], notes: [note], qa: [] }, new Date(0))));
    expect(result).toEqual({ ok: true, counts: { added: 2, merged: 0, kept: 0, repaired: ['note n1: speaker gone', 'note n1: question no-such-question'] }, adjusted: [], captionFixes: [], imageProblems: [] });
    expect(await db().notes.get('n1')).toEqual({ ...note, speakerId: undefined, qaIds: [] });
    expect(result.ok && importSummary(result.counts)).toBe(
      '2 added, 0 merged, 0 already up to date. 2 links from notes to a speaker or question that neither the backup nor this library has were removed (note n1: speaker gone; note n1: question no-such-question).',
    );
  });
});

describe('importSummary', () => {
  it('counts what was added, merged and already there, and the links removed only when there are some', () => {
    expect(importSummary({ added: 1, merged: 1, kept: 0, repaired: [] })).toBe('1 added, 1 merged, 0 already up to date.');
    expect(importSummary({ added: 0, merged: 12_000, kept: 3, repaired: ['note n7: speaker s2'] })).toBe(
      '0 added, 12,000 merged, 3 already up to date. 1 link from a note to a speaker or question that neither the backup nor this library has was removed (note n7: speaker s2).',
    );
    const many = Array.from({ length: 7 }, (_, i) => `note n${i}: question q${i}`);
    expect(importSummary({ added: 7, merged: 0, kept: 0, repaired: many })).toBe(
      '7 added, 0 merged, 0 already up to date. 7 links from notes to a speaker or question that neither the backup nor this library has were removed ' +
        '(note n0: question q0; note n1: question q1; note n2: question q2; note n3: question q3; note n4: question q4; …and 2 more).',
    );
  });
});
