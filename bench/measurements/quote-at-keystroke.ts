/**
 * quoteAtKeystrokeRatio: what taking the quote adds to a note's first keystroke. The first key in
 * the composer → the frame after it shows the note's time (and, with quotes on, its quote), with
 * a 2-hour transcript (2,500 cues) stored; with quotes on, against the same with quotes off (the
 * baseline), in two browsers open at once, keys pressed in ABBA order. The budget is on the ratio
 * of the two p95s; their difference stays beside it in ms.
 */
import { alternate, percentile, ratio, roundMs, timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { captionedPage, seekPanel, storeSettings, TRANSCRIPT_CUES } from '../captioned-page';
import type { Frame, Page } from 'playwright-core';
import type { Browser } from '../../test/e2e/browser';

const RUNS = 30;
const BUDGET_RATIO = 1.5;

type BenchWindow = FrameClockWindow & { pressedAt?: number; shownAt?: number };

/** One first keystroke at `seconds`, cancelled with Escape after it is measured: key → shown, in ms. */
async function firstKey(page: Page, panel: Frame, withQuote: boolean, seconds: number): Promise<number> {
  const box = panel.locator('textarea#composer-text');
  await seekPanel(page, panel, seconds);
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
  await box.press('Escape');
  return ((await shown.jsonValue()) as { ms: number }).ms;
}

/** The captioned page in a browser whose settings have quotes on or off; its panel read them before the first key. */
async function captioned(browser: Browser, origin: string, captureQuotes: boolean) {
  // The video is not paused by typing here: each run seeks it, and a paused video's time is exact.
  await storeSettings(browser, { captureQuotes, pauseWhileTyping: false });
  // The page opens after the settings are stored: its panel reads them before the first key.
  return captionedPage(browser, origin);
}

export const quoteAtKeystroke: Measurement = {
  title: 'quote at the keystroke',
  async run({ origin }) {
    const { measured: on, baseline: off } = await withExtension((quoting) =>
      withExtension(async (plain) => {
        const withQuote = await captioned(quoting, origin, true);
        const without = await captioned(plain, origin, false);
        // The pages are in two browsers: each keeps its own focus, so neither needs bringing to the front.
        return alternate(
          RUNS,
          (i) => firstKey(withQuote.page, withQuote.panel, true, 30 + i * 8),
          (i) => firstKey(without.page, without.panel, false, 30 + i * 8),
        );
      }),
    );
    const how = `late-video fixture, a ${TRANSCRIPT_CUES}-cue transcript stored for it, video paused at 0:30, 0:38, …: keydown of the first key in the composer (event.timeStamp) → the frame after the status says "Note at" (and, quotes on, the quote field is there), on the panel frame's clock; Escape between runs`;
    return {
      quoteAtKeystrokeRatio: ratio(
        on,
        off,
        BUDGET_RATIO,
        `quotes on ÷ quotes off (the baseline), two browsers open at once, ${RUNS} keys each in ABBA order; ${how}; value = p95 ÷ p95; budget on the ratio`,
        { extraP95Ms: roundMs(percentile(on, 0.95) - percentile(off, 0.95)) },
      ),
      firstKeyWithQuoteMs: timings(on, null, `quotes on: ${how}`),
      firstKeyWithoutQuoteMs: timings(off, null, `quotes off (the baseline): ${how}`),
    };
  },
};
