/**
 * The fallback for a video a canvas may not read (cross-origin, no CORS): a capture of the tab,
 * with our layer hidden, cut to the video. It needs `<all_urls>` (or the frame shortcut's
 * activeTab). A user grants it in Chrome's own dialog when the panel asks, which automation cannot
 * answer (frames.test.ts checks that the panel asks); so this file loads a copy of the built
 * extension that holds the permission from the start, and everything after the grant is the
 * product's own code.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { GRID, grids, pauseAt, storedFrameUrl, storedImages, worstCell } from './frames-helpers';
import { DIST, panelOf, screenshot, storedNotes, useBrowser } from './harness';

const granted = mkdtempSync(join(tmpdir(), 'webinar-notes-all-urls-'));
cpSync(DIST, granted, { recursive: true });
const manifestFile = join(granted, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { host_permissions?: string[] };
writeFileSync(manifestFile, JSON.stringify({ ...manifest, host_permissions: ['<all_urls>'] }));
afterAll(() => rmSync(granted, { recursive: true, force: true }));

const session = useBrowser({ extensionDir: granted });

test('with the permission, a cross-origin video’s frame comes from a capture of the tab: the video’s pixels, without our launcher', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/cross-origin-video.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).readyState >= HTMLMediaElement.HAVE_CURRENT_DATA);
  await pauseAt(page, 42);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('From a capture of the tab', { delay: 5 });
  await panel.getByRole('button', { name: 'Attach frame' }).click();
  await expect.poll(() => panel.locator('.composer .frame-thumb img').count()).toBe(1);
  expect(await panel.locator('#composer-frame-problem').count()).toBe(0);
  // The layer was hidden for the capture only.
  expect(await (await panel.frameElement()).isVisible()).toBe(true);
  await box.press('Enter');
  await expect.poll(async () => (await storedNotes(session.browser)).some((note) => note.text === 'From a capture of the tab')).toBe(true);

  const [frame] = await storedImages(session.browser);
  // The video's picture on screen: 640×360 CSS pixels at a device pixel ratio of 1.
  expect(frame).toMatchObject({ kind: 'frame', type: 'image/webp', width: 640, height: 360 });
  expect(frame!.t).toBeCloseTo(42, 1);
  const { stored, shown } = await grids(page, await storedFrameUrl(session.browser, frame!.id), 640, 360, { src: '/webinar.webm', t: 42 });
  // Scaled once by the compositor and once by the encoder: a looser match than a drawn frame's.
  expect(worstCell(stored, shown)).toBeLessThan(24);
  // Our launcher sits over the video's top right corner, blue: that cell is the video's.
  expect(worstCell([stored[GRID - 1]!], [shown[GRID - 1]!])).toBeLessThan(24);
  await screenshot(page, 'frame-from-tab-capture');
  await page.close();
});
