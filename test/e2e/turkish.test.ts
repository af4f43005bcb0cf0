/**
 * Issue 17 in a Turkish browser (Chromium started with `--lang=tr`): the panel, library, popup and
 * settings speak Turkish, a note still takes its time and saves, every page says `lang="tr"`, and
 * axe-core finds no serious problem there.
 */
import { expect, test } from 'vitest';
import { translator } from '../../src/core/i18n';
import { formatTime } from '../../src/core/time';
import { panelNoteTexts, panelOf, screenshot, seekTo, seriousViolations, storedNotes, typeNote, useBrowser } from './harness';

const session = useBrowser({ lang: 'tr' });
const tr = translator('tr');

test('the full happy path in Turkish: panel, note with its time, library, popup, settings', async () => {
  const { browser, server } = session;
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  const panel = await panelOf(page, browser.extensionId);
  expect(await panel.evaluate(() => document.documentElement.lang)).toBe('tr');
  await expect.poll(() => panel.getByRole('tab').allTextContents()).toEqual(
    expect.arrayContaining([tr.t('panel_notes'), tr.t('panel_tabQa'), tr.t('panel_tabSummary')]),
  );

  await seekTo(page, 42);
  await typeNote(panel, 'İstanbul’daki ışık gösterisi');
  await expect.poll(() => panelNoteTexts(panel)).toEqual(['İstanbul’daki ışık gösterisi']);
  const [note] = await storedNotes(browser);
  expect(note?.text).toBe('İstanbul’daki ışık gösterisi');
  // Taken at 42 s less the lead-in (2 s by default), give or take the moment the first key landed.
  expect(note?.t).toBeGreaterThanOrEqual(39);
  expect(note?.t).toBeLessThanOrEqual(44);
  await expect.poll(() => panel.locator('li.note').first().textContent()).toContain(formatTime(Math.floor(note?.t ?? 0)));
  await screenshot(page, 'panel-notes-tr');
  expect(await seriousViolations(panel)).toEqual([]);

  await panel.getByRole('tab', { name: tr.t('panel_tabSummary') }).click();
  await expect.poll(() => panel.locator('textarea.preview').inputValue()).toContain('İstanbul’daki ışık gösterisi');
  // The post's own words are Turkish too (the summary's language follows the pages' until chosen).
  expect(await panel.locator('textarea.preview').inputValue()).toContain(tr.t('export_keyPoints'));
  await panel.getByRole('heading', { name: tr.t('export_keyPoints') }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'summary-tab-tr');
  expect(await seriousViolations(panel)).toEqual([]);

  // The library finds the note with the search folding dotted and dotless i.
  const library = await browser.context.newPage();
  await library.setViewportSize({ width: 1100, height: 760 });
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html`);
  expect(await library.title()).toBe(tr.t('library_title'));
  expect(await library.evaluate(() => document.documentElement.lang)).toBe('tr');
  await library.getByRole('searchbox').fill('ISIK');
  await expect.poll(() => library.locator('mark').allTextContents()).toContain('ışık');
  await screenshot(library, 'library-search-tr');
  expect(await seriousViolations(library)).toEqual([]);

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/pages/popup/index.html`);
  expect(await popup.title()).toBe(tr.t('popup_title'));
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('tr');
  expect(await seriousViolations(popup)).toEqual([]);

  const settings = await browser.context.newPage();
  await settings.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
  expect(await settings.title()).toBe(tr.t('options_title'));
  await expect.poll(() => settings.getByRole('heading', { name: tr.t('options_languageHeading'), exact: true }).count()).toBe(1);
  expect(await settings.evaluate(() => document.documentElement.lang)).toBe('tr');
  expect(await seriousViolations(settings)).toEqual([]);
});

test('an Arabic and a Hebrew note keep their direction in the panel and the library, and the row keeps its shape', async () => {
  const { browser, server } = session;
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  const panel = await panelOf(page, browser.extensionId);
  const arabic = 'مرحبا بالجميع في هذه الندوة';
  const hebrew = 'שלום לכולם, נתחיל בשאלות';
  await seekTo(page, 100);
  await typeNote(panel, arabic);
  await seekTo(page, 130);
  await typeNote(panel, hebrew);
  for (const text of [arabic, hebrew]) {
    const row = panel.locator('li.note', { hasText: text });
    await expect.poll(() => row.locator('p.text').evaluate((p) => p.matches(':dir(rtl)'))).toBe(true);
    // The text, its time and its buttons stay side by side: nothing is pushed out of the row.
    const [time, words, actions] = await Promise.all(['.time', 'p.text', '.actions'].map((part) => row.locator(part).first().boundingBox()));
    expect(time && words && actions && time.x + time.width <= words.x && words.x + words.width <= actions.x).toBe(true);
  }
  await screenshot(page, 'panel-rtl-notes');
  const library = await browser.context.newPage();
  const [note] = (await storedNotes(browser)).filter((stored) => stored.text === arabic);
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html#recording=${encodeURIComponent(note?.recordingKey ?? '')}`);
  const line = library.locator('p.note-line', { hasText: arabic });
  await expect.poll(() => line.evaluate((p) => p.matches(':dir(rtl)'))).toBe(true);
});
