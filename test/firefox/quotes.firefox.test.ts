/**
 * A quote from a plain video's caption track in Firefox: the demo page's own `<track>` (demo/
 * webinar.en.vtt), read by the content script, carried to the panel and kept with the note.
 */
import { expect, test } from 'vitest';
import { panelOf, storedNotes, typeNote, useFirefox } from './harness';

const session = useFirefox();

test('a note taken mid-sentence keeps the words of the demo track just before it', async () => {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.server.origin}/?firefox-quote`);
  const panel = await panelOf(page);
  // 0:42 is inside "A placeholder is not a label…" (0:37.861–0:45.596).
  await page.evaluate(() => {
    const video = document.querySelector('video') as HTMLVideoElement;
    video.pause();
    video.currentTime = 42;
  });
  // The panel has heard the seek (its playback store: a test seam only this frame's code reaches).
  await expect
    .poll(() => panel.evaluate(() => (globalThis as { webinarNotesPlayback?: { timeNow(): number | null } }).webinarNotesPlayback?.timeNow()), { timeout: 10_000 })
    .toBe(42);
  await typeNote(panel, 'Placeholders are not labels');
  const saved = async () => (await storedNotes(session.firefox, session.server)).find((note) => note.text === 'Placeholders are not labels');
  await expect.poll(async () => (await saved())?.quote?.text ?? '', { timeout: 10_000 }).toContain('A placeholder is not a label');
  const quote = (await saved())?.quote;
  expect(quote).toMatchObject({ source: 'track', lang: 'en' });
  // From 10 s before the note's time (42 − 2 s lead-in): the line before it, and not the lines of a minute earlier.
  expect(quote?.text).not.toContain('welcome');
  await page.close();
});
