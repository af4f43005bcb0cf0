/**
 * The slide watch (src/content/slide-watch.ts) in real Chromium, over the fixture videos of
 * fixtures/slides (README there), played fast: it samples once a second of video, so a video
 * played at 8× is sampled as at 1×. The watch alone: its bundle is added to a plain page, and the
 * events it reports are counted there (slides.test.ts has it in the extension).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { bundleForPage } from '../../bench/core-bundle';
import type { SlideWatchOptions, watchSlides } from '../../src/content/slide-watch';
import { SCREENSHOTS, useBrowser } from './harness';

const session = useBrowser();
const FIXTURES = resolve(import.meta.dirname, 'fixtures/slides');
const GLOBAL_NAME = 'WebinarNotesSlideWatch';
/**
 * Fast enough to keep the run short, slow enough that Chromium shows a frame of every second of
 * video on two busy cores (at 8× a stall of 125 ms loses a second's sample, and a change just
 * then is seen a second late).
 */
const RATE = 4;
/** A whole fixture at RATE, with room for a busy machine. */
const PLAY_TIMEOUT = 120_000;

interface TruthSlide {
  t: number;
  shown: number;
  slide: string;
  expect: 'new' | 'again';
}
const tenSlides = JSON.parse(readFileSync(join(FIXTURES, 'ten-slides.json'), 'utf8')) as { duration: number; slides: TruthSlide[] };
const motion = JSON.parse(readFileSync(join(FIXTURES, 'motion.json'), 'utf8')) as { duration: number; expected: { maxNew: number } };

/** What the page saw: the watch's calls, and the video's sizes. */
interface WatchLog {
  slides: { kind: 'new' | 'again'; t: number; index?: number }[];
  samples: { t: number; ms: number }[];
  unavailable: { reason: string; detail: string }[];
  sizes: string[];
}

type WatchWindow = Window & { [GLOBAL_NAME]: { watchSlides: typeof watchSlides }; watchLog: WatchLog; stopWatch(): void };

let script = '';
beforeAll(async () => {
  script = await bundleForPage('src/content/slide-watch.ts', GLOBAL_NAME);
});

/**
 * The watch page with the watch started on its video before the video has a source (nothing to
 * draw yet), then `src` given. Every call of the watch goes into `window.watchLog`.
 */
