/**
 * The sync engine against a real WebDAV server (Apache httpd, test/webdav-server.ts): two devices
 * are two databases (fake-indexeddb) syncing through one folder. Edits are made with the same
 * stamping the app's db functions use (field-times.ts), at times the test chooses.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editedNote, editedRecording, withChanges } from '../../src/core/field-times';
import type { Note, Recording, RecordingImage } from '../../src/core/model';
import { base64ToBytes } from '../../src/core/base64';
import { imageFileNameOf } from '../../src/core/sync/images';
import { fileNameOf, IMAGES_DIR, INDEX_PATH, RECORDINGS_DIR } from '../../src/core/sync/layout';
import { outcomeSummary } from '../../src/core/sync/status';
import { imageTombstones } from '../../src/db/images';
import { NotesDatabase } from '../../src/db/schema';
import { syncOnce, SYNC_STATE_KEY } from '../../src/db/sync';
import { checkServer, DavClient, DavError, type DavAccount } from '../../src/platform/webdav';
import { SyncPassphraseError } from '../../src/platform/sync-crypto';
import { startWebdavServer, type WebdavServer } from '../webdav-server';

let server: WebdavServer;
let strong: WebdavServer;
beforeAll(async () => {
  [server, strong] = await Promise.all([startWebdavServer(), startWebdavServer({ strongEtags: true })]);
});
afterAll(async () => {
  await Promise.all([server?.close(), strong?.close()]);
});

let folder = 0;
let devices: NotesDatabase[] = [];
let account: DavAccount;
beforeEach(() => {
  // Each test its own folder on the server, and its own devices.
  folder++;
  account = { url: `${server.url}t${folder}/`, user: server.user, password: server.password };
});
afterEach(async () => {
  for (const device of devices) await device.delete();
  devices = [];
});

async function device(): Promise<NotesDatabase> {
  const database = new NotesDatabase(`device-${crypto.randomUUID()}`);
  await database.open();
  devices.push(database);
  return database;
}

async function ensureFolder(of: DavAccount = account): Promise<void> {
  const response = await fetch(of.url, { method: 'MKCOL', headers: { Authorization: `Basic ${btoa(`${of.user}:${of.password}`)}` } });
  expect([201, 405]).toContain(response.status);
}

const sync = (database: NotesDatabase, client = new DavClient(account), passphrase?: string) => syncOnce(database, client, account.user, { passphrase });

const KEY = 'youtube:Wb1nQ9rLk2A';
const KEY2 = 'https://example.com/webinar?id=2';

async function addRecording(database: NotesDatabase, key: string, at: number, over: Partial<Recording> = {}): Promise<Recording> {
  const recording = editedRecording(undefined, { key, site: key.startsWith('youtube') ? 'youtube' : 'html5', url: `https://x.test/${key}`, title: 'Accessible forms', createdAt: at, updatedAt: at, ...over }, at);
  await database.recordings.put(recording);
  return recording;
}
async function editRecording(database: NotesDatabase, key: string, changes: Partial<Recording>, at: number): Promise<void> {
  const held = (await database.recordings.get(key))!;
  await database.recordings.put(editedRecording(held, withChanges(held, changes), at));
}
async function addNote(database: NotesDatabase, id: string, text: string, at: number, recordingKey = KEY): Promise<void> {
  await database.notes.put(editedNote(undefined, { id, recordingKey, t: 10, text, createdAt: at, updatedAt: at }, at));
}
async function editNote(database: NotesDatabase, id: string, changes: Partial<Note>, at: number): Promise<void> {
  const held = (await database.notes.get(id))!;
  await database.notes.put(editedNote(held, withChanges(held, changes), at));
}
const texts = async (database: NotesDatabase) => (await database.notes.orderBy('id').toArray()).map((n) => `${n.id}:${n.text}${n.deletedAt ? ' (trash)' : ''}`);

/** Every record a user has, to compare a database before and after a failed sync. */
async function snapshot(database: NotesDatabase) {
  return {
    recordings: await database.recordings.toArray(),
    notes: await database.notes.toArray(),
    qa: await database.qa.toArray(),
    transcripts: await database.transcripts.toArray(),
    tombstones: await database.tombstones.toArray(),
    state: await database.settings.get(SYNC_STATE_KEY),
  };
}

