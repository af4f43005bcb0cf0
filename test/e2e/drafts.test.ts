/**
 * No typed word is lost: the composer's draft survives a reload that comes while the user is still
 * typing, a killed browser, and a second tab on the same recording.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, newProfile, panelOf, removeProfile, screenshot, useBrowser, withTimeout, type Browser } from './harness';

/** The composer's promise: at most this much of the latest typing is lost (DRAFT_INTERVAL_MS). */
const MAX_LOSS_MS = 200;
/** A steady typist, a little faster than one key per 150 ms (the old debounce never fired). */
const KEY_GAP_MS = 100;
const RUNS = Number(process.env.RUNS ?? 10);

const session = useBrowser();

/** The composer's text once the panel has read its draft (the form is busy until then). */
async function composerText(panel: Frame): Promise<string> {
  await panel.locator('form.composer[aria-busy="false"]').waitFor();
  return panel.locator('textarea#composer-text').inputValue();
}

/** The other panels' drafts this panel offers, as their preview lines. */
async function offeredDrafts(panel: Frame): Promise<string[]> {
  await panel.locator('form.composer[aria-busy="false"]').waitFor();
  return panel.locator('li.draft-offer .draft-preview').allTextContents();
}

/**
 * Chromium's main process for `profile` (the one without `--type=`, which its renderers, GPU and
 * utility processes all have), found in /proc: Playwright does not hand out the pid of a
 * persistent context's browser.
 */
function browserPid(profile: string): number {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.includes(`--user-data-dir=${profile}`) && !args.some((arg) => arg.startsWith('--type='));
    } catch {
      return false; // gone meanwhile
    }
  });
  if (pids.length !== 1) throw new Error(`expected one browser process for ${profile}, found ${pids.length}`);
  return Number(pids[0]);
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
  await page.goto(`${session.server.origin}/?reload-runs`);
  let panel = await panelOf(page, session.browser.extensionId);
  const losses: Loss[] = [];
  for (let run = 0; run < RUNS; run++) {
    expect(await composerText(panel)).toBe('');
    const typed = `run ${run} steady`;
    const times = await typeSteadily(page, panel, typed);
    await page.waitForTimeout(50);
    const at = Date.now();
    await page.reload({ waitUntil: 'domcontentloaded' });
    panel = await panelOf(page, session.browser.extensionId);
    losses.push(lossOf(typed, times, await composerText(panel), at));
    // Emptying the composer discards the draft: the next run starts from nothing.
    await panel.locator('textarea#composer-text').fill('');
  }
  report('reload', losses);
  expect(losses.filter((loss) => !loss.prefix || loss.chars > loss.allowedChars)).toEqual([]);
  await page.close();
}, 120_000);

test(`SIGKILL of the browser during steady typing loses at most ${MAX_LOSS_MS} ms of text (${RUNS} runs)`, async () => {
  const profile = newProfile();
  const url = `${session.server.origin}/?kill-runs`;
  let browser: Browser = await launch(profile);
  const losses: Loss[] = [];
  try {
    let page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let panel = await panelOf(page, browser.extensionId);
    for (let run = 0; run < RUNS; run++) {
      expect(await composerText(panel)).toBe('');
      const typed = `kill ${run} steady`;
      const times = await typeSteadily(page, panel, typed);
      // The next key would be due: the typist is still typing when the browser dies.
      await page.waitForTimeout(50);
      const at = Date.now();
      process.kill(browserPid(profile), 'SIGKILL');
      await withTimeout('closing the killed browser', browser.close()).catch(() => undefined);

      browser = await launch(profile);
      page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      panel = await panelOf(page, browser.extensionId);
      // A new tab is a new panel: the draft is offered, and Use it brings it into the composer.
      const offers = await offeredDrafts(panel);
      let restored = '';
      if (offers.length > 0) {
        expect(offers).toHaveLength(1);
        await panel.getByRole('button', { name: /^Use the other draft/ }).click();
        await expect.poll(() => panel.locator('textarea#composer-text').inputValue()).not.toBe('');
        restored = await panel.locator('textarea#composer-text').inputValue();
        expect(await offeredDrafts(panel)).toEqual([]);
      }
      losses.push(lossOf(typed, times, restored, at));
      await panel.locator('textarea#composer-text').fill('');
    }
  } finally {
    await browser.close().catch(() => undefined);
    removeProfile(profile);
  }
  report('SIGKILL', losses);
  expect(losses.filter((loss) => !loss.prefix || loss.chars > loss.allowedChars)).toEqual([]);
}, 150_000);

test('two tabs of one recording each keep their draft across a reload of either, and are offered the other', async () => {
  const context = session.browser.context;
  const [a, b] = [await context.newPage(), await context.newPage()];
  const url = `${session.server.origin}/?two-tabs`;
  await a.goto(url);
  await b.goto(url);
  const box = (panel: Frame) => panel.locator('textarea#composer-text');
  await box(await panelOf(a, session.browser.extensionId)).pressSequentially('Typed in tab A', { delay: 10 });
  await box(await panelOf(b, session.browser.extensionId)).pressSequentially('Typed in tab B', { delay: 10 });

  await a.reload();
  let panelA = await panelOf(a, session.browser.extensionId);
  expect(await composerText(panelA)).toBe('Typed in tab A');
  expect(await offeredDrafts(panelA)).toEqual(['Another draft for this video, at 0:00: Typed in tab B']);
  await screenshot(a, 'panel-draft-offer');

  await b.reload();
  const panelB = await panelOf(b, session.browser.extensionId);
  expect(await composerText(panelB)).toBe('Typed in tab B');
  expect(await offeredDrafts(panelB)).toEqual(['Another draft for this video, at 0:00: Typed in tab A']);

  // Use it does not merge into a composer that holds text.
  await panelA.getByRole('button', { name: /^Use the other draft/ }).click();
  await expect.poll(() => panelA.locator('#composer-status').textContent()).toMatch(/not merged/);
  expect(await box(panelA).inputValue()).toBe('Typed in tab A');

  // Discard deletes the other draft for good: B's reload finds no draft of its own any more.
  await panelA.getByRole('button', { name: /^Discard the other draft/ }).click();
  await expect.poll(() => offeredDrafts(panelA)).toEqual([]);
  await a.reload();
  panelA = await panelOf(a, session.browser.extensionId);
  expect(await offeredDrafts(panelA)).toEqual([]);
  await b.reload();
  expect(await composerText(await panelOf(b, session.browser.extensionId))).toBe('');
  expect(await composerText(panelA)).toBe('Typed in tab A');
  await a.close();
  await b.close();
});
