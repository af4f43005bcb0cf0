/**
 * saveToShownMs: Enter in the composer → the new note's row rendered in the panel. The list is a
 * live query of the database, so a row shown is a note stored; the count in the database is
 * checked at the end all the same.
 */
import { panelOf } from '../../test/e2e/browser';
import { timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { countNotes } from '../extension-db';

const RUNS = 30;
const BUDGET_P95_MS = 50;

type BenchWindow = FrameClockWindow & { pressedAt?: number; shownAt?: number };

export const saveToShown: Measurement = {
  title: 'save to shown',
  async run({ origin }) {
    const { samples, stored } = await withExtension(async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/`);
      const panel = await panelOf(page, browser.extensionId);
      const box = panel.locator('textarea#composer-text');
      const result: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const text = `Benchmark note #${i}.`;
        await box.fill(text);
        await panel.evaluate((expected) => {
          const win = window as unknown as BenchWindow;
          delete win.pressedAt;
          delete win.shownAt;
          // event.timeStamp: when the browser created the key event, before any of our handlers ran.
          window.addEventListener('keydown', (event: KeyboardEvent) => event.key === 'Enter' && (win.pressedAt ??= event.timeStamp), { capture: true, once: true });
          const list = document.querySelector('section.notes') as HTMLElement;
          const observer = new MutationObserver(() => {
            if (![...list.querySelectorAll('li')].some((li) => li.textContent?.includes(expected))) return;
            observer.disconnect();
            win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.shownAt = renderedAt));
          });
          observer.observe(list, { childList: true, subtree: true, characterData: true });
        }, text);
        await box.press('Enter');
        const shown = await panel.waitForFunction(() => {
          const { pressedAt, shownAt } = window as unknown as BenchWindow;
          return shownAt !== undefined && pressedAt !== undefined && { ms: shownAt - pressedAt };
        });
        result.push(((await shown.jsonValue()) as { ms: number }).ms);
      }
      return { samples: result, stored: await countNotes(panel, `${origin}/`) };
    });
    if (stored !== RUNS) throw new Error(`saved ${RUNS} notes but the database holds ${stored}`);
    return {
      saveToShownMs: timings(
        samples,
        BUDGET_P95_MS,
        `demo page, empty database: keydown Enter in the composer (event.timeStamp) → the note's li in section.notes and the frame after it rendered (rAF, then a message posted from it), on the panel frame's clock; the list is a Dexie liveQuery, so shown means stored; ${RUNS} notes counted in IndexedDB afterwards; budget on p95`,
        { storedNotes: stored },
      ),
    };
  },
};
