/**
 * libraryOpenMs and libraryOpenRatio: the library opened → its first rows drawn, at 1,000
 * recordings × 100 notes and at 10 recordings × 100 notes, each in its own browser and profile,
 * both open at once and opened in ABBA order, so the machine's drift lands on both sides of the ratio.
 * The first screen reads the recordings and their kept counts only (db/shelf.ts), so it should
 * cost about the same at 100,000 notes as at 1,000: the budget sits on the ratio, which holds on
 * any machine; the p95 at 1,000 recordings has an absolute budget too.
 */
import type { Page } from 'playwright-core';
import { statsOf } from '../../src/core/recording-stats';
import { LIBRARY_PAGE } from '../../src/platform/pages';
import type { Browser } from '../../test/e2e/browser';
import { withExtension } from '../browsers';
import { openOptionsPage, putRecords } from '../extension-db';
import { alternate, percentile, ratio, roundMs, timings } from '../figure';
import { progress, type Measurement } from '../measurement';
import { syntheticLibrary } from '../synthetic-notes';

const NOTES_EACH = 100;
const LARGE = 1000;
const SMALL = 10;
/** Opens of each library counted, after one not counted (the browser's first load of the page's scripts). */
const OPENS = 20;
const BUDGET_P95_MS = 300;
const BUDGET_RATIO = 1.5;

type RowsWindow = Window & { benchFirstRowsAt?: number };

/**
 * An init script: in the library page, from the first frame on, looks at each frame's start for a
 * recording row; the frame that has one draws it, and a message posted then arrives once that
 * frame is rendered (as bench/frame-clock.ts): that moment, on the page's clock (0 = navigation start).
 */
function watchFirstRows(): void {
  if (!location.pathname.endsWith('/library/index.html')) return;
  const look = () =>
    requestAnimationFrame(() => {
      if (!document.querySelector('.recording-row')) return look();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => ((window as RowsWindow).benchFirstRowsAt = performance.now());
      channel.port2.postMessage(null);
    });
  look();
}

/** A browser whose database holds `recordings` × NOTES_EACH notes and the counts the app keeps for them. */
async function seeded(browser: Browser, recordings: number): Promise<void> {
  await browser.context.addInitScript(watchFirstRows);
  const seed = await openOptionsPage(browser);
  const data = syntheticLibrary(recordings, NOTES_EACH, 0);
  // Written raw, below the app's Dexie: the counts its write log would keep are written beside them.
  await putRecords(seed, { ...data, recordingStats: [...statsOf({ ...data, images: [] }).values()] });
  // The seed's copy of the records is garbage in the renderer the extension's pages share: collected
  // now, or the first opens of the large library would pay for it.
  const session = await browser.context.newCDPSession(seed);
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
  await seed.close();
}

/** Opens the library in a new tab; resolves to navigation start → first rows drawn (ms). */
async function openOnce(browser: Browser, expectedRows: string): Promise<number> {
  const page: Page = await browser.context.newPage();
  try {
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`chrome-extension://${browser.extensionId}/${LIBRARY_PAGE}`);
    await page.waitForFunction(() => (window as RowsWindow).benchFirstRowsAt !== undefined, null, { timeout: 120_000 });
    const shown = await page.locator('.result-count').textContent();
    if (shown !== expectedRows) throw new Error(`the library said “${shown}”, not “${expectedRows}”`);
    return await page.evaluate(() => (window as RowsWindow).benchFirstRowsAt as number);
  } finally {
    await page.close();
  }
}

export const libraryOpen: Measurement = {
  title: 'library open at 1,000 and at 10 recordings',
  async run() {
    const { measured: large, baseline: small } = await withExtension((big) =>
      withExtension(async (little) => {
        progress(`  seeding ${LARGE * NOTES_EACH} notes and ${SMALL * NOTES_EACH}`);
        await seeded(big, LARGE);
        await seeded(little, SMALL);
        const open = {
          large: () => openOnce(big, `${LARGE.toLocaleString('en')} recordings`),
          small: () => openOnce(little, `${SMALL} recordings`),
        };
        await open.large();
        await open.small();
        return alternate(OPENS, open.large, open.small);
      }),
    );
    const how = `the library page (${LIBRARY_PAGE}) opened in a new tab: navigation start → the end of rendering the first frame that has a recording row (rAF, then a message), on the page's clock`;
    return {
      libraryOpenMs: timings(large, BUDGET_P95_MS, `${how}; ${LARGE} recordings × ${NOTES_EACH} notes seeded in IndexedDB with their counts; ${OPENS} opens after one not counted, in ABBA order with the ${SMALL}-recording library; budget on p95`, {
        smallLibraryP50: roundMs(percentile(small, 0.5)),
        smallLibraryP95: roundMs(percentile(small, 0.95)),
      }),
      libraryOpenRatio: ratio(
        large,
        small,
        BUDGET_RATIO,
        `p95 of libraryOpenMs at ${LARGE} recordings × ${NOTES_EACH} notes ÷ p95 of the same at ${SMALL} recordings × ${NOTES_EACH} notes (the baseline), two browsers and profiles open at once, opened in ABBA order ${OPENS} times each after one not counted; ${how}`,
      ),
    };
  },
};