describe('two devices on one server', () => {
  it('a note taken on A shows on B after a sync, and an edit on B comes back to A', async () => {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000);
    await addNote(a, 'n1', 'Labels beat placeholders', 1000);
    expect(await sync(a)).toMatchObject({ sent: 1, received: 0 });
    expect(await sync(b)).toMatchObject({ sent: 0, received: 1 });
    expect(await texts(b)).toEqual(['n1:Labels beat placeholders']);
    expect((await b.recordings.get(KEY))?.title).toBe('Accessible forms');

    await editNote(b, 'n1', { text: 'Labels beat placeholders, always' }, 2000);
    await sync(b);
    await sync(a);
    expect(await texts(a)).toEqual(['n1:Labels beat placeholders, always']);
    // Nothing more to do: a sync with no change on either side sends nothing.
    expect(await sync(a)).toMatchObject({ sent: 0, received: 0 });
    expect(await snapshot(a)).toMatchObject({ notes: await b.notes.toArray() });
  });

  it('edits made apart on both devices: every one is there after both sync; the same note edited on both, the newer wins', async () => {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000);
    for (const id of ['n1', 'n2', 'n3']) await addNote(a, id, `note ${id}`, 1000);
    await sync(a);
    await sync(b);
    // Offline: A edits the recording's title and n1; B its details and n2; both edit n3, B later.
    await editRecording(a, KEY, { title: 'Accessible forms (live)' }, 2000);
    await editNote(a, 'n1', { text: 'n1 edited on A' }, 2000);
    await editNote(a, 'n3', { text: 'n3 edited on A' }, 2100);
    await editRecording(b, KEY, { details: { organiser: 'Forms Guild' } }, 2050);
    await editNote(b, 'n2', { text: 'n2 edited on B' }, 2050);
    await editNote(b, 'n3', { text: 'n3 edited on B, later' }, 2200);
    await addNote(b, 'n4', 'new on B', 2300);
    await sync(a);
    await sync(b);
    await sync(a);
    for (const database of [a, b]) {
      expect(await texts(database)).toEqual(['n1:n1 edited on A', 'n2:n2 edited on B', 'n3:n3 edited on B, later', 'n4:new on B']);
      expect(await database.recordings.get(KEY)).toMatchObject({ title: 'Accessible forms (live)', details: { organiser: 'Forms Guild' } });
    }
  });

  it('the trash and restore travel both ways; a note deleted for good is deleted on the other device, an edit made after that comes back', async () => {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000);
    await addNote(a, 'n1', 'to the trash and back', 1000);
    await addNote(a, 'n2', 'purged', 1000);
    await sync(a);
    await sync(b);
    await editNote(a, 'n1', { deletedAt: 2000 }, 2000);
    await editNote(a, 'n2', { deletedAt: 2000 }, 2000);
    await sync(a);
    await sync(b);
    expect(await texts(b)).toEqual(['n1:to the trash and back (trash)', 'n2:purged (trash)']);
    await editNote(b, 'n1', { deletedAt: undefined }, 3000);
    // Empty trash on B: the purge leaves a tombstone (db/library.ts), here written as it does.
    await b.transaction('rw', b.notes, b.tombstones, async () => {
      await b.notes.delete('n2');
      await b.tombstones.put({ kind: 'note', id: 'n2', recordingKey: KEY, deletedAt: 3000 });
    });
    await sync(b);
    await sync(a);
    expect(await texts(a)).toEqual(['n1:to the trash and back']);
    expect(await a.tombstones.toArray()).toEqual([{ kind: 'note', id: 'n2', recordingKey: KEY, deletedAt: 3000 }]);

    // A device that had not heard of the purge and edited n2 after it brings it back everywhere.
    const c = await device();
    await addRecording(c, KEY, 1000);
    await addNote(c, 'n2', 'purged', 1000);
    await editNote(c, 'n2', { text: 'edited after the purge' }, 4000);
    await sync(c);
    await sync(a);
    expect(await texts(a)).toEqual(['n1:to the trash and back', 'n2:edited after the purge']);
  });
});

