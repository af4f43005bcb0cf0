/**
 * A team folder (core/sync/team.ts): two people, Ana and Bo, each a browser profile with the
 * built extension, set up on one folder of a real WebDAV server (Apache httpd, test/webdav-server.ts)
 * under their own names, taking and editing notes in the panel as users do.
 */
import type { Frame, Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { WebdavServer } from '../webdav-server';
import { demoPanel, saveAccount, settingsPage, syncNow as pressSyncNow, useTwoDevices } from './sync-devices';
import { openLibrary, screenshot, storedNotes, typeNote, type Browser, type DemoServer } from './harness';

const devices = useTwoDevices();
let dav: WebdavServer;
let demo: DemoServer;
let ana: Browser;
let bo: Browser;
let folder: string;
beforeAll(async () => {
  ({ dav, demo, a: ana, b: bo } = devices);
  folder = `${dav.url}team/`;
  const made = await fetch(folder, { method: 'MKCOL', headers: { Authorization: `Basic ${btoa(`${dav.user}:${dav.password}`)}` } });
  expect(made.status).toBe(201);
});

const options = (device: Browser) => settingsPage(device, 1100);
/** Sets up the team folder as `name`; the test's lines. */
const joinTeam = (page: Page, name: string) => saveAccount(page, { url: folder, user: dav.user, password: dav.password, teamName: name });
async function syncNow(page: Page): Promise<void> {
  expect(await pressSyncNow(page)).toMatch(/^Last synced /);
}
const panel = (device: Browser) => demoPanel(device, demo);

const rows = (panelFrame: Frame) => panelFrame.locator('li.note .text').allTextContents();
const texts = async (device: Browser) => (await storedNotes(device)).map((n) => n.text).sort();
/** The stored notes with their authors' names (none: this profile's own). */
const authored = async (device: Browser) =>
  ((await storedNotes(device)) as { text: string; author?: { name: string } }[]).map((n) => `${n.text}${n.author ? ` [${n.author.name}]` : ''}`).sort();

test('set up: the team folder needs a name; each person joins under their own', async () => {
  const page = await options(ana);
  await page.getByLabel(/^This is a team folder/).check();
  await page.getByLabel(/^Server address/).fill(folder);
  await page.getByRole('button', { name: 'Test and save' }).click();
  await expect.poll(() => page.locator('.sync-check li').allTextContents()).toEqual(['✗ A team folder needs your name: type it under Your name in the team folder.']);
  expect(await page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
  expect(await joinTeam(page, 'Ana')).toContain('✓ Saved: this browser syncs with the server from now on.');
  await screenshot(page, 'options-sync-team');
  const kept = await (await ana.worker()).evaluate(() => chrome.storage.local.get('syncAccount'));
  expect(kept).toEqual({ syncAccount: { url: folder, user: dav.user, password: dav.password, teamName: 'Ana' } });
  await page.close();
  const pageB = await options(bo);
  expect(await joinTeam(pageB, 'Bo')).toContain('✓ Saved: this browser syncs with the server from now on.');
  await pageB.close();
});

test('Ana\'s note shows on Bo with her name and no way to change it; Bo\'s shows on Ana with his; edits apart all arrive; Bo\'s "only my notes" summary has only his', async () => {
  const onA = await panel(ana);
  await typeNote(onA.panel, 'Labels beat placeholders');
  await expect.poll(() => texts(ana)).toEqual(['Labels beat placeholders']);
  const settingsA = await options(ana);
  await syncNow(settingsA);
  const settingsB = await options(bo);
  await syncNow(settingsB);
  expect(await authored(bo)).toEqual(['Labels beat placeholders [Ana]']);

  // On Bo's panel: Ana's note with her name, no Edit or Delete, and why.
  const onB = await panel(bo);
  await expect.poll(() => rows(onB.panel)).toEqual(['Ana: Labels beat placeholders']);
  const anasRow = onB.panel.locator('li.note', { hasText: 'Labels beat placeholders' });
  expect(await anasRow.getByRole('button', { name: /^Edit note/ }).count()).toBe(0);
  expect(await anasRow.getByRole('button', { name: /^Delete note/ }).count()).toBe(0);
  expect(await anasRow.locator('.note-lock').textContent()).toBe('Only Ana can change this.');

  // Bo's own note, editable, reaches Ana with his name.
  await typeNote(onB.panel, 'Contrast at 4.5 to 1');
  await expect.poll(() => texts(bo)).toEqual(['Contrast at 4.5 to 1', 'Labels beat placeholders']);
  const bosRow = onB.panel.locator('li.note', { hasText: 'Contrast at 4.5 to 1' });
  expect(await bosRow.getByRole('button', { name: /^Edit note/ }).count()).toBe(1);
  await screenshot(onB.page, 'sync-team-panel');
  await syncNow(settingsB);
  await syncNow(settingsA);
  expect(await authored(ana)).toEqual(['Contrast at 4.5 to 1 [Bo]', 'Labels beat placeholders']);
  await expect.poll(() => onA.panel.locator('li.note .text').allTextContents()).toEqual(['Labels beat placeholders', 'Bo: Contrast at 4.5 to 1']);

  // Apart: each edits their own note of the recording before either syncs; then both sync.
  // Each panel's page in front first: a background tab's panel drops clicks until it is shown again.
  const edit = async (on: { page: Page; panel: Frame }, from: string, to: string) => {
    await on.page.bringToFront();
    const id = await on.panel.locator('li.note', { hasText: from }).getAttribute('data-note-id');
    const row = on.panel.locator(`li.note[data-note-id="${id}"]`);
    await row.getByRole('button', { name: /^Edit note/ }).click();
    await row.getByLabel('Note text').fill(to);
    await row.getByRole('button', { name: 'Save' }).click();
  };
  await edit(onA, 'Labels beat placeholders', 'Labels beat placeholders, always');
  await edit(onB, 'Contrast at 4.5 to 1', 'Contrast at 4.5 to 1 for body text');
  await typeNote(onB.panel, 'Focus rings stay visible');
  await expect.poll(() => texts(ana)).toEqual(['Contrast at 4.5 to 1', 'Labels beat placeholders, always']);
  await expect.poll(() => texts(bo)).toEqual(['Contrast at 4.5 to 1 for body text', 'Focus rings stay visible', 'Labels beat placeholders']);
  await syncNow(settingsA);
  await syncNow(settingsB);
  await syncNow(settingsA);
  const everything = ['Contrast at 4.5 to 1 for body text [Bo]', 'Focus rings stay visible [Bo]', 'Labels beat placeholders, always'];
  expect(await authored(ana)).toEqual(everything);
  expect(await authored(bo)).toEqual(['Contrast at 4.5 to 1 for body text', 'Focus rings stay visible', 'Labels beat placeholders, always [Ana]']);
  await expect.poll(() => rows(onB.panel)).toContain('Ana: Labels beat placeholders, always');

  // The server: each person's folder holds only their own notes.
  const tree = dav.files().filter((file) => file.startsWith('team/'));
  const anasFiles = tree.filter((file) => /^team\/webinar-notes\/v1\/authors\/[0-9a-f]{16}\/recordings\//.test(file));
  expect(anasFiles).toHaveLength(2);
  const byAuthor = anasFiles.map((file) => (JSON.parse(dav.read(file)) as { notes: { text: string; author: { name: string } }[] }).notes.map((n) => `${n.author.name}: ${n.text}`).sort());
  expect(byAuthor.sort()).toEqual([['Ana: Labels beat placeholders, always'], ['Bo: Contrast at 4.5 to 1 for body text', 'Bo: Focus rings stay visible']]);
  expect(tree).not.toContain('team/webinar-notes/v1/index.json');

  // Bo's library: Ana's note with her name, without Tags or Delete; his own with both.
  const library = await openLibrary(bo);
  await library.getByRole('button', { name: 'Accessible forms in practice' }).click();
  const anasLine = library.locator('.lib-note', { hasText: 'Labels beat placeholders, always' });
  await expect.poll(() => anasLine.locator('.note-line').textContent()).toMatch(/^0:0\d Ana: Labels beat placeholders, always$/);
  expect(await anasLine.getByRole('button', { name: /^(Tags of|Delete) the note|^Delete note/ }).count()).toBe(0);
  expect(await anasLine.textContent()).toContain('Only Ana can change this.');
  const bosLine = library.locator('.lib-note', { hasText: 'Focus rings stay visible' });
  expect(await bosLine.getByRole('button', { name: /^Delete note/ }).count()).toBe(1);
  await screenshot(library, 'sync-team-library');
  await library.close();

  // Bo's summary: everyone's, each key point named; with "Only my notes", only his.
  await onB.page.bringToFront();
  await onB.panel.getByRole('tab', { name: 'Summary' }).click();
  const post = onB.panel.locator('textarea.preview');
  await expect.poll(() => post.inputValue()).toContain('Labels beat placeholders, always');
  expect(await post.inputValue()).toMatch(/\\?\[Ana\\?\] Labels beat placeholders, always/);
  expect(await post.inputValue()).toMatch(/\\?\[Bo\\?\] Focus rings stay visible/);
  await onB.panel.getByLabel('Only my notes').check();
  await expect.poll(() => post.inputValue()).not.toContain('Labels beat placeholders');
  const mine = await post.inputValue();
  expect(mine).toContain('Contrast at 4.5 to 1 for body text');
  expect(mine).toContain('Focus rings stay visible');
  expect(mine).not.toMatch(/\[(Ana|Bo)\\?\]/);
  await screenshot(onB.page, 'sync-team-summary-only-mine');
  // Ana's summary offers the choice too (Bo wrote notes of it); a recording with only her own notes would not (unit: hasOthersNotes).
  await onA.page.bringToFront();
  await onA.panel.getByRole('tab', { name: 'Summary' }).click();
  expect(await onA.panel.getByLabel('Only my notes').count()).toBe(1);
  for (const page of [onA.page, onB.page, settingsA, settingsB]) await page.close();
});
