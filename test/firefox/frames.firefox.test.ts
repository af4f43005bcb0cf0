/**
 * The pictures part of the content script (content/parts.ts) in Firefox: the background injects
 * it with `scripting.executeScript` into the video's frame when a frame is asked for, and there
 * it reaches the content script through their shared isolated world.
 */
import { expect, test } from 'vitest';
import { panelOf, useFirefox } from './harness';

const session = useFirefox();

test('a frame attached in the composer comes from the pictures part, loaded into the page on demand', async () => {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page);
  await page.evaluate(async () => {
    const video = document.querySelector('video') as HTMLVideoElement;
    video.pause();
    const seeked = new Promise((done) => video.addEventListener('seeked', done, { once: true }));
    video.currentTime = 42;
    await seeked;
  });
  const box = await panel.waitForSelector('textarea#composer-text');
  // Focused, not clicked, as typeNote does: puppeteer cannot place a click in a frame in Firefox ESR 140.
  await box?.focus();
  await box?.type('The form’s error summary', { delay: 10 });
  await panel.evaluate(() => [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Attach frame')?.click());
  await expect.poll(() => panel.evaluate(() => document.querySelectorAll('.composer .frame-thumb img').length), { timeout: 10_000 }).toBe(1);
  await page.close();
});
