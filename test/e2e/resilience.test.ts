import { expect, test } from 'vitest';
import {
  panelNoteTexts,
  panelOf,
  stopServiceWorker,
  storedNotes,
  seekTo,
  typeNote,
  useBrowser,
} from './harness';

const session = useBrowser();


test('a reload in the middle of typing brings the draft back, with its time', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/?draft`);
  let panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 10);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Half a thought', { delay: 10 });
  await page.waitForTimeout(300);
  await page.reload();
  panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => panel.locator('textarea#composer-text').inputValue()).toBe('Half a thought');
  await expect.poll(() => panel.locator('#composer-status').textContent()).toBe('Note at 0:08');
  await seekTo(page, 50);
  await panel.locator('textarea#composer-text').pressSequentially(', finished');
  await panel.locator('textarea#composer-text').press('Enter');
  await expect.poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'Half a thought, finished')?.t).toBe(8);
});

test('stopping the service worker between two notes loses nothing, and the next note saves', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/?worker`);
  const panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 20);
  await typeNote(panel, 'Before the worker stopped');
  await expect.poll(async () => (await storedNotes(session.browser)).some((n) => n.text === 'Before the worker stopped')).toBe(true);

  await stopServiceWorker(session.browser);

  await seekTo(page, 40);
  await typeNote(panel, 'After the worker stopped');
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['Before the worker stopped', 'After the worker stopped']);
  await page.reload();
  const reloaded = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => panelNoteTexts(reloaded)).toEqual(['Before the worker stopped', 'After the worker stopped']);
});

test('a note added in one tab shows within a second in another tab on the same recording', async () => {
  const first = await session.browser.context.newPage();
  const second = await session.browser.context.newPage();
  await first.goto(`${session.server.origin}/?sync`);
  await second.goto(`${session.server.origin}/?sync`);
  const firstPanel = await panelOf(first, session.browser.extensionId);
  const secondPanel = await panelOf(second, session.browser.extensionId);
  await seekTo(first, 30);
  await typeNote(firstPanel, 'Written in the first tab');
  await expect.poll(async () => (await storedNotes(session.browser)).some((n) => n.text === 'Written in the first tab')).toBe(true);
  await expect.poll(() => panelNoteTexts(secondPanel), { timeout: 1000, interval: 50 }).toEqual(['Written in the first tab']);

  const id = await secondPanel.locator('li.note').getAttribute('data-note-id');
  await secondPanel.locator(`li.note[data-note-id="${id}"]`).getByRole('button', { name: /^Delete note/ }).click();
  await expect.poll(() => panelNoteTexts(firstPanel), { timeout: 1000, interval: 50 }).toEqual([]);
});