describe('conflicts on the server', () => {
  for (const strongEtags of [false, true]) {
    it(`two syncs racing on one file lose no update (412, read, merge, write again; ${strongEtags ? 'If-Match' : 'weak ETags in If'})`, async () => {
      if (strongEtags) account = { url: `${strong.url}t${folder}/`, user: strong.user, password: strong.password };
      await ensureFolder();
      const [a, b] = [await device(), await device()];
      await addRecording(a, KEY, 1000);
      await addNote(a, 'n1', 'first', 1000);
      await sync(a);
      await sync(b);
      await addNote(a, 'na', 'from A', 2000);
      await addNote(b, 'nb', 'from B', 2000);
      // A reads the file, then waits at its write until B's whole sync has written the same file.
      const file = `${RECORDINGS_DIR}${await fileNameOf(KEY)}`;
      let releaseA!: () => void;
      const aWaits = new Promise<void>((resolve) => (releaseA = resolve));
      let aReachedPut!: () => void;
      const aAtPut = new Promise<void>((resolve) => (aReachedPut = resolve));
      const statuses: number[] = [];
      const slowA: typeof fetch = async (input, init) => {
        const url = String(input);
        if (init?.method === 'PUT' && url.endsWith(file) && statuses.length === 0) {
          aReachedPut();
          await aWaits;
        }
        const response = await fetch(input, init);
        if (init?.method === 'PUT' && url.endsWith(file)) statuses.push(response.status);
        return response;
      };
      const syncA = sync(a, new DavClient(account, slowA));
      await aAtPut;
      await sync(b);
      releaseA();
      await syncA;
      expect(statuses[0]).toBe(412);
      expect(statuses.at(-1)).toBeLessThan(300);
      await sync(b);
      for (const database of [a, b]) expect(await texts(database)).toEqual(['n1:first', 'na:from A', 'nb:from B']);
    });
  }
});

describe('when the server fails, nothing changes here and the next sync works', () => {
  async function twoSynced() {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000);
    await addRecording(a, KEY2, 1000, { title: 'Second' });
    await addNote(a, 'n1', 'one', 1000);
    await addNote(a, 'n2', 'two', 1000, KEY2);
    await sync(a);
    await sync(b);
    await addNote(a, 'n3', 'three, written while the server fails', 2000);
    await addNote(a, 'n4', 'four', 2000, KEY2);
    await editNote(b, 'n1', { text: 'one, edited on B' }, 2000);
    return { a, b };
  }

  it('the server stopped in the middle of a sync', async () => {
    const { a, b } = await twoSynced();
    await sync(b);
    const before = await snapshot(a);
    let puts = 0;
    let stopped: Promise<void> | undefined;
    const stopsAfterOnePut: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && ++puts === 2) await (stopped = server.stop());
      return fetch(input, init);
    };
    const failed = await sync(a, new DavClient(account, stopsAfterOnePut)).catch((error: unknown) => error);
    await stopped;
    expect(puts).toBeGreaterThanOrEqual(2);
    expect(failed).toBeInstanceOf(DavError);
    expect(failed).toMatchObject({ kind: 'offline', message: 'The server could not be reached (offline, or the address is wrong).' });
    expect(await snapshot(a)).toEqual(before);
    await server.start();
    await sync(a);
    await sync(b);
    for (const database of [a, b]) expect(await texts(database)).toEqual(['n1:one, edited on B', 'n2:two', 'n3:three, written while the server fails', 'n4:four']);
  });

  it('a wrong password', async () => {
    const { a } = await twoSynced();
    const before = await snapshot(a);
    const wrong = new DavClient({ ...account, password: 'wrong' });
    await expect(syncOnce(a, wrong, account.user)).rejects.toMatchObject({ kind: 'credentials', message: 'The server did not accept the user name and password.' });
    expect(await snapshot(a)).toEqual(before);
    await sync(a);
    expect(await texts(a)).toContain('n3:three, written while the server fails');
  });

  it('a folder the server may not write', async () => {
    const { a, b } = await twoSynced();
    await sync(b);
    const before = await snapshot(a);
    server.setWritable(`t${folder}/${RECORDINGS_DIR}`, false);
    try {
      const failed = await sync(a).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(DavError);
      expect((failed as DavError).message).toMatch(/^The server could not write a file \(HTTP 500/);
      expect(await snapshot(a)).toEqual(before);
    } finally {
      server.setWritable(`t${folder}/${RECORDINGS_DIR}`, true);
    }
    await sync(a);
    await sync(b);
    expect(await texts(b)).toEqual(['n1:one, edited on B', 'n2:two', 'n3:three, written while the server fails', 'n4:four']);
  });

  it('a full server (HTTP 507): said in plain words, nothing here changed, the next sync after space is freed works', async () => {
    const { a, b } = await twoSynced();
    await sync(b);
    const before = await snapshot(a);
    await server.setFull(true);
    try {
      const failed = await sync(a).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(DavError);
      expect(failed).toMatchObject({ kind: 'full', message: 'The server is full (HTTP 507 Insufficient Storage).' });
      expect(await snapshot(a)).toEqual(before);
    } finally {
      await server.setFull(false);
    }
    await sync(a);
    await sync(b);
    expect(await texts(b)).toEqual(['n1:one, edited on B', 'n2:two', 'n3:three, written while the server fails', 'n4:four']);
  });

  it('a server file damaged by hand: named, written again from this device, nothing here changed by it', async () => {
    const { a, b } = await twoSynced();
    const name = await fileNameOf(KEY);
    server.write(`t${folder}/${RECORDINGS_DIR}${name}`, '{"format": "webinar-notes-backup", "version": 3, "recordings": [{"key": 1}');
    const before = await snapshot(b);
    const outcome = await sync(b);
    expect(outcome.repaired).toEqual([`The file ${RECORDINGS_DIR}${name} on the server is damaged (This file is cut off or is not JSON, so it cannot be a Webinar Notes backup.), so it was not synced.`]);
    // B's records are as they were (only its sync state moved on).
    expect({ ...(await snapshot(b)), state: undefined }).toEqual({ ...before, state: undefined });
    expect(JSON.parse(server.read(`t${folder}/${RECORDINGS_DIR}${name}`))).toMatchObject({ format: 'webinar-notes-backup' });
    await sync(a);
    await sync(b);
    for (const database of [a, b]) expect(await texts(database)).toEqual(['n1:one, edited on B', 'n2:two', 'n3:three, written while the server fails', 'n4:four']);
  });

  it('a damaged index: rebuilt from what the devices know', async () => {
    const { a, b } = await twoSynced();
    await sync(a);
    server.write(`t${folder}/${INDEX_PATH}`, 'not json');
    const outcome = await sync(b);
    expect(outcome.repaired).toEqual([`The sync index on the server (${INDEX_PATH}) is damaged: it is not JSON.`]);
    expect(await texts(b)).toEqual(['n1:one, edited on B', 'n2:two', 'n3:three, written while the server fails', 'n4:four']);
    await sync(a);
    expect(await texts(a)).toEqual(['n1:one, edited on B', 'n2:two', 'n3:three, written while the server fails', 'n4:four']);
  });
});

