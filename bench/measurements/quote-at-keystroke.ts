/**
 * quoteAtKeystrokeMs: what taking the quote adds to a note's first keystroke. The first key in
 * the composer → the frame after it shows the note's time (and, with quotes on, its quote), with
 * a 2-hour transcript (2,500 cues) stored; once with quotes on, once off, in the same browser.
 * The budget is on the difference of the two p95s.
 */
import { percentile, roundMs, single, timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { captionedPage, seekPanel, storeSettings, TRANSCRIPT_CUES } from '../captioned-page';
import type { Frame, Page } from 'playwright-core';
import { panelOf } from '../../test/e2e/browser';

const RUNS = 30;
const BUDGET_MS = 5;

type BenchWindow = FrameClockWindow & { pressedAt?: number; shownAt?: number };

/** RUNS first keystrokes at times through the video, each cancelled with Escape after it is measured. */
async function firstKeys(page: Page, panel: Frame, withQuote: boolean): Promise<number[]> {
  const box = panel.locator('textarea#composer-text');
  const result: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await seekPanel(page, panel, 30 + i * 8);
    await box.focus();
    await panel.evaluate((quote) => {
      const win = window as unknown as BenchWindow;
      delete win.pressedAt;
      delete win.shownAt;
      window.addEventListener('keydown', (event) => (win.pressedAt ??= event.timeStamp), { capture: true, once: true });
      const status = document.getElementById('composer-status') as HTMLElement;
      const form = document.querySelector('form.composer') as HTMLElement;
      const observer = new MutationObserver(() => {
        if (!status.textContent?.startsWith('Note at')) return;
        if (quote && !form.querySelector('.quote-field')) return;
        observer.disconnect();
        win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.shownAt = renderedAt));
      });
      observer.observe(form, { childList: true, subtree: true, characterData: true });
    }, withQuote);
    await box.press('a');
    const shown = await panel.waitForFunction(() => {
      const { pressedAt, shownAt } = window as unknown as BenchWindow;
      return shownAt !== undefined && pressedAt !== undefined && { ms: shownAt - pressedAt };
    });
    result.push(((await shown.jsonValue()) as { ms: number }).ms);
    await box.press('Escape');
  }
  return result;
}

export const quoteAtKeystroke: Measurement = {
  title: 'quote at the keystroke',
  async run({ origin }) {
    const { on, off } = await withExtension(async (browser) => {
      // The video is not paused by typing here: each run seeks it, and a paused video's time is exact.
      await storeSettings(browser, { captureQuotes: false, pauseWhileTyping: false });
      const { page, panel } = await captionedPage(browser, origin);
      const without = await firstKeys(page, panel, false);
      await storeSettings(browser, { captureQuotes: true, pauseWhileTyping: false });
      // A fresh panel, so it has read the settings before the first key.
      await page.reload();
      await page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
      const withQuote = await firstKeys(page, await panelOf(page, browser.extensionId), true);
      return { on: withQuote, off: without };
    });
    const extra = roundMs(percentile(on, 0.95) - percentile(off, 0.95));
    const how = `late-video fixture, a ${TRANSCRIPT_CUES}-cue transcript stored for it, video paused at 0:30, 0:38, …: keydown of the first key in the composer (event.timeStamp) → the frame after the status says "Note at" (and, quotes on, the quote field is there), on the panel frame's clock; Escape between runs`;
    return {
      quoteAtKeystrokeMs: single(extra, 'ms', BUDGET_MS, RUNS * 2, `p95 with quotes on minus p95 with quotes off; ${how}; budget on the difference`),
      firstKeyWithQuoteMs: timings(on, null, `quotes on: ${how}`),
      firstKeyWithoutQuoteMs: timings(off, null, `quotes off (the baseline): ${how}`),
    };
  },
};
