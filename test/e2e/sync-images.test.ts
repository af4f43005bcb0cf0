/**
 * Pictures in sync, in real Chromium with two profiles ("devices") and a real WebDAV server
 * (Apache httpd, test/webdav-server.ts): a frame attached to a note in A's panel shows in B's
 * panel after both sync, byte for byte, and deleting it on A deletes it on B.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWebdavServer, type WebdavServer } from '../webdav-server';
import { pauseAt, storedFrameUrl, storedImages } from './frames-helpers';
import { launch, panelOf, removeProfile, screenshot, SCREENSHOTS, serveDemo, storedNotes, storedRows, type Browser, type DemoServer } from './harness';

let dav: WebdavServer;
let demo: DemoServer;
let a: Browser;
let b: Browser;
beforeAll(async () => {
  [dav, demo] = await Promise.all([startWebdavServer(), serveDemo()]);
  a = await launch();
  b = await launch();
});
afterAll(async () => {
  for (const device of [a, b]) {
    await device?.close();
    if (device) removeProfile(device.profile);
  }
  await demo?.close();
  await dav?.close();
});

/** The settings page, with the sync account entered and saved as a user does it. */
async function settings(device: Browser): Promise<Page> {
  const page = await device.context.newPage();
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(`chrome-extension://${device.extensionId}/src/pages/options/index.html`);
  await page.getByLabel(/^Server address/).fill(dav.url);
  await page.getByLabel('User name').fill(dav.user);
  await page.getByLabel('App password').fill(dav.password);
  await page.getByRole('button', { name: 'Test and save' }).click();
  await expect.poll(() => page.locator('.sync-check li').allTextContents()).toContain('✓ Saved: this browser syncs with the server from now on.');
  return page;
}

/** Presses Sync now, waits for the run to end, and gives the status it shows. */
async function syncNow(page: Page): Promise<string> {
  await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
  const runs = Number(await page.locator('.sync-status').getAttribute('data-runs'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(async () => Number(await page.locator('.sync-status').getAttribute('data-runs'))).toBe(runs + 1);
  return (await page.locator('.sync-status').textContent()) ?? '';
}

async function panel(device: Browser): Promise<{ page: Page; panel: Frame }> {
  const page = await device.context.newPage();
  await page.goto(`${demo.origin}/`);
  return { page, panel: await panelOf(page, device.extensionId) };
}

test('a frame attached on A shows in B\'s panel after a sync, the same picture; deleted on A, it goes on B', async () => {
  const [settingsA, settingsB] = [await settings(a), await settings(b)];
  const onA = await panel(a);
  await pauseAt(onA.page, 42);
  const box = onA.panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('The error summary, with its picture', { delay: 5 });
  await onA.panel.getByRole('button', { name: 'Attach frame' }).click();
  await expect.poll(() => onA.panel.locator('.composer .frame-thumb img').count()).toBe(1);
  await box.press('Enter');
  await expect.poll(async () => (await storedNotes(a)).map((note) => note.text)).toEqual(['The error summary, with its picture']);
  const [frame] = await storedImages(a);
  const [note] = await storedRows<{ id: string }>(a, 'notes');
  expect(frame).toMatchObject({ kind: 'frame', noteId: note!.id });

  expect(await syncNow(settingsA)).toMatch(/^Last synced .*: nothing new here, 1 file sent, 1 picture sent\.$/);
  expect(await syncNow(settingsB)).toMatch(/^Last synced .*: 1 note, 1 recording(, 1 transcript)?, 1 picture updated here, 0 files sent\.$/);
  expect(dav.files().filter((file) => file.startsWith('webinar-notes/v1/images/'))).toHaveLength(1);
  await settingsB.locator('section[aria-labelledby="sync-heading"]').screenshot({ path: join(SCREENSHOTS, 'options-sync-pictures.png') });

  // B's panel on the same video shows the note with its frame, and the picture is A's, byte for byte.
  const onB = await panel(b);
  const row = onB.panel.locator('li.note', { hasText: 'The error summary, with its picture' });
  await expect.poll(() => row.locator('.frame-thumb img').count()).toBe(1);
  expect(await storedImages(b)).toEqual(await storedImages(a));
  expect(await storedFrameUrl(b, frame!.id)).toBe(await storedFrameUrl(a, frame!.id));
  await row.locator('.frame-thumb').click();
  await expect.poll(() => onB.panel.locator('.frame-viewer img').count()).toBe(1);
  await expect.poll(() => onB.panel.locator('.frame-viewer img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(frame!.width);
  await screenshot(onB.page, 'sync-frame-on-b');
  await onB.panel.getByRole('button', { name: 'Close' }).click();

  // A deletes the frame from its note; after both sync, B's note has none.
  const rowA = onA.panel.locator('li.note', { hasText: 'The error summary, with its picture' });
  await rowA.locator('.frame-thumb').click();
  await onA.panel.getByRole('button', { name: 'Delete frame' }).click();
  await expect.poll(() => storedImages(a)).toEqual([]);
  expect(await syncNow(settingsA)).toMatch(/^Last synced .*: nothing new here, 1 file sent\.$/);
  // B's open panel may have kept the video's captions meanwhile: that file goes out with the sync.
  expect(await syncNow(settingsB)).toMatch(/^Last synced .*: 1 item deleted for good, [01] files? sent\.$/);
  await expect.poll(() => row.locator('.frame-thumb').count()).toBe(0);
  expect(await storedImages(b)).toEqual([]);
  await expect.poll(() => row.locator('.text').textContent()).toContain('The error summary, with its picture');
  for (const page of [onA.page, onB.page, settingsA, settingsB]) await page.close();
});