describe('what a sync sends', () => {
  it('after one edit on a synced library, one file and the index (four requests), not every file', async () => {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    // Over 100 files: applying them once took a plain await per table and file inside the
    // transaction, which lost Dexie's zone and committed it under the sync (PrematureCommitError).
    await a.transaction('rw', a.recordings, a.notes, async () => {
      for (let i = 0; i < 120; i++) {
        await addRecording(a, `${KEY2}-${i}`, 1000);
        await addNote(a, `n${i}`, `note ${i}`, 1000, `${KEY2}-${i}`);
      }
    });
    expect(await sync(a)).toMatchObject({ sent: 120 });
    await sync(b);
    await editNote(a, 'n7', { text: 'edited' }, 2000);
    // Read the index, read the file, write it, write the index.
    expect(await sync(a)).toMatchObject({ sent: 1, requests: 4 });
    // B reads the index and the one changed file.
    expect(await sync(b)).toMatchObject({ sent: 0, received: 1, requests: 2 });
    expect((await b.notes.get('n7'))?.text).toBe('edited');
  });
});

describe("the settings page's Test", () => {
  it('says, in order, whether the server answers, the credentials work and the folder is writable', async () => {
    await ensureFolder();
    expect(await checkServer(account)).toEqual([
      { ok: true, text: 'The server answers.' },
      { ok: true, text: 'The user name and app password work.' },
      { ok: true, text: 'The folder is writable.' },
    ]);
    // The test file is gone again.
    expect(server.files().filter((file) => file.startsWith(`t${folder}/`))).toEqual([]);
    expect(await checkServer({ ...account, password: 'wrong' })).toEqual([
      { ok: true, text: 'The server answers.' },
      { ok: false, text: 'The user name and app password do not work: the server did not accept them.' },
    ]);
    expect((await checkServer({ ...account, url: `${account.url}nowhere/` })).at(-1)).toEqual({
      ok: false, text: 'The folder is not on the server: check the address (for Nextcloud, it ends in /remote.php/dav/files/USER/).',
    });
    expect(await checkServer({ ...account, url: 'ftp://example.com/' })).toEqual([{ ok: false, text: 'The server address must start with https:// (or http://).' }]);
  });

  it('a folder the account may not write, and a server that does not answer', async () => {
    await ensureFolder();
    server.setWritable(`t${folder}`, false);
    try {
      expect((await checkServer(account)).at(-1)).toEqual({ ok: false, text: 'The folder is not writable. The server does not let this account make a folder (HTTP 403 Forbidden).' });
    } finally {
      server.setWritable(`t${folder}`, true);
    }
    await server.stop();
    try {
      expect(await checkServer(account)).toEqual([{ ok: false, text: 'The server does not answer. The server could not be reached (offline, or the address is wrong).' }]);
    } finally {
      await server.start();
    }
  });
});

