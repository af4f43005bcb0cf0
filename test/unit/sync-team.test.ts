/**
 * Team folders (core/sync/team.ts): the merge rule on its own, and the engine against the real
 * Apache (test/webdav-server.ts) with people as databases (fake-indexeddb), each syncing as its
 * author. Edits are stamped as the app's db functions stamp them (field-times.ts).
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editedNote, editedRecording, withChanges } from '../../src/core/field-times';
import type { Author, Note, Recording, RecordingImage } from '../../src/core/model';
import { parseBackup } from '../../src/core/backup';
import { authorFolder, fileNameOf, INDEX_PATH, parseFile, serializeFile } from '../../src/core/sync/layout';
import type { SyncData } from '../../src/core/sync/merge';
import { acceptFolder, authorNameProblem, authorOf, mergeTeam, ownData, readOnlyProblem, ROSTER_PATH, teamAuthorId } from '../../src/core/sync/team';
import { hasOthersNotes, teamExportInput } from '../../src/core/export/team';
import { summaryOutline } from '../../src/core/export/outline';
import { NotesDatabase } from '../../src/db/schema';
import { syncOnce } from '../../src/db/sync';
import { DavClient, type DavAccount } from '../../src/platform/webdav';
import { startWebdavServer, type WebdavServer } from '../webdav-server';

const KEY = 'youtube:Wb1nQ9rLk2A';
const recording = (over: Partial<Recording> = {}): Recording => ({
  key: KEY, site: 'youtube', url: 'https://youtu.be/Wb1nQ9rLk2A', title: 'Accessible forms', createdAt: 100, updatedAt: 100, fieldsUpdatedAt: { title: 100, site: 100, url: 100 }, ...over,
});
const note = (id: string, text: string, at = 100, author?: Author): Note => ({
  id, recordingKey: KEY, t: 12, text, createdAt: at, updatedAt: at, fieldsUpdatedAt: { t: at, text: at }, ...(author ? { author } : {}),
});
const data = (over: Partial<SyncData> = {}): SyncData => ({ recordingKey: KEY, recording: recording(), notes: [], qa: [], transcripts: [], images: [], tombstones: [], ...over });
const ANA: Author = { id: 'a0a0a0a0a0a0a0a0', name: 'Ana' };
const BO: Author = { id: 'b0b0b0b0b0b0b0b0', name: 'Bo' };
const texts = (d: SyncData) => d.notes.map((n) => `${n.id}:${n.text}${n.author ? ` (${n.author.name})` : ''}`);

describe('the merge rule', () => {
  it('another author\'s edit of my note, with a later time, is not taken', () => {
    // On Ana's browser: her own note n1 (no author). Bo's file claims n1 with a later edit.
    const here = data({ notes: [note('n1', 'mine')] });
    const forged = data({ notes: [note('n1', 'changed by Bo', 900, BO)] });
    expect(texts(mergeTeam(here, undefined, new Map([[BO.id, acceptFolder(forged, BO.id)]])))).toEqual(['n1:mine']);
  });

  it('another author\'s tombstone never removes my note', () => {
    const here = data({ notes: [note('n1', 'mine')] });
    const theirs = data({ tombstones: [{ kind: 'note', id: 'n1', recordingKey: KEY, deletedAt: 900 }] });
    expect(texts(mergeTeam(here, undefined, new Map([[BO.id, theirs]])))).toEqual(['n1:mine']);
  });

  it('a tombstone I hold for another author\'s note is ignored: their file brings it back', () => {
    // Bo's browser once purged Ana's trashed note from its own database; Ana's file still has it.
    const here = data({ tombstones: [{ kind: 'note', id: 'a1', recordingKey: KEY, deletedAt: 900 }] });
    const anas = data({ notes: [note('a1', 'Ana wrote this', 100, ANA)] });
    const merged = mergeTeam(here, undefined, new Map([[ANA.id, anas]]));
    expect(texts(merged)).toEqual(['a1:Ana wrote this (Ana)']);
    // And written into Bo's own file, that tombstone is ignored where Ana reads it.
    const bosFile = ownData(here, BO);
    expect(texts(mergeTeam(data({ notes: [note('a1', 'Ana wrote this')] }), undefined, new Map([[BO.id, acceptFolder(bosFile, BO.id)]])))).toEqual(['a1:Ana wrote this']);
  });

  it('an edit made here to another author\'s note is replaced by their file\'s copy', () => {
    const here = data({ notes: [note('a1', 'edited on Bo\'s browser', 900, ANA)] });
    const anas = data({ notes: [note('a1', 'as Ana wrote it', 100, ANA)] });
    expect(texts(mergeTeam(here, undefined, new Map([[ANA.id, anas]])))).toEqual(['a1:as Ana wrote it (Ana)']);
  });

  it('a note held here as Ana\'s is never taken from a third author\'s file that claims its id', () => {
    const CY: Author = { id: 'c0c0c0c0c0c0c0c0', name: 'Cy' };
    const here = data({ notes: [note('a1', 'Ana wrote this', 100, ANA)] });
    const cys = data({ notes: [note('a1', 'Cy claims it', 900, CY)] });
    expect(texts(mergeTeam(here, undefined, new Map([[CY.id, cys]])))).toEqual(['a1:Ana wrote this (Ana)']);
  });

  it('a file of Bo\'s folder counts only records naming Bo', () => {
    const file = data({ notes: [note('b1', 'Bo', 100, BO), note('x', 'says it is Ana\'s', 100, ANA), note('y', 'no author')] });
    expect(texts(acceptFolder(file, BO.id))).toEqual(['b1:Bo (Bo)']);
  });

  it('my own records go to my folder stamped with me; other people\'s never do', () => {
    const here = data({ notes: [note('n1', 'mine'), note('a1', 'Ana\'s', 100, ANA)] });
    expect(texts(ownData(here, BO))).toEqual(['n1:mine (Bo)']);
  });

  it('recording details merge by field across authors; my notes merge with my other browser\'s', () => {
    const here = data({ notes: [note('n1', 'mine')], recording: recording({ title: 'Old', updatedAt: 100 }) });
    const mine = data({ notes: [note('n1', 'mine, edited on my laptop', 500, BO)] });
    const anas = data({ recording: recording({ title: 'New title', updatedAt: 600, fieldsUpdatedAt: { title: 600, site: 100, url: 100 } }) });
    const merged = mergeTeam(here, mine, new Map([[ANA.id, anas]]));
    expect(texts(merged)).toEqual(['n1:mine, edited on my laptop']);
    expect(merged.recording?.title).toBe('New title');
  });

  it('names: required, at most 60 characters; one name is one id whatever its case and spacing', async () => {
    expect(authorNameProblem('  ')).toBe('sync_teamNameMissing');
    expect(authorNameProblem('x'.repeat(61))).toBe('sync_teamNameLong');
    expect(authorNameProblem('Ana')).toBeNull();
    expect(await teamAuthorId(' ana  lópez ')).toBe(await teamAuthorId('Ana López'));
    expect(await teamAuthorId('Ana')).not.toBe(await teamAuthorId('Bo'));
    expect(await teamAuthorId('Ana')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the layout', () => {
  it('each author has a folder of their own beside the single-user index, and a file there is still a backup with authors', async () => {
    expect(authorFolder(ANA.id)).toEqual({
      index: `webinar-notes/v1/authors/${ANA.id}/index.json`,
      recordings: `webinar-notes/v1/authors/${ANA.id}/recordings/`,
      images: `webinar-notes/v1/authors/${ANA.id}/images/`,
      make: [
        'webinar-notes/', 'webinar-notes/v1/', 'webinar-notes/v1/authors/', `webinar-notes/v1/authors/${ANA.id}/`, `webinar-notes/v1/authors/${ANA.id}/recordings/`,
        `webinar-notes/v1/authors/${ANA.id}/images/`,
      ],
    });
    expect(INDEX_PATH).toBe('webinar-notes/v1/index.json');
    expect(ROSTER_PATH).toBe('webinar-notes/v1/authors.json');
    const text = serializeFile({ rev: 1, data: data({ notes: [note('a1', 'hi', 100, ANA)] }) }, new Date(1000));
    const read = parseFile(text, await fileNameOf(KEY));
    expect(read.ok && read.value.data.notes[0]?.author).toEqual(ANA);
    const backup = parseBackup(text);
    expect(backup.ok && backup.backup.notes[0]?.author).toEqual(ANA);
  });

  it('a note whose author is malformed makes the file damaged, as any bad field does', () => {
    const text = serializeFile({ rev: 1, data: data({ notes: [note('a1', 'hi', 100, { id: 'NOT-HEX', name: 'Ana' })] }) }, new Date(1000));
    expect(parseFile(text, 'x.json').ok).toBe(false);
  });
});

describe('the summary of a team recording', () => {
  const input = { recording: recording(), notes: [note('n1', 'mine'), note('a1', 'Ana\'s point', 100, ANA)], qa: [] };
  it('everyone\'s: each key point says whose it is, since two people wrote them', () => {
    expect(hasOthersNotes(input)).toBe(true);
    const outline = summaryOutline(teamExportInput(input, { onlyMine: false, myName: 'Bo' }));
    expect(outline.notes.map((n) => n.text)).toEqual([[['[Bo] mine']], [['[Ana] Ana\'s point']]]);
  });
  it('only mine: the others\' notes are left out, and no name is said', () => {
    const outline = summaryOutline(teamExportInput(input, { onlyMine: true, myName: 'Bo' }));
    expect(outline.notes.map((n) => n.text)).toEqual([[['mine']]]);
  });
  it('one author only: no names', () => {
    expect(summaryOutline(teamExportInput({ ...input, notes: [note('n1', 'mine')] }, { onlyMine: false, myName: 'Bo' })).notes.map((n) => n.text)).toEqual([[['mine']]]);
    expect(hasOthersNotes({ ...input, notes: [note('n1', 'mine')] })).toBe(false);
  });
});

// ─── The engine on the real Apache ───

let server: WebdavServer;
beforeAll(async () => {
  server = await startWebdavServer();
});
afterAll(async () => {
  await server?.close();
});
let folder = 0;
let account: DavAccount;
let databases: NotesDatabase[] = [];
beforeEach(async () => {
  folder++;
  account = { url: `${server.url}team${folder}/`, user: server.user, password: server.password };
  const response = await fetch(account.url, { method: 'MKCOL', headers: { Authorization: `Basic ${btoa(`${account.user}:${account.password}`)}` } });
  expect(response.status).toBe(201);
});
afterEach(async () => {
  for (const database of databases) await database.delete();
  databases = [];
});

async function person(): Promise<NotesDatabase> {
  const database = new NotesDatabase(`person-${crypto.randomUUID()}`);
  await database.open();
  databases.push(database);
  return database;
}
const sync = async (database: NotesDatabase, name: string, passphrase?: string) => syncOnce(database, new DavClient(account), account.user, { team: await authorOf(name), ...(passphrase ? { passphrase } : {}) });
async function addRecording(database: NotesDatabase, at: number): Promise<void> {
  await database.recordings.put(editedRecording(undefined, { key: KEY, site: 'youtube', url: 'https://youtu.be/Wb1nQ9rLk2A', title: 'Accessible forms', createdAt: at, updatedAt: at }, at));
}
async function addNote(database: NotesDatabase, id: string, text: string, at: number): Promise<void> {
  await database.notes.put(editedNote(undefined, { id, recordingKey: KEY, t: 10, text, createdAt: at, updatedAt: at }, at));
}
async function editNote(database: NotesDatabase, id: string, changes: Partial<Note>, at: number): Promise<void> {
  const held = (await database.notes.get(id))!;
  await database.notes.put(editedNote(held, withChanges(held, changes), at));
}
const stored = async (database: NotesDatabase) => (await database.notes.orderBy('id').toArray()).map((n) => `${n.id}:${n.text}${n.author ? ` (${n.author.name})` : ''}${n.deletedAt ? ' (trash)' : ''}`);
const serverFile = async (path: string) => {
  const response = await fetch(`${account.url}${path}`, { headers: { Authorization: `Basic ${btoa(`${account.user}:${account.password}`)}` } });
  return response.status === 200 ? response.text() : null;
};

describe('a team folder on the real server', () => {
  it('each person writes only their own folder and sees the others\' notes with their names; edits apart all arrive; nobody\'s edit replaces another\'s note', async () => {
    const [ana, bo] = [await person(), await person()];
    await addRecording(ana, 1000);
    await addNote(ana, 'a1', 'Ana: labels', 1000);
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    expect(await stored(bo)).toEqual(['a1:Ana: labels (Ana)']);
    await addNote(bo, 'b1', 'Bo: contrast', 1100);
    await sync(bo, 'Bo');
    await sync(ana, 'Ana');
    expect(await stored(ana)).toEqual(['a1:Ana: labels', 'b1:Bo: contrast (Bo)']);

    // Apart: each edits their own note; Bo's database is also made to edit and purge Ana's note
    // (no page offers it; an import or a bug could): neither reaches Ana.
    await editNote(ana, 'a1', { text: 'Ana: labels, always' }, 2000);
    await editNote(bo, 'b1', { text: 'Bo: contrast 4.5:1' }, 2000);
    await editNote(bo, 'a1', { text: 'Bo rewrote Ana\'s note' }, 3000);
    await sync(bo, 'Bo');
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    expect(await stored(ana)).toEqual(['a1:Ana: labels, always', 'b1:Bo: contrast 4.5:1 (Bo)']);
    expect(await stored(bo)).toEqual(['a1:Ana: labels, always (Ana)', 'b1:Bo: contrast 4.5:1']);

    // Bo's file holds only Bo's note; Ana's only Ana's; the roster both names.
    const aId = await teamAuthorId('Ana');
    const bId = await teamAuthorId('Bo');
    const name = await fileNameOf(KEY);
    const bosFile = parseFile((await serverFile(`${authorFolder(bId).recordings}${name}`))!, name);
    const anasFile = parseFile((await serverFile(`${authorFolder(aId).recordings}${name}`))!, name);
    expect(bosFile.ok && bosFile.value.data.notes.map((n) => [n.id, n.author?.name])).toEqual([['b1', 'Bo']]);
    expect(anasFile.ok && anasFile.value.data.notes.map((n) => [n.id, n.author?.name])).toEqual([['a1', 'Ana']]);
    expect(JSON.parse((await serverFile(ROSTER_PATH))!).authors).toEqual({ [aId]: 'Ana', [bId]: 'Bo' });
    // The single-user layout is left alone.
    expect(await serverFile(INDEX_PATH)).toBeNull();
  });

  it('a sync with nothing changed reads three small files and writes nothing: its own index, the authors list, the other person\'s index', async () => {
    const [ana, bo] = [await person(), await person()];
    await addRecording(ana, 1000);
    await addNote(ana, 'a1', 'one', 1000);
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    await sync(ana, 'Ana');
    expect(await sync(bo, 'Bo')).toMatchObject({ sent: 0, received: 0, requests: 3 });
    // After one edit by Ana: Bo reads her index and the one file that changed.
    await editNote(ana, 'a1', { text: 'one, edited' }, 2000);
    expect(await sync(ana, 'Ana')).toMatchObject({ sent: 1 });
    expect(await sync(bo, 'Bo')).toMatchObject({ sent: 0, received: 1, requests: 4 });
  });

  it('a purge by Bo of Ana\'s trashed note is undone by her file; Ana\'s own purge reaches Bo', async () => {
    const [ana, bo] = [await person(), await person()];
    await addRecording(ana, 1000);
    await addNote(ana, 'a1', 'first', 1000);
    await addNote(ana, 'a2', 'second', 1000);
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    // Bo's database purges a1 and leaves a tombstone, later than anything Ana did.
    await bo.transaction('rw', [bo.notes, bo.tombstones], async () => {
      await bo.notes.delete('a1');
      await bo.tombstones.put({ kind: 'note', id: 'a1', recordingKey: KEY, deletedAt: 5000 });
    });
    await sync(bo, 'Bo');
    await sync(ana, 'Ana');
    expect(await stored(ana)).toEqual(['a1:first', 'a2:second']);
    // Ana edits her note: Bo reads her file again, and a1 is back.
    await editNote(ana, 'a2', { text: 'second, edited' }, 6000);
    await ana.transaction('rw', [ana.notes, ana.tombstones], async () => {
      await ana.notes.delete('a2');
      await ana.tombstones.put({ kind: 'note', id: 'a2', recordingKey: KEY, deletedAt: 7000 });
    });
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    expect(await stored(bo)).toEqual(['a1:first (Ana)']);
  });

  it('one person on two browsers (the same name): their notes merge as one user\'s and stay editable on both', async () => {
    const [laptop, desktop, bo] = [await person(), await person(), await person()];
    await addRecording(laptop, 1000);
    await addNote(laptop, 'a1', 'from the laptop', 1000);
    await sync(laptop, 'Ana');
    await sync(desktop, ' ana ');
    expect(await stored(desktop)).toEqual(['a1:from the laptop']);
    await editNote(desktop, 'a1', { text: 'edited on the desktop' }, 2000);
    await sync(desktop, 'Ana');
    await sync(laptop, 'Ana');
    await sync(bo, 'Bo');
    expect(await stored(laptop)).toEqual(['a1:edited on the desktop']);
    expect(await stored(bo)).toEqual(['a1:edited on the desktop (Ana)']);
  });

  it('questions follow the same rule: Bo\'s question shows on Ana with his name, and her database\'s edit of it never reaches him', async () => {
    const [ana, bo] = [await person(), await person()];
    await addRecording(bo, 1000);
    await bo.qa.put({ id: 'q1', recordingKey: KEY, question: 'Where are the slides?', answers: [], createdAt: 1000, updatedAt: 1000, fieldsUpdatedAt: { question: 1000, answers: 1000 } });
    await sync(bo, 'Bo');
    await sync(ana, 'Ana');
    expect((await ana.qa.toArray()).map((q) => [q.question, q.author?.name])).toEqual([['Where are the slides?', 'Bo']]);
    await ana.qa.update('q1', { question: 'Changed by Ana', updatedAt: 5000, fieldsUpdatedAt: { question: 5000, answers: 1000 } });
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    expect((await bo.qa.toArray()).map((q) => [q.question, q.author])).toEqual([['Where are the slides?', undefined]]);
  });

  it('with a passphrase: every team file is sealed, and each person reads the other\'s notes', async () => {
    const [ana, bo] = [await person(), await person()];
    await addRecording(ana, 1000);
    await addNote(ana, 'a1', 'Sealed words from Ana', 1000);
    await sync(ana, 'Ana', 'one passphrase for the team');
    await addRecording(bo, 1100);
    await addNote(bo, 'b1', 'Sealed words from Bo', 1100);
    await sync(bo, 'Bo', 'one passphrase for the team');
    await sync(ana, 'Ana', 'one passphrase for the team');
    expect(await stored(ana)).toEqual(['a1:Sealed words from Ana', 'b1:Sealed words from Bo (Bo)']);
    expect(await stored(bo)).toEqual(['a1:Sealed words from Ana (Ana)', 'b1:Sealed words from Bo']);
    const aId = await teamAuthorId('Ana');
    for (const path of [ROSTER_PATH, `${authorFolder(aId).index}`, `${authorFolder(aId).recordings}${await fileNameOf(KEY)}`]) {
      const text = (await serverFile(path))!;
      expect(text, path).not.toContain('Sealed words');
      expect(text, path).not.toContain('Ana');
    }
  });

  it('pictures of Ana\'s notes reach Bo as hers, read-only there: his database\'s deletion of one is undone, and Ana\'s own deletion reaches him', async () => {
    const [ana, bo] = [await person(), await person()];
    await addRecording(ana, 1000);
    await addNote(ana, 'a1', 'Ana: see the slide', 1000);
    const webp = (seed: number, size: number) => {
      const bytes = new Uint8Array(size).map((_, i) => (i * 13 + seed) % 251);
      bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)));
      bytes.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
      return new Blob([bytes], { type: 'image/webp' });
    };
    const picture = (id: string, seed: number, over: Partial<RecordingImage>): RecordingImage => {
      const [blob, thumb] = [webp(seed, 200_000), webp(seed + 1, 8_000)];
      return { id, recordingKey: KEY, kind: 'slide', t: 12, type: 'image/webp', blob, width: 1280, height: 720, thumb, thumbWidth: 240, thumbHeight: 135, bytes: blob.size + thumb.size, createdAt: 1000, updatedAt: 1000, ...over };
    };
    await ana.images.bulkPut([picture('af1', 1, { kind: 'frame', noteId: 'a1' }), picture('as1', 2, {})]);
    expect(await sync(ana, 'Ana')).toMatchObject({ imagesSent: 2 });
    expect(await sync(bo, 'Bo')).toMatchObject({ changedHere: { images: 2 } });
    const aId = await teamAuthorId('Ana');
    const held = await bo.images.orderBy('id').toArray();
    expect(held.map((image) => [image.id, image.author?.name])).toEqual([['af1', 'Ana'], ['as1', 'Ana']]);
    for (const image of held) expect(new Uint8Array(await image.blob.arrayBuffer())).toEqual(new Uint8Array(await (await ana.images.get(image.id))!.blob.arrayBuffer()));
    // Read-only for Bo: the rule every deletion asks (db/images.ts deleteImage) refuses.
    expect(readOnlyProblem(held[0]!)).toBe('Only Ana can change this.');
    // Ana's pictures live in her folder only; Bo's folder lists none.
    expect(server.files().filter((file) => file.includes('/images/')).every((file) => file.includes(`/authors/${aId}/images/`))).toBe(true);

    // Bo's database deletes Ana's slide anyway (no page offers it) and leaves a tombstone: it is
    // never sent (his folder lists only his), and her file brings the slide back once it changes.
    await bo.transaction('rw', [bo.images, bo.tombstones], async () => {
      await bo.images.delete('as1');
      await bo.tombstones.put({ kind: 'image', id: 'as1', recordingKey: KEY, deletedAt: 5000 });
    });
    await sync(bo, 'Bo');
    await editNote(ana, 'a1', { text: 'Ana: see the slide, edited' }, 6000);
    await sync(ana, 'Ana');
    expect((await ana.images.orderBy('id').primaryKeys())).toEqual(['af1', 'as1']);
    await sync(bo, 'Bo');
    expect((await bo.images.orderBy('id').primaryKeys())).toEqual(['af1', 'as1']);

    // Ana deletes her frame: it goes on Bo's too.
    await ana.transaction('rw', [ana.images, ana.tombstones], async () => {
      await ana.images.delete('af1');
      await ana.tombstones.put({ kind: 'image', id: 'af1', recordingKey: KEY, deletedAt: 7000 });
    });
    await sync(ana, 'Ana');
    await sync(bo, 'Bo');
    expect((await bo.images.orderBy('id').primaryKeys())).toEqual(['as1']);
  });

  it('a passphrase given to a team folder that holds files in the clear is refused', async () => {
    const ana = await person();
    await addRecording(ana, 1000);
    await sync(ana, 'Ana');
    await expect(sync(ana, 'Ana', 'too late')).rejects.toThrow('The sync folder already holds files that are not encrypted');
  });
});
