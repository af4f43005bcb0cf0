/** Typing queries into the library's search box, timed to the frame that shows their matches. */
import type { Page } from 'playwright-core';
import type { FrameClockWindow } from './frame-clock';

/**
 * Each query typed `rounds` times into the open library page's search box (its value set and an
 * input event dispatched, as a keystroke fires) → the frame after the matches rendered, on the
 * page's clock, ms; the box cleared between queries. Also what the result count said for each.
 */
export async function typeQueries(page: Page, queries: readonly string[], rounds: number): Promise<{ samples: number[]; matches: Record<string, string> }> {
  const result: number[] = [];
  const matches: Record<string, string> = {};
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const ms = await page.evaluate((text) => {
        const win = window as unknown as FrameClockWindow;
        const box = document.getElementById('search') as HTMLInputElement;
        return new Promise<number>((done) => {
          const typedAt = performance.now();
          box.value = text;
          // The event a keystroke fires; the app searches and renders in response.
          box.dispatchEvent(new InputEvent('input', { bubbles: true, data: text }));
          win.benchFrameClock.afterNextFrame((_, renderedAt) => done(renderedAt - typedAt));
        });
      }, query);
      result.push(ms);
      matches[query] = (await page.locator('.result-count').textContent()) ?? '';
      // Back to the list between queries, as a user clearing the box would.
      await page.evaluate(() => {
        const box = document.getElementById('search') as HTMLInputElement;
        box.value = '';
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      });
    }
  }
  return { samples: result, matches };
}