describe('encrypted sync (a passphrase)', () => {
  const PASSPHRASE = 'correct staple battery horse';
  it('the server holds no note text; the right passphrase reads everything, a wrong one or none is told so, a damaged file is told apart', async () => {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000, { title: 'Secret strategy webinar' });
    await addNote(a, 'n1', 'The launch moves to March', 1000);
    await sync(a, undefined, PASSPHRASE);
    const files = server.files().filter((file) => file.startsWith(`t${folder}/`));
    expect(files).toEqual([`t${folder}/webinar-notes/v1/encryption.json`, `t${folder}/webinar-notes/v1/index.json`, `t${folder}/webinar-notes/v1/recordings/${await fileNameOf(KEY)}`]);
    for (const file of files) {
      const text = server.read(file);
      // Words long enough that base64 ciphertext never holds them by chance.
      for (const secret of ['launch moves', 'March', 'Secret strategy', 'Wb1nQ9rLk2A', 'youtube']) expect(text, file).not.toContain(secret);
    }

    // Wrong, or none: said, and nothing changes on the device.
    const before = await snapshot(b);
    await expect(sync(b, undefined, 'wrong passphrase')).rejects.toThrow(new SyncPassphraseError('The passphrase is wrong: it does not open the files on the server.'));
    await expect(sync(b)).rejects.toThrow(new SyncPassphraseError('The files on the server are encrypted: enter the passphrase in the settings to sync.'));
    expect(await snapshot(b)).toEqual(before);
    // The right one reads everything.
    await sync(b, undefined, PASSPHRASE);
    expect(await texts(b)).toEqual(['n1:The launch moves to March']);
    expect((await b.recordings.get(KEY))?.title).toBe('Secret strategy webinar');

    // A sealed file changed by hand is damaged, not a wrong passphrase: named, and written again.
    const path = `t${folder}/${RECORDINGS_DIR}${await fileNameOf(KEY)}`;
    const sealed = JSON.parse(server.read(path)) as { data: string };
    const flipped = `${sealed.data[0] === 'A' ? 'B' : 'A'}${sealed.data.slice(1)}`;
    server.write(path, JSON.stringify({ ...sealed, data: flipped }));
    await editNote(b, 'n1', { text: 'The launch moves to April' }, 2000);
    const outcome = await sync(b, undefined, PASSPHRASE);
    expect(outcome.repaired).toEqual([`The file ${RECORDINGS_DIR}${await fileNameOf(KEY)} on the server could not be decrypted: it is damaged, so it was not synced.`]);
    await sync(a, undefined, PASSPHRASE);
    expect(await texts(a)).toEqual(['n1:The launch moves to April']);
  });

  it('a passphrase for a folder that holds files in the clear is refused, so nothing is mixed', async () => {
    await ensureFolder();
    const a = await device();
    await addRecording(a, KEY, 1000);
    await sync(a);
    await expect(sync(a, undefined, PASSPHRASE)).rejects.toThrow(
      new SyncPassphraseError('The sync folder already holds files that are not encrypted: sync it without a passphrase, or use a new folder for encrypted sync.'),
    );
  });
});

