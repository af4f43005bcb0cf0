import { expect, test } from 'vitest';
import {
  allPanelNoteTexts,
  launch,
  markerCount,
  panelNoteTexts,
  panelOf,
  playUntil,
  screenshot,
  storedNotes,
  tabIdOf,
  typeNote,
  useBrowser,
  videoTime,
} from './harness';

const LEAD_IN = 2;
const session = useBrowser();

const paused = (page: import('playwright-core').Page) =>
  page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).paused);

test('the shortcut gets the key the browser really assigns', async () => {
  const worker = await session.browser.worker();
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  expect(commands.find((command) => command.name === 'new-note')?.shortcut).toBe('Alt+Shift+Y');
});

test('a note typed in the panel gets the time typing started, minus the lead-in; the video pauses meanwhile', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await playUntil(page, 4);
  const startedAt = await videoTime(page);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Labels beat placeholders', { delay: 20 });
  expect(await paused(page)).toBe(true);
  await page.waitForTimeout(700);
  await panel.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(async () => (await storedNotes(session.browser)).length).toBe(1);
  const [note] = await storedNotes(session.browser);
  expect(note?.text).toBe('Labels beat placeholders');
  expect(Math.abs((note?.t ?? -99) - (startedAt - LEAD_IN))).toBeLessThan(0.5);
  await expect.poll(() => paused(page)).toBe(false);
  await page.close();
});

test('the new-note command opens the composer with the caret in it, and the note gets the right time', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await playUntil(page, 6);
  const tabId = await tabIdOf(session.browser, page);
  const worker = await session.browser.worker();
  await worker.evaluate(
    (id) => (globalThis as unknown as { webinarNotesHandleCommand: (c: string, t: { id: number }) => Promise<void> }).webinarNotesHandleCommand('new-note', { id }),
    tabId,
  );
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('composer-text');
  const startedAt = await videoTime(page);
  await page.keyboard.type('Errors next to the field', { delay: 10 });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedNotes(session.browser)).some((n) => n.text === 'Errors next to the field')).toBe(true);
  const note = (await storedNotes(session.browser)).find((n) => n.text === 'Errors next to the field');
  expect(Math.abs((note?.t ?? -99) - (startedAt - LEAD_IN))).toBeLessThan(0.5);
  await page.close();
});

test('notes show sorted by time, as markers, and clicking either seeks', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['Labels beat placeholders', 'Errors next to the field']);
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 60;
  });
  await typeNote(panel, 'Late point');
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 30;
  });
  await typeNote(panel, 'Middle point');
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['Labels beat placeholders', 'Errors next to the field', 'Middle point', 'Late point']);

  await panel.locator('li.note', { hasText: 'Late point' }).locator('.text').click();
  await expect.poll(() => videoTime(page)).toBeCloseTo(58, 0);
  await expect.poll(() => panel.locator('li.note.current .text').textContent()).toBe('Late point');

  await expect.poll(() => markerCount(page)).toBe(4);
  const video = await page.locator('video').boundingBox();
  if (!video) throw new Error('no video box');
  // Click the marker of the note at 28 s (30 − lead-in) on the strip under the video.
  await page.mouse.click(video.x + (28 / 300) * video.width, video.y + video.height + 6);
  await expect.poll(() => videoTime(page)).toBeCloseTo(28, 0);
  await screenshot(page, 'panel-notes');
  await page.close();
});

