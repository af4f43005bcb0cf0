/**
 * transcriptTabMs: the Transcript tab clicked → the frame after its lines are drawn, with a
 * 2-hour transcript (2,500 cues) stored. The tab stays mounted once opened, so each run opens it
 * in a freshly loaded panel.
 */
import { timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { panelOf } from '../../test/e2e/browser';
import { captionedPage, TRANSCRIPT_CUES } from '../captioned-page';

const RUNS = 15;
const BUDGET_P95_MS = 200;

type BenchWindow = FrameClockWindow & { clickedAt?: number; shownAt?: number };

export const transcriptTab: Measurement = {
  title: 'transcript tab',
  async run({ origin }) {
    const samples = await withExtension(async (browser) => {
      const { page } = await captionedPage(browser, origin);
      const result: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        if (i > 0) {
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
        result.push(((await shown.jsonValue()) as { ms: number }).ms);
        const lines = await panel.locator('#panel-transcript .line').count();
        if (lines === 0 || lines >= TRANSCRIPT_CUES) throw new Error(`the tab drew ${lines} lines: not a virtual list of the transcript`);
      }
      return result;
    });
    return {
      transcriptTabMs: timings(
        samples,
        BUDGET_P95_MS,
        `late-video fixture with a ${TRANSCRIPT_CUES}-cue transcript stored, a freshly loaded panel each run: click on the Transcript tab (event.timeStamp) → the frame after its first line is drawn, on the panel frame's clock; the rows drawn are checked to be a window of the transcript (virtual list); budget on p95`,
      ),
    };
  },
};
