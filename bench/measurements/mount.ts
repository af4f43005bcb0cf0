/**
 * mountRatio and mountMs: a video appears → the in-page layer is mounted, on the page's own clock,
 * against the page's own time for the same video without the extension. The fixture
 * (test/e2e/fixtures/late-video.html) notes when it adds the video and when the layer's host
 * element arrives, as the e2e test of late videos does.
 *
 * The baseline is the same append in the same page in a browser without the extension, timed to
 * the video's `loadstart` heard by the page (capture phase on window): the browser's own time to
 * take up the video. Our finder watches no DOM mutation; it hears that very event (a capturing
 * listener on the document, src/content/video-finder.ts), so the mount cannot come before it and
 * the ratio says what the finder and the layer add on top of what the browser itself takes.
 */
import type { Page } from 'playwright-core';
import { alternate, ratio, timings } from '../figure';
import type { Measurement } from '../measurement';
import { withExtension, withoutExtension } from '../browsers';

const RUNS = 30;
const BUDGET_RATIO = 5;
/** Fresh pages for the first video's mount, each its own document (so its own session part). */
const FIRST_RUNS = 8;

interface LateVideoPage {
  timings: number[];
  addVideo(): void;
  removeVideo(): void;
}

/** With the extension: append → our host element joins <html> (the fixture's MutationObserver), in ms. */
async function mountOnce(page: Page): Promise<number> {
  const before = await page.evaluate(() => (window as unknown as LateVideoPage).timings.length);
  await page.evaluate(() => (window as unknown as LateVideoPage).addVideo());
  await page.waitForFunction((n) => (window as unknown as LateVideoPage).timings.length > n, before);
  const ms = await page.evaluate(() => (window as unknown as LateVideoPage).timings.at(-1) as number);
  await page.evaluate(() => (window as unknown as LateVideoPage).removeVideo());
  // The layer leaves with the video: the next run mounts from scratch.
  await page.waitForFunction(() => ![...document.documentElement.children].some((el) => el.tagName === 'DIV'));
  return ms;
}

/** Without the extension: the same append → the video's loadstart heard by the page, in ms. */
async function loadStartOnce(page: Page): Promise<number> {
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let start = 0;
        window.addEventListener('loadstart', () => resolve(performance.now() - start), { capture: true, once: true });
        start = performance.now();
        (window as unknown as LateVideoPage).addVideo();
      }),
  );
  await page.evaluate(() => (window as unknown as LateVideoPage).removeVideo());
  return ms;
}

export const mount: Measurement = {
  title: 'mount time of the in-page layer',
  async run({ origin }) {
    const url = `${origin}/fixtures/late-video.html`;
    const { measured, baseline, first } = await withExtension((browser) =>
      withoutExtension(async (context) => {
        const withPage = await browser.context.newPage();
        await withPage.goto(url);
        const withoutPage = await context.newPage();
        await withoutPage.goto(url);
        // Each page's first video once, untimed: the extension's first one waits for the session
        // part, measured below (firstMountMs); these runs are the finder's and the layer's.
        await mountOnce(withPage);
        await loadStartOnce(withoutPage);
        const pair = await alternate(
          RUNS,
          () => mountOnce(withPage),
          () => loadStartOnce(withoutPage),
        );
        // A page's first video waits for the session part (content/session-start.ts): measured apart.
        const first: number[] = [];
        for (let run = 0; run < FIRST_RUNS; run++) {
          const page = await browser.context.newPage();
          await page.goto(url);
          first.push(await mountOnce(page));
          await page.close();
        }
        return { ...pair, first };
      }),
    );
    const how = `late-video fixture, video removed between runs: with the extension, performance.now() from appending a <video> to our layer's host element joining <html> (the page's MutationObserver)`;
    return {
      mountRatio: ratio(
        measured,
        baseline,
        BUDGET_RATIO,
        `${how}, ÷ the baseline: the same append in the same page in a browser without the extension, to the video's loadstart heard by the page (the event our finder waits for); two browsers open at once, ${RUNS} runs each in ABBA order; value = p95 ÷ p95; budget on the ratio`,
      ),
      mountMs: timings(measured, null, `${how}; the absolute figure of mountRatio, for reference (no budget: it depends on the machine)`),
      firstMountMs: timings(
        first,
        null,
        `the same append as the first video of a freshly loaded page, ${FIRST_RUNS} pages: it includes loading the session part into the page (a message to the background and its scripting.executeScript), which the runs of mountRatio, on a page that has it, do not; for reference, beside mountMs (no budget: the round trip depends on the machine and on whether the background is awake)`,
      ),
    };
  },
};
