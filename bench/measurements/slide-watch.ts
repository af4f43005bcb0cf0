/**
 * slideWatch*: what watching a video for slide changes (src/content/slide-watch.ts) costs the
 * page's main thread, on the ten-slide fixture (test/e2e/fixtures/slides, 854×480 then 640×360).
 * The watch is bundled for the page (it is not wired to the extension yet) and runs in a browser
 * without the extension.
 *
 * - Cost per second of video: every frame callback of the watch timed (the page's
 *   `requestVideoFrameCallback` wrapped before the watch starts), summed by second of video,
 *   played through at 4× (the watch samples by video time, so each second costs as at 1×). The
 *   baseline in the same run: reading one fresh frame of the same video into a 64×36 canvas
 *   (draw, then getImageData) once per second of video, half a second after the watch's sample:
 *   the browser's floor for looking at a frame at all.
 * - Frame rate: the page's rAF intervals while the video plays at 1×, with the watch and without
 *   it, in ABBA stretches in the same page.
 */
import type { watchSlides } from '../../src/content/slide-watch';
import { bundleForPage } from '../core-bundle';
import { abbaOrder, percentile, ratio, roundMs, timings } from '../figure';
import { progress, type Measurement } from '../measurement';
import { withoutExtension } from '../browsers';

const GLOBAL_NAME = 'WebinarNotesSlideWatch';
const VIDEO = '/fixtures/slides/ten-slides.webm';
const COST_RATE = 4;
/** Play-throughs of each side (ABBA). */
const COST_ROUNDS = 2;
/** A sample must never cost a frame at 60 Hz. */
const SECOND_BUDGET_MS = 16.7;
/** Our work on top of the browser's own frame read: the detector, the luma, the callbacks between samples. */
const COST_BUDGET_RATIO = 2;
/** Stretches of each side for the frame rate (ABBA), seconds each. */
const FRAME_ROUNDS = 4;
const STRETCH_MS = 6_000;
const FRAME_BUDGET_RATIO = 1.2;

type WatchWindow = Window & { [GLOBAL_NAME]: { watchSlides: typeof watchSlides } };

