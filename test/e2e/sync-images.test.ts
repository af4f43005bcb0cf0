/**
 * Pictures in sync, in real Chromium with two profiles ("devices") and a real WebDAV server
 * (Apache httpd, test/webdav-server.ts): a frame attached to a note in A's panel shows in B's
 * panel after both sync, byte for byte, and deleting it on A deletes it on B.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { WebdavServer } from '../webdav-server';
import { demoPanel, saveAccount, settingsPage, syncNow, useTwoDevices } from './sync-devices';
import { pauseAt, storedFrameUrl, storedImages } from './frames-helpers';
import { screenshot, SCREENSHOTS, storedNotes, storedRows, type Browser, type DemoServer } from './harness';

const devices = useTwoDevices();
let dav: WebdavServer;
let demo: DemoServer;
let a: Browser;
let b: Browser;
beforeAll(() => {
  ({ dav, demo, a, b } = devices);
});

/** The settings page, with the sync account entered and saved as a user does it. */
async function settings(device: Browser): Promise<Page> {
  const page = await settingsPage(device);
  expect(await saveAccount(page, { url: dav.url, user: dav.user, password: dav.password })).toContain('✓ Saved: this browser syncs with the server from now on.');
  return page;
}

const panel = (device: Browser) => demoPanel(device, demo);

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
