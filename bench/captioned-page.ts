/**
 * A plain page whose video has no caption track of its own, with a 2-hour transcript (2,500 cues)
 * stored for its recording: what the quote and the Transcript tab are measured on.
 */
import type { Frame, Page } from 'playwright-core';
import { panelOf, type Browser } from '../test/e2e/browser';
import { pageRecordingKey } from '../src/core/recording-key';
import { DEFAULT_SETTINGS, type Settings } from '../src/core/settings';
import { openOptionsPage, putRecords } from './extension-db';
import { syntheticTranscript } from './synthetic-notes';

export const TRANSCRIPT_CUES = 2500;
const TRANSCRIPT_SECONDS = 7200;

/** The settings with `changes`, stored as the options page would store them. */
export async function storeSettings(browser: Browser, changes: Partial<Settings>): Promise<void> {
  const page = await openOptionsPage(browser);
  await putRecords(page, { settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, ...changes } }] });
  await page.close();
}

/**
 * The late-video fixture with its video added and paused at 0:00, its panel, and the stored
 * transcript of `cues` cues over 2 hours (TRANSCRIPT_CUES unless said).
 */
export async function captionedPage(browser: Browser, origin: string, cues = TRANSCRIPT_CUES): Promise<{ page: Page; panel: Frame }> {
  const url = `${origin}/fixtures/late-video.html`;
  const key = pageRecordingKey(url);
  if (!key) throw new Error(`no recording key for ${url}`);
  const seed = await openOptionsPage(browser);
  await putRecords(seed, { transcripts: [syntheticTranscript(key, cues, TRANSCRIPT_SECONDS)] });
  await seed.close();
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
  const panel = await panelOf(page, browser.extensionId);
  return { page, panel };
}

/** Seeks the page's video to `t` seconds and waits until the panel has heard it (its playback store, a test seam). */
export async function seekPanel(page: Page, panel: Frame, t: number): Promise<void> {
  await page.evaluate((to) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    video.pause();
    video.currentTime = to;
  }, t);
  await panel.waitForFunction(
    (to) => (globalThis as { webinarNotesPlayback?: { timeNow(): number | null } }).webinarNotesPlayback?.timeNow() === to,
    t,
  );
}
