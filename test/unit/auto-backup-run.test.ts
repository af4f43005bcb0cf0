import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveAutoBackupState } from '../../src/db/auto-backup';
import { addNote } from '../../src/db/notes';
import { emptyDatabase } from './empty-db';

// The background's run logic with the browser's downloads faked: every download completes.
const downloads: string[] = [];
vi.mock('../../src/platform/browser', () => ({
  default: {
    downloads: {
      download: vi.fn(async ({ filename }: { filename: string }) => downloads.push(filename)),
      search: vi.fn(async ({ id }: { id: number }) => [{ id, state: 'complete', filename: `/home/ada/Downloads/${downloads[id - 1]}` }]),
      onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
    },
  },
}));
vi.mock('../../src/platform/blob-url', () => ({
  backupFileUrl: vi.fn(async () => ({ url: 'blob:backup', release: async () => undefined })),
}));
const { runBackup } = await import('../../src/background/auto-backup');

const HOUR = 3_600_000;

describe('runBackup', () => {
  beforeEach(async () => {
    await emptyDatabase();
    downloads.length = 0;
    await addNote({ key: 'https://example.com/a', site: 'html5', url: 'https://example.com/a', title: 'A' }, 5, 'One');
  });
  afterEach(() => vi.clearAllMocks());

  it('"Back up now" during a scheduled check waits for it and writes its own file', async () => {
    // The last file is an hour old: the weekly scheduled check finds nothing due.
    await saveAutoBackupState({ last: { at: Date.now() - HOUR, file: 'old.json', records: 2 } });
    const scheduled = runBackup({ manual: false });
    const manual = runBackup({ manual: true });
    expect(await scheduled).toEqual({ outcome: 'skipped', reason: 'The next automatic backup is not due yet.' });
    expect(await manual).toEqual({ outcome: 'written', file: expect.stringMatching(/^webinar-notes-\d{4}-\d{2}-\d{2}\.json$/) });
    expect(downloads).toHaveLength(1);
  });

  it('two scheduled checks at once (alarm and browser start) write one file', async () => {
    const [first, second] = await Promise.all([runBackup({ manual: false }), runBackup({ manual: false })]);
    expect(first).toEqual({ outcome: 'written', file: expect.stringMatching(/^webinar-notes-/) });
    expect(second).toEqual(first);
    expect(downloads).toHaveLength(1);
  });
});
