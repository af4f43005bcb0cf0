import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeBackup } from '../../src/core/backup';
import type { Note, Recording } from '../../src/core/model';
import { panelOf, SCREENSHOTS, screenshot, storedNotes, typeNote, useBrowser } from './harness';

const session = useBrowser();
const COUNT = 2000;

test('2,000 notes: the panel keeps a screenful of rows, follows the video to the current note, and tags reach the library', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  let panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'The first note, typed');
  await expect.poll(async () => (await storedNotes(session.browser)).length).toBe(1);
  const { recordingKey } = (await storedNotes(session.browser))[0]!;

  // 2,000 more, spread over the 5-minute video, imported as a backup.
  const now = Date.now();
  // An hour older than the recording the page stored with the first note, however slow the machine.
  const recording: Recording = { key: recordingKey, site: 'html5', url: recordingKey, title: 'Demo webinar', createdAt: now - 3_600_000, updatedAt: now - 3_600_000 };
  const notes: Note[] = Array.from({ length: COUNT }, (_, i) => ({
    id: `bulk-${i}`,
    recordingKey,
    t: Math.round(i * (290 / COUNT) * 100) / 100,
    text: `Bulk note ${i}`,
    createdAt: now - 1000,
    updatedAt: now - 1000,
  }));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, 'long-list.json');
  writeFileSync(file, JSON.stringify(makeBackup({ recordings: [recording], notes, qa: [] }, new Date())));
  const library = await session.browser.context.newPage();
  await library.goto(`chrome-extension://${session.browser.extensionId}/src/pages/library/index.html`);
  await library.getByLabel('Import a backup…').setInputFiles(file);
  await expect.poll(() => library.locator('.backup-result').textContent()).toMatch(/^Restored from long-list\.json: 2,000 added/);

  await page.reload();
  panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => panel.locator('section.notes').getAttribute('aria-label')).toBe(`Notes (${COUNT + 1})`);
  const rows = await panel.locator('li.note').count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(60);

  // The video moves on: the note playing now is highlighted and scrolled into view.
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 250;
  });
  const target = notes.filter((n) => n.t <= 250).at(-1)!;
  await expect.poll(() => panel.locator('li.note.current .text').textContent()).toBe(target.text);
  const frame = (await (await panel.frameElement()).boundingBox())!;
  const current = (await panel.locator('li.note.current').boundingBox())!;
  // Within two pixels: the virtualizer places rows by their measured heights rounded to whole
  // pixels (@tanstack/virtual-core's measureElement), so a row drawn 63.6 px tall can end half a
  // pixel past its place, and the frame's own edges fall between pixels (seen: 1.4 px).
  expect(current.y).toBeGreaterThanOrEqual(frame.y - 2);
  expect(current.y + current.height).toBeLessThanOrEqual(frame.y + frame.height + 2);

  // Tags are added in the panel's editor, shown under the note, and filter the library.
  const row = panel.locator('li.note.current');
  const id = await row.getAttribute('data-note-id');
  await row.getByRole('button', { name: /^Edit note/ }).click();
  const edited = panel.locator(`li.note[data-note-id="${id}"]`);
  await edited.getByLabel('Tags').fill('#key point, follow-up, Key Point');
  await edited.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => edited.locator('.tag').allTextContents()).toEqual(['key point', 'follow-up']);
  await screenshot(page, 'panel-long-list');

  // An open editor stays, with what was typed, while the video moves far from it; the list follows
  // the video again once the editor closes.
  await edited.getByRole('button', { name: /^Edit note/ }).click();
  await edited.getByLabel('Note text').fill('Half-typed edit');
  // One editor at a time: another note's Edit waits, so switching cannot drop this one.
  expect(await panel.locator(`li.note:not([data-note-id="${id}"])`).first().getByRole('button', { name: /^Edit note/ }).isDisabled()).toBe(true);
  await screenshot(page, 'panel-editing');
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 20;
  });
  await page.waitForTimeout(1000);
  expect(await edited.getByLabel('Note text').inputValue()).toBe('Half-typed edit');
  await edited.getByRole('button', { name: 'Cancel' }).click();
  const early = notes.filter((n) => n.t <= 20).at(-1)!;
  await expect.poll(() => panel.locator('li.note.current .text').textContent()).toBe(early.text);

  await library.reload();
  await library.getByLabel('Tag', { exact: true }).selectOption('follow-up');
  // The page's own title won: the stored title was set later than the file's.
  await expect.poll(() => library.locator('.recording-row .recording-title').allTextContents()).toEqual(['Accessible forms in practice — Community webinar']);
  // With the tag filter still on, a search matching every bulk note finds the tagged one only.
  await library.getByRole('searchbox').fill('bulk note');
  await expect.poll(() => library.locator('.hit-text').allTextContents()).toEqual([target.text]);

  // Without the filter every bulk note is listed, and the list ends with the latest note.
  await library.getByLabel('Tag', { exact: true }).selectOption('');
  await expect.poll(() => library.locator('.result-count').textContent()).toBe('2,000 matches');
  await expect.poll(() => library.locator('.results li.hit').first().getAttribute('aria-setsize')).toBe(String(COUNT));
  await library.locator('.results .virtual-scroll').evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect.poll(() => library.locator('.results li.hit').last().getAttribute('aria-posinset')).toBe(String(COUNT));
  expect(await library.locator('.results li.hit').last().locator('.hit-text').textContent()).toBe(notes.at(-1)!.text);
});
