/**
 * Sync between two browser profiles ("devices") through a real WebDAV server (Apache httpd,
 * test/webdav-server.ts), set up on the settings page as a user does it, with notes taken,
 * edited and deleted in the panel.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { WebdavServer } from '../webdav-server';
import { demoPanel, saveAccount, settingsPage, syncNow, useTwoDevices } from './sync-devices';
import { join } from 'node:path';
import { openLibrary, SCREENSHOTS, storedRows, screenshot, storedNotes, typeNote, type Browser, type DemoServer } from './harness';

const devices = useTwoDevices();
let dav: WebdavServer;
let demo: DemoServer;
let a: Browser;
let b: Browser;
beforeAll(() => {
  ({ dav, demo, a, b } = devices);
});

const options = (device: Browser) => settingsPage(device);
const setUp = (page: Page, password: string, account: { url?: string; passphrase?: string } = {}) =>
  saveAccount(page, { url: account.url ?? dav.url, user: dav.user, password, passphrase: account.passphrase ?? '' });
const statusOf = async (page: Page) => (await page.locator('.sync-status').textContent()) ?? '';
const panel = (device: Browser) => demoPanel(device, demo);

/** What the sync alarm runs, through the worker's test seam (tests do not wait a minute for it). */
async function alarmSync(device: Browser): Promise<unknown> {
  return (await device.worker()).evaluate(() => (globalThis as unknown as { webinarNotesSync(manual: boolean): Promise<unknown> }).webinarNotesSync(false));
}

const texts = async (device: Browser) => (await storedNotes(device)).map((n) => `${n.text}${n.deletedAt ? ' (trash)' : ''}`).sort();

test('set up on the settings page: a wrong password is said so and nothing is saved; the right one is tested and saved', async () => {
  const page = await options(a);
  await expect.poll(() => page.locator('.sync-status').textContent()).toBe('Sync is not set up.');
  expect(await setUp(page, 'wrong password')).toEqual([
    '✓ The server answers.',
    '✗ The user name and app password do not work: the server did not accept them.',
  ]);
  expect(await page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
  expect(await setUp(page, dav.password)).toEqual([
    '✓ The server answers.',
    '✓ The user name and app password work.',
    '✓ The folder is writable.',
    '✓ Saved: this browser syncs with the server from now on.',
  ]);
  await screenshot(page, 'options-sync');
  // The password is kept in the extension's local storage only, not in the database a backup reads.
  const kept = await (await a.worker()).evaluate(() => chrome.storage.local.get('syncAccount'));
  expect(kept).toEqual({ syncAccount: { url: dav.url, user: dav.user, password: dav.password } });
  await page.close();
  const pageB = await options(b);
  expect(await setUp(pageB, dav.password)).toContain('✓ Saved: this browser syncs with the server from now on.');
  await pageB.close();
});

test('a note taken on A shows on B after a sync; an edit and a deletion on B come back to A', async () => {
  const onA = await panel(a);
  await typeNote(onA.panel, 'Taken on A');
  await expect.poll(() => texts(a)).toEqual(['Taken on A']);
  const settingsA = await options(a);
  await syncNow(settingsA);
  await expect.poll(() => statusOf(settingsA)).toMatch(/^Last synced .*: nothing new here, 1 file sent\.$/);
  const settingsB = await options(b);
  await syncNow(settingsB);
  await expect.poll(() => statusOf(settingsB)).toMatch(/^Last synced .*: 1 note, 1 recording(, 1 transcript)? updated here, 0 files sent\.$/);

  // B's panel on the same video lists A's note; B edits it and takes one of its own.
  const onB = await panel(b);
  await expect.poll(() => onB.panel.locator('li.note .text').allTextContents()).toEqual(['Taken on A']);
  const id = await onB.panel.locator('li.note', { hasText: 'Taken on A' }).getAttribute('data-note-id');
  const row = onB.panel.locator(`li.note[data-note-id="${id}"]`);
  await row.getByRole('button', { name: /^Edit note/ }).click();
  await row.getByLabel('Note text').fill('Taken on A, edited on B');
  await row.getByRole('button', { name: 'Save' }).click();
  await typeNote(onB.panel, 'Taken on B, deleted on B');
  await expect.poll(() => texts(b)).toEqual(['Taken on A, edited on B', 'Taken on B, deleted on B']);
  await onB.panel.locator('li.note', { hasText: 'Taken on B, deleted on B' }).getByRole('button', { name: /^Delete note/ }).click();
  await expect.poll(() => texts(b)).toEqual(['Taken on A, edited on B', 'Taken on B, deleted on B (trash)']);
  // B syncs by its alarm: it has changes, so the alarm's check runs a sync.
  expect(await alarmSync(b)).toMatchObject({ outcome: 'synced' });
  await syncNow(settingsA);
  expect(await texts(a)).toEqual(['Taken on A, edited on B', 'Taken on B, deleted on B (trash)']);
  // With nothing changed here and the last sync just now, the alarm's check waits for the poll.
  expect(await alarmSync(a)).toEqual({ outcome: 'skipped', reason: 'No sync is due.' });
  // A's open panel follows: the edit shows, the deleted note does not.
  await expect.poll(() => onA.panel.locator('li.note .text').allTextContents()).toEqual(['Taken on A, edited on B']);
  await screenshot(settingsA, 'options-sync-synced');
  // The section alone, for the README.
  await settingsA.locator('section[aria-labelledby="sync-heading"]').screenshot({ path: join(SCREENSHOTS, 'options-sync-section.png') });
  // The library says it too, and syncs from there.
  const library = await openLibrary(a);
  await expect.poll(() => library.locator('.sync-line .sync-status').textContent()).toMatch(/^Last synced .*: 2 notes\b.* updated here, \d files? sent\.$/);
  await library.locator('.sync-line').getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => library.locator('.sync-line .sync-status').textContent()).toMatch(/^Last synced .*: nothing new here, 0 files sent\.$/);
  await screenshot(library, 'library-sync');
  await library.close();
  for (const page of [onA.page, onB.page, settingsA, settingsB]) await page.close();
});

