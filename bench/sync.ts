/**
 * Sync at scale, in Node against the real Apache of the tests (test/webdav-server.ts), the
 * database in fake-indexeddb: the first sync of RECORDINGS recordings × NOTES notes to an empty
 * server, then a sync after one edit (it must send about one file: the requests are counted), and
 * a second device's first sync of it all. `npx tsx bench/sync.ts [RECORDINGS] [NOTES]`.
 */
import 'fake-indexeddb/auto';
import { editedNote, editedRecording, withChanges } from '../src/core/field-times';
import type { Note, Recording } from '../src/core/model';
import { NotesDatabase } from '../src/db/schema';
import { syncOnce } from '../src/db/sync';
import { DavClient } from '../src/platform/webdav';
import { startWebdavServer } from '../test/webdav-server';
import { setMessageSource } from '../src/core/i18n';
import { bundledMessages } from '../src/core/i18n/bundled';

// Reading a file back names its records in the user's words: the catalogues must be installed.
setMessageSource(bundledMessages);

const RECORDINGS = Number(process.argv[2] ?? 1000);
const NOTES = Number(process.argv[3] ?? 100);

const server = await startWebdavServer();
try {
  const account = { url: server.url, user: server.user, password: server.password };
  const a = new NotesDatabase('bench-a');
  const recordings: Recording[] = [];
  const notes: Note[] = [];
  for (let r = 0; r < RECORDINGS; r++) {
    const key = `https://example.com/webinar?id=${r}`;
    recordings.push(editedRecording(undefined, { key, site: 'html5', url: key, title: `Webinar ${r}`, createdAt: 1000, updatedAt: 1000 }, 1000));
    for (let n = 0; n < NOTES; n++) {
      notes.push(editedNote(undefined, { id: `n${r}-${n}`, recordingKey: key, t: n * 30, text: `Note ${n} of webinar ${r}: a sentence of ordinary length about the slide.`, createdAt: 1000, updatedAt: 1000 }, 1000));
    }
  }
  await a.transaction('rw', a.recordings, a.notes, async () => {
    await a.recordings.bulkPut(recordings);
    await a.notes.bulkPut(notes);
  });
  const time = async (what: string, database: NotesDatabase) => {
    const client = new DavClient(account);
    const started = performance.now();
    const outcome = await syncOnce(database, client, account.user);
    const ms = performance.now() - started;
    console.log(`${what}: ${(ms / 1000).toFixed(1)} s, ${outcome.requests} requests, ${outcome.sent} files sent, ${outcome.received} files changed something here`);
  };
  console.log(`${RECORDINGS} recordings × ${NOTES} notes`);
  await time('first sync to an empty server', a);
  const held = (await a.notes.get('n7-3'))!;
  await a.notes.put(editedNote(held, withChanges(held, { text: 'Edited once' }), 5000));
  await time('sync after one edit', a);
  await time('sync with nothing changed', a);
  const b = new NotesDatabase('bench-b');
  await time('a second device, first sync (reads everything)', b);
  await time('the second device again', b);
} finally {
  await server.close();
}
