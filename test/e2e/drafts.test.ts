/**
 * No typed word is lost: the composer's draft survives a reload that comes while the user is still
 * typing, a killed browser, and a second tab on the same recording.
 */
import { expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { panelOf, useBrowser } from './harness';

/** The composer's promise: at most this much of the latest typing is lost (DRAFT_INTERVAL_MS). */
const MAX_LOSS_MS = 200;
/** A steady typist, a little faster than one key per 150 ms (the old debounce never fired). */
const KEY_GAP_MS = 100;
const RUNS = 10;

const session = useBrowser();

/** The composer's text once the panel has read its draft (the form is busy until then). */
async function composerText(panel: Frame): Promise<string> {
  await panel.locator('form.composer[aria-busy="false"]').waitFor();
  return panel.locator('textarea#composer-text').inputValue();
}

/**
 * Types `text` one key every KEY_GAP_MS (kept to a fixed beat, so slow round trips do not slow
 * the typist) and returns when each key had reached the page, in ms since the epoch.
 */
async function typeSteadily(page: Page, panel: Frame, text: string): Promise<number[]> {
  await panel.locator('textarea#composer-text').click();
  const start = Date.now();
  const times: number[] = [];
  for (const [i, key] of [...text].entries()) {
    const wait = start + i * KEY_GAP_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await page.keyboard.type(key);
    times.push(Date.now());
  }
  return times;
}

interface Loss {
  chars: number;
  /** How long before the interruption the first lost key was typed; 0 when nothing was lost. */
  ms: number;
  /** Keys typed within MAX_LOSS_MS of the interruption: the most that may be lost. */
  allowedChars: number;
  prefix: boolean;
}

/** What was lost of `typed` (keys at `times`) when the page was interrupted at `at`. */
function lossOf(typed: string, times: number[], restored: string, at: number): Loss {
  const chars = typed.length - restored.length;
  const firstLost = times[restored.length];
  return {
    chars,
    ms: chars > 0 && firstLost !== undefined ? at - firstLost : 0,
    allowedChars: times.filter((time) => time > at - MAX_LOSS_MS).length,
    prefix: typed.startsWith(restored),
  };
}

const report = (what: string, losses: Loss[]) =>
  console.log(
    `${what}: lost chars per run [${losses.map((l) => l.chars).join(', ')}], ` +
      `ms [${losses.map((l) => l.ms).join(', ')}], allowed chars [${losses.map((l) => l.allowedChars).join(', ')}]`,
  );

test(`a reload ${50} ms after the last key, during steady typing, loses at most ${MAX_LOSS_MS} ms of text (${RUNS} runs)`, async () => {
  const page = await session.browser.context.newPage();
  const losses: Loss[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${session.server.origin}/?reload-run=${run}`);
    const panel = await panelOf(page, session.browser.extensionId);
    expect(await composerText(panel)).toBe('');
    const typed = `run ${run} steady`;
    const times = await typeSteadily(page, panel, typed);
    await page.waitForTimeout(50);
    const at = Date.now();
    await page.reload();
    losses.push(lossOf(typed, times, await composerText(await panelOf(page, session.browser.extensionId)), at));
  }
  report('reload', losses);
  expect(losses.filter((loss) => !loss.prefix || loss.chars > loss.allowedChars)).toEqual([]);
  await page.close();
}, 120_000);
