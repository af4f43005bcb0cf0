/**
 * shortcutToComposerRatio and shortcutToComposerMs: the keyboard command's handler runs in the
 * service worker → the composer textarea has focus in the panel frame. page.keyboard cannot
 * trigger a command (Chrome never delivers synthetic keys to `commands`), so the worker's test
 * seam calls the handler.
 *
 * The baseline is the browser's own floor for that trip: one extension message from the same
 * worker to the same panel frame (runtime.sendMessage, heard by a listener the bench adds in the
 * frame), on the same clocks. The shortcut takes two such hops (worker → content script → the
 * panel's port) and a focus, so the ratio says what our hops and the composer add to one.
 */
import { panelOf, tabIdOf } from '../../test/e2e/browser';
import { alternate, ratio, timings } from '../figure';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';

const RUNS = 30;
const BUDGET_RATIO = 8;

type BenchWindow = Window & { focusedAt?: number; heardAt?: number };
type CommandHandler = (command: string, tab: { id: number }) => Promise<void>;

export const shortcutToComposer: Measurement = {
  title: 'shortcut to composer',
  async run({ origin }) {
    const { measured, baseline } = await withExtension(async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/`);
      const panel = await panelOf(page, browser.extensionId);
      const tabId = await tabIdOf(browser, page);
      const worker = await browser.worker();
      // Both ends of each trip read performance.timeOrigin + performance.now(): one clock across the worker and the frame.
      await panel.evaluate(() =>
        chrome.runtime.onMessage.addListener((message: unknown) => {
          if ((message as { bench?: string }).bench === 'ping') (window as BenchWindow).heardAt = performance.timeOrigin + performance.now();
        }),
      );
      const shortcut = async () => {
        await panel.evaluate(() => {
          (document.activeElement as HTMLElement | null)?.blur();
          const box = document.getElementById('composer-text') as HTMLTextAreaElement;
          delete (window as BenchWindow).focusedAt;
          box.addEventListener('focus', () => ((window as BenchWindow).focusedAt = performance.timeOrigin + performance.now()), { once: true });
        });
        const calledAt = await worker.evaluate(async (id) => {
          const at = performance.timeOrigin + performance.now();
          await (globalThis as unknown as { webinarNotesHandleCommand: CommandHandler }).webinarNotesHandleCommand('new-note', { id });
          return at;
        }, tabId);
        await panel.waitForFunction(() => (window as BenchWindow).focusedAt !== undefined);
        const ready = await panel.evaluate(() => {
          const box = document.getElementById('composer-text') as HTMLTextAreaElement;
          return { focusedAt: (window as BenchWindow).focusedAt as number, enabled: !box.disabled, active: document.activeElement === box };
        });
        if (!ready.enabled || !ready.active) throw new Error('the composer got focus but is not ready to type in');
        return ready.focusedAt - calledAt;
      };
      const message = async () => {
        await panel.evaluate(() => delete (window as BenchWindow).heardAt);
        const sentAt = await worker.evaluate(() => {
          const at = performance.timeOrigin + performance.now();
          // No one answers: the promise's rejection is not the point.
          chrome.runtime.sendMessage({ bench: 'ping' }).catch(() => undefined);
          return at;
        });
        const heard = await panel.waitForFunction(() => (window as BenchWindow).heardAt);
        return ((await heard.jsonValue()) as number) - sentAt;
      };
      return alternate(RUNS, shortcut, message);
    });
    const how =
      'demo page: globalThis.webinarNotesHandleCommand("new-note") called in the service worker → focus event of the panel frame\'s composer textarea (checked enabled and still focused), both stamped with performance.timeOrigin + performance.now(); composer blurred between runs';
    return {
      shortcutToComposerRatio: ratio(
        measured,
        baseline,
        BUDGET_RATIO,
        `${how}, ÷ the baseline: chrome.runtime.sendMessage from the same worker → a listener in the same panel frame, on the same clocks; ${RUNS} runs each in ABBA order; value = p95 ÷ p95; budget on the ratio`,
      ),
      shortcutToComposerMs: timings(measured, null, `${how}; the absolute figure of shortcutToComposerRatio, for reference (no budget: it depends on the machine)`),
    };
  },
};
