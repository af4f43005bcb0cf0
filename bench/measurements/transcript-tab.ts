/**
 * transcriptTabRatio and transcriptTabMs: the Transcript tab clicked → the frame after its lines
 * are drawn, with a 2-hour transcript (2,500 cues) stored, against the same with a 25-cue
 * transcript (the baseline), each in its own browser, both open at once, clicked in ABBA order.
 * The tab draws a window of lines (a virtual list), so opening it should cost about the same at
 * 2,500 cues as at 25: the budget sits on the ratio. The tab stays mounted once opened, so each
 * run opens it in a freshly loaded panel.
 */
import type { Page } from 'playwright-core';
import { alternate, ratio, timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { panelOf, type Browser } from '../../test/e2e/browser';
import { captionedPage, TRANSCRIPT_CUES } from '../captioned-page';

const RUNS = 15;
const SMALL_CUES = 25;
const BUDGET_RATIO = 1.5;

type BenchWindow = FrameClockWindow & { clickedAt?: number; shownAt?: number };

/** Clicks the tab in a freshly loaded panel (not on the first run: that panel is fresh); click → lines shown, in ms. */
async function openTab(browser: Browser, page: Page, cues: number, fresh: boolean): Promise<number> {
  if (!fresh) {
    await page.reload();
    await page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
  }
  const panel = await panelOf(page, browser.extensionId);
  // The stored transcript is read (the tab's label says how many lines) before the click.
  await panel.waitForFunction(() => document.getElementById('tab-transcript') !== null);
  await panel.evaluate(() => {
    const win = window as unknown as BenchWindow;
    delete win.clickedAt;
    delete win.shownAt;
    const tab = document.getElementById('tab-transcript') as HTMLElement;
    tab.addEventListener('click', (event) => (win.clickedAt = event.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (!document.querySelector('#panel-transcript .line .line-text')) return;
      observer.disconnect();
      win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.shownAt = renderedAt));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await panel.locator('#tab-transcript').click();
  const shown = await panel.waitForFunction(() => {
    const { clickedAt, shownAt } = window as unknown as BenchWindow;
    return shownAt !== undefined && clickedAt !== undefined && { ms: shownAt - clickedAt };
  });
  const lines = await panel.locator('#panel-transcript .line').count();
  if (lines === 0 || (cues === TRANSCRIPT_CUES && lines >= cues)) throw new Error(`the tab drew ${lines} lines of ${cues}: not a virtual list of the transcript`);
  return ((await shown.jsonValue()) as { ms: number }).ms;
}

export const transcriptTab: Measurement = {
  title: 'transcript tab',
  async run({ origin }) {
    const { measured, baseline } = await withExtension((long) =>
      withExtension(async (short) => {
        const longPage = (await captionedPage(long, origin)).page;
        const shortPage = (await captionedPage(short, origin, SMALL_CUES)).page;
        return alternate(
          RUNS,
          (i) => openTab(long, longPage, TRANSCRIPT_CUES, i === 0),
          (i) => openTab(short, shortPage, SMALL_CUES, i === 0),
        );
      }),
    );
    const how = `late-video fixture with a transcript stored, a freshly loaded panel each run: click on the Transcript tab (event.timeStamp) → the frame after its first line is drawn, on the panel frame's clock; at ${TRANSCRIPT_CUES} cues the rows drawn are checked to be a window of the transcript (virtual list)`;
    return {
      transcriptTabRatio: ratio(
        measured,
        baseline,
        BUDGET_RATIO,
        `${how}; ${TRANSCRIPT_CUES} cues ÷ ${SMALL_CUES} cues (the baseline), each in its own browser, both open at once, ${RUNS} runs each in ABBA order; value = p95 ÷ p95; budget on the ratio`,
      ),
      transcriptTabMs: timings(measured, null, `${how}; at ${TRANSCRIPT_CUES} cues: the absolute figure of transcriptTabRatio, for reference (no budget: it depends on the machine)`),
    };
  },
};