async function watching(src: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/slides/watch.html`);
  await page.addScriptTag({ content: script });
  await page.evaluate(
    ({ name, src }) => {
      const video = document.querySelector('video') as HTMLVideoElement;
      const log: WatchLog = { slides: [], samples: [], unavailable: [], sizes: [] };
      const controller = new AbortController();
      const options: SlideWatchOptions = {
        signal: controller.signal,
        onSlide: (event) => log.slides.push({ kind: event.kind, t: event.t, ...(event.kind === 'again' && { index: event.index }) }),
        onUnavailable: (reason, detail) => log.unavailable.push({ reason, detail }),
        onSample: (t, ms) => log.samples.push({ t, ms }),
      };
      const page = window as unknown as WatchWindow;
      page[name as typeof GLOBAL_NAME].watchSlides(video, options);
      video.addEventListener('resize', () => log.sizes.push(`${video.videoWidth}x${video.videoHeight}`));
      Object.assign(window, { watchLog: log, stopWatch: () => controller.abort() });
      video.src = src;
    },
    { name: GLOBAL_NAME, src },
  );
  return page;
}

/** Plays the page's video at `rate` from where it is until it has played past `until` seconds (or ends). */
async function playTo(page: Page, until: number, rate = RATE): Promise<void> {
  await page.evaluate(
    async ({ until, rate }) => {
      const video = document.querySelector('video') as HTMLVideoElement;
      video.playbackRate = rate;
      await video.play();
      await new Promise<void>((done) => {
        const check = () => (video.currentTime >= until || video.ended ? done() : video.requestVideoFrameCallback(check));
        video.requestVideoFrameCallback(check);
        video.addEventListener('ended', () => done(), { once: true });
      });
      video.pause();
    },
    { until, rate },
  );
}

/** Seeks the page's video and waits until the frame there is shown. */
async function seek(page: Page, t: number): Promise<void> {
  await page.evaluate(async (t) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    const seeked = new Promise((done) => video.addEventListener('seeked', done, { once: true }));
    video.currentTime = t;
    await seeked;
  }, t);
}

const logOf = (page: Page) => page.evaluate(() => (window as unknown as WatchWindow).watchLog);
const news = (log: WatchLog) => log.slides.filter((event) => event.kind === 'new');

/** The measured figures, beside the screenshots, for the record (docs/ARCHITECTURE.md "Slides"). */
function record(name: string, figures: object): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, `slide-watch-${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

test(`ten slides played at ${RATE}×: each kept once, within 2 s of when it was shown; the agenda shown again is seen again, not kept; the switch to a smaller rendition changes nothing`, async () => {
  const page = await watching(`${session.server.origin}/fixtures/slides/ten-slides.webm`);
  await playTo(page, tenSlides.duration);
  const log = await logOf(page);

  const expected = tenSlides.slides.filter((slide) => slide.expect === 'new');
  const kept = news(log);
  const errors = kept.map((event, i) => Math.round((event.t - (expected[i]?.shown ?? NaN)) * 100) / 100);
  record('ten-slides', { rate: RATE, kept: kept.length, again: log.slides.filter((e) => e.kind === 'again'), errors, samples: log.samples.length });
  expect(kept, JSON.stringify(log.slides)).toHaveLength(expected.length);
  for (const error of errors) expect(Math.abs(error)).toBeLessThanOrEqual(2);
  // Back to the agenda at 76 s: the slide kept second, seen again.
  const agendaAgain = tenSlides.slides.find((slide) => slide.expect === 'again')!;
  const again = log.slides.filter((event) => event.kind === 'again');
  expect(again.map((event) => event.index)).toEqual([1]);
  expect(Math.abs(again[0]!.t - agendaAgain.shown)).toBeLessThanOrEqual(2);
  // Sampled once a second of video, whatever the playback rate, from the first frame on.
  expect(log.samples.length).toBeGreaterThanOrEqual(tenSlides.duration - 2);
  expect(log.samples.length).toBeLessThanOrEqual(tenSlides.duration + 1);
  expect(new Set(log.samples.map((sample) => Math.floor(sample.t))).size).toBe(log.samples.length);
  // The video did switch renditions mid-run (fixtures/slides/README.md).
  expect(log.sizes).toContain('640x360');
  expect(log.unavailable).toEqual([]);
}, PLAY_TIMEOUT);

test(`a talking head played at ${RATE}×, turning, gesturing, under changing light: fewer than 2 slides`, async () => {
  const page = await watching(`${session.server.origin}/fixtures/slides/motion.webm`);
  await playTo(page, motion.duration);
  const log = await logOf(page);
  record('motion', { rate: RATE, kept: news(log).length, slides: log.slides, samples: log.samples.length });
  expect(news(log).length, JSON.stringify(log.slides)).toBeLessThanOrEqual(motion.expected.maxNew);
  expect(log.samples.length).toBeGreaterThanOrEqual(motion.duration - 2);
}, PLAY_TIMEOUT);

test('a seek is not a slide change: back to a slide kept, it is seen again; forward to one never seen, it is kept once; after stop, nothing', async () => {
  const page = await watching(`${session.server.origin}/fixtures/slides/ten-slides.webm`);
  // Title, agenda, "Why forms fail", "Labels" (38 s).
  await playTo(page, 44);
  expect(news(await logOf(page)).map((event) => Math.round(event.t))).toEqual([0, 12, 26, 38]);

  await seek(page, 16);
  await playTo(page, 22);
  let log = await logOf(page);
  expect(log.slides.slice(4).map(({ kind, t, index }) => [kind, Math.round(t), index])).toEqual([['again', 16, 1]]);

  // "Tools" (100 s), never shown before the seek: kept at the time the video landed.
  await seek(page, 103);
  await playTo(page, 109);
  log = await logOf(page);
  expect(log.slides.slice(5).map(({ kind, t }) => [kind, Math.round(t)])).toEqual([['new', 103]]);

  await page.evaluate(() => (window as unknown as WatchWindow).stopWatch());
  const samples = log.samples.length;
  await playTo(page, 118);
  log = await logOf(page);
  expect(log.samples).toHaveLength(samples);
  expect(log.slides).toHaveLength(6);
});

test('a video from another site without CORS: the watch says its pixels cannot be read, and stops', async () => {
  // Another origin (localhost, not 127.0.0.1) that sends no Access-Control-Allow-Origin: the canvas is tainted.
  const crossOrigin = session.server.origin.replace('127.0.0.1', 'localhost');
  const page = await watching(`${crossOrigin}/fixtures/slides/ten-slides.webm`);
  await playTo(page, 8);
  const log = await logOf(page);
  expect(log.unavailable).toEqual([{ reason: 'cross-origin', detail: expect.stringContaining('another site') as string }]);
  expect(log.samples).toEqual([]);
  expect(log.slides).toEqual([]);
});
