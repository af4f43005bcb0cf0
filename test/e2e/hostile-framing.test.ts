/**
 * Pages that attack the notes panel rather than read it: a page that frames the panel page itself
 * (on a site the user never enabled, and on one they did), and an enabled page that hides or moves
 * the real panel and lures a click onto it.
 */
import { expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { panelOf, screenshot, storedNotes, typeNote, useBrowser } from './harness';
import { PANEL_PAGE } from '../../src/platform/pages';

const session = useBrowser({ sites: true });


/** The panel page's URL as the extension itself names it (in Chrome: a per-session dynamic URL). */
async function extensionsOwnPanelUrl(): Promise<string> {
  const worker = await session.browser.worker();
  return worker.evaluate((path) => chrome.runtime.getURL(path), PANEL_PAGE);
}

/** What a page-made panel frame offers, once it has settled (refused, or never loaded). */
async function pageMadeFrame(page: Page, index: number): Promise<{ blocked: boolean; controls: number; notes: number; text: string }> {
  const handle = await page.locator('iframe.made').nth(index).elementHandle();
  const frame = (await handle?.contentFrame()) as Frame | null;
  if (!frame) throw new Error('no frame');
  await expect
    .poll(() => frame.url())
    .not.toBe('about:blank');
  if (frame.url().startsWith('chrome-error:')) return { blocked: true, controls: 0, notes: 0, text: '' };
  // Settled: the panel says why it is not connected (never while it waits for pairing), or it
  // paired and shows a composer (the fault this file is about).
  await expect
    .poll(
      () =>
        frame.evaluate(() =>
          document.querySelector('textarea') !== null || /not connected|not placed/.test(document.querySelector('[role=status]')?.textContent ?? ''),
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  return {
    blocked: false,
    ...(await frame.evaluate(() => ({
      controls: document.querySelectorAll('button, textarea, input, select, a[href], [contenteditable]').length,
      notes: document.querySelectorAll('li.note').length,
      text: document.body.innerText,
    }))),
  };
}

async function expectInert(page: Page, urls: string[]): Promise<void> {
  for (const url of urls) await page.evaluate((u) => (window as unknown as { framePanel(u: string): void }).framePanel(u), url);
  for (let i = 0; i < urls.length; i++) {
    const made = await pageMadeFrame(page, i);
    expect(made.controls, urls[i]).toBe(0);
    expect(made.notes, urls[i]).toBe(0);
    expect(made.text, urls[i]).not.toMatch(/Secret/);
  }
}

function framings(dynamic: string): string[] {
  const staticUrl = `chrome-extension://${session.browser.extensionId}/${PANEL_PAGE}`;
  // The page cannot know the dynamic URL; these frames stand for a page that somehow does.
  return [staticUrl, `${staticUrl}#guessed-nonce`, dynamic, `${dynamic}#guessed-nonce`];
}

test('a page that frames the panel page itself gets no note, composer or button, on a site never enabled', async () => {
  const page = await session.browser.context.newPage();
  await page.goto('https://forum.example/prize');
  // The YouTube embed on this page gets its own real panel, which works: the user's note is there.
  const real = await panelOf(page, session.browser.extensionId, /\/embed\//);
  await typeNote(real, 'Secret note about the talk');
  await expect.poll(() => real.locator('li.note .text').allTextContents()).toEqual(['Secret note about the talk']);

  await expectInert(page, framings(await extensionsOwnPanelUrl()));
  // The static address is refused outright: the page can neither frame it nor fetch it to tell
  // the extension is installed.
  const made = await page.locator('iframe.made').first().elementHandle();
  expect((await made?.contentFrame())?.url()).toMatch(/^chrome-error:/);
  const fetched = await page.evaluate(
    (url) => fetch(url).then(() => 'fetched', () => 'refused'),
    `chrome-extension://${session.browser.extensionId}/${PANEL_PAGE}`,
  );
  expect(fetched).toBe('refused');
  await screenshot(page, 'hostile-framing');
});

test('on an enabled site too, page-made panel frames stay inert while the real panel works', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile-framing.html`);
  const real = await panelOf(page, session.browser.extensionId, /\/embed\//);
  await expectInert(page, framings(await extensionsOwnPanelUrl()));
  await expect.poll(() => real.locator('li.note .text').allTextContents()).toEqual(['Secret note about the talk']);
});

/** Our layer's host element, as a page script finds it: the one div it cannot look into. */
const FIND_HOST = `[...document.documentElement.children].find((e) => e.tagName === 'DIV' && (e.getAttribute('style') ?? '').includes('2147483646'))`;

test('an enabled page cannot restyle, hide or move the real panel: our host keeps its own placement', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile.html`);
  await panelOf(page, session.browser.extensionId);
  const attacked = await page.evaluate(async (find) => {
    const host = eval(find) as HTMLElement;
    const ours = host.getAttribute('style');
    // Later !important declarations in the same attribute would win over ours.
    host.setAttribute('style', `${ours} opacity: 0 !important; transform: translate(-300px, 40px) !important;`);
    host.style.setProperty('visibility', 'hidden', 'important');
    host.setAttribute('inert', '');
    host.hidden = true;
    host.className = 'bait';
    await new Promise((done) => setTimeout(done, 50));
    const style = getComputedStyle(host);
    return { same: host.getAttribute('style') === ours, attributes: host.getAttributeNames(), opacity: style.opacity, transform: style.transform, visibility: style.visibility };
  }, FIND_HOST);
  expect(attacked).toEqual({ same: true, attributes: ['style'], opacity: '1', transform: 'none', visibility: 'visible' });

  // Moved into an element the page hides: put back where it belongs.
  await page.evaluate((find) => {
    const trap = document.createElement('div');
    trap.id = 'trap';
    trap.style.opacity = '0';
    document.body.append(trap);
    trap.append(eval(find) as HTMLElement);
  }, FIND_HOST);
  await expect.poll(() => page.evaluate(() => document.getElementById('trap')?.children.length)).toBe(0);
  await expect.poll(() => page.evaluate((find) => eval(find) !== undefined, FIND_HOST)).toBe(true);
  await panelOf(page, session.browser.extensionId);
  // Nor can the page reach the frame another way: it is not among the page's frames, and its
  // address (with the nonce) is not in the page's resource timing.
  const reach = await page.evaluate(() => ({
    frames: window.length,
    timing: performance.getEntriesByType('resource').filter((entry) => !entry.name.startsWith('http')).length,
  }));
  expect(reach).toEqual({ frames: 0, timing: 0 });
});

test('a click lured onto the panel while a page element covers it is dropped; uncovered, the same click acts', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Secret kept despite the bait');
  const row = panel.locator('li.note', { hasText: 'Secret kept despite the bait' });
  await expect.poll(() => row.count()).toBe(1);
  const box = await row.getByRole('button', { name: /^Delete note/ }).boundingBox();
  if (!box) throw new Error('no Delete button');

  // The page paints its bait over the panel; clicks pass through it to the panel underneath.
  await page.evaluate(() => {
    const bait = document.createElement('div');
    bait.id = 'bait';
    bait.textContent = 'Click here to claim your prize';
    bait.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;font:40px sans-serif';
    document.body.append(bait);
  });
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.clickGuard)).toBe('covered');
  await screenshot(page, 'clickjacking-bait');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // Nothing to wait for when nothing happens: give the click time to have acted, then look.
  await page.waitForTimeout(1000);
  const secret = async () => (await storedNotes(session.browser)).find((n) => n.text === 'Secret kept despite the bait');
  expect(await secret()).toBeDefined();
  expect((await secret())?.deletedAt).toBeUndefined();
  expect(await row.count()).toBe(1);

  // Sequential Tab can move the focus into the frame: a lured Enter on the focused Delete button
  // counts no more than the click.
  await row.getByRole('button', { name: /^Delete note/ }).focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1000);
  expect((await secret())?.deletedAt).toBeUndefined();

  await page.evaluate(() => document.getElementById('bait')?.remove());
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.clickGuard)).toBe('shown');
  await expect
    .poll(async () => {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return row.count();
    })
    .toBe(0);
  expect((await secret())?.deletedAt).toBeGreaterThan(0);
  // Undo stays for everything.
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await secret())?.deletedAt).toBeUndefined();
});
