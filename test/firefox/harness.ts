/**
 * Real Firefox (ESR by default) with dist-firefox installed, driven by puppeteer-core over WebDriver
 * BiDi, and the demo server. Every Firefox test goes through here.
 *
 * How the add-on gets in, and why:
 * - It is packed as an .xpi and installed *permanently* with BiDi `webExtension.install` and
 *   Firefox's `moz:permanent` flag, the way a user's add-on from AMO is installed, so it is still
 *   there after a browser restart on the same profile. (puppeteer's `browser.installExtension`
 *   installs a temporary add-on, which Firefox removes at shutdown.) The build is unsigned, so
 *   the profile sets `xpinstall.signatures.required` to false, which only ESR, Developer Edition,
 *   Nightly and unbranded builds honour: point FIREFOX_PATH at one of those, not at release.
 * - Host permissions: since Firefox 127 an MV3 add-on's content-script hosts are granted at
 *   install (bug 1889402), so no pref such as `extensions.originControls.grantByDefault` and no
 *   permission request is needed for 127.0.0.1. The tests check it (`hasHostPermissions`) instead
 *   of granting anything themselves.
 * - The add-on's UUID (the host of its moz-extension: pages) is random per profile; the profile
 *   pins it with `extensions.webextensions.uuids`, so tests know the panel's origin.
 *
 * Extension pages: BiDi refuses to navigate to moz-extension: URLs (only http, https, file and
 * blob are "safe" without --remote-allow-system-access). A web page may open the panel page,
 * which is web-accessible, and that page may open any page of its own add-on, so
 * `extensionPage` takes that path, as a user's click would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
// @ts-expect-error -- a plain ES module shared with `npm start`
import { startDemoServer } from '../../scripts/demo-server.mjs';
// @ts-expect-error -- a plain ES module shared with `npm run zip`
import { zipDirectory } from '../../scripts/zip.mjs';
import { afterAll, beforeAll } from 'vitest';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'webinar-notes@webinar-notes.dev';
export const ADDON_UUID = '3f6a2d1e-8c4b-4e7a-9b15-2c7d0e4f6a81';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
export const PANEL_PAGE = `${EXTENSION_ORIGIN}/src/pages/panel/index.html`;
export const OPTIONS_PAGE = `${EXTENSION_ORIGIN}/src/pages/options/index.html`;

/** The profile's Downloads folder (the automatic backup files land here). */
export const DOWNLOADS = mkdtempSync(join(tmpdir(), 'webinar-notes-firefox-downloads-'));

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // Downloads go to DOWNLOADS without asking, as with a user's "Save files to" folder.
  'browser.download.folderList': 2,
  'browser.download.dir': DOWNLOADS,
  'browser.download.useDownloadDir': true,
  'xpinstall.signatures.required': false,
  // The one site that is not on by default: forum.example is the demo server (localhost).
  'network.dns.localDomains': 'forum.example',
  // Firefox's own "Allow" prompt for an optional permission, answered yes as a user would. The
  // request must still come from a user action (a click), which Firefox checks before prompting.
  'extensions.webextOptionalPermissionPrompts': false,
  // Let the demo video play without a user gesture, as the Chromium e2e runs do.
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
};

export interface DemoServer {
  origin: string;
  close(): Promise<void>;
}

export interface Firefox {
  browser: Browser;
  profile: string;
  close(): Promise<void>;
}

/** A profile directory that outlives one browser, for restart tests. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'webinar-notes-firefox-'));
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

/** dist-firefox packed as an .xpi in a temporary folder (a permanent install wants an archive). */
export async function packAddon(): Promise<{ xpi: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'webinar-notes-xpi-'));
  const xpi = join(dir, 'webinar-notes.xpi');
  await zipDirectory(DIST_FIREFOX, xpi);
  return { xpi, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The BiDi connection under puppeteer's Firefox browser; not in puppeteer's public types. */
interface BidiLink {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}

/**
 * Starts Firefox on `profile`. With `install`, installs that .xpi permanently; without it, the
 * profile must already hold the add-on (a restart).
 */
export async function launch(profile: string, install?: string): Promise<Firefox> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: PREFS,
  });
  try {
    if (install) {
      const { result } = await (browser as unknown as BidiLink).connection.send('webExtension.install', {
        extensionData: { type: 'archivePath', path: install },
        'moz:permanent': true,
      });
      const id = (result as { extension?: string }).extension;
      if (id !== ADDON_ID) throw new Error(`installed ${String(id)}, expected ${ADDON_ID}`);
    }
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, profile, close: () => browser.close() };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `read` until it gives a value, or throws `what` after `ms`. */
async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(what);
    await sleep(100);
  }
}

/** `page`'s own location, which puppeteer does not track for moz-extension: documents. */
const locationOf = (page: Page) => page.evaluate(() => location.href);

