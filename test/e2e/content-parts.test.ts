/**
 * The pictures part of the content script (content/parts.ts): not in the page until the user asks
 * for a frame, then injected by the background into the video's frame on a built-in site (by the
 * manifest's host permission, as in a store build), and never loadable by the page itself.
 */
import type { CDPSession, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pauseAt } from './frames-helpers';
import { panelOf, useBrowser } from './harness';

const session = useBrowser({ sites: true });
const PART_FILE = 'src/content/pictures-part.js';

/** Whether the extension's isolated world in the page's top frame holds the pictures part, read through the DevTools protocol. */
async function partLoaded(page: Page, cdp: CDPSession, contexts: Map<number, string>): Promise<boolean> {
  const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const world = [...contexts].find(([, frame]) => frame === frameId)?.[0];
  if (world === undefined) throw new Error(`no isolated world of ours in ${page.url()}`);
  const { result } = await cdp.send('Runtime.evaluate', { contextId: world, expression: `typeof globalThis.webinarNotesParts?.pictures` });
  return result.value === 'object';
}

test('a frame asked for on YouTube loads the pictures part into the video’s frame then, not before; the page cannot fetch it', async () => {
  const page = await session.browser.context.newPage();
  const cdp = await session.browser.context.newCDPSession(page);
  // The extension's isolated worlds, by frame, as the browser creates them.
  const contexts = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.startsWith(`chrome-extension://${session.browser.extensionId}`) && aux.frameId) contexts.set(context.id, aux.frameId);
  });
  await cdp.send('Runtime.enable');
  await page.goto('https://www.youtube.com/watch?v=Wb1nQ9rLk2A');
  const panel = await panelOf(page, session.browser.extensionId);
  await pauseAt(page, 42);
  expect(await partLoaded(page, cdp, contexts)).toBe(false);

  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Slide on forms', { delay: 5 });
  await panel.getByRole('button', { name: 'Attach frame' }).click();
  await expect.poll(() => panel.locator('.composer .frame-thumb img').count()).toBe(1);
  expect(await partLoaded(page, cdp, contexts)).toBe(true);
  // The page's own world has a global of its own: the shelf is not on it.
  expect(await page.evaluate(() => 'webinarNotesParts' in globalThis)).toBe(false);

  const fetched = await page.evaluate(
    (url) => fetch(url).then(() => 'fetched', () => 'refused'),
    `chrome-extension://${session.browser.extensionId}/${PART_FILE}`,
  );
  expect(fetched).toBe('refused');
});
