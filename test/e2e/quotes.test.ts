/**
 * Issue 13 in the panel: a note keeps the words spoken before it, the Transcript tab follows the
 * video and turns lines into notes and answers, and the settings turn quotes off and delete
 * transcripts. They run on a page whose video has no caption track (fixtures/uncaptioned.html),
 * and the transcript is seeded into the store from an extension page (the panel merges what is
 * stored): the tests of the caption sources are captions-*.test.ts.
 */
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Cue, Note, QaItem, Transcript } from '../../src/core/model';
import { panelOf, screenshot, seekTo, seriousViolations, storedNotes, storedRows, storedTranscripts, useBrowser, videoTime, withTimeout } from './harness';

const session = useBrowser();

/** One line every 4 s from 0 to 64 s: "Line 0." … "Line 15.", the odd ones said by Ada Lovelace. */
const CUES: Cue[] = Array.from({ length: 16 }, (_, i) => ({
  start: i * 4,
  end: i * 4 + 4,
  text: `Line ${i}.`,
  ...(i % 2 === 1 ? { voice: 'Ada Lovelace' } : {}),
}));

/** Puts rows into stores of the extension's database from an extension page, as a backup would. */
async function seed(rows: { store: string; value: unknown }[]): Promise<void> {
  const page = await session.browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.browser.extensionId}/src/pages/options/index.html`);
    await withTimeout(
      'seeding the database',
      page.evaluate(
        (items) =>
          new Promise<void>((done, fail) => {
            const open = indexedDB.open('webinar-notes');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction([...new Set(items.map((item) => item.store))], 'readwrite');
              for (const item of items) tx.objectStore(item.store).put(item.value);
              tx.oncomplete = () => {
                open.result.close();
                done();
              };
              tx.onerror = () => fail(tx.error);
            };
          }),
        rows,
      ),
    );
  } finally {
    await page.close();
  }
}

let key = '';
let page: Page;
let panel: Frame;

const quoteBox = () => panel.locator('textarea#composer-quote');
const noteNamed = async (text: string): Promise<Note | undefined> => (await storedNotes(session.browser)).find((note) => note.text === text) as Note | undefined;
const openTab = async (name: string) => {
  await panel.getByRole('tab', { name }).click();
  await expect.poll(() => panel.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
};

test('without captions a note saves as before: no quote, no error', async () => {
  page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/uncaptioned.html`);
  panel = await panelOf(page, session.browser.extensionId);
  await seekTo(page, 10);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('No captions yet', { delay: 10 });
  expect(await quoteBox().count()).toBe(0);
  await box.press('Enter');
  await expect.poll(() => noteNamed('No captions yet')).toBeTruthy();
  const note = await noteNamed('No captions yet');
  expect(note?.quote).toBeUndefined();
  key = note!.recordingKey;
  // The transcript and a question of this recording, read by a fresh panel.
  const transcript: Transcript = { recordingKey: key, lang: 'en', label: 'English', source: 'track', complete: true, cues: CUES, updatedAt: Date.now() };
  const question: QaItem = { id: 'q-cache', recordingKey: key, question: 'How long are pages cached?', answers: [], createdAt: 1, updatedAt: 1 };
  await seed([
    { store: 'transcripts', value: transcript },
    { store: 'qa', value: question },
    { store: 'recordings', value: { ...(await storedRows<{ key: string }>(session.browser, 'recordings')).find((r) => r.key === key), speakers: [{ id: 's-ada', name: 'Ada Lovelace' }] } },
  ]);
  await page.reload();
  panel = await panelOf(page, session.browser.extensionId);
});

