import { expect, test } from 'vitest';
import {
  markerCount,
  pageDom,
  panelNoteTexts,
  panelOf,
  screenshot,
  storedNotes,
  typeNote,
  useBrowser,
} from './harness';

const session = useBrowser();

const layerHosts = (page: import('playwright-core').Page) =>
  page.evaluate(() => [...document.documentElement.children].filter((el) => el.tagName === 'DIV').length);

test('a page without video gets no layer and no panel', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/no-video.html`);
  await page.waitForTimeout(600);
  expect(await layerHosts(page)).toBe(0);
  expect(page.frames()).toHaveLength(1);
});

test('a video that appears later is picked up, a replaced one is followed by the same panel, a removed one takes the layer away', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/late-video.html`);
  await page.waitForTimeout(300);
  expect(await layerHosts(page)).toBe(0);

  for (let i = 0; i < 10; i++) {
    await page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
    await expect.poll(() => layerHosts(page)).toBe(1);
    await page.evaluate(() => (window as unknown as { removeVideo(): void }).removeVideo());
    await expect.poll(() => layerHosts(page)).toBe(0);
  }
  // The fixture saw the layer arrive once a video: its timings are the benchmark's (npm run bench).
  expect(await page.evaluate(() => (window as unknown as { timings: number[] }).timings)).toHaveLength(10);

  await page.evaluate(() => (window as unknown as { addVideo(): void }).addVideo());
  const panel = await panelOf(page, session.browser.extensionId);
  await panel.evaluate(() => Object.assign(window, { sameFrame: true }));
  await page.evaluate(() => {
    const old = document.querySelector('video') as HTMLVideoElement;
    const replacement = old.cloneNode() as HTMLVideoElement;
    old.replaceWith(replacement);
    replacement.currentTime = 42;
  });
  await page.waitForTimeout(500);
  expect(await panel.evaluate(() => (window as unknown as { sameFrame?: boolean }).sameFrame)).toBe(true);
  await typeNote(panel, 'On the replacement video');
  await expect.poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'On the replacement video')?.t).toBe(40);
  await expect.poll(() => markerCount(page)).toBe(1);
});

test('a video added later without a source, which fires no media event, is picked up and its removal seen', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/late-video.html`);
  expect(await layerHosts(page)).toBe(0);
  await page.evaluate(() => {
    const video = document.createElement('video');
    video.width = 640;
    video.height = 360;
    (document.getElementById('player') as HTMLElement).replaceChildren(video);
  });
  await expect.poll(() => layerHosts(page)).toBe(1);
  await page.evaluate(() => (window as unknown as { removeVideo(): void }).removeVideo());
  await expect.poll(() => layerHosts(page)).toBe(0);
});

test('a video with no known duration still takes notes, at the time it has, without markers', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/unknown-duration.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Before the stream started');
  await expect.poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'Before the stream started')?.t).toBe(0);
  await expect.poll(() => panel.locator('li.note .text').allTextContents()).toEqual(['Before the stream started']);
  expect(await markerCount(page)).toBe(0);
  expect((await pageDom(page)).classes).toContain('strip');
});

test('on a page with several videos the largest is annotated, and its notes are the page’s', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/two-videos.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await page.evaluate(() => {
    (document.getElementById('recording') as HTMLVideoElement).currentTime = 33;
    (document.getElementById('trailer') as HTMLVideoElement).currentTime = 3;
  });
  await typeNote(panel, 'From the big one');
  await expect.poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'From the big one')?.t).toBe(31);
  const note = (await storedNotes(session.browser)).find((n) => n.text === 'From the big one');
  expect(note?.recordingKey).toBe(`${session.server.origin}/fixtures/two-videos.html`);
  expect(page.frames().filter((f) => f.url().includes('/src/pages/panel/'))).toHaveLength(1);
});

/** Whether the panel frame is what a click at its centre reaches: not covered by a fullscreen element. */
async function panelOnTop(page: import('playwright-core').Page): Promise<boolean> {
  const frame = await (await panelOf(page, session.browser.extensionId)).frameElement();
  return frame.evaluate((element: Element) => {
    const box = element.getBoundingClientRect();
    const host = (element.getRootNode() as ShadowRoot).host;
    return box.width > 0 && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === host;
  });
}

test('when a page fullscreens its own player, the panel and markers go with it and take notes; a bare fullscreen video hides them until it ends', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/custom-player.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Before fullscreen');
  await expect.poll(() => markerCount(page)).toBe(1);
  expect(await panelOnTop(page)).toBe(true);
  // Moving the layer must not reload the panel (Chrome's moveBefore).
  await panel.evaluate(() => Object.assign(window, { sameFrame: true }));

  await page.getByRole('button', { name: 'Fullscreen player' }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id)).toBe('player');
  await expect.poll(() => panelOnTop(page)).toBe(true);
  expect(await markerCount(page)).toBe(1);
  await typeNote(panel, 'In fullscreen');
  await expect.poll(async () => (await storedNotes(session.browser)).map((n) => n.text)).toContain('In fullscreen');
  await expect.poll(() => markerCount(page)).toBe(2);
  await screenshot(page, 'fullscreen-player');
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect.poll(() => panelOnTop(page)).toBe(true);
  expect(await panel.evaluate(() => (window as unknown as { sameFrame?: boolean }).sameFrame)).toBe(true);

  // A <video> cannot hold the layer: the browser shows the video alone, and the panel returns after.
  await page.getByRole('button', { name: 'Fullscreen video' }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName)).toBe('VIDEO');
  expect(await panelOnTop(page)).toBe(false);
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => panelOnTop(page)).toBe(true);
  expect(await panelNoteTexts(panel)).toEqual(['Before fullscreen', 'In fullscreen']);
});

test('a video inside a web component’s shadow root, open or closed, is found late, followed when replaced, and let go when removed', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/shadow-video.html`);
  expect(await layerHosts(page)).toBe(0);

  // No media event of a shadow video reaches the document, and one without a source fires none at all.
  for (const [mode, withSource] of [['open', true], ['closed', true], ['open', false], ['closed', false]] as const) {
    await page.evaluate(([m, s]) => (window as unknown as { addPlayer(mode: string, withSource: boolean): void }).addPlayer(m, s), [mode, withSource] as const);
    await expect.poll(() => layerHosts(page), { timeout: 10_000 }).toBe(1);
    await page.evaluate(() => (window as unknown as { removePlayer(): void }).removePlayer());
    await expect.poll(() => layerHosts(page)).toBe(0);
  }

  await page.evaluate(() => (window as unknown as { addPlayer(mode: string, withSource: boolean): void }).addPlayer('closed', true));
  const panel = await panelOf(page, session.browser.extensionId);
  await panel.evaluate(() => Object.assign(window, { sameFrame: true }));
  await page.evaluate(() => (window as unknown as { replaceVideo(): void }).replaceVideo());
  await page.waitForTimeout(500);
  expect(await panel.evaluate(() => (window as unknown as { sameFrame?: boolean }).sameFrame)).toBe(true);
  await typeNote(panel, 'On the shadow player');
  await expect.poll(async () => (await storedNotes(session.browser)).find((n) => n.text === 'On the shadow player')?.t).toBe(40);
  await expect.poll(() => markerCount(page)).toBe(1);
});
