/**
 * Slides kept by the extension (content/slide-feed.ts, panel/use-slides.ts) in real Chromium: the
 * fixture videos of fixtures/slides played at 4× on a page of the demo server's origin, where the
 * content script runs, with the panel's "Keep slides" turned on.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { storedImages, type StoredImage } from './frames-helpers';
import { panelOf, SCREENSHOTS, seriousViolations, useBrowser } from './harness';

const session = useBrowser();
const FIXTURES = resolve(import.meta.dirname, 'fixtures/slides');
const tenSlides = JSON.parse(readFileSync(join(FIXTURES, 'ten-slides.json'), 'utf8')) as { duration: number; slides: { expect: 'new' | 'again'; shown: number }[] };
/** As in slide-watch.test.ts: fast, and still a frame of every second of video on two busy cores. */
const RATE = 4;

/** The slides stored for the watch page named `page` (its query). */
const slidesOf = async (page: string): Promise<(StoredImage & { hash?: string })[]> =>
  (await storedImages(session.browser)).filter((image) => image.kind === 'slide' && image.recordingKey.endsWith(`watch.html?${page}=`));

/** What was stored, beside the screenshots, for the record. */
function record(name: string, figures: object): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, `slides-kept-${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** The watch page named `name` (a recording of its own) with `video` from `videoOrigin` as its source, and its panel with "Keep slides" turned on. */
async function keeping(video: string, videoOrigin = session.server.origin, name = video): Promise<{ page: Page; panel: Frame }> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/slides/watch.html?${name}`);
  await page.evaluate((src) => {
    const element = document.querySelector('video') as HTMLVideoElement;
    element.src = src;
  }, `${videoOrigin}/fixtures/slides/${video}.webm`);
  const panel = await panelOf(page, session.browser.extensionId);
  const toggle = panel.getByRole('checkbox', { name: 'Keep slides' });
  await expect.poll(() => toggle.isEnabled()).toBe(true);
  expect(await toggle.isChecked()).toBe(false);
  await toggle.check();
  return { page, panel };
}

/** Plays the page's video through at RATE. */
async function playThrough(page: Page): Promise<void> {
  await page.evaluate(async (rate) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    video.playbackRate = rate;
    const ended = new Promise((done) => video.addEventListener('ended', done, { once: true }));
    await video.play();
    await ended;
  }, RATE);
}

test(`ten slides played at ${RATE}×: ten slide images stored, shown in the panel's strip; a click seeks to one`, async () => {
  const { page, panel } = await keeping('ten-slides');
  await playThrough(page);
  const expected = tenSlides.slides.filter((slide) => slide.expect === 'new').length;
  await expect.poll(async () => (await slidesOf('ten-slides')).length, { timeout: 20_000 }).toBe(expected);
  await expect.poll(() => panel.locator('.slide-thumb img').count()).toBe(expected);
  expect(await panel.locator('.slide-count').textContent()).toBe(`${expected} slides kept`);
  const stored = await slidesOf('ten-slides');
  // Each its own hash, its time close to when the slide was shown.
  expect(new Set(stored.map((slide) => slide.hash)).size).toBe(expected);
  for (const slide of stored) expect(slide.hash).toMatch(/^[0-9a-f]{16}$/);
  const shown = tenSlides.slides.filter((slide) => slide.expect === 'new').map((slide) => slide.shown);
  const times = stored.map((slide) => slide.t).sort((a, b) => a - b);
  record('ten-slides', { rate: RATE, stored: stored.length, times, errors: times.map((t, i) => Math.round((t - shown[i]!) * 100) / 100) });
  times.forEach((t, i) => expect(Math.abs(t - shown[i]!)).toBeLessThanOrEqual(2));

  mkdirSync(SCREENSHOTS, { recursive: true });
  await (await panel.frameElement()).screenshot({ path: join(SCREENSHOTS, 'slide-strip-panel.png') });
  expect(await seriousViolations(panel)).toEqual([]);

  await panel.locator('.slide-thumb').nth(3).click();
  await expect.poll(() => page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).currentTime)).toBeCloseTo(times[3]!, 1);
  await page.close();
});

test(`a talking head played at ${RATE}×: fewer than 2 slides stored`, async () => {
  const { page, panel } = await keeping('motion');
  await playThrough(page);
  // The panel has what the content script sent once its count shows the stored slides.
  await expect.poll(async () => panel.locator('.slide-count').textContent()).toMatch(/^\d+ slides? kept$/);
  const stored = await slidesOf('motion');
  record('motion', { rate: RATE, stored: stored.length, times: stored.map((slide) => slide.t) });
  expect(stored.length).toBeLessThan(2);
  await page.close();
});

test('a video from another site without CORS: the panel says slides cannot be kept, and none is stored', async () => {
  // localhost, not 127.0.0.1, and no Access-Control-Allow-Origin: the canvas is tainted.
  const { page, panel } = await keeping('ten-slides', session.server.origin.replace('127.0.0.1', 'localhost'), 'cross-origin');
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).play());
  await expect.poll(() => panel.locator('.slides .banner').textContent()).toContain('another site');
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).pause());
  expect(await slidesOf('cross-origin')).toEqual([]);
  await page.close();
});