/** A new tab showing `url`, a page of our add-on, reached through the web-accessible panel page. */
export async function extensionPage(firefox: Firefox, server: DemoServer, url = OPTIONS_PAGE): Promise<Page> {
  const page = await firefox.browser.newPage();
  // The server's 404 page: the content script runs there, but finds no video.
  await page.goto(`${server.origin}/no-video`);
  // With a fragment the panel page takes itself for a panel beside a video (one that finds none)
  // rather than for the side panel, which would follow the active tab.
  const stepping = `${PANEL_PAGE}#harness`;
  await page.evaluate((href) => {
    location.href = href;
  }, stepping);
  await until('the panel page did not open in a tab', async () => ((await locationOf(page)) === stepping ? true : undefined));
  if (url !== stepping) {
    await page.evaluate((href) => {
      location.href = href;
    }, url);
    await until(`${url} did not open`, async () => ((await locationOf(page)) === url ? true : undefined));
  }
  await until(`${url} did not load`, async () => ((await page.evaluate(() => document.readyState)) === 'complete' ? true : undefined));
  return page;
}

/** Whether the add-on holds host permissions for every one of `origins`, as an extension page sees it. */
export async function hasHostPermissions(firefox: Firefox, server: DemoServer, origins: string[]): Promise<boolean> {
  const page = await extensionPage(firefox, server);
  try {
    return await page.evaluate((o) => chrome.permissions.contains({ origins: o }), origins);
  } finally {
    await page.close();
  }
}

export interface StoredNote {
  t: number;
  text: string;
  recordingKey: string;
  deletedAt?: number;
  quote?: { text: string; start: number; end: number; source: string; lang: string };
}

/** Notes as the database holds them, read from a top-level page of the add-on. */
export async function storedNotes(firefox: Firefox, server: DemoServer): Promise<StoredNote[]> {
  const page = await extensionPage(firefox, server);
  try {
    return await page.evaluate(
      () =>
        new Promise<StoredNote[]>((done, fail) => {
          const open = indexedDB.open('webinar-notes');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            if (!open.result.objectStoreNames.contains('notes')) {
              open.result.close();
              done([]);
              return;
            }
            const request = open.result.transaction('notes').objectStore('notes').getAll();
            request.onsuccess = () => {
              done(request.result as StoredNote[]);
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

/** The notes panel frame inside `page`, once it has loaded, linked to the video and shown its composer. */
export async function panelOf(page: Page, ms = 15_000): Promise<Frame> {
  const end = Date.now() + ms;
  let seen = 'no notes panel frame in the page';
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      // puppeteer reports the panel frame's URL as about:blank: ask the document itself.
      const state = await frame
        .evaluate(() => ({
          href: location.href,
          composer: document.querySelector('textarea#composer-text') !== null,
          banner: [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent ?? '').join(' | '),
        }))
        .catch(() => null);
      if (!state?.href.startsWith(PANEL_PAGE)) continue;
      if (state.composer) return frame;
      seen = `the notes panel has no composer; it shows: "${state.banner || '(no message)'}"`;
    }
    if (Date.now() > end) throw new Error(seen);
    await sleep(100);
  }
}

/** Types `text` into the panel's composer and saves it with Enter. */
export async function typeNote(panel: Frame, text: string): Promise<void> {
  const box = await panel.waitForSelector('textarea#composer-text');
  if (!box) throw new Error('no composer');
  // Focused, not clicked: puppeteer finds where a frame sits on the page with BiDi's `context`
  // locator, which Firefox ESR 140 (Debian's) does not know. The keys are real key events.
  await box.focus();
  await box.type(text, { delay: 10 });
  await box.press('Enter');
  await box.dispose();
}

export async function panelNoteTexts(panel: Frame): Promise<string[]> {
  return panel.evaluate(() => [...document.querySelectorAll('li.note .text')].map((e) => e.textContent ?? ''));
}

export interface Session {
  server: DemoServer;
  firefox: Firefox;
  profile: string;
  /** The packed add-on, for a fresh profile. */
  xpi: string;
}

/**
 * Starts the demo server and Firefox with the add-on before a test file's tests, and stops them
 * after: each file gets its own profile.
 */
export function useFirefox(): Session {
  const session = {} as Session;
  let packed: Awaited<ReturnType<typeof packAddon>> | undefined;
  beforeAll(async () => {
    session.server = (await startDemoServer(0)) as DemoServer;
    packed = await packAddon();
    session.xpi = packed.xpi;
    session.profile = newProfile();
    session.firefox = await launch(session.profile, session.xpi);
  });
  afterAll(async () => {
    await session.firefox?.close().catch(() => undefined);
    await session.server?.close();
    packed?.remove();
    if (session.profile) removeProfile(session.profile);
    rmSync(DOWNLOADS, { recursive: true, force: true });
  });
  return session;
}
