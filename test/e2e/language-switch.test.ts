/**
 * Issue 17: the language chosen in the settings switches every open page at once, without a
 * reload of the browser or of the pages, and without losing what is being typed.
 */
import { expect, test } from 'vitest';
import { translator } from '../../src/core/i18n';
import { panelOf, useBrowser } from './harness';

const session = useBrowser();
const en = translator('en');
const tr = translator('tr');

test('choosing Türkçe in the settings turns the open panel and library Turkish, and the browser’s language back', async () => {
  const { browser, server } = session;
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  const panel = await panelOf(page, browser.extensionId);
  const library = await browser.context.newPage();
  await library.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html`);
  expect(await library.title()).toBe(en.t('library_title'));
  // Marks that a reload would wipe.
  for (const target of [panel, library]) await target.evaluate(() => ((globalThis as { notReloaded?: boolean }).notReloaded = true));
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('half a tho', { delay: 10 });

  const settings = await browser.context.newPage();
  await settings.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
  const choice = settings.getByLabel(en.t('options_languageLabel'));
  await choice.selectOption('tr');

  await expect.poll(() => library.title()).toBe(tr.t('library_title'));
  await expect.poll(() => settings.title()).toBe(tr.t('options_title'));
  await expect.poll(() => panel.getByRole('tab').allTextContents()).toContain(tr.t('panel_notes'));
  for (const target of [panel, library, settings]) expect(await target.evaluate(() => document.documentElement.lang)).toBe('tr');
  for (const target of [panel, library]) expect(await target.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(await box.inputValue()).toBe('half a tho');

  // Back to the browser's language (English here).
  await settings.getByLabel(tr.t('options_languageLabel')).selectOption('auto');
  await expect.poll(() => library.title()).toBe(en.t('library_title'));
  await expect.poll(() => panel.getByRole('tab').allTextContents()).toContain(en.t('panel_notes'));
  expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await box.inputValue()).toBe('half a tho');
});
