/**
 * The parts of the content script (content/parts.ts), injected by the background into the video's
 * frame (by the manifest's host permission, as in a store build) and never loadable by the page
 * itself: the session part once a video is found, never on a page without one; the pictures part
 * not until the user asks for a frame.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { pauseAt } from './frames-helpers';
import { panelOf, useBrowser } from './harness';

const session = useBrowser({ sites: true });
/** A page and the DevTools session that sees into the extension's isolated world in its top frame. */
async function openWatched(): Promise<{ page: Page; inOurWorld: (expression: string) => Promise<unknown> }> {
  const page = await session.browser.context.newPage();
  const cdp = await session.browser.context.newCDPSession(page);
  // The extension's isolated worlds, by frame, as the browser creates them.
  const contexts = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.startsWith(`chrome-extension://${session.browser.extensionId}`) && aux.frameId) contexts.set(context.id, aux.frameId);
  });
  await cdp.send('Runtime.enable');
  const inOurWorld = async (expression: string) => {
    const frameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    const world = [...contexts].find(([, frame]) => frame === frameId)?.[0];
    if (world === undefined) throw new Error(`no isolated world of ours in ${page.url()}`);
    return (await cdp.send('Runtime.evaluate', { contextId: world, expression })).result.value;
  };
  return { page, inOurWorld };
}

/** Whether the extension's isolated world in the page's top frame holds `part`, read through the DevTools protocol. */
async function partLoaded(inOurWorld: (expression: string) => Promise<unknown>, part: string): Promise<boolean> {
  return (await inOurWorld(`typeof globalThis.webinarNotesParts?.${part}`)) === 'object';
}

/** What a page's own `fetch` of the part's file gets. */
const pageFetch = (page: Page, part: string) =>
  page.evaluate((url) => fetch(url).then(() => 'fetched', () => 'refused'), `chrome-extension://${session.browser.extensionId}/src/content/${part}-part.js`);

test('a page without video never gets the session part; a page with one gets it once, whatever its video does; neither page can fetch it', async () => {
  const plain = await openWatched();
  await plain.page.goto(`${session.server.origin}/fixtures/no-video.html`);
  // The finder has looked (it looks every 500 ms), the shadow roots once more (every 2 s).
  await plain.page.waitForTimeout(2_500);
  expect(await partLoaded(plain.inOurWorld, 'session')).toBe(false);
  expect(await pageFetch(plain.page, 'session')).toBe('refused');

  const late = await openWatched();
  await late.page.goto(`${session.server.origin}/fixtures/late-video.html`);
  await late.page.waitForTimeout(600);
  expect(await partLoaded(late.inOurWorld, 'session')).toBe(false);
  await late.page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
  await panelOf(late.page, session.browser.extensionId);
  expect(await partLoaded(late.inOurWorld, 'session')).toBe(true);
  // Injected again, the part would put a new object on the shelf.
  await late.inOurWorld('globalThis.firstSessionPart = globalThis.webinarNotesParts.session');
  const layerHosts = () => late.page.evaluate(() => [...document.documentElement.children].filter((el) => el.tagName === 'DIV').length);
  for (let i = 0; i < 3; i++) {
    await late.page.evaluate(() => (window as unknown as { removeVideo(): void }).removeVideo());
    await expect.poll(layerHosts).toBe(0);
    await late.page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
    await expect.poll(layerHosts).toBe(1);
  }
  expect(await late.inOurWorld('globalThis.webinarNotesParts.session === globalThis.firstSessionPart')).toBe(true);
  expect(await late.page.evaluate(() => 'webinarNotesParts' in globalThis)).toBe(false);
  expect(await pageFetch(late.page, 'session')).toBe('refused');
});

test('a frame asked for on YouTube loads the pictures part into the video’s frame then, not before; the page cannot fetch it', async () => {
  const { page, inOurWorld } = await openWatched();
  await page.goto('https://www.youtube.com/watch?v=Wb1nQ9rLk2A');
  const panel = await panelOf(page, session.browser.extensionId);
  await pauseAt(page, 42);
  expect(await partLoaded(inOurWorld, 'pictures')).toBe(false);

  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Slide on forms', { delay: 5 });
  await panel.getByRole('button', { name: 'Attach frame' }).click();
  await expect.poll(() => panel.locator('.composer .frame-thumb img').count()).toBe(1);
  expect(await partLoaded(inOurWorld, 'pictures')).toBe(true);
  // The page's own world has a global of its own: the shelf is not on it.
  expect(await page.evaluate(() => 'webinarNotesParts' in globalThis)).toBe(false);

  expect(await pageFetch(page, 'pictures')).toBe('refused');
});
