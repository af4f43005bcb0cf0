/**
 * mountMs: a video appears → the in-page layer is mounted, on the page's own clock. The fixture
 * (test/e2e/fixtures/late-video.html) notes when it adds the video and when the layer's host
 * element arrives, as the e2e test of late videos does.
 */
import { timings } from '../figure';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';

const RUNS = 30;
const BUDGET_P95_MS = 100;

interface LateVideoPage {
  timings: number[];
  addVideo(): void;
  removeVideo(): void;
}

export const mount: Measurement = {
  title: 'mount time of the in-page layer',
  async run({ origin }) {
    const samples = await withExtension(async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/fixtures/late-video.html`);
      for (let i = 1; i <= RUNS; i++) {
        await page.evaluate(() => (window as unknown as LateVideoPage).addVideo());
        await page.waitForFunction((n) => (window as unknown as LateVideoPage).timings.length >= n, i);
        await page.evaluate(() => (window as unknown as LateVideoPage).removeVideo());
        // The layer leaves with the video: the next run mounts from scratch.
        await page.waitForFunction(() => ![...document.documentElement.children].some((el) => el.tagName === 'DIV'));
      }
      return page.evaluate(() => (window as unknown as LateVideoPage).timings);
    });
    return {
      mountMs: timings(samples, BUDGET_P95_MS, `late-video fixture: performance.now() from appending a <video> to our layer's host element joining <html> (the page's MutationObserver), video removed between runs; budget on p95`),
    };
  },
};
