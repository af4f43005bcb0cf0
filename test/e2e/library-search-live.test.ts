/**
 * The library's search index lives in a worker and is kept between visits: a note typed in a
 * video's panel is found by the open library's search without a reload (the worker followed the
 * change log), an edit and a deletion are followed too, and the next visit to the library loads the
 * kept index instead of reading every note again.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openLibrary, panelOf, screenshot, typeNote, useBrowser } from './harness';

const session = useBrowser();

const search = (library: Page, query: string) => library.getByRole('searchbox', { name: 'Search notes, questions, titles and transcripts' }).fill(query);
const hits = (library: Page) => library.locator('.hit-note .hit-text').allTextContents();
const indexFrom = (library: Page) => library.locator('.library').getAttribute('data-search-index');

test('a note typed in the panel is found by the open library’s search, and the next visit loads the kept index', async () => {
  const library = await openLibrary(session.browser);
  await expect.poll(() => indexFrom(library)).toBe('built');
  await library.evaluate(() => Object.assign(window, { openedOnce: true }));
  await search(library, 'placeh');
  await expect.poll(() => library.locator('.result-count').textContent()).toBe('Nothing matches “placeh”.');

  const video = await session.browser.context.newPage();
  await video.goto(`${session.server.origin}/`);
  const panel = await panelOf(video, session.browser.extensionId);
  await typeNote(panel, 'Labels beat placeholders');
  // Prefix matching as typed, with the match highlighted.
  await expect.poll(() => hits(library)).toEqual(['Labels beat placeholders']);
  expect(await library.locator('.hit-note .hit-text mark').allTextContents()).toEqual(['placeh']);
  await library.bringToFront();
  await screenshot(library, 'library-search-live');

  // Edited in the panel: the old words no longer find it, the new ones do.
  const id = await panel.locator('li.note').filter({ hasText: 'Labels beat placeholders' }).getAttribute('data-note-id');
  const row = panel.locator(`li.note[data-note-id="${id}"]`);
  await row.getByRole('button', { name: /^Edit note/ }).click();
  await row.getByRole('textbox').first().fill('Labels beat hints');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => hits(library)).toEqual([]);
  await search(library, 'hints labels');
  await expect.poll(() => hits(library)).toEqual(['Labels beat hints']);
  await panel.locator('li.note').filter({ hasText: 'Labels beat hints' }).getByRole('button', { name: /^Delete note at / }).click();
  await expect.poll(() => hits(library)).toEqual([]);
  expect(await library.evaluate(() => (window as unknown as { openedOnce?: boolean }).openedOnce)).toBe(true);

  await typeNote(panel, 'Kept between visits');
  await library.close();
  // The first visit kept the index it built; this one loads it, catches up from the change log
  // (the notes typed since), and finds the newest note.
  const again = await openLibrary(session.browser);
  await expect.poll(() => indexFrom(again)).toBe('kept');
  await search(again, 'visits');
  await expect.poll(() => hits(again)).toEqual(['Kept between visits']);
  await video.close();
  await again.close();
});
