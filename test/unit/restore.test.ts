/**
 * Restoring a backup after a reinstall, through the same db functions the panel and the library
 * use: the recording row the first new note creates must not hide the backup's details and
 * speakers, and no restored note may name a speaker that is gone.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../src/db/backup';
import { addNote, listNotes } from '../../src/db/notes';
import { getRecording, saveDetails, saveSpeaker, type RecordingInfo } from '../../src/db/recordings';
import { emptyDatabase, useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const PAGE: RecordingInfo = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Accessible forms', duration: 3600 };
const DETAILS = { title: 'Accessible forms in practice', date: '2026-10-02', description: 'Labels, errors, CSRF.', organiser: 'Forms Guild' };

describe('restoring a backup after a reinstall', () => {
  it('keeps the speakers and details when a note was taken on the same video before the import', async () => {
    await saveDetails(PAGE, DETAILS);
    clock.now = 2_000;
    const ada = await saveSpeaker(PAGE, { name: 'Ada Example', role: 'Host' });
    clock.now = 3_000;
    await addNote(PAGE, 754, 'Validate on the server, always', ada.id);
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
    expect(result).toEqual({ ok: true, counts: { added: 1, merged: 1, kept: 0, repaired: 0 } });
  });
});
