import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  autoBackupStateFrom,
  backupDecision,
  backupFilePath,
  downloadFailureText,
  fileNameOf,
  type AutoBackupState,
} from '../../src/core/auto-backup';
import { dataSummary, loadAutoBackupState, saveAutoBackupState } from '../../src/db/auto-backup';
import { importBackup } from '../../src/db/backup';
import { addNote, trashNote } from '../../src/db/notes';
import { db } from '../../src/db/schema';
import { useEmptyDatabaseAndClock } from './empty-db';
import { loadSettings } from '../../src/db/settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 12, 12);
const data = { records: 3, lastChange: NOW - 10 * DAY };
const last = (ago: number, records = 3): AutoBackupState => ({ last: { at: NOW - ago, file: 'webinar-notes-x.json', records } });

describe('backupFilePath', () => {
  it('names the file by the local date, in the backups folder', () => {
    expect(backupFilePath(new Date(2026, 0, 5, 23, 59))).toBe('Webinar Notes backups/webinar-notes-2026-01-05.json');
    expect(backupFilePath(new Date(2026, 10, 12, 0, 0))).toBe('Webinar Notes backups/webinar-notes-2026-11-12.json');
  });

  it('gives the name of a written file from either kind of path', () => {
    expect(fileNameOf('/home/ada/Downloads/Webinar Notes backups/webinar-notes-2026-11-12 (1).json')).toBe('webinar-notes-2026-11-12 (1).json');
    expect(fileNameOf('C:\\Users\\Ada\\Downloads\\Webinar Notes backups\\webinar-notes-2026-11-12.json')).toBe('webinar-notes-2026-11-12.json');
  });
});

describe('backupDecision', () => {
  const decide = (frequency: 'off' | 'daily' | 'weekly', state: AutoBackupState, d = data, manual = false) =>
    backupDecision({ frequency, state, data: d, now: NOW, manual });

  it('writes the first backup as soon as there is something to back up', () => {
    expect(decide('weekly', {})).toEqual({ write: true });
    expect(decide('daily', {})).toEqual({ write: true });
  });

  it('never writes on its own when off', () => {
    expect(decide('off', {})).toEqual({ write: false, reason: 'off' });
    expect(decide('off', last(365 * DAY), { records: 4, lastChange: NOW })).toEqual({ write: false, reason: 'off' });
  });

  it('waits a day or a week after the last file', () => {
    const changed = { records: 3, lastChange: NOW - HOUR };
    expect(decide('daily', last(DAY - 1), changed)).toEqual({ write: false, reason: 'not-due' });
    expect(decide('daily', last(DAY), changed)).toEqual({ write: true });
    expect(decide('weekly', last(6 * DAY), changed)).toEqual({ write: false, reason: 'not-due' });
    expect(decide('weekly', last(7 * DAY), changed)).toEqual({ write: true });
  });

  it('writes no file for an empty database', () => {
    expect(decide('daily', {}, { records: 0, lastChange: 0 })).toEqual({ write: false, reason: 'empty' });
    expect(decide('off', {}, { records: 0, lastChange: 0 }, true)).toEqual({ write: false, reason: 'empty' });
  });

  it('writes no file that would hold the same as the last one', () => {
    expect(decide('daily', last(2 * DAY))).toEqual({ write: false, reason: 'unchanged' });
    // A record changed after the last file.
    expect(decide('daily', last(2 * DAY), { records: 3, lastChange: NOW - DAY })).toEqual({ write: true });
    // An import added records with old dates.
    expect(decide('daily', last(2 * DAY, 2))).toEqual({ write: true });
  });

  it('"Back up now" writes whenever there is something, whatever the schedule', () => {
    expect(decide('off', last(HOUR), data, true)).toEqual({ write: true });
    expect(decide('weekly', last(HOUR), data, true)).toEqual({ write: true });
  });
});

