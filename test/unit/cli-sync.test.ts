/** `webinar-notes sync` against a real WebDAV server (Apache httpd, test/webdav-server.ts). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { makeBackup, type Backup } from '../../src/core/backup';
import { editedNote, editedRecording } from '../../src/core/field-times';
import type { Note, Recording } from '../../src/core/model';
import { startWebdavServer, type WebdavServer } from '../webdav-server';

let server: WebdavServer;
beforeAll(async () => {
  server = await startWebdavServer();
});
afterAll(() => server?.close());

const dir = mkdtempSync(join(tmpdir(), 'webinar-notes-cli-sync-'));
const recording = (key: string, title: string, at: number, over: Partial<Recording> = {}) =>
  editedRecording(undefined, { key, site: 'html5', url: key, title, createdAt: at, updatedAt: at, ...over }, at);
const note = (id: string, recordingKey: string, text: string, at: number): Note => editedNote(undefined, { id, recordingKey, t: 1, text, createdAt: at, updatedAt: at }, at);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

const SHARED = 'https://example.com/shared';
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Backup;
const summary = (backup: Backup) => ({
  recordings: backup.recordings.map((r) => `${r.key}: ${r.title}${r.details?.organiser ? ` (${r.details.organiser})` : ''}`).sort(),
  notes: backup.notes.map((n) => `${n.id}: ${n.text}`).sort(),
});

describe('webinar-notes sync', () => {
  it("merges two teammates' backups through the server into their union, both ways", async () => {
    const url = `${server.url}cli/`;
    await fetch(url, { method: 'MKCOL', headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` } });
    const passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, `${server.password}\n`);
    const first = join(dir, 'ada.json');
    const second = join(dir, 'bo.json');
    // Both have the shared recording: Ada edited its title, Bo its organiser; each has notes of its own.
    writeFileSync(first, JSON.stringify(makeBackup({
      recordings: [recording(SHARED, 'Shared talk (Ada)', 2000), recording('https://example.com/ada', 'Only Ada', 1000)],
      notes: [note('a1', SHARED, 'Ada on the shared talk', 1000), note('a2', 'https://example.com/ada', 'Ada alone', 1000)],
      qa: [],
    }, new Date(3000))));
    writeFileSync(second, JSON.stringify(makeBackup({
      recordings: [
        { ...recording(SHARED, 'Shared talk', 1000), details: { organiser: 'Forms Guild' }, updatedAt: 2500, fieldsUpdatedAt: { site: 1000, url: 1000, title: 1000, 'details.organiser': 2500 } },
      ],
      notes: [note('b1', SHARED, 'Bo on the shared talk', 1500)],
      qa: [],
    }, new Date(3000))));
    const sync = (file: string) => run('sync', '--url', url, '--user', server.user, '--password-file', passwordFile, file);

    expect(await sync(first)).toEqual({ code: 0, stderr: '', stdout: `Synced with ${url}: 2 of 2 recording files sent.\n${first} now holds 2 recordings, 2 notes and 0 questions.\n` });
    expect((await sync(second)).stdout).toBe(`Synced with ${url}: 1 of 2 recording files sent.\n${second} now holds 2 recordings, 3 notes and 0 questions.\n`);
    expect((await sync(first)).stdout).toBe(`Synced with ${url}: 0 of 2 recording files sent.\n${first} now holds 2 recordings, 3 notes and 0 questions.\n`);
    const union = {
      recordings: ['https://example.com/ada: Only Ada', `${SHARED}: Shared talk (Ada) (Forms Guild)`],
      notes: ['a1: Ada on the shared talk', 'a2: Ada alone', 'b1: Bo on the shared talk'],
    };
    expect(summary(read(first))).toEqual(union);
    expect(summary(read(second))).toEqual(union);
    // What the files hold imports as a backup does.
    expect(await run('export', '--format', 'markdown', '--recording', SHARED, first)).toMatchObject({ code: 0 });
  });

  it('with --passphrase-file the folder is encrypted: the server holds no note text, a wrong passphrase is said', async () => {
    const url = `${server.url}cli-sealed/`;
    await fetch(url, { method: 'MKCOL', headers: { Authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` } });
    const passwordFile = join(dir, 'password-sealed');
    writeFileSync(passwordFile, `${server.password}\n`);
    const passphraseFile = join(dir, 'passphrase');
    writeFileSync(passphraseFile, 'a long passphrase nobody guesses\n');
    const wrongFile = join(dir, 'wrong-passphrase');
    writeFileSync(wrongFile, 'not it\n');
    const file = join(dir, 'sealed.json');
    writeFileSync(file, JSON.stringify(makeBackup({ recordings: [recording(SHARED, 'Board meeting', 1000)], notes: [note('s1', SHARED, 'Merger talks', 1000)], qa: [] }, new Date(3000))));
    const sync = (phrase: string, target = file) => run('sync', '--url', url, '--user', server.user, '--password-file', passwordFile, '--passphrase-file', phrase, target);
    expect(await sync(passphraseFile)).toMatchObject({ code: 0 });
    for (const stored of server.files().filter((f) => f.startsWith('cli-sealed/'))) {
      expect(server.read(stored)).not.toContain('Merger');
      expect(server.read(stored)).not.toContain('Board meeting');
    }
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify(makeBackup({ recordings: [], notes: [], qa: [] }, new Date(3000))));
    expect(await sync(wrongFile, empty)).toEqual({
      code: 1, stdout: '', stderr: `webinar-notes: The passphrase is wrong: it does not open the files on the server. ${empty} was not changed.\n`,
    });
    expect(await sync(passphraseFile, empty)).toMatchObject({ code: 0 });
    expect(summary(read(empty)).notes).toEqual(['s1: Merger talks']);
  });

  it('a wrong password: said, and the file is not changed', async () => {
    const passwordFile = join(dir, 'wrong');
    writeFileSync(passwordFile, 'wrong\n');
    const file = join(dir, 'unchanged.json');
    const text = JSON.stringify(makeBackup({ recordings: [recording(SHARED, 'T', 1000)], notes: [], qa: [] }, new Date(3000)));
    writeFileSync(file, text);
    expect(await run('sync', '--url', `${server.url}cli/`, '--user', server.user, '--password-file', passwordFile, file)).toEqual({
      code: 1, stdout: '', stderr: `webinar-notes: The server did not accept the user name and password. ${file} was not changed.\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect((await run('sync', '--url', `${server.url}cli/`, file)).stderr).toBe('webinar-notes: sync needs --url, --user and --password-file.\n');
  });
});