test('a note keeps the words of the window before it, and only them; trimmed or dropped, it is saved as such', async () => {
  await seekTo(page, 30);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Caching lines', { delay: 10 });
  // Typing started at 30 s, lead-in 2 s: the note at 28 s, its quote from 18 s to 30 s.
  await expect.poll(() => quoteBox().inputValue()).toBe('Line 4. Line 5. Line 6. Line 7.');
  expect(await panel.locator('.quote-field').textContent()).toContain('Quote · 0:16–0:32');
  await page.screenshot({ path: '/tmp/shots-i13-panel/composer-quote.png' });
  await screenshot(page, 'composer-quote');
  await box.press('Enter');
  await expect.poll(async () => (await noteNamed('Caching lines'))?.quote).toEqual({ text: 'Line 4. Line 5. Line 6. Line 7.', start: 16, end: 32, source: 'track', lang: 'en' });
  // Line 7 is Ada's: the note names her.
  expect((await noteNamed('Caching lines')) as Note & { speakerId?: string }).toMatchObject({ speakerId: 's-ada', t: 28 });

  await seekTo(page, 50);
  await box.click();
  await box.pressSequentially('Trimmed', { delay: 10 });
  await expect.poll(() => quoteBox().inputValue()).toBe('Line 9. Line 10. Line 11. Line 12.');
  await quoteBox().fill('Line 11. Line 12.');
  await box.press('Enter');
  await expect.poll(async () => (await noteNamed('Trimmed'))?.quote?.text).toBe('Line 11. Line 12.');

  await box.click();
  await box.pressSequentially('Dropped', { delay: 10 });
  await panel.getByRole('button', { name: 'Drop quote' }).click();
  expect(await quoteBox().count()).toBe(0);
  await box.press('Enter');
  await expect.poll(() => noteNamed('Dropped')).toBeTruthy();
  expect((await noteNamed('Dropped'))?.quote).toBeUndefined();

  // The list shows each note's quote as a quotation, as text.
  const row = panel.locator('li.note', { hasText: 'Caching lines' });
  await expect.poll(() => row.locator('blockquote.note-quote').textContent()).toBe('Line 4. Line 5. Line 6. Line 7.');
  // The quote sits under the text; the time, the text and the actions keep the row's first line.
  const top = async (selector: string) => (await row.locator(selector).boundingBox())?.y ?? Number.NaN;
  expect(Math.abs((await top('.actions')) - (await top('.time')))).toBeLessThan(4);
  expect(await top('blockquote')).toBeGreaterThan(await top('.text'));
  await page.screenshot({ path: '/tmp/shots-i13-panel/note-row-quote.png' });
  await screenshot(page, 'note-row-quote');
});

test('an edit can remove a note’s quote', async () => {
  const row = panel.locator('li.note', { hasText: 'Trimmed' });
  await row.getByRole('button', { name: /Edit note/ }).click();
  await panel.getByRole('button', { name: 'Drop quote' }).click();
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await noteNamed('Trimmed'))?.quote).toBeUndefined();
  expect(await panel.locator('li.note', { hasText: 'Trimmed' }).locator('blockquote').count()).toBe(0);
});

