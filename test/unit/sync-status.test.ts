import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage, translator } from '../../src/core/i18n';
import { nextTryAt, outcomeSummary, POLL_EVERY_MS, statusText, syncDue, type SyncStatus } from '../../src/core/sync/status';

const MIN = 60_000;
const failed = (count: number, kind: NonNullable<SyncStatus['failure']>['kind'] = 'offline'): SyncStatus => ({
  tried: 0, failure: { at: 0, kind, message: 'The server could not be reached (offline, or the address is wrong).', count },
});

describe('when sync runs by itself', () => {
  it('soon after a change here; otherwise every 15 minutes', () => {
    const synced: SyncStatus = { last: { at: 0, summary: '' }, tried: 0 };
    expect(syncDue(synced, MIN, true)).toBe(true);
    expect(syncDue(synced, MIN, false)).toBe(false);
    expect(syncDue(synced, POLL_EVERY_MS, false)).toBe(true);
    expect(syncDue({}, 0, false)).toBe(true);
  });

  it('after failures, waits 1, 2, 4 … minutes, at most an hour, even with changes here', () => {
    expect([1, 2, 3, 8, 20].map((count) => nextTryAt(failed(count)))).toEqual([MIN, 2 * MIN, 4 * MIN, 60 * MIN, 60 * MIN]);
    expect(syncDue(failed(2), 2 * MIN - 1, true)).toBe(false);
    expect(syncDue(failed(2), 2 * MIN, false)).toBe(true);
  });

  it('wrong credentials, a missing permission or a wrong passphrase wait for the user, not a timer', () => {
    expect(syncDue(failed(1, 'credentials'), 10 * 60 * MIN, true)).toBe(false);
    expect(syncDue(failed(1, 'permission'), 10 * 60 * MIN, true)).toBe(false);
    expect(syncDue(failed(1, 'passphrase'), 10 * 60 * MIN, true)).toBe(false);
  });
});

describe('what the status says', () => {
  it('what the last sync changed', () => {
    const changedHere = { recordings: 1, notes: 2, qa: 0, transcripts: 0, deleted: 1 };
    expect(outcomeSummary({ sent: 3, changedHere, repaired: [] })).toBe('2 notes, 1 recording updated here, 1 item deleted for good, 3 files sent.');
    expect(outcomeSummary({ sent: 0, changedHere: { recordings: 0, notes: 0, qa: 0, transcripts: 0, deleted: 0 }, repaired: [] })).toBe('nothing new here, 0 files sent.');
    expect(outcomeSummary({ sent: 0, changedHere: { recordings: 0, notes: 0, qa: 0, transcripts: 0, deleted: 2 }, repaired: [] })).toBe('2 items deleted for good, 0 files sent.');
    expect(outcomeSummary({ sent: 1, changedHere: { recordings: 0, notes: 0, qa: 0, transcripts: 0, images: 2, deleted: 0 }, imagesSent: 3, imagesWaiting: 2, repaired: [] }))
      .toBe('2 pictures updated here, 1 file sent, 3 pictures sent. 2 pictures are not on the server yet: nothing here was lost, and a later sync fetches them.');
  });

  it('why it failed and when it tries again; not set up; never synced', () => {
    expect(statusText(undefined, false)).toBe('Sync is not set up.');
    expect(statusText({}, true)).toBe('Not synced yet.');
    expect(statusText(failed(1), true)).toMatch(/^Sync failed .*: The server could not be reached \(offline, or the address is wrong\)\. Next try .*\.$/);
    expect(statusText(failed(1, 'credentials'), true)).toMatch(/Sync waits until you test the settings again or press Sync now\.$/);
  });

  describe('in the language shown when it is read', () => {
    afterEach(() => setUiLanguage('en'));

    it('says the last sync from its counts: made in English, read in Turkish', () => {
      const counts = { sent: 3, changedHere: { recordings: 1, notes: 2, qa: 0, transcripts: 0, deleted: 0 }, repaired: [] };
      const status: SyncStatus = { last: { at: Date.UTC(2026, 11, 2, 9), summary: outcomeSummary(counts), counts }, tried: Date.UTC(2026, 11, 2, 9) };
      expect(statusText(status, true)).toContain('2 notes, 1 recording updated here, 3 files sent.');
      setUiLanguage('tr');
      const turkish = statusText(status, true);
      expect(turkish).toContain(outcomeSummary(counts));
      expect(turkish).toContain(translator('tr').plural('sync_filesSent', 3));
      expect(turkish).not.toContain('files sent');
    });

    it('says a status kept before the counts were by its sentence, as it was made', () => {
      setUiLanguage('tr');
      const status: SyncStatus = { last: { at: Date.UTC(2026, 11, 2, 9), summary: 'nothing new here, 1 file sent.' } };
      expect(statusText(status, true)).toContain('nothing new here, 1 file sent.');
    });
  });
});
