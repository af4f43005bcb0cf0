import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { GRID, grids, pauseAt, storedFrameUrl, storedImages, worstCell, type StoredImage } from './frames-helpers';
import { openLibrary, panelOf, screenshot, seriousViolations, storedNotes, storedRows, tabIdOf, useBrowser } from './harness';

const session = useBrowser();
const images = (): Promise<StoredImage[]> => storedImages(session.browser);

async function typeInComposer(panel: Frame, text: string): Promise<void> {
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially(text, { delay: 5 });
}

test('a frame attached while writing goes with the note, shows in its row, and holds the video’s pixels, not our layer', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await pauseAt(page, 42);
  await typeInComposer(panel, 'The form’s error summary');
  await panel.getByRole('button', { name: 'Attach frame' }).click();
  // The composer shows it before the note is saved: it belongs to the draft until then.
  await expect.poll(() => panel.locator('.composer .frame-thumb img').count()).toBe(1);
  const [draftFrame] = await images();
  const [draft] = await storedRows<{ noteId?: string }>(session.browser, 'panelDrafts');
  expect(draft?.noteId).toBe(draftFrame?.noteId);
  await panel.locator('textarea#composer-text').press('Enter');
  await expect.poll(async () => (await storedNotes(session.browser)).some((note) => note.text === 'The form’s error summary')).toBe(true);
  const note = (await storedRows<{ id: string; text: string }>(session.browser, 'notes')).find((row) => row.text === 'The form’s error summary')!;

  const [frame] = await images();
  const size = await page.evaluate(() => {
    const video = document.querySelector('video') as HTMLVideoElement;
    return { width: video.videoWidth, height: video.videoHeight, t: video.currentTime };
  });
  expect(frame).toMatchObject({ noteId: note.id, kind: 'frame', type: 'image/webp', width: size.width, height: size.height, thumbWidth: 240 });
  expect(frame!.t).toBeCloseTo(42, 1);
  const row = panel.locator(`li.note[data-note-id="${note.id}"]`);
  await expect.poll(() => row.locator('.frame-thumb img').count()).toBe(1);
  await expect.poll(() => panel.locator('.composer .frame-thumb').count()).toBe(0);

  // Every cell of the stored frame is the video's cell, the one under our launcher (top right) too.
  const { stored, shown } = await grids(page, await storedFrameUrl(session.browser, frame!.id), size.width, size.height);
  const topRight = GRID - 1;
  expect(worstCell(stored, shown)).toBeLessThan(12);
  // The launcher is a blue button over that cell: had it been drawn in, the cell would lean blue.
  expect(Math.abs(stored[topRight]![2]! - shown[topRight]![2]!)).toBeLessThan(12);

  await row.hover();
  await screenshot(page, 'frame-note-row');
  await (await panel.frameElement()).screenshot({ path: 'test-results/screenshots/frame-note-row-panel.png' });
  // Full size over the panel, from the thumbnail; its buttons take clicks (the click guard sees the panel shown).
  await row.locator('.frame-thumb').click();
  await expect.poll(() => panel.locator('.frame-viewer img').count()).toBe(1);
  await (await panel.frameElement()).screenshot({ path: 'test-results/screenshots/frame-viewer-panel.png' });
  expect(await seriousViolations(panel)).toEqual([]);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => panel.locator('.frame-viewer').count()).toBe(0);
  // The focus is back on the thumbnail that opened it.
  expect(await panel.evaluate(() => document.activeElement?.className)).toBe('frame-thumb');
  expect(await seriousViolations(panel)).toEqual([]);
  await page.close();
});

