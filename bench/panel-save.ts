/** Saving a note in a panel frame, timed from the Enter key to the frame that shows its row. */
import type { Frame } from 'playwright-core';
import type { FrameClockWindow } from './frame-clock';

type SaveWindow = FrameClockWindow & { pressedAt?: number; inDomAt?: number; shownAt?: number };

export interface SaveTiming {
  /** Enter's keydown (its event.timeStamp, before any of our handlers) → the frame after the row rendered, ms. */
  ms: number;
  /** Enter → the row in the DOM, ms. */
  inDom: number;
  /** When Enter was pressed, on the panel frame's clock (ms). */
  pressedAt: number;
}

/** Types `text` into the panel's composer and presses Enter; resolves once the note's row is rendered. */
export async function saveNote(panel: Frame, text: string): Promise<SaveTiming> {
  const box = panel.locator('textarea#composer-text');
  await box.fill(text);
  await panel.evaluate((expected) => {
    const win = window as unknown as SaveWindow;
    delete win.pressedAt;
    delete win.inDomAt;
    delete win.shownAt;
    window.addEventListener('keydown', (event: KeyboardEvent) => event.key === 'Enter' && (win.pressedAt ??= event.timeStamp), { capture: true, once: true });
    const list = document.querySelector('section.notes') as HTMLElement;
    const observer = new MutationObserver(() => {
      if (![...list.querySelectorAll('li')].some((li) => li.textContent?.includes(expected))) return;
      observer.disconnect();
      win.inDomAt = performance.now();
      win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.shownAt = renderedAt));
    });
    observer.observe(list, { childList: true, subtree: true, characterData: true });
  }, text);
  await box.press('Enter');
  const shown = await panel.waitForFunction(() => {
    const { pressedAt, inDomAt, shownAt } = window as unknown as SaveWindow;
    return shownAt !== undefined && pressedAt !== undefined && inDomAt !== undefined && { ms: shownAt - pressedAt, inDom: inDomAt - pressedAt, pressedAt };
  });
  return (await shown.jsonValue()) as SaveTiming;
}
