import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, panelOf, playUntil, screenshot, serveDemo, storedNotes, videoTime, type Browser, type DemoServer } from './harness';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDemo();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a note typed in the panel gets the time typing started, minus the lead-in', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  const panel = await panelOf(page, browser.extensionId);
  await playUntil(page, 4);
  const startedAt = await videoTime(page);
  const box = panel.locator('textarea#composer-text');
  await box.click();
  await box.pressSequentially('Labels beat placeholders', { delay: 20 });
  await page.waitForTimeout(700);
  await panel.getByRole('button', { name: 'Add note' }).click();
  await expect.poll(async () => (await storedNotes(browser)).length).toBe(1);
  const [note] = await storedNotes(browser);
  expect(note?.text).toBe('Labels beat placeholders');
  expect(Math.abs((note?.t ?? -99) - (startedAt - 2))).toBeLessThan(0.5);
  await screenshot(page, 'panel-first-note');
});