test('a note’s row attaches the current frame to that note; a video with no picture yet is told, the note untouched', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  const note = (await storedRows<{ id: string; text: string; t: number }>(session.browser, 'notes')).find((row) => row.text === 'The form’s error summary')!;
  const row = panel.locator(`li.note[data-note-id="${note.id}"]`);
  await pauseAt(page, 90);
  await row.getByRole('button', { name: /^Attach the current frame to the note at/ }).click();
  await expect.poll(() => row.locator('.frame-thumb img').count()).toBe(2);
  expect((await images()).filter((image) => image.noteId === note.id).map((image) => Math.round(image.t)).sort((a, b) => a - b)).toEqual([42, 90]);

  // Emptied: no picture until it loads again.
  await page.evaluate(() => {
    const video = document.querySelector('video') as HTMLVideoElement;
    video.preload = 'none';
    video.removeAttribute('src');
    video.load();
  });
  await row.getByRole('button', { name: /^Attach the current frame to the note at/ }).click();
  await expect.poll(() => row.locator('.frame-problem').textContent()).toContain('The video has no picture yet.');
  expect((await images()).filter((image) => image.noteId === note.id)).toHaveLength(2);
  expect((await storedNotes(session.browser)).find((stored) => stored.text === 'The form’s error summary')).toBeDefined();
  await page.close();
});

test('the frame shortcut reaches the panel of the tab it was pressed in, and only that one', async () => {
  const other = await session.browser.context.newPage();
  await other.goto(`${session.server.origin}/`);
  const otherPanel = await panelOf(other, session.browser.extensionId);
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await pauseAt(page, 20);
  const before = (await images()).length;
  const tabId = await tabIdOf(session.browser, page);
  const worker = await session.browser.worker();
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  expect(commands.find((command) => command.name === 'attach-frame')?.shortcut).toBe('Alt+Shift+F');
  await worker.evaluate(
    (id) => (globalThis as unknown as { webinarNotesHandleCommand: (c: string, t: { id: number }) => Promise<void> }).webinarNotesHandleCommand('attach-frame', { id }),
    tabId,
  );
  await expect.poll(() => panel.locator('.composer .frame-thumb img').count()).toBe(1);
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('composer-text');
  expect(await otherPanel.locator('.composer .frame-thumb').count()).toBe(0);
  expect((await images()).length).toBe(before + 1);
  // Esc drops the note being written, and its frame with it.
  await panel.locator('textarea#composer-text').press('Escape');
  await expect.poll(async () => (await images()).length).toBe(before);
  await other.close();
  await page.close();
});

test('a cross-origin video without CORS: the panel says a capture of the tab is needed and offers the permission; the note is saved without a frame', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/cross-origin-video.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).play());
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime > 1);
  const before = (await images()).length;
  await typeInComposer(panel, 'Seen on another host');
  await panel.getByRole('button', { name: 'Attach frame' }).click();
  const problem = panel.locator('#composer-frame-problem');
  await expect.poll(() => problem.textContent()).toContain('does not let other pages copy its picture, so Webinar Notes has to take a screenshot of the tab');
  await expect.poll(() => problem.getByRole('button', { name: 'Allow tab capture' }).count()).toBe(1);
  // Our layer was hidden for the attempt and is back.
  expect(await (await panel.frameElement()).isVisible()).toBe(true);
  await screenshot(page, 'frame-needs-permission');
  expect((await images()).length).toBe(before);
  await panel.locator('textarea#composer-text').press('Enter');
  await expect.poll(async () => (await storedNotes(session.browser)).some((note) => note.text === 'Seen on another host')).toBe(true);
  await page.close();
});

test('the library shows the space a recording’s images take and deletes them after asking; the notes stay', async () => {
  const page = await openLibrary(session.browser);
  const row = page.locator('.recording-row', { hasText: 'Accessible forms in practice' });
  await expect.poll(() => row.locator('.recording-meta').textContent()).toMatch(/ · 2 images, [\d.]+ kB · edited /);
  await screenshot(page, 'library-list-image-space');
  await row.getByRole('button', { name: /Accessible forms in practice/ }).click();
  const line = page.locator('.image-space-line');
  await expect.poll(() => line.textContent()).toMatch(/^Images: 2 images, [\d.]+ kB/);
  await screenshot(page, 'library-image-space');
  await page.getByRole('button', { name: 'Delete images…' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep them');
  await page.getByRole('button', { name: 'Delete images', exact: true }).click();
  await expect.poll(() => page.locator('.toast-text').textContent()).toBe('2 images deleted for good.');
  await expect.poll(() => line.count()).toBe(0);
  expect(await images()).toEqual([]);
  expect((await storedNotes(session.browser)).some((note) => note.text === 'The form’s error summary')).toBe(true);
  await page.close();
});