describe('autoBackupStateFrom', () => {
  it('keeps a valid state and drops what is malformed', () => {
    const state = { last: { at: 5, file: 'a.json', records: 2 }, failure: { at: 6, message: 'disk full' } };
    expect(autoBackupStateFrom(state)).toEqual(state);
    expect(autoBackupStateFrom({ last: { at: 'yesterday', file: 'a.json' }, failure: { at: 6 } })).toEqual({});
    expect(autoBackupStateFrom({ last: { at: 5, file: 'a.json' } })).toEqual({ last: { at: 5, file: 'a.json', records: 0 } });
    // The one date rule (core/time.ts): a date past the year 9999 is no date.
    expect(autoBackupStateFrom({ last: { at: 1e17, file: 'a.json', records: 2 }, failure: { at: 1e17, message: 'x' } })).toEqual({});
    for (const stored of [undefined, null, 'x', 42]) expect(autoBackupStateFrom(stored)).toEqual({});
  });
});

describe('downloadFailureText', () => {
  it('says why in words', () => {
    expect(downloadFailureText('FILE_NO_SPACE')).toBe('The backup file could not be written: the disk is full.');
    expect(downloadFailureText('NETWORK_FAILED')).toBe('The backup file could not be written: the browser stopped the download (NETWORK_FAILED).');
  });
});

describe('the database side', () => {
  const clock = useEmptyDatabaseAndClock();

  it('summarises records and the newest change, trashing included', async () => {
    expect(await dataSummary()).toEqual({ records: 0, lastChange: 0 });
    const info = { key: 'https://example.com/a', site: 'html5' as const, url: 'https://example.com/a', title: 'A' };
    const note = await addNote(info, 5, 'One');
    expect(await dataSummary()).toEqual({ records: 2, lastChange: 1_000 });
    clock.now = 9_000;
    await trashNote(note.id);
    expect(await dataSummary()).toEqual({ records: 2, lastChange: 9_000 });
  });

  it('keeps its state in its own settings row, apart from the settings', async () => {
    expect(await loadAutoBackupState()).toEqual({});
    await saveAutoBackupState({ last: { at: 5, file: 'a.json', records: 1 } });
    expect(await loadAutoBackupState()).toEqual({ last: { at: 5, file: 'a.json', records: 1 } });
    expect((await loadSettings()).autoBackup).toBe('weekly');
    expect((await db().settings.toArray()).map((row) => row.key)).toEqual(['auto-backup']);
  });

  it('counts an import as a change even when its records are older than the last file', async () => {
    await saveAutoBackupState({ last: { at: 5_000, file: 'a.json', records: 0 } });
    const recording = { key: 'k', site: 'html5', url: 'https://example.com/', title: 'T', createdAt: 1, updatedAt: 1 };
    const file = (title: string, updatedAt: number) =>
      JSON.stringify({ format: 'webinar-notes-backup', version: 1, exportedAt: new Date(0).toISOString(), recordings: [{ ...recording, title, updatedAt }], notes: [], qa: [] });
    clock.now = 6_000;
    expect((await importBackup(file('T', 1))).ok).toBe(true);
    let summary = await dataSummary();
    expect(summary).toEqual({ records: 1, lastChange: 6_000 });
    expect(backupDecision({ frequency: 'daily', state: await loadAutoBackupState(), data: summary, now: 5_000 + DAY })).toEqual({ write: true });

    // Backed up; then a file replaces the recording with a version newer than the stored one but
    // older than that backup: the count stays, and the change still counts.
    clock.now = 10_000;
    await saveAutoBackupState({ last: { at: 10_000, file: 'b.json', records: 1 } });
    clock.now = 12_000;
    expect((await importBackup(file('Renamed', 2))).ok).toBe(true);
    summary = await dataSummary();
    expect(summary).toEqual({ records: 1, lastChange: 12_000 });
    expect(backupDecision({ frequency: 'daily', state: await loadAutoBackupState(), data: summary, now: 10_000 + DAY })).toEqual({ write: true });

    // A file that changes nothing is no change.
    clock.now = 20_000;
    expect((await importBackup(file('Renamed', 2))).ok).toBe(true);
    expect((await dataSummary()).lastChange).toBe(12_000);
  });
});
