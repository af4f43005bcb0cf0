/**
 * Drafts in Firefox, where the panel frame in a page has no `tabs` API: the panel's id comes from
 * the tab's sessionStorage, which must survive a reload there too.
 */
import type { Frame } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { panelOf, useFirefox } from './harness';

const session = useFirefox();

const composer = (panel: Frame) =>
  panel.evaluate(() => ({
    busy: document.querySelector('form.composer')?.getAttribute('aria-busy'),
    text: (document.querySelector('textarea#composer-text') as HTMLTextAreaElement | null)?.value,
    offers: [...document.querySelectorAll('li.draft-offer .draft-preview')].map((e) => e.textContent ?? ''),
  }));

/** The composer once its drafts are read. */
async function readComposer(panel: Frame) {
  await expect.poll(async () => (await composer(panel)).busy, { timeout: 10_000 }).toBe('false');
  return composer(panel);
}

async function typeDraft(panel: Frame, text: string): Promise<void> {
  const box = await panel.waitForSelector('textarea#composer-text');
  if (!box) throw new Error('no composer');
  await box.focus();
  await box.type(text, { delay: 10 });
  await box.dispose();
}

test('a reload gives the tab its own draft back, and a second tab on the video is offered it', async () => {
  const url = `${session.server.origin}/?firefox-drafts`;
  const page = await session.firefox.browser.newPage();
  await page.goto(url);
  await typeDraft(await panelOf(page), 'Half a Firefox thought');
  await page.reload();
  expect(await readComposer(await panelOf(page))).toEqual({ busy: 'false', text: 'Half a Firefox thought', offers: [] });

  const other = await session.firefox.browser.newPage();
  await other.goto(url);
  expect(await readComposer(await panelOf(other))).toEqual({
    busy: 'false',
    text: '',
    offers: ['Another draft for this video, at 0:00: Half a Firefox thought'],
  });
  await other.close();
  await page.close();
});
