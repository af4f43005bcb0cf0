/**
 * Real Chromium with the built extension loaded, and the demo/fixture server. Every e2e test
 * goes through here.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
// @ts-expect-error -- a plain ES module shared with `npm start`
import { startDemoServer } from '../../scripts/demo-server.mjs';

export const DIST = resolve(import.meta.dirname, '../../dist');
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface DemoServer {
  origin: string;
  close(): Promise<void>;
}

export function serveDemo(): Promise<DemoServer> {
  return startDemoServer(0) as Promise<DemoServer>;
}

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  profile: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** A profile directory that outlives one browser, for restart tests. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'webinar-notes-e2e-'));
}

export async function launch(profile = newProfile()): Promise<Browser> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      // Replaces Playwright's own --disable-features list, which turns off storage partitioning:
      // without partitioning Chrome refuses IndexedDB to an extension frame inside a page, and
      // users run with Chrome's defaults.
      '--disable-features=Translate,MediaRouter,OptimizationHints',
    ],
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    profile,
    worker,
    close: () => context.close(),
  };
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

/** The notes panel frame inside `page`, once it has loaded and rendered. */
export async function panelOf(page: Page, extensionId: string): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/src/pages/panel/`;
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame && (await frame.locator('textarea#composer-text').count()) > 0) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the notes panel did not appear');
}

export async function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).currentTime);
}

/** Plays the page's video and waits until it has played past `seconds`. */
export async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).play());
  await page.waitForFunction((s) => (document.querySelector('video') as HTMLVideoElement).currentTime >= s, seconds);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Notes as the database holds them, read from an extension page of this browser. */
export async function storedNotes(browser: Browser): Promise<{ t: number; text: string; deletedAt?: number }[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
    return await page.evaluate(
      () =>
        new Promise((done, fail) => {
          const open = indexedDB.open('webinar-notes');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('notes').objectStore('notes').getAll();
            request.onsuccess = () => {
              done(request.result);
              open.result.close();
            };
            request.onerror = () => fail(request.error);
          };
        }),
    );
  } finally {
    await page.close();
  }
}
