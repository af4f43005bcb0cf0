/**
 * The library follows what other pages write, without a reload and without reading every note:
 * a note typed in a video's panel shows in the library's counts and on its recording page, and a
 * note deleted there leaves them.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openLibrary, panelOf, screenshot, typeNote, useBrowser } from './harness';

const session = useBrowser();

const views = (library: Page) => library.getByRole('navigation', { name: 'Views' }).getByRole('link').allTextContents();
const rowMeta = (library: Page) => library.locator('.recording-row .recording-meta').allTextContents();
const pageNotes = (library: Page) => library.locator('.lib-note .note-line').allTextContents();

test('a note added or deleted in the panel shows in the open library’s counts and recording page', async () => {
  const library = await openLibrary(session.browser);
  await expect.poll(() => views(library)).toEqual(['Recordings (0)', 'Trash (0)', 'Settings']);
  // Set on the page once: still there at the end, so nothing reloaded it.
  await library.evaluate(() => Object.assign(window, { openedOnce: true }));

  const video = await session.browser.context.newPage();
  await video.goto(`${session.server.origin}/`);
  const panel = await panelOf(video, session.browser.extensionId);
  await typeNote(panel, 'Labels beat placeholders');
  await expect.poll(() => views(library)).toEqual(['Recordings (1)', 'Trash (0)', 'Settings']);
  await expect.poll(() => rowMeta(library)).toEqual([expect.stringMatching(/1 note · 0 questions/)]);
  await library.bringToFront();
  await screenshot(library, 'library-live-list');

  await library.locator('.recording-row .recording-title').click();
  await expect.poll(() => pageNotes(library)).toEqual([expect.stringContaining('Labels beat placeholders')]);
  await video.bringToFront();
  await typeNote(panel, 'Errors next to the field');
  await expect.poll(() => pageNotes(library)).toHaveLength(2);
  expect(await library.locator('.recording-notes h3').first().textContent()).toBe('Notes (2)');

  // Deleted in the panel: gone from the recording page, and counted in the trash.
  await panel.locator('li.note').filter({ hasText: 'Labels beat placeholders' }).getByRole('button', { name: /^Delete note at / }).click();
  await expect.poll(() => pageNotes(library)).toEqual([expect.stringContaining('Errors next to the field')]);
  await expect.poll(() => views(library)).toEqual(['Recordings (1)', 'Trash (1)', 'Settings']);
  await library.bringToFront();
  await screenshot(library, 'library-live-recording');

  await library.getByRole('link', { name: '← All recordings' }).click();
  await expect.poll(() => rowMeta(library)).toEqual([expect.stringMatching(/1 note · 0 questions/)]);
  await library.getByRole('link', { name: 'Trash (1)' }).click();
  await expect.poll(() => library.locator('.trash-row .hit-text').allTextContents()).toEqual(['Labels beat placeholders']);
  expect(await library.evaluate(() => (window as unknown as { openedOnce?: boolean }).openedOnce)).toBe(true);
  await video.close();
  await library.close();
});
