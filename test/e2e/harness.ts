/**
 * Real Chromium with the built extension loaded, and the demo/fixture server. Every e2e test
 * goes through here.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Frame, type Page, type Worker } from 'playwright-core';
// @ts-expect-error -- a plain ES module shared with `npm start`
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { afterAll, beforeAll } from 'vitest';
import { SITE_HOSTS, serveSites, type SitesServer } from './sites-server';

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
 * Starts Chromium with the extension. With `sitesPort`, the YouTube and Vimeo host names resolve
 * to the local fixture server on that port (see sites-server.ts).
 *
 * Downloads: Playwright normally takes every download over (`Browser.setDownloadBehavior`
 * `allowAndName`): the file lands in its own temp folder under a GUID name, ignoring the folder
 * and name the extension asked for (and a download the extension's worker starts fires no
 * Playwright `download` event: no page started it). With `downloads`, Chrome decides as it does
 * for a user (behaviour `default`), with that directory as the Downloads folder, and tests read
 * the files there.
 */
export async function launch(profile = newProfile(), sitesPort?: number, options: { downloads?: string } = {}): Promise<Browser> {
  if (options.downloads) setDownloadsFolder(profile, options.downloads);
  const siteArgs = sitesPort
    ? [
        `--host-resolver-rules=${SITE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${sitesPort}`).join(', ')}`,
        '--ignore-certificate-errors',
      ]
    : [];
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
      ...siteArgs,
    ],
  });
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

/** `promise`, or an error naming `what` after `ms`: page.evaluate has no timeout of its own. */
export function withTimeout<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Notes as the database holds them, read from an extension page of this browser. */
export async function storedNotes(
  browser: Browser,
): Promise<{ t: number; text: string; recordingKey: string; deletedAt?: number }[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
    return await withTimeout('reading the notes database', page.evaluate(
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
    ));
  } finally {
    await page.close();
  }
}

/** Types `text` into the panel's composer and saves it with Enter. */
export async function typeNote(panel: Frame, text: string): Promise<void> {
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially(text, { delay: 10 });
  await box.press('Enter');
}

export async function panelNoteTexts(panel: Frame): Promise<string[]> {
  return panel.locator('li.note .text').allTextContents();
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

interface CdpNode {
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * The page's own DOM as the browser holds it, closed shadow roots included (which no page script
 * can open), but not the documents of frames: the notes panel is another origin's document.
 */
export async function pageDom(page: Page): Promise<{ classes: string[]; hiddenClasses: string[]; text: string }> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const classes: string[] = [];
    const hiddenClasses: string[] = [];
    const text: string[] = [];
    const walk = (node: CdpNode) => {
      if (node.nodeType === 3 && node.nodeValue) text.push(node.nodeValue);
      const attributes = node.attributes ?? [];
      const classIndex = attributes.indexOf('class');
      if (attributes.some((a, i) => i % 2 === 0 && a === 'hidden') && classIndex % 2 === 0) hiddenClasses.push(attributes[classIndex + 1] ?? '');
      for (let i = 0; i + 1 < attributes.length; i += 2) {
        if (attributes[i] === 'class') classes.push(...(attributes[i + 1] ?? '').split(/\s+/));
        text.push(attributes[i + 1] ?? '');
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    walk(root);
    return { classes, hiddenClasses, text: text.join('\n') };
  } finally {
    await session.detach();
  }
}

export async function markerCount(page: Page): Promise<number> {
  return (await pageDom(page)).classes.filter((c) => c === 'marker').length;
}

export async function panelVisible(page: Page, extensionId: string): Promise<boolean> {
  const frame = await panelOf(page, extensionId);
  return (await frame.frameElement()).isVisible();
}

/**
 * Stops the extension's service worker the way a user (or Chrome's idle timer) would, through
 * chrome://serviceworker-internals, and waits until Chrome reports it stopped.
 */
export async function stopServiceWorker(browser: Browser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    const status = () => page.evaluate(() => /Running Status: (\w+)/.exec(document.body.innerText)?.[1]);
    for (let i = 0; i < 100 && (await status()) !== 'RUNNING'; i++) await page.waitForTimeout(50);
    if (!(await page.evaluate((id) => document.body.innerText.includes(`chrome-extension://${id}/`), browser.extensionId))) {
      throw new Error('our service worker is not listed');
    }
    await page.getByText('Stop', { exact: true }).first().click();
    for (let i = 0; i < 100 && (await status()) !== 'STOPPED'; i++) await page.waitForTimeout(50);
    if ((await status()) !== 'STOPPED') throw new Error('the service worker did not stop');
  } finally {
    await page.close();
  }
}

export interface Session {
  server: DemoServer;
  browser: Browser;
  sites: SitesServer | null;
}

/**
 * Starts the demo server and a browser before a test file's tests, and stops them after: each
 * file gets its own profile. With `sites`, the YouTube/Vimeo fixture server runs too.
 */
export function useBrowser(options: { sites?: boolean; downloads?: string } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await serveDemo();
    session.sites = options.sites ? await serveSites() : null;
    session.browser = await launch(undefined, session.sites?.port, { downloads: options.downloads });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.sites?.close();
    await session.server?.close();
    if (session.browser) removeProfile(session.browser.profile);
  });
  return session;
}
