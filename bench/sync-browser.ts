/**
 * Sync in Chromium with the built extension against the tests' Apache (test/webdav-server.ts): the
 * first sync of RECORDINGS recordings × NOTES notes to an empty server, then a sync after one edit
 * (it must send about one file), timed in the service worker and counted in the server's log.
 * `npm run build && npx tsx bench/sync-browser.ts [RECORDINGS] [NOTES]`.
 */
import { startWebdavServer } from '../test/webdav-server';
import { withExtension } from './browsers';
import { openOptionsPage, putRecords } from './extension-db';
import { syntheticLibrary } from './synthetic-notes';

const RECORDINGS = Number(process.argv[2] ?? 1000);
const NOTES = Number(process.argv[3] ?? 100);

const server = await startWebdavServer();
try {
  await withExtension(async (browser) => {
    const page = await openOptionsPage(browser);
    const library = syntheticLibrary(RECORDINGS, NOTES, 0);
    await putRecords(page, { recordings: library.recordings, notes: library.notes, settings: [{ key: 'settings', value: { autoBackup: 'off' } }] });
    const worker = await browser.worker();
    await worker.evaluate((account) => chrome.storage.local.set({ syncAccount: account }), { url: server.url, user: server.user, password: server.password });
    const run = async (what: string) => {
      const before = server.requests().length;
      const started = Date.now();
      const outcome = await worker.evaluate(() => (globalThis as unknown as { webinarNotesSync(manual: boolean): Promise<unknown> }).webinarNotesSync(true));
      const ms = Date.now() - started;
      const requests = server.requests().slice(before);
      const counts = new Map<string, number>();
      for (const line of requests) counts.set(line.split(' ')[0]!, (counts.get(line.split(' ')[0]!) ?? 0) + 1);
      const byMethod = [...counts].map(([method, n]) => `${method} ${n}`).join(', ');
      console.log(`${what}: ${(ms / 1000).toFixed(1)} s, ${requests.length} requests (${byMethod}); ${JSON.stringify(outcome)}`);
    };
    console.log(`${RECORDINGS} recordings × ${NOTES} notes`);
    await run('first sync to an empty server');
    const note = library.notes[7 * NOTES + 3]!;
    // Written as the app's write log does (db/write-log.ts): the record and its change-log row.
    const edit = { notes: [{ ...note, text: 'Edited once', updatedAt: Date.now(), fieldsUpdatedAt: { ...note.fieldsUpdatedAt, text: Date.now() } }], changes: [{ table: 'notes', key: note.id }] };
    await putRecords(page, edit as Parameters<typeof putRecords>[1]);
    await run('sync after one edit');
    await run('sync with nothing changed');
  });
} finally {
  await server.close();
}