test('edit a note, change its time, delete it and undo', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 100;
  });
  await typeNote(panel, 'Edit me');
  await typeNote(panel, 'Delete me');
  // Rows are found by id: once in edit mode, a row's text sits in a textarea (a note with a quote
  // has two: its text, and its quote), not in its text.
  const id = await panel.locator('li.note', { hasText: 'Edit me' }).getAttribute('data-note-id');
  const row = panel.locator(`li.note[data-note-id="${id}"]`);
  await row.getByRole('button', { name: /^Edit note/ }).click();
  await row.getByLabel('Note text').fill('Edited');
  await row.locator('input.time-input').fill('2:05');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'Edited')?.t).toBe(125);
  await expect.poll(() => row.locator('.time').textContent()).toBe('2:05');

  await row.getByRole('button', { name: /^Edit note/ }).click();
  await row.locator('input.time-input').fill('soon');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => row.getByRole('alert').textContent()).toMatch(/h:mm:ss/);
  await row.getByLabel('Note text').press('Escape');
  expect((await storedNotes(session.browser)).find((n) => n.text === 'Edited')?.t).toBe(125);

  await panel.locator('li.note', { hasText: 'Delete me' }).getByRole('button', { name: /^Delete note/ }).click();
  await expect.poll(() => panelNoteTexts(panel)).not.toContain('Delete me');
  expect((await storedNotes(session.browser)).find((n) => n.text === 'Delete me')?.deletedAt).toBeTypeOf('number');
  await expect.poll(() => panel.locator('.toast-text').textContent()).toBe('Note moved to the trash.');
  await screenshot(page, 'panel-undo');
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => panelNoteTexts(panel)).toContain('Delete me');
  expect((await storedNotes(session.browser)).find((n) => n.text === 'Delete me')?.deletedAt).toBeUndefined();
  await page.close();
});

test('an edit half typed survives a switch to another tab of the panel and a request for the composer', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Wording to improve');
  const id = await panel.locator('li.note', { hasText: 'Wording to improve' }).getAttribute('data-note-id');
  const row = panel.locator(`li.note[data-note-id="${id}"]`);
  await row.getByRole('button', { name: /^Edit note/ }).click();
  await row.getByLabel('Note text').fill('Wording half improv');
  await panel.getByRole('tab', { name: 'Q&A' }).click();
  await panel.getByRole('tab', { name: 'Details' }).click();
  await panel.getByRole('tab', { name: 'Notes' }).click();
  expect(await row.getByLabel('Note text').inputValue()).toBe('Wording half improv');
  // The shortcut's request switches to the Notes tab; the edit stays open.
  await panel.getByRole('tab', { name: 'Q&A' }).click();
  const worker = await session.browser.worker();
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    await (globalThis as unknown as { webinarNotesHandleCommand(c: string, t: unknown): Promise<void> }).webinarNotesHandleCommand('new-note', tab);
  });
  await expect.poll(() => panel.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe('true');
  expect(await row.getByLabel('Note text').inputValue()).toBe('Wording half improv');
  await page.close();
});

test('odd text is stored and shown exactly as typed, never as HTML', async () => {
  const page = await session.browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  const odd = ['<img src=x onerror=alert(1)>', 'Emoji 🎉👩🏽‍💻 ok', 'שלום, זו הערה בעברית', '**bold** [x](javascript:alert(1))'];
  for (const [i, text] of odd.entries()) {
    await page.evaluate((t) => {
      (document.querySelector('video') as HTMLVideoElement).currentTime = t;
    }, 200 + i * 5);
    await panel.locator('textarea#composer-text').fill(text);
    await panel.locator('textarea#composer-text').press('Enter');
  }
  const huge = `${'A long transcript line. '.repeat(4266)}end`; // ~100 kB
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 240;
  });
  await panel.locator('textarea#composer-text').fill(huge);
  await panel.locator('textarea#composer-text').press('Enter');
  const storedAsTyped = async () => {
    const stored = (await storedNotes(session.browser)).map((n) => n.text);
    return [...odd, huge].map((text) => stored.includes(text));
  };
  await expect.poll(storedAsTyped).toEqual([true, true, true, true, true]);
  const shown = await allPanelNoteTexts(panel);
  expect([...odd, huge].map((text) => shown.includes(text))).toEqual([true, true, true, true, true]);
  expect(await panel.locator('li.note img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await page.close();
});

test('notes survive a reload and a browser restart on the same profile', async () => {
  const before = (await storedNotes(session.browser)).filter((n) => n.deletedAt === undefined);
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  let panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(async () => (await allPanelNoteTexts(panel)).length).toBe(before.length);
  await page.reload();
  panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(async () => (await allPanelNoteTexts(panel)).length).toBe(before.length);
  await session.browser.close();

  session.browser = await launch(session.browser.profile);
  const again = await session.browser.context.newPage();
  await again.goto(`${session.server.origin}/`);
  panel = await panelOf(again, session.browser.extensionId);
  await expect.poll(async () => (await allPanelNoteTexts(panel)).sort()).toEqual(before.map((n) => n.text).sort());
});