export const slideWatch: Measurement = {
  title: 'slide detection while a video plays',
  async run({ origin }) {
    const script = await bundleForPage('src/content/slide-watch.ts', GLOBAL_NAME);
    const { cost, frames } = await withoutExtension(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/fixtures/slides/watch.html`);
      await page.addScriptTag({ content: script });
      await page.evaluate(async (src) => {
        const video = document.querySelector('video') as HTMLVideoElement;
        video.src = src;
        await new Promise((loaded) => video.addEventListener('loadeddata', loaded, { once: true }));
      }, `${origin}${VIDEO}`);

      progress(`  cost per second of video: the fixture played through at ${COST_RATE}×, ${COST_ROUNDS} times with the watch and ${COST_ROUNDS} with a bare frame read, ABBA`);
      const cost = await page.evaluate(
        async ({ name, rate, order }) => {
          const video = document.querySelector('video') as HTMLVideoElement;
          const frameCallback = HTMLVideoElement.prototype.requestVideoFrameCallback;
          /** Plays the video through once; every frame callback registered meanwhile is timed and summed by second of video. */
          const playThrough = async (start: (signal: AbortSignal) => void) => {
            video.currentTime = 0;
            await new Promise((seeked) => video.addEventListener('seeked', seeked, { once: true }));
            const bySecond = new Map<number, number>();
            HTMLVideoElement.prototype.requestVideoFrameCallback = function (callback) {
              return frameCallback.call(this, (now, metadata) => {
                const started = performance.now();
                callback(now, metadata);
                const second = Math.floor(metadata.mediaTime);
                bySecond.set(second, (bySecond.get(second) ?? 0) + performance.now() - started);
              });
            };
            const controller = new AbortController();
            start(controller.signal);
            video.playbackRate = rate;
            await video.play();
            await new Promise((ended) => video.addEventListener('ended', ended, { once: true }));
            controller.abort();
            HTMLVideoElement.prototype.requestVideoFrameCallback = frameCallback;
            return [...bySecond.values()];
          };
          let kept = 0;
          const watch = (signal: AbortSignal) =>
            (window as unknown as WatchWindow)[name as 'WebinarNotesSlideWatch'].watchSlides(video, {
              signal,
              onSlide: (event) => void (event.kind === 'new' && kept++),
              onUnavailable: (reason) => {
                throw new Error(`the watch stopped: ${reason}`);
              },
            });
          // The floor: the same frames (the first of each second of video) drawn into a 64×36 canvas and read back.
          const bareRead = (signal: AbortSignal) => {
            const canvas = new OffscreenCanvas(64, 36).getContext('2d', { willReadFrequently: true, alpha: false })!;
            canvas.imageSmoothingQuality = 'high';
            let last = -1;
            const read: VideoFrameRequestCallback = (_, metadata) => {
              if (signal.aborted) return;
              video.requestVideoFrameCallback(read);
              if (Math.floor(metadata.mediaTime) <= last) return;
              last = Math.floor(metadata.mediaTime);
              canvas.drawImage(video, 0, 0, 64, 36);
              canvas.getImageData(0, 0, 64, 36);
            };
            video.requestVideoFrameCallback(read);
          };
          const perSecond = { measured: [] as number[], baseline: [] as number[] };
          for (const side of order) perSecond[side].push(...(await playThrough(side === 'measured' ? watch : bareRead)));
          return { ...perSecond, kept: kept / (order.length / 2) };
        },
        { name: GLOBAL_NAME, rate: COST_RATE, order: abbaOrder(COST_ROUNDS) },
      );

      progress(`  frame rate at 1× with and without the watch, ${FRAME_ROUNDS} stretches of ${STRETCH_MS / 1000} s each`);
      const frames = await page.evaluate(
        async ({ name, order, stretchMs }) => {
          const video = document.querySelector('video') as HTMLVideoElement;
          video.currentTime = 0;
          video.playbackRate = 1;
          await video.play();
          const intervals = { measured: [] as number[], baseline: [] as number[] };
          const seconds = { measured: 0, baseline: 0 };
          for (const side of order) {
            const controller = new AbortController();
            if (side === 'measured') {
              (window as unknown as WatchWindow)[name as 'WebinarNotesSlideWatch'].watchSlides(video, {
                signal: controller.signal,
                onSlide: () => {},
                onUnavailable: () => {},
              });
            }
            const into = intervals[side];
            await new Promise<void>((done) => {
              let first = -1;
              let previous = -1;
              const frame = (at: number) => {
                if (first < 0) first = at;
                else into.push(at - previous);
                previous = at;
                if (at - first < stretchMs) requestAnimationFrame(frame);
                else {
                  seconds[side] += (at - first) / 1000;
                  done();
                }
              };
              requestAnimationFrame(frame);
            });
            controller.abort();
          }
          video.pause();
          return { intervals, fps: { measured: intervals.measured.length / seconds.measured, baseline: intervals.baseline.length / seconds.baseline } };
        },
        { name: GLOBAL_NAME, order: abbaOrder(FRAME_ROUNDS), stretchMs: STRETCH_MS },
      );
      return { cost, frames };
    });

    const over = (intervals: number[]) => intervals.filter((ms) => ms > 20).length;
    const costHow = `the ten-slide fixture (${VIDEO}, 142 s) played through at ${COST_RATE}× in a page of a browser without the extension, ${COST_ROUNDS} times with the watch (src/content/slide-watch.ts bundled by vite) sampling once a second of video: every frame callback of the watch timed (requestVideoFrameCallback wrapped), summed by second of video`;
    return {
      slideWatchMsPerVideoSecond: timings(cost.measured, SECOND_BUDGET_MS, `${costHow}; budget on p95: one frame at 60 Hz`, { slidesKept: cost.kept }),
      slideWatchCostRatio: ratio(
        cost.measured,
        cost.baseline,
        COST_BUDGET_RATIO,
        `${costHow}, against the browser's floor: the same play-through ${COST_ROUNDS} times with only a bare read of the same frames (the first of each second of video drawn into a 64×36 willReadFrequently canvas and read back with getImageData), timed the same way, in ABBA order; value = p95 ÷ p95`,
      ),
      slideWatchFrameIntervalRatio: ratio(
        frames.intervals.measured,
        frames.intervals.baseline,
        FRAME_BUDGET_RATIO,
        `the same page, the fixture playing at 1×: rAF to rAF intervals over ${FRAME_ROUNDS} stretches of ${STRETCH_MS / 1000} s with the watch running and ${FRAME_ROUNDS} without, in ABBA order; value = p95 interval with ÷ p95 without`,
        {
          fps: { withWatch: Math.round(frames.fps.measured * 10) / 10, without: Math.round(frames.fps.baseline * 10) / 10 },
          framesOver20Ms: { withWatch: over(frames.intervals.measured), without: over(frames.intervals.baseline) },
          longestIntervalMs: { withWatch: roundMs(percentile(frames.intervals.measured, 1)), without: roundMs(percentile(frames.intervals.baseline, 1)) },
        },
      ),
    };
  },
};
