/**
 * Issue 11, item 8, in the panel: a time past the media time rule typed into a note's editor is
 * refused with a message and changes nothing; and a tab that fails to render shows why in that
 * tab, while the rest of the panel keeps working (before, the whole panel went blank).
 */
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { importFile, openLibrary, panelOf, screenshot, storedNotes, typeNote, useBrowser, withTimeout, writeFixture } from './harness';

const session = useBrowser();

const openTab = (panel: Frame, name: string) => panel.getByRole('tab', { name }).click();

async function panelWithNote(at: number, text: string): Promise<{ page: Page; panel: Frame; id: string }> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await page.evaluate((t) => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = t;
  }, at);
  await typeNote(panel, text);
  const row = panel.locator('li.note', { hasText: text });
  await expect.poll(() => row.count()).toBe(1);
  const id = await row.getAttribute('data-note-id');
  if (!id) throw new Error('the note has no id');
  return { page, panel, id };
}

test('a huge time typed into the editor is refused with the limit, and the note keeps its time', async () => {
  const { page, panel, id } = await panelWithNote(100, 'Pricing slide');
  const storedTime = async () => (await storedNotes(session.browser)).find((note) => note.text === 'Pricing slide')?.t;
  const before = await storedTime();
  expect(before).toBeGreaterThan(90);
  const row = panel.locator(`li.note[data-note-id="${id}"]`);
  await row.getByRole('button', { name: /^Edit note/ }).click();
  await row.getByLabel('Time').fill('1000000000000000000000');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await row.getByRole('alert').allTextContents()).join('')).toBe('A time can be at most 100:00:00 (100 hours).');
  await screenshot(page, 'editor-huge-time');
  expect(await storedTime()).toBe(before);

  // Nothing broke: the Summary tab renders the note, and the Notes tab still lists it.
  await row.getByRole('button', { name: 'Cancel' }).click();
  await openTab(panel, 'Summary');
  await expect.poll(() => panel.locator('textarea.preview').inputValue()).toContain('Pricing slide');
  await openTab(panel, 'Notes');
  await expect.poll(() => panel.locator('li.note', { hasText: 'Pricing slide' }).count()).toBe(1);
  await page.close();
});

/**
 * Writes `details` into the stored recording of `recordingKey` through an extension page, as no
 * entry point would; returns the details it replaced, so the test can put them back.
 */
async function rewriteDetails(recordingKey: string, details: unknown): Promise<unknown> {
  const page = await session.browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.browser.extensionId}/src/pages/options/index.html`);
    return await withTimeout(
      'rewriting the recording',
      page.evaluate(
        ([key, next]) =>
          new Promise<unknown>((done, fail) => {
            const open = indexedDB.open('webinar-notes');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const store = open.result.transaction('recordings', 'readwrite').objectStore('recordings');
              const read = store.get(key);
              read.onsuccess = () => {
                const before: unknown = read.result.details;
                const write = store.put({ ...read.result, details: next });
                write.onsuccess = () => {
                  open.result.close();
                  done(before);
                };
                write.onerror = () => fail(write.error);
              };
            };
          }),
        [recordingKey, details] as const,
      ),
    );
  } finally {
    await page.close();
  }
}

test('a Summary tab that throws while rendering says so in that tab; the Notes tab and the composer keep working', async () => {
  const { page, panel: first } = await panelWithNote(40, 'Before the failure');
  await expect.poll(() => first.locator('li.note', { hasText: 'Before the failure' }).count()).toBe(1);
  const key = (await storedNotes(session.browser)).find((note) => note.text === 'Before the failure')?.recordingKey;
  if (!key) throw new Error('the note has no recording');
  // A title that is no text: the exports call string methods on it and throw.
  const details = await rewriteDetails(key, { title: 42 });
  // A fresh panel reads the record as stored (a raw IndexedDB write wakes no live query).
  await page.reload();
  const panel = await panelOf(page, session.browser.extensionId);

  await openTab(panel, 'Summary');
  const summary = panel.locator('#panel-summary');
  await expect.poll(async () => (await summary.getByRole('alert').allTextContents()).join('')).toMatch(/^The Summary tab could not be shown \(.+\)\. Your notes are safe/);
  await screenshot(page, 'summary-tab-failed');

  await openTab(panel, 'Notes');
  await expect.poll(() => panel.locator('li.note', { hasText: 'Before the failure' }).count()).toBe(1);
  await typeNote(panel, 'After the failure');
  await expect.poll(() => panel.locator('li.note', { hasText: 'After the failure' }).count()).toBe(1);
  await openTab(panel, 'Details');
  await expect.poll(() => panel.getByLabel('Title').count()).toBe(1);
  await page.close();
  // Put the record back: the library's test below reads every stored recording.
  await rewriteDetails(key, details);
});

test('the library imports a backup whose note names a speaker nobody has, and names the link it dropped (item 10)', async () => {
  const key = 'https://example.com/talk';
  const backup = {
    format: 'webinar-notes-backup', version: 2, exportedAt: '2026-11-12T10:00:00.000Z',
    recordings: [{ key, site: 'html5', url: key, title: 'Talk', speakers: [{ id: 'ada', name: 'Ada' }], createdAt: 1, updatedAt: 1 }],
    notes: [{ id: 'note-by-nobody', recordingKey: key, t: 5, text: 'Said by a speaker not in the file', speakerId: 'gone', createdAt: 1, updatedAt: 1 }],
    qa: [],
  };
  const library = await openLibrary(session.browser);
  const message = await importFile(library, writeFixture('dangling-speaker.json', JSON.stringify(backup)));
  expect(message).toContain('1 link from a note to a speaker or question that neither the backup nor this library has was removed (note note-by-nobody: speaker gone).');
  await expect.poll(() => library.getByText('Talk', { exact: true }).count()).toBeGreaterThan(0);
  await screenshot(library, 'library-import-repaired');
  const stored = (await storedNotes(session.browser)).find((note) => note.text === 'Said by a speaker not in the file') as { speakerId?: string } | undefined;
  expect(stored).toBeDefined();
  expect(stored?.speakerId).toBeUndefined();
  await library.close();
});
