import { expect, test } from 'vitest';
import { join } from 'node:path';
import { panelOf, screenshot, SCREENSHOTS, storedNotes, useBrowser } from './harness';
import { sidePanelOf } from './side-panel';

const session = useBrowser({ sites: true });

test('a player under 480 px keeps the panel out of the way and opens it in the side panel, where notes work', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/forum-small.html`);
  const framePanel = await panelOf(page, session.browser.extensionId);
  await page.waitForTimeout(500);
  // The setting opens the panel by a video, but there is no room by this one.
  expect(await (await framePanel.frameElement()).isVisible()).toBe(false);

  const embed = page.frames().find((f) => f.url().includes('/embed/'));
  await embed?.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 64;
  });
  // The launcher sits at the video's top right, inside the embed.
  const box = await page.locator('#yt').boundingBox();
  if (!box) throw new Error('no embed');
  await page.mouse.click(box.x + box.width - 40, box.y + 18);

  const side = await sidePanelOf(page, `chrome-extension://${session.browser.extensionId}/src/pages/panel/index.html`);
  await expect
    .poll(() => side.evaluate<string | null>("document.querySelector('.recording-title')?.textContent ?? null"))
    .toBe('Accessible forms in practice');
  // The launcher asked for the composer: it has the caret.
  await expect.poll(() => side.evaluate<string | undefined>('document.activeElement?.id')).toBe('composer-text');
  await side.type('Written in the side panel');
  await side.press('Enter');
  // Listed and pictured first, then read from the database: reading opens a tab, and the side
  // panel starts over whenever the active tab changes.
  await expect
    .poll(() => side.evaluate<string[]>("[...document.querySelectorAll('li.note .text')].map((e) => e.textContent)"))
    .toEqual(['Written in the side panel']);
  await side.screenshot(join(SCREENSHOTS, 'side-panel.png'));
  await screenshot(page, 'small-embed');
  await expect
    .poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'Written in the side panel'))
    .toMatchObject({ recordingKey: 'youtube:Wb1nQ9rLk2A', t: 62 });
  await side.detach();
  // Its side panel belongs to its tab and goes with it.
  await page.close();
});

test('with "type notes only in the side panel", the page gets no frame to type in, and the side panel takes the note', async () => {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/src/pages/options/index.html`);
  // Clicked, then read back: the box shows the stored setting, which lands a moment later.
  const sidePanelOnly = options.getByLabel(/Type notes only in the browser’s side panel/);
  await sidePanelOnly.click();
  await expect.poll(() => options.locator('.toast-text').textContent()).toBe('Saved.');
  await expect.poll(() => sidePanelOnly.isChecked()).toBe(true);
  await options.screenshot({ path: join(SCREENSHOTS, 'settings-side-panel-only.png'), fullPage: true });
  await options.close();

  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const prefix = `chrome-extension://${session.browser.extensionId}/src/pages/panel/`;
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(prefix))?.evaluate(() => document.body.innerText)).toMatch(/only in the browser’s side panel/);
  const frame = page.frames().find((f) => f.url().startsWith(prefix));
  if (!frame) throw new Error('no panel frame');
  // Paired (it feeds the markers), hidden, and with nothing to type into.
  expect(await (await frame.frameElement()).isVisible()).toBe(false);
  expect(await frame.locator('textarea, input, button').count()).toBe(0);

  const video = await page.locator('video').boundingBox();
  if (!video) throw new Error('no video');
  await page.mouse.click(video.x + video.width - 40, video.y + 18);
  const side = await sidePanelOf(page, `${prefix}index.html`);
  await expect.poll(() => side.evaluate<string | undefined>('document.activeElement?.id'), { timeout: 10_000 }).toBe('composer-text');
  await side.type('Typed where the page cannot see');
  await side.press('Enter');
  await expect
    .poll(() => side.evaluate<string[]>("[...document.querySelectorAll('li.note .text')].map((e) => e.textContent)"))
    .toEqual(['Typed where the page cannot see']);
  expect(await (await frame.frameElement()).isVisible()).toBe(false);
  await side.detach();
});
