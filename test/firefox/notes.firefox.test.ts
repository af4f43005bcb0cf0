/**
 * Firefox smoke tests: the Firefox build (dist-firefox) in real Firefox, on the demo page. They
 * run in order on one profile: the note taken in the second test is the one the later tests
 * look for after a reload and after a restart.
 */
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { hasHostPermissions, launch, panelNoteTexts, panelOf, storedNotes, typeNote, useFirefox } from './harness';

const session = useFirefox();
const NOTE = 'Firefox: labels beat placeholders';
/** The demo page the note was typed on, reloaded by the next test. */
let demo: Page | undefined;

test('the add-on is installed with its content-script hosts granted, 127.0.0.1 among them', async () => {
  expect(await hasHostPermissions(session.firefox, session.server, ['http://127.0.0.1/*', 'http://localhost/*'])).toBe(true);
});

test('on the demo page the panel appears by the video, and a note typed in it is stored and listed', async () => {
  const page = (demo = await session.firefox.browser.newPage());
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page);
  await page.evaluate(() => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = 42;
  });
  await typeNote(panel, NOTE);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toContain(NOTE);
  const stored = (await storedNotes(session.firefox, session.server)).filter((n) => n.text === NOTE);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.deletedAt).toBeUndefined();
  // 42 s minus the default lead-in of 2 s.
  expect(Math.abs((stored[0]?.t ?? -99) - 40)).toBeLessThan(1);
});

test('after a reload the note is still listed', async () => {
  const page = demo ?? (await session.firefox.browser.newPage());
  if (!demo) await page.goto(`${session.server.origin}/`);
  await page.reload();
  const panel = await panelOf(page);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toEqual([NOTE]);
  await page.close();
});

test('after a browser restart on the same profile the add-on and the note are still there', async () => {
  await session.firefox.close();
  // No install this time: the add-on was installed permanently into the profile.
  session.firefox = await launch(session.profile);
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page);
  await expect.poll(() => panelNoteTexts(panel), { timeout: 10_000 }).toEqual([NOTE]);
  expect((await storedNotes(session.firefox, session.server)).map((n) => n.text)).toEqual([NOTE]);
  await page.close();
});
