/** Typing queries into the library's search box, timed to the frame that shows their matches, and the page's long tasks. */
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
          // The search answers from a worker: the matches are shown once the results carry this query.
          const answered = () => [...document.querySelectorAll<HTMLElement>('.results')].some((section) => section.dataset.query === text);
          const typedAt = performance.now();
          box.value = text;
          // The event a keystroke fires; the app searches and renders in response.
          box.dispatchEvent(new InputEvent('input', { bubbles: true, data: text }));
          const finish = () => win.benchFrameClock.afterNextFrame((_, renderedAt) => done(renderedAt - typedAt));
          if (answered()) return finish();
          const watch = new MutationObserver(() => {
            if (!answered()) return;
            watch.disconnect();
            finish();
          });
          watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
        });
      }, query);
      result.push(ms);
      matches[query] = (await page.locator('.result-count').textContent()) ?? '';
      // Back to the list between queries, as a user clearing the box would, who sees the list
      // before typing again: the list's own rendering is not the next query's.
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const box = document.getElementById('search') as HTMLInputElement;
            box.value = '';
            box.dispatchEvent(new InputEvent('input', { bubbles: true }));
            const shown = () => (document.querySelector('.recording-row') ? requestAnimationFrame(() => requestAnimationFrame(() => done())) : requestAnimationFrame(shown));
            shown();
          }),
      );
    }
  }
  return { samples: result, matches };
}

/** In the page: starts recording long tasks (over 50 ms, the Long Tasks API), from the page's load on. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; ms: number }[] = [];
    Object.assign(window, { benchLongTasks: tasks });
    new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => ({ start: entry.startTime, ms: entry.duration })))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
}

/** The long tasks recorded by `watchLongTasks` that started at or after `from` (page clock, ms): their durations, ms. */
export async function longTasks(page: Page, from = 0): Promise<number[]> {
  const tasks = await page.evaluate(() => (window as unknown as { benchLongTasks: { start: number; ms: number }[] }).benchLongTasks.slice());
  return tasks.filter((task) => task.start >= from).map((task) => task.ms);
}

/** Waits until the library's search worker says its index is ready; resolves to where it came from. */
export async function searchIndexReady(page: Page): Promise<string> {
  const ready = await page.waitForFunction(() => {
    const from = document.querySelector<HTMLElement>('.library')?.dataset.searchIndex;
    return from === 'kept' || from === 'built' ? from : from === 'failed' ? 'failed' : null;
  }, null, { timeout: 600_000 });
  return (await ready.jsonValue()) as string;
}
