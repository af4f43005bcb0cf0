/**
 * Real Chromium with the built extension loaded, the demo/fixture server, and finding the panel
 * and the tab. No test runner here: the e2e harness and the benchmark (bench/) both start the
 * browser through this file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Frame, type Page, type Worker } from 'playwright-core';
// @ts-expect-error -- a plain ES module shared with `npm start`
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { SITE_HOSTS } from './sites-server';

export const DIST = resolve(import.meta.dirname, '../../dist');
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

/**
 * How Chromium is started: headless, with the built extension (from `extensionDir`, DIST unless
 * given) unless `extension` is false (the benchmark's baseline). With `sitesPort`, the YouTube and
 * Vimeo host names resolve to the local fixture server on that port (see sites-server.ts).
 */
export function launchOptions({ extension = true, sitesPort, extensionDir = DIST, lang }: { extension?: boolean; sitesPort?: number; extensionDir?: string; lang?: string } = {}) {
  const extensionArgs = extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const siteArgs = sitesPort
    ? [
        `--host-resolver-rules=${SITE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${sitesPort}`).join(', ')}`,
        '--ignore-certificate-errors',
      ]
    : [];
  return {
    executablePath: CHROME,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...extensionArgs,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      // Replaces Playwright's own --disable-features list, which turns off storage partitioning:
      // without partitioning Chrome refuses IndexedDB to an extension frame inside a page, and
      // users run with Chrome's defaults.
      '--disable-features=Translate,MediaRouter,OptimizationHints',
      ...siteArgs,
      // The browser's own language (issue 17): the extension's messages follow it.
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  };
}

/**
 * Makes `directory` the profile's Downloads folder (Chrome reads it from the profile's
 * preferences at start), with no "Save as" prompt, as a user's browser has it.
 */
function setDownloadsFolder(profile: string, directory: string): void {
  const file = join(profile, 'Default', 'Preferences');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  const preferences = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  preferences.download = { ...(preferences.download as object | undefined), default_directory: directory, prompt_for_download: false };
  writeFileSync(file, JSON.stringify(preferences));
}

/**
 * Starts Chromium with the extension (and the fixture hosts, with `sitesPort`; another build of it
 * with `options.extensionDir`).
 *
 * Downloads: Playwright normally takes every download over (`Browser.setDownloadBehavior`
 * `allowAndName`): the file lands in its own temp folder under a GUID name, ignoring the folder
 * and name the extension asked for (and a download the extension's worker starts fires no
 * Playwright `download` event: no page started it). With `downloads`, Chrome decides as it does
 * for a user (behaviour `default`), with that directory as the Downloads folder, and tests read
 * the files there.
 */
export async function launch(profile = newProfile(), sitesPort?: number, options: { downloads?: string; extensionDir?: string; lang?: string } = {}): Promise<Browser> {
  if (options.downloads) setDownloadsFolder(profile, options.downloads);
  const context = await chromium.launchPersistentContext(profile, launchOptions({ sitesPort, extensionDir: options.extensionDir, lang: options.lang }));
  if (options.downloads) await setDownloadBehavior(context, 'default');
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

const browserSessions = new WeakMap<BrowserContext, Promise<CDPSession>>();

/** What Chrome does with downloads from now on: `default` as for a user, `deny` cancels them. */
export async function setDownloadBehavior(context: BrowserContext, behavior: 'default' | 'deny'): Promise<void> {
  // One browser-level session a browser, kept open: with a new session a call, a later call
  // never returned and `deny` did not take effect.
  let session = browserSessions.get(context);
  if (!session) {
    const browser = context.browser();
    if (!browser) throw new Error('no browser to set the download behaviour of');
    session = browser.newBrowserCDPSession();
    browserSessions.set(context, session);
  }
  await (await session).send('Browser.setDownloadBehavior', { behavior, eventsEnabled: true });
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

/**
 * The notes panel frame inside `page`, once it has loaded and rendered. `parentUrl` picks the
 * panel of one embed when a page has several.
 */
export async function panelOf(page: Page, extensionId: string, parentUrl?: RegExp): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/src/pages/panel/`;
  for (let i = 0; i < 200; i++) {
    const frame = page
      .frames()
      .find((f) => f.url().startsWith(prefix) && (!parentUrl || parentUrl.test(f.parentFrame()?.url() ?? '')));
    try {
      if (frame && (await frame.locator('textarea#composer-text').count()) > 0) {
        if (await (await frame.frameElement()).isVisible()) await clicksTaken(frame);
        return frame;
      }
    } catch (error) {
      // A frame replaced while we looked (the page moved or swapped its player) is detached: look again.
      if (!frame?.isDetached()) throw error;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('the notes panel did not appear');
}

/**
 * Waits until a shown panel frame takes clicks: it drops them until the browser has reported it
 * visible for a moment (src/pages/panel/click-guard.ts), which a test clicking at once would hit.
 * A frame that stays covered (a fullscreen video over it) is returned as it is after 2 s: a test
 * may be looking at exactly that.
 */
export async function clicksTaken(frame: Frame): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const guard = await frame.evaluate(() => document.documentElement.dataset.clickGuard);
    if (guard !== 'covered') {
      // The guard's MIN_VISIBLE_MS, and a little more.
      if (guard === 'shown') await frame.page().waitForTimeout(300);
      return;
    }
    await frame.page().waitForTimeout(50);
  }
}

/** `promise`, or an error naming `what` after `ms`: page.evaluate has no timeout of its own. */
export function withTimeout<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The id of the tab showing `page`, as the extension sees it. */
export async function tabIdOf(browser: Browser, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await browser.worker();
  return worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({ active: true });
    const tab = tabs.find((t) => t.url === undefined || t.url === url) ?? tabs[0];
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  }, page.url());
}
