import { expect, test } from 'vitest';
import {
  pageDom,
  panelOf,
  storedNotes,
  useBrowser,
} from './harness';

const session = useBrowser();

test('a hostile page sees no note text in its DOM and none of the keys typed into a note', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Secret saved note', { delay: 10 });
  await box.press('Enter');
  await box.pressSequentially('Secret draft in progress', { delay: 10 });
  await expect.poll(async () => (await storedNotes(session.browser)).map((n) => n.text)).toEqual(['Secret saved note']);
  await expect.poll(() => panel.locator('li.note .text').allTextContents()).toEqual(['Secret saved note']);

  const seenByPage = await page.evaluate(() => ({
    text: (window as unknown as { pageText(): string }).pageText(),
    keys: (window as unknown as { keysSeen: string[] }).keysSeen,
  }));
  expect(seenByPage.keys).toEqual([]);
  expect(seenByPage.text).not.toMatch(/Secret/);
  // The page's script found our layer but not inside it: the shadow root is closed.
  expect(seenByPage.text).toContain('[cross-origin frame]');

  // Even the browser's full view of the page, closed shadow roots included, holds no note text:
  // the layer carries times only.
  const dom = await pageDom(page);
  expect(dom.text).not.toMatch(/Secret/);
  expect(dom.classes).toContain('marker');
});

test("the page origin's IndexedDB holds none of our data", async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/hostile.html`);
  await panelOf(page, session.browser.extensionId);
  expect((await storedNotes(session.browser)).length).toBeGreaterThan(0);
  const databases = await page.evaluate(() => indexedDB.databases());
  expect(databases).toEqual([]);
});
