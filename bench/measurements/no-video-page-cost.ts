/**
 * noVideoPageCost: what the extension costs a page that has no video, where it should do nothing
 * but watch. The same page in the same browser, with and without the extension; the budget is on the
 * ratio of the extra DOM-churn time to the page's own (both medians of the same run), which holds on
 * any machine.
 */
import type { BrowserContext } from 'playwright-core';
import { alternate, median, roundMs, single } from '../figure';
import { progress, type Measurement } from '../measurement';
import { withExtension, withoutExtension } from '../browsers';

const RUNS = 8;
/** Our share of a page's own DOM work: at most a tenth on top (issue 14). */
const BUDGET_RATIO = 0.1;
/** document_idle plus the finder's first poll (every 500 ms), with room to spare. */
const SETTLE_MS = 600;
/** Tasks of DOM churn, each adding and removing ELEMENTS_PER_ROUND elements. */
const ROUNDS = 400;
const ELEMENTS_PER_ROUND = 50;

interface Sample {
  scriptMs: number;
  taskMs: number;
  heapBytes: number;
  /** The churn's own time on the page's clock, observer callbacks included. */
  mutationsMs: number;
}

async function sample(context: BrowserContext, origin: string): Promise<Sample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/fixtures/no-video.html`);
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const mutationsMs = await page.evaluate(
      async ({ rounds, perRound }) => {
        const box = document.body.appendChild(document.createElement('div'));
        // A message, not setTimeout: nested timeouts are clamped to 4 ms, which would swamp the cost.
        const nextTask = () =>
          new Promise<void>((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          });
        const start = performance.now();
        for (let round = 0; round < rounds; round++) {
          for (let i = 0; i < perRound; i++) box.appendChild(document.createElement('p')).textContent = `row ${i}`;
          box.replaceChildren();
          await nextTask();
        }
        return performance.now() - start;
      },
      { rounds: ROUNDS, perRound: ELEMENTS_PER_ROUND },
    );
    return { scriptMs: metric('ScriptDuration') * 1000, taskMs: metric('TaskDuration') * 1000, heapBytes: metric('JSHeapUsedSize'), mutationsMs };
  } finally {
    await page.close();
  }
}

/**
 * Loads in the two browsers, both open, in ABBA order: the page's own time drifts by tens of ms
 * over a run (CPU clocks, caches), and alternating puts the same drift on both sides of the ratio.
 */
async function samples(withExt: BrowserContext, without: BrowserContext, origin: string) {
  const { measured, baseline } = await alternate(
    RUNS,
    () => sample(withExt, origin),
    () => sample(without, origin),
  );
  return { withExt: measured, without: baseline };
}

/** Medians with and without, and the difference. */
function compare(withExt: Sample[], without: Sample[], key: keyof Sample, round: (n: number) => number) {
  const a = median(withExt.map((s) => s[key]));
  const b = median(without.map((s) => s[key]));
  return { withExtension: round(a), without: round(b), extra: round(a - b) };
}

export const noVideoPageCost: Measurement = {
  title: 'cost on a page without video',
  async run({ origin }) {
    progress('  with and without the extension, in ABBA order');
    const { withExt, without } = await withExtension((browser) =>
      withoutExtension((context) => samples(browser.context, context, origin)),
    );
    const mutations = compare(withExt, without, 'mutationsMs', roundMs);
    return {
      noVideoPageCost: single(
        Math.round((mutations.extra / mutations.without) * 1000) / 1000,
        'ratio',
        BUDGET_RATIO,
        RUNS,
        `medians over ${RUNS} loads of a page without video (test/e2e/fixtures/no-video.html), with the extension and without it: value = (DOM churn with − without) ÷ without, the churn being the page's own time for ${ROUNDS} tasks each adding and removing ${ELEMENTS_PER_ROUND} elements; also extra script time (CDP Performance.getMetrics ScriptDuration) up to ${SETTLE_MS} ms after load, all main-thread task time (TaskDuration, noisy) and JS heap after a forced GC; both browsers carry the benchmark's own small init scripts`,
        {
          scriptMs: compare(withExt, without, 'scriptMs', roundMs),
          taskMs: compare(withExt, without, 'taskMs', roundMs),
          jsHeapBytes: compare(withExt, without, 'heapBytes', Math.round),
          domChurnMs: { ...mutations, extraPerTaskUs: Math.round((mutations.extra * 1000) / ROUNDS) },
        },
      ),
    };
  },
};