describe('pictures (frames and slides)', () => {
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  /** `size` bytes that read as WebP (or JPEG) by their header, told apart by `seed`. */
  const pictureBytes = (size: number, seed: number, type: 'webp' | 'jpeg' = 'webp') => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 31 + seed * 7) % 251);
    bytes.set(type === 'webp' ? [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP')] : [0xff, 0xd8, 0xff, 0xe0]);
    return bytes;
  };
  /** A picture as the panel stores it; the picture several hundred kB, as a slide of a 1080p talk is. */
  async function addPicture(database: NotesDatabase, id: string, seed: number, over: Partial<RecordingImage> = {}): Promise<RecordingImage> {
    const type = seed % 2 === 0 ? 'image/jpeg' : 'image/webp';
    const blob = new Blob([pictureBytes(300_000 + seed, seed, type === 'image/jpeg' ? 'jpeg' : 'webp')], { type });
    const thumb = new Blob([pictureBytes(9_000 + seed, seed + 1)], { type: 'image/webp' });
    const image: RecordingImage = {
      id, recordingKey: KEY, kind: 'slide', t: 30 + seed, type, blob, width: 1280, height: 720, thumb, thumbWidth: 240, thumbHeight: 135,
      bytes: blob.size + thumb.size, createdAt: 1000, updatedAt: 1000, ...over,
    };
    await database.images.put(image);
    return image;
  }
  /** Deleted as db/images.ts deleteImage deletes: the picture goes, its tombstone stays. */
  async function deletePicture(database: NotesDatabase, id: string, at: number): Promise<void> {
    await database.transaction('rw', database.images, database.tombstones, async () => {
      const image = (await database.images.get(id))!;
      await database.images.delete(id);
      await database.tombstones.bulkPut(imageTombstones([image], at));
    });
  }
  const hex = async (blob: Blob) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
  /** Each picture's facts and the hashes of its bytes: equal lists are byte-identical pictures. */
  const pictures = async (database: NotesDatabase) =>
    Promise.all((await database.images.orderBy('id').toArray()).map(async ({ blob, thumb, ...facts }) => ({ ...facts, blob: await hex(blob), blobType: blob.type, thumb: await hex(thumb), thumbType: thumb.type })));
  const serverPictures = () => server.files().filter((file) => file.startsWith(`t${folder}/${IMAGES_DIR}`));
  const PICTURE_FIELD = /"(\/9j\/|UklGR)/;
  const auth = () => ({ Authorization: `Basic ${btoa(`${account.user}:${account.password}`)}` });

  async function libraryWithPictures() {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000);
    await addNote(a, 'n1', 'Labels beat placeholders', 1000);
    await addPicture(a, 'f1', 1, { kind: 'frame', noteId: 'n1' });
    await addPicture(a, 's1', 2);
    await addPicture(a, 's2', 3);
    return { a, b };
  }

  it('a note\'s frame and two slides reach B byte for byte; deleting a slide and the frame on A deletes them on B; nothing changed sends no picture', async () => {
    const { a, b } = await libraryWithPictures();
    expect(await sync(a)).toMatchObject({ sent: 1, imagesSent: 3 });
    expect(serverPictures()).toHaveLength(3);
    // In the clear, a picture file holds the picture as base64: what the encrypted test looks for.
    for (const file of serverPictures()) expect(server.read(file)).toMatch(PICTURE_FIELD);
    const outcome = await sync(b);
    expect(outcome).toMatchObject({ received: 1, changedHere: { notes: 1, images: 3 }, imagesWaiting: 0 });
    expect(outcomeSummary(outcome)).toBe('1 note, 1 recording, 3 pictures updated here, 0 files sent.');
    expect(await pictures(b)).toEqual(await pictures(a));
    // What the library and the panel read of them: the recording's kept counts, and the note's frame.
    expect(await b.recordingStats.get(KEY)).toMatchObject({ images: 3, imageBytes: (await a.recordingStats.get(KEY))!.imageBytes });
    expect((await b.images.where('noteId').equals('n1').toArray()).map((image) => image.id)).toEqual(['f1']);

    // Nothing changed: one request each (the index), as before pictures travelled.
    expect(await sync(a)).toMatchObject({ sent: 0, imagesSent: 0, requests: 1 });
    expect(await sync(b)).toMatchObject({ sent: 0, received: 0, requests: 1 });

    await deletePicture(a, 's2', 2000);
    await deletePicture(a, 'f1', 2000);
    // Read the index, read the file, write it, write the index: no picture file is touched.
    expect(await sync(a)).toMatchObject({ sent: 1, imagesSent: 0, requests: 4 });
    expect(await sync(b)).toMatchObject({ received: 1, changedHere: { deleted: 2 }, requests: 2 });
    expect((await pictures(b)).map((p) => p.id)).toEqual(['s1']);
    expect(await b.recordingStats.get(KEY)).toMatchObject({ images: 1 });
    expect(await texts(b)).toEqual(['n1:Labels beat placeholders']);

    // A picture B adds goes back to A, one picture file and the recording's file.
    await addPicture(b, 's3', 4);
    expect(await sync(b)).toMatchObject({ sent: 1, imagesSent: 1, requests: 5 });
    await sync(a);
    expect(await pictures(a)).toEqual(await pictures(b));
  });

  it('a draft\'s frames (their note not saved yet) stay on the device', async () => {
    await ensureFolder();
    const [a, b] = [await device(), await device()];
    await addRecording(a, KEY, 1000);
    await addPicture(a, 'draft-frame', 1, { kind: 'frame', noteId: 'note-to-be' });
    expect(await sync(a)).toMatchObject({ imagesSent: 0 });
    await sync(b);
    expect(await b.images.count()).toBe(0);
    expect(serverPictures()).toEqual([]);
  });

  it('a deleted picture put back (Undo) after a sync carried the deletion comes back on the other device', async () => {
    const { a, b } = await libraryWithPictures();
    await sync(a);
    await sync(b);
    const s1 = (await a.images.get('s1'))!;
    await deletePicture(a, 's1', 2000);
    await sync(a);
    await sync(b);
    expect(await b.images.get('s1')).toBeUndefined();
    // Undo, as storeImage does it: the tombstone goes, the picture is newer than its deletion.
    await a.transaction('rw', a.images, a.tombstones, async () => {
      await a.tombstones.delete(['image', 's1']);
      await a.images.put({ ...s1, updatedAt: 2001 });
    });
    await sync(a);
    await sync(b);
    expect((await b.images.get('s1'))?.updatedAt).toBe(2001);
  });

  it('encrypted: the server\'s picture files hold no picture bytes; B reads them with the passphrase', async () => {
    const { a, b } = await libraryWithPictures();
    await sync(a, undefined, 'correct staple battery horse');
    const files = serverPictures();
    expect(files).toHaveLength(3);
    for (const file of files) {
      const text = server.read(file);
      // No picture as the base64 a plain picture file holds ("data":"/9j/… for a JPEG, "UklGR… for a WebP) …
      expect(text, file).not.toMatch(PICTURE_FIELD);
      const sealed = JSON.parse(text) as { format: string; data: string };
      expect(sealed.format).toBe('webinar-notes-encrypted');
      // … nor in the sealed bytes: no WebP, JPEG or PNG header anywhere.
      const bytes = base64ToBytes(sealed.data)!;
      const latin1 = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
      expect(latin1, file).not.toMatch(/RIFF[\s\S]{4}WEBP|\xff\xd8\xff[\xdb\xe0\xe1\xee]|\x89PNG/);
    }
    await sync(b, undefined, 'correct staple battery horse');
    expect(await pictures(b)).toEqual(await pictures(a));
  });

  it('a picture file removed from the server by hand: B\'s sync completes and says so, loses nothing, and reads it once it is back', async () => {
    const { a, b } = await libraryWithPictures();
    await sync(a);
    const gone = `${IMAGES_DIR}${await imageFileNameOf('s2')}`;
    const kept = server.read(`t${folder}/${gone}`);
    expect((await fetch(`${account.url}${gone}`, { method: 'DELETE', headers: auth() })).status).toBe(204);
    const outcome = await sync(b);
    expect(outcome).toMatchObject({ changedHere: { notes: 1, images: 2 }, imagesWaiting: 1, repaired: [] });
    expect(outcomeSummary(outcome)).toBe('1 note, 1 recording, 2 pictures updated here, 0 files sent. 1 picture is not on the server yet: nothing here was lost, and a later sync fetches it.');
    expect((await pictures(b)).map((p) => p.id)).toEqual(['f1', 's1']);
    // Still missing: asked again (one more request than a quiet sync), still waiting.
    expect(await sync(b)).toMatchObject({ imagesWaiting: 1, requests: 2 });
    expect((await fetch(`${account.url}${gone}`, { method: 'PUT', headers: auth(), body: kept })).status).toBe(201);
    expect(await sync(b)).toMatchObject({ imagesWaiting: 0, changedHere: { images: 1 }, requests: 2 });
    expect(await pictures(b)).toEqual(await pictures(a));
    expect(await sync(b)).toMatchObject({ requests: 1 });
  });
});
