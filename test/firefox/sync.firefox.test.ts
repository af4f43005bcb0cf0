/**
 * Sync in Firefox: one device (Firefox ESR with the Firefox build) syncing through the real
 * WebDAV server (Apache, test/webdav-server.ts) with another device, here the CLI's sync of a
 * backup file (the same merge and server code a second browser would run).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { syncBackupFile } from '../../src/cli/sync';
import { makeBackup, type Backup } from '../../src/core/backup';
import { startWebdavServer, type WebdavServer } from '../webdav-server';
import { extensionPage, panelNoteTexts, panelOf, storedNotes, typeNote, useFirefox } from './harness';

const session = useFirefox();
let dav: WebdavServer;
beforeAll(async () => {
  dav = await startWebdavServer();
});
afterAll(() => dav?.close());

const dir = mkdtempSync(join(tmpdir(), 'webinar-notes-firefox-sync-'));

async function syncNow(page: Page): Promise<string> {
  const runs = await page.evaluate(() => Number(document.querySelector('.sync-status')?.getAttribute('data-runs')));
  await page.click('::-p-text(Sync now)');
  await expect.poll(() => page.evaluate(() => Number(document.querySelector('.sync-status')?.getAttribute('data-runs'))), { timeout: 15_000 }).toBe(runs + 1);
  await expect.poll(() => page.evaluate(() => document.querySelector('.sync-status')?.textContent ?? '')).toMatch(/^(Last synced|Sync failed)/);
  return page.evaluate(() => document.querySelector('.sync-status')?.textContent ?? '');
}

test('Firefox sets sync up, sends a note it took, and gets a note another device sent', async () => {
  // A note taken in Firefox's panel.
  const video = await session.firefox.browser.newPage();
  await video.goto(`${session.server.origin}/?firefox-sync`);
  const panel = await panelOf(video);
  await typeNote(panel, 'Taken in Firefox');
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toEqual(['Taken in Firefox']);

  // Set up on the settings page: Test asks for the host permission (granted: the profile answers
  // Firefox's prompt yes, as a user would) and saves the account.
  const options = await extensionPage(session.firefox, session.server);
  await options.waitForSelector('#sync-url');
  await options.type('#sync-url', dav.url);
  await options.type('#sync-user', dav.user);
  await options.type('#sync-password', dav.password);
  await options.click('::-p-text(Test and save)');
  const lines = () => options.evaluate(() => [...document.querySelectorAll('.sync-check li')].map((li) => li.textContent ?? ''));
  await expect.poll(lines, { timeout: 15_000 }).toEqual([
    '✓ The server answers.',
    '✓ The user name and app password work.',
    '✓ The folder is writable.',
    '✓ Saved: this browser syncs with the server from now on.',
  ]);
  expect(await syncNow(options)).toMatch(/^Last synced .*: nothing new here, 1 file sent\.$/);

  // The other device: a backup file with a note of its own on the same video, synced by the CLI.
  const key = (await storedNotes(session.firefox, session.server))[0]!.recordingKey;
  const file = join(dir, 'other.json');
  const now = Date.now();
  writeFileSync(file, JSON.stringify(makeBackup({
    recordings: [{ key, site: 'html5', url: key, title: 'Demo video', createdAt: now, updatedAt: now }],
    notes: [{ id: 'from-the-other-device', recordingKey: key, t: 12, text: 'Taken on the other device', createdAt: now, updatedAt: now }],
    qa: [],
  }, new Date(now))));
  await syncBackupFile({ account: { url: dav.url, user: dav.user, password: dav.password }, file });
  const other = JSON.parse(readFileSync(file, 'utf8')) as Backup;
  expect(other.notes.map((n) => n.text).sort()).toEqual(['Taken in Firefox', 'Taken on the other device']);

  // The other device's copy of the recording is newer in some fields and this one's in others
  // (the page writes its duration and title as it learns them), so the merged file may go back to
  // the server: 0 or 1 file sent (CI at f6e952d sent 1).
  expect(await syncNow(options)).toMatch(/^Last synced .*: 1 note(, 1 recording)?(, 1 transcript)? updated here, (0 files|1 file) sent\.$/);
  expect((await storedNotes(session.firefox, session.server)).map((n) => n.text).sort()).toEqual(['Taken in Firefox', 'Taken on the other device']);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toEqual(['Taken in Firefox', 'Taken on the other device']);
  await options.close();
  await video.close();
});