test('the server stopped: the status says why and when it tries again, nothing changes here, and the next sync works', async () => {
  const settingsA = await options(a);
  const onA = await panel(a);
  await typeNote(onA.panel, 'Written while the server is down');
  await expect.poll(async () => (await texts(a)).includes('Written while the server is down')).toBe(true);
  const before = await storedNotes(a);
  await dav.stop();
  try {
    await syncNow(settingsA);
    await expect.poll(() => statusOf(settingsA)).toMatch(/^Sync failed .*: The server could not be reached \(offline, or the address is wrong\)\. Next try .*\. \(Last synced .*\)$/);
    expect(await storedNotes(a)).toEqual(before);
    await screenshot(settingsA, 'options-sync-failed');
    // The alarm does not hammer a server that failed a moment ago, changes here or not.
    expect(await alarmSync(a)).toEqual({ outcome: 'skipped', reason: 'No sync is due.' });
  } finally {
    await dav.start();
  }
  await syncNow(settingsA);
  await expect.poll(() => statusOf(settingsA)).toMatch(/^Last synced .*: nothing new here, 1 file sent\.$/);
  const settingsB = await options(b);
  await syncNow(settingsB);
  expect(await texts(b)).toContain('Written while the server is down');
  for (const page of [onA.page, settingsA, settingsB]) await page.close();
});

test('encrypted: the server holds no note text, B with the right passphrase reads everything, with a wrong one says so', async () => {
  const sealed = `${dav.url}sealed/`;
  const made = await fetch(sealed, { method: 'MKCOL', headers: { Authorization: `Basic ${btoa(`${dav.user}:${dav.password}`)}` } });
  expect(made.status).toBe(201);
  const onA = await panel(a);
  await typeNote(onA.panel, 'Only ever sent encrypted');
  await expect.poll(async () => (await texts(a)).includes('Only ever sent encrypted')).toBe(true);
  const settingsA = await options(a);
  await expect.poll(() => settingsA.getByLabel(/^Server address/).inputValue()).toBe(dav.url);
  expect(await setUp(settingsA, dav.password, { url: sealed, passphrase: 'an orange is not a lemon' })).toContain('✓ Saved: this browser syncs with the server from now on.');
  await syncNow(settingsA);
  await expect.poll(() => statusOf(settingsA)).toMatch(/^Last synced .*: nothing new here, 1 file sent\.$/);
  const files = dav.files().filter((file) => file.startsWith('sealed/'));
  expect(files).toHaveLength(3);
  for (const file of files) for (const secret of ['Only ever sent', 'Taken on A', 'edited on B', 'Written while', 'Accessible forms', '127.0.0.1']) expect(dav.read(file), file).not.toContain(secret);

  const settingsB = await options(b);
  await expect.poll(() => settingsB.getByLabel(/^Server address/).inputValue()).toBe(dav.url);
  // B, on the encrypted folder with a wrong passphrase, then the right one; a fresh state for a new folder.
  expect(await setUp(settingsB, dav.password, { url: sealed, passphrase: 'an orange is a lemon' })).toContain('✓ Saved: this browser syncs with the server from now on.');
  await syncNow(settingsB);
  await expect.poll(() => statusOf(settingsB)).toMatch(
    /^Sync failed .*: The passphrase is wrong: it does not open the files on the server\. Sync waits until you test the settings again or press Sync now\./,
  );
  await screenshot(settingsB, 'options-sync-wrong-passphrase');
  const before = await texts(b);
  expect(await setUp(settingsB, dav.password, { url: sealed, passphrase: 'an orange is not a lemon' })).toContain('✓ Saved: this browser syncs with the server from now on.');
  await syncNow(settingsB);
  await expect.poll(() => statusOf(settingsB)).toMatch(/^Last synced /);
  expect(before).not.toContain('Only ever sent encrypted');
  expect(await texts(b)).toEqual(await texts(a));
  expect(await texts(b)).toContain('Only ever sent encrypted');
  for (const page of [onA.page, settingsA, settingsB]) await page.close();
});

test('Empty trash on A deletes the note for good on B too: the purge travels as a tombstone', async () => {
  expect(await texts(b)).toContain('Taken on B, deleted on B (trash)');
  const library = await openLibrary(a);
  await library.getByRole('link', { name: /^Trash/ }).click();
  await expect.poll(() => library.locator('.trash-row .hit-text').allTextContents()).toEqual(['Taken on B, deleted on B']);
  await library.getByRole('button', { name: 'Empty trash…' }).click();
  await library.getByRole('button', { name: 'Delete for good' }).click();
  await expect.poll(() => library.locator('.toast-text').textContent()).toBe('1 item deleted for good.');
  await library.locator('.sync-line').getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => library.locator('.sync-line .sync-status').textContent()).toMatch(/^Last synced .*: nothing new here, 1 file sent\.$/);
  const settingsB = await options(b);
  await syncNow(settingsB);
  await expect.poll(() => statusOf(settingsB)).toMatch(/^Last synced .*: (1 transcript updated here, )?1 item deleted for good, 0 files sent\.$/);
  expect(await texts(b)).not.toContain('Taken on B, deleted on B (trash)');
  expect(await storedRows<{ kind: string }>(b, 'tombstones')).toEqual([expect.objectContaining({ kind: 'note' })]);
  await library.close();
  await settingsB.close();
});
