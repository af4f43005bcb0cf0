/**
 * An open panel follows writes made elsewhere (another panel on the same recording, the library)
 * without reloading, and the markers in its page follow: changed markers change, the others stay
 * the same elements.
 */
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openLibrary, pageMarkers, panelNoteTexts, panelOf, screenshot, seekTo, typeNote, useBrowser } from './harness';

const session = useBrowser();

async function openVideo(): Promise<{ page: Page; panel: Frame }> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  // Gone if either document reloads.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await panel.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  return { page, panel };
}

const notReloaded = (target: Page | Frame) => target.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

/** A note typed with the (paused) video at `seconds`: it gets the time 2 s before (the lead-in). */
async function noteAt(page: Page, panel: Frame, seconds: number, text: string): Promise<void> {
  await seekTo(page, seconds);
  await typeNote(panel, text);
}

const times = async (page: Page) => (await pageMarkers(page)).map((marker) => marker.t);

test('notes added, edited and trashed in another panel or the library show in the open panel and its markers, without a reload', async () => {
  const a = await openVideo();
  await noteAt(a.page, a.panel, 30, 'One');
  await noteAt(a.page, a.panel, 60, 'Two');
  await expect.poll(() => times(a.page)).toEqual([28, 58]);
  const [one, two] = await pageMarkers(a.page);

  const b = await openVideo();
  await expect.poll(() => panelNoteTexts(b.panel)).toEqual(['One', 'Two']);
  await noteAt(b.page, b.panel, 45, 'From the other tab');
  await expect.poll(() => panelNoteTexts(a.panel)).toEqual(['One', 'From the other tab', 'Two']);
  // Drawn in time order (the order Tab visits them); the markers there before are the same elements.
  await expect.poll(() => times(a.page)).toEqual([28, 43, 58]);
  expect((await pageMarkers(a.page)).filter((m) => m.t !== 43)).toEqual([one, two]);

  const row = b.panel.locator('li.note', { hasText: 'From the other tab' });
  const id = await row.getAttribute('data-note-id');
  const editing = b.panel.locator(`li.note[data-note-id="${id}"]`);
  await editing.getByRole('button', { name: /^Edit note/ }).click();
  await editing.getByLabel('Note text').fill('Edited in the other tab');
  await editing.locator('input.time-input').fill('1:30');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => panelNoteTexts(a.panel)).toEqual(['One', 'Two', 'Edited in the other tab']);
  await expect.poll(() => times(a.page)).toEqual([28, 58, 90]);
  expect((await pageMarkers(a.page)).filter((m) => m.t !== 90)).toEqual([one, two]);

  await b.panel.locator('li.note', { hasText: 'Edited in the other tab' }).getByRole('button', { name: /^Delete note/ }).click();
  await expect.poll(() => panelNoteTexts(a.panel)).toEqual(['One', 'Two']);
  await expect.poll(() => pageMarkers(a.page)).toEqual([one, two]);

  const library = await openLibrary(session.browser);
  await library.getByRole('button', { name: /Accessible forms in practice/ }).click();
  await library.getByRole('button', { name: 'Delete note at 0:58' }).click();
  await expect.poll(() => panelNoteTexts(a.panel)).toEqual(['One']);
  await expect.poll(() => panelNoteTexts(b.panel)).toEqual(['One']);
  await expect.poll(() => pageMarkers(a.page)).toEqual([one]);
  await expect.poll(() => pageMarkers(b.page).then((markers) => markers.map((m) => m.t))).toEqual([28]);
  await library.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => times(a.page)).toEqual([28, 58]);
  await screenshot(a.page, 'live-changes');

  for (const target of [a.page, a.panel, b.page, b.panel]) expect(await notReloaded(target)).toBe(true);
  await Promise.all([a.page.close(), b.page.close(), library.close()]);
});
