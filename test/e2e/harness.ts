/**
 * What every e2e test goes through: the browser and servers of browser.ts, started and stopped
 * around a test file, and helpers to drive and read the extension.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launch, panelOf, removeProfile, serveDemo, withTimeout, type Browser, type DemoServer } from './browser';
import { serveSites, type SitesServer } from './sites-server';
import type { Quote, Transcript } from '../../src/core/model';

export {
  CHROME, DIST, launch, launchOptions, newProfile, panelOf, removeProfile, serveDemo, setDownloadBehavior, tabIdOf, withTimeout,
  type Browser, type DemoServer,
} from './browser';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

export async function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).currentTime);
}

/** Plays the page's video and waits until it has played past `seconds`. */
export async function playUntil(page: Page, seconds: number): Promise<void> {
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).play());
  await page.waitForFunction((s) => (document.querySelector('video') as HTMLVideoElement).currentTime >= s, seconds);
}

/**
 * Seeks the page's video to `t` seconds and, where the page has our panel, waits until the panel
 * has heard it (its playback store, the test seam in use-video-link.ts): the panel takes a note's
 * time from the last playback message, so a key pressed before the seek's message arrives would
 * take the time from before it.
 */
export async function seekTo(page: Page, t: number): Promise<void> {
  await page.evaluate((s) => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = s;
  }, t);
  const panel = page.frames().find((frame) => frame.url().includes('/src/pages/panel/'));
  if (!panel) return;
  const heard = () =>
    panel.evaluate(() => (globalThis as { webinarNotesPlayback?: { timeNow(): number | null } }).webinarNotesPlayback?.timeNow() ?? null);
  await expect.poll(heard).toSatisfy((now: number | null) => now !== null && now >= t - 0.5 && now <= t + 5);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations in a page or frame (evaluated, so page CSP does not apply). */
export async function seriousViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(`${axeSource};0`);
  const results = (await target.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
  )) as { passes: unknown[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  if (results.passes.length === 0) throw new Error('axe checked nothing');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Writes `text` to a file beside the screenshots (for an import), and returns its path. */
export function writeFixture(name: string, text: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, name);
  writeFileSync(file, text);
  return file;
}

/** Opens the library in a new tab. */
export async function openLibrary(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html`);
  return page;
}

/** Imports `file` through the library's "Import a backup…" button; resolves to the message it shows. */
export async function importFile(page: Page, file: string): Promise<string> {
  await page.getByLabel('Import a backup…').setInputFiles(file);
  await expect.poll(() => page.locator('.backup-result').count()).toBe(1);
  return (await page.locator('.backup-result').textContent()) ?? '';
}

/** Every row of one store of the extension's database, read from an extension page of this browser. */
export async function storedRows<T>(browser: Browser, store: string): Promise<T[]> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
    return await withTimeout(`reading the ${store} store`, page.evaluate(
      (name) =>
        new Promise<T[]>((done, fail) => {
          const open = indexedDB.open('webinar-notes');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => {
              done(request.result as T[]);
              open.result.close();
            };
            request.onerror = () => fail(request.error);
          };
        }),
      store,
    ));
  } finally {
    await page.close();
  }
}

/** A cue as Chromium's own WebVTT parser reads it (through a `<track>`): times, raw text, and its HTML as text. */
export interface ChromiumCue {
  start: number;
  end: number;
  /** VTTCue.text: the cue text with its markup. */
  raw: string;
  /** getCueAsHTML()'s text: what a viewer reads. */
  text: string;
  /** The first voice span's title (`<v Name>`), or null. */
  voice: string | null;
  /** Elements of markup (`b`, `i`, `u`, `c`) the parser made. */
  elements: number;
}

/** `vtt` read by Chromium's own WebVTT parser, through a `<track>` in `page`. */
export async function chromiumVttCues(page: Page, vtt: string): Promise<ChromiumCue[]> {
  return page.evaluate(async (text) => {
    const media = document.createElement('video');
    const track = document.createElement('track');
    track.src = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
    track.default = true;
    media.append(track);
    track.track.mode = 'hidden';
    await new Promise((resolve, reject) => {
      track.addEventListener('load', resolve);
      track.addEventListener('error', reject);
    });
    return Array.from(track.track.cues ?? [], (cue) => {
      const vttCue = cue as VTTCue;
      const html = vttCue.getCueAsHTML();
      const voice = html.querySelector('span[title]')?.getAttribute('title') ?? null;
      return { start: vttCue.startTime, end: vttCue.endTime, raw: vttCue.text, text: html.textContent ?? '', voice, elements: html.querySelectorAll('b, i, u, c').length };
    });
  }, vtt);
}

/** Notes as the database holds them. */
export async function storedNotes(browser: Browser): Promise<{ t: number; text: string; recordingKey: string; deletedAt?: number; quote?: Quote }[]> {
  return storedRows(browser, 'notes');
}

/** Transcripts as the database holds them. */
export async function storedTranscripts(browser: Browser): Promise<Transcript[]> {
  return storedRows(browser, 'transcripts');
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

/**
 * The text of every row of the panel's note list, read by scrolling it top to bottom (the list
 * renders only the rows in view: how many fit depends on their heights, quotes included).
 */
export async function allPanelNoteTexts(panel: Frame): Promise<string[]> {
  return panel.evaluate(async () => {
    const scroller = document.querySelector('.notes-scroll') as HTMLElement;
    const seen = new Set<string>();
    for (let top = 0; top <= scroller.scrollHeight; top += Math.max(1, scroller.clientHeight / 2)) {
      scroller.scrollTop = top;
      await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
      for (const row of document.querySelectorAll('li.note .text')) seen.add(row.textContent ?? '');
    }
    scroller.scrollTop = 0;
    return [...seen];
  });
}

interface CdpNode {
  nodeType: number;
  backendNodeId: number;
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

/**
 * The marker buttons in the page's layer, in DOM order: each one's time (`data-t`, seconds) and
 * the browser's id of the element, which stays the element's for its life: an element redrawn
 * gets a new one.
 */
export async function pageMarkers(page: Page): Promise<{ node: number; t: number }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: { node: number; t: number }[] = [];
    const walk = (node: CdpNode) => {
      const attributes = node.attributes ?? [];
      const value = (name: string) => attributes.find((_, i) => i % 2 === 1 && attributes[i - 1] === name);
      if (value('class') === 'marker') found.push({ node: node.backendNodeId, t: Number(value('data-t')) });
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    walk(root);
    return found;
  } finally {
    await session.detach();
  }
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
 * file gets its own profile. With `sites`, the YouTube/Vimeo fixture server runs too; with
 * `extensionDir`, that build of the extension is loaded instead of dist/.
 */
export function useBrowser(options: { sites?: boolean; downloads?: string; extensionDir?: string; lang?: string } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await serveDemo();
    session.sites = options.sites ? await serveSites() : null;
    session.browser = await launch(undefined, session.sites?.port, { downloads: options.downloads, extensionDir: options.extensionDir, lang: options.lang });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.sites?.close();
    await session.server?.close();
    if (session.browser) removeProfile(session.browser.profile);
  });
  return session;
}