test('Transcript tab: the line playing is highlighted, a time seeks, and lines become a note or an answer', async () => {
  await openTab('Transcript');
  const tab = panel.locator('#panel-transcript');
  // Five tabs fit the panel beside the video: none is cut off.
  const cut = await panel.evaluate(() =>
    [...document.querySelectorAll('[role="tab"]')].filter((tab) => Math.round(tab.getBoundingClientRect().right) > document.documentElement.clientWidth).map((tab) => `${tab.textContent} ends at ${tab.getBoundingClientRect().right}px of ${document.documentElement.clientWidth}px`),
  );
  expect(cut).toEqual([]);
  expect(await tab.textContent()).toContain('Whole track · 16 lines');
  await seekTo(page, 41);
  await expect.poll(() => tab.locator('li.line.current .line-text').textContent()).toBe('Line 10.');
  await seekTo(page, 45);
  await expect.poll(() => tab.locator('li.line.current .line-text').textContent()).toBe('Ada Lovelace: Line 11.');
  expect(await seriousViolations(panel)).toEqual([]);

  await tab.getByRole('button', { name: 'Play from 0:24' }).click();
  await expect.poll(() => videoTime(page)).toBe(24);

  // Scrolled away, the list stops following; "Back to now" returns.
  await tab.locator('.transcript-scroll').hover();
  await page.mouse.wheel(0, 300);
  await expect.poll(() => tab.getByRole('button', { name: 'Back to now' }).count()).toBe(1);
  await tab.getByRole('button', { name: 'Back to now' }).click();
  expect(await tab.getByRole('button', { name: 'Back to now' }).count()).toBe(0);

  // Lines 3 to 5: a click and a shift-click.
  await tab.getByRole('checkbox', { name: 'Select the line at 0:12' }).click();
  await tab.getByRole('checkbox', { name: 'Select the line at 0:20' }).click({ modifiers: ['Shift'] });
  await expect.poll(() => tab.getByRole('checkbox', { checked: true }).count()).toBe(3);
  await page.screenshot({ path: '/tmp/shots-i13-panel/transcript-tab.png' });
  await screenshot(page, 'transcript-tab');
  await panel.getByRole('button', { name: 'Note from these lines' }).click();
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('composer-text');
  expect(await quoteBox().inputValue()).toBe('Line 3. Line 4. Line 5.');
  await panel.locator('textarea#composer-text').pressSequentially('From the lines', { delay: 10 });
  await panel.locator('textarea#composer-text').press('Enter');
  await expect.poll(async () => (await noteNamed('From the lines'))?.quote).toEqual({ text: 'Line 3. Line 4. Line 5.', start: 12, end: 24, source: 'track', lang: 'en' });
  expect((await noteNamed('From the lines'))?.t).toBe(12);

  await openTab('Transcript');
  await tab.getByRole('checkbox', { name: 'Select the line at 0:36' }).click();
  await tab.getByRole('checkbox', { name: 'Select the line at 0:44' }).click({ modifiers: ['Shift'] });
  // Lines 9 to 11: 9 and 11 are Ada's, 10 names no one, so one voice: Ada.
  await tab.getByLabel('Question these lines answer').selectOption({ label: 'How long are pages cached?' });
  await tab.getByRole('button', { name: 'Answer from these lines' }).click();
  await expect
    .poll(async () => (await storedRows<QaItem>(session.browser, 'qa')).find((item) => item.id === 'q-cache')?.answers)
    .toEqual([{ text: 'Line 9. Line 10. Line 11.', t: 36, end: 48, speakerId: 's-ada' }]);
});

test('settings: with quotes off a note keeps none; Delete all transcripts empties the store and says how many', async () => {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/src/pages/options/index.html`);
  await options.getByLabel('Keep a quote with each note').uncheck();
  await expect.poll(() => options.getByText('Saved.').count()).toBeGreaterThan(0);
  await options.getByLabel(/Quote starts/).fill('99');
  await options.getByLabel(/Quote starts/).press('Enter');
  await expect.poll(() => options.getByRole('alert').textContent()).toContain('from 2 to 60');
  await options.screenshot({ path: '/tmp/shots-i13-panel/settings.png', fullPage: true });
  await screenshot(options, 'settings-quotes');

  await openTab('Notes');
  await seekTo(page, 30);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Quotes off', { delay: 10 });
  await box.press('Enter');
  await expect.poll(() => noteNamed('Quotes off')).toBeTruthy();
  expect((await noteNamed('Quotes off'))?.quote).toBeUndefined();

  expect(await storedTranscripts(session.browser)).toHaveLength(1);
  await options.getByRole('button', { name: 'Delete all transcripts…' }).click();
  await options.getByRole('button', { name: 'Delete them' }).click();
  await expect.poll(() => options.getByText('Deleted 1 transcript.').count()).toBe(1);
  expect(await storedTranscripts(session.browser)).toEqual([]);
  await options.close();
});

