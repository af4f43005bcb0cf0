/**
 * Issue 17 in Firefox ESR: the language chosen in the settings turns the open panel and the
 * settings page Turkish at once (Firefox keeps the choice in the same storage.local, and reads the
 * same _locales files), and a note still saves.
 */
import { expect, test } from 'vitest';
import { translator } from '../../src/core/i18n';
import { extensionPage, panelOf, storedNotes, typeNote, useFirefox } from './harness';

const session = useFirefox();
const tr = translator('tr');

test('choosing Türkçe in the settings turns the panel and the settings Turkish, and a note still saves', async () => {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/?firefox-language`);
  const panel = await panelOf(page);
  const options = await extensionPage(session.firefox, session.server);
  await options.waitForSelector('#ui-language');
  await options.select('#ui-language', 'tr');

  const tabs = () => panel.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent ?? ''));
  await expect.poll(tabs, { timeout: 10_000 }).toContain(tr.t('panel_notes'));
  expect(await panel.evaluate(() => document.documentElement.lang)).toBe('tr');
  await expect.poll(() => options.title()).toBe(tr.t('options_title'));

  // Keys go to the tab in front.
  await page.bringToFront();
  await typeNote(panel, 'Firefox’ta Türkçe bir not');
  await expect.poll(async () => (await storedNotes(session.firefox, session.server)).map((note) => note.text), { timeout: 10_000 }).toContain('Firefox’ta Türkçe bir not');
  await options.close();
  await page.close();
});
