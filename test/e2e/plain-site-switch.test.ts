/**
 * Issue 11, item 11: a plain site that plays the next lesson in the same <video> and changes its
 * address with `history.pushState`, in either order. The panel's recording follows whichever
 * changed last, and a note belongs to the recording that played when its typing started.
 * The page's switches are driven from here; every wait is on what the page or panel shows.
 */
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { panelOf, screenshot, storedNotes, typeNote, useBrowser } from './harness';

const session = useBrowser();

type Course = { fixture: { playSource(lesson: number): Promise<void>; showAddress(lesson: number): void } };
const lessonKey = (lesson: number) => `${session.server.origin}/lesson/${lesson}`;
const recordingTitle = (panel: Frame) => panel.locator('.recording-title').textContent();
const composer = (panel: Frame) => panel.locator('textarea#composer-text');
const notesUnder = async (lesson: number) =>
  (await storedNotes(session.browser)).filter((note) => note.recordingKey === lessonKey(lesson));

/** The course page on lesson 2, with its panel showing lesson 2. */
async function openCourse(): Promise<{ page: Page; panel: Frame }> {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/fixtures/lessons.html`);
  const panel = await panelOf(page, session.browser.extensionId);
  await expect.poll(() => recordingTitle(panel)).toBe('Lesson 2');
  return { page, panel };
}

/** The page swaps the video's source and plays it; resolves once the new lesson is playing. */
async function playSource(page: Page, lesson: number): Promise<void> {
  await page.evaluate((n) => (window as unknown as Course).fixture.playSource(n), lesson);
  await expect
    .poll(() =>
      page.evaluate((n) => {
        const video = document.querySelector('video') as HTMLVideoElement;
        return video.currentSrc.endsWith(`?lesson=${n}`) && video.readyState >= HTMLMediaElement.HAVE_METADATA && !video.paused;
      }, lesson),
    )
    .toBe(true);
}

const showAddress = (page: Page, lesson: number) => page.evaluate((n) => (window as unknown as Course).fixture.showAddress(n), lesson);

/** Stops the video at `seconds`, as if it had played that long since the switch. */
const stopAt = (page: Page, seconds: number) =>
  page.evaluate((s) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    video.pause();
    video.currentTime = s;
  }, seconds);

/** Starts a note and waits until the composer shows the time it took (the lead-in is 2 s). */
async function startNote(panel: Frame, text: string, status: RegExp): Promise<void> {
  await composer(panel).click();
  await composer(panel).pressSequentially(text, { delay: 10 });
  await expect.poll(() => panel.locator('#composer-status').textContent()).toMatch(status);
}

test('source first, address 1.5 s later: a note typed 4 s after the switch is filed under the new address', async () => {
  const { page, panel } = await openCourse();
  await playSource(page, 3);
  // Until the address changes, the page still says lesson 2: nothing to follow yet.
  expect(await recordingTitle(panel)).toBe('Lesson 2');
  await showAddress(page, 3);
  await expect.poll(() => recordingTitle(panel)).toBe('Lesson 3');

  await stopAt(page, 4);
  await startNote(panel, 'Four seconds into lesson 3', /^Note at 0:02$/);
  await composer(panel).press('Enter');
  await expect.poll(async () => (await notesUnder(3)).map((note) => [note.text, note.t])).toEqual([['Four seconds into lesson 3', 2]]);
  expect((await notesUnder(2)).map((note) => note.text)).toEqual([]);
  await page.close();
});

test('address first, source later: the recording follows the address at once, and stays when the source follows', async () => {
  const { page, panel } = await openCourse();
  await showAddress(page, 4);
  await expect.poll(() => recordingTitle(panel)).toBe('Lesson 4');
  await typeNote(panel, 'Between the address and the source');
  await expect.poll(async () => (await notesUnder(4)).length).toBe(1);

  await playSource(page, 4);
  await stopAt(page, 4);
  await startNote(panel, 'After both', /^Note at 0:02$/);
  await composer(panel).press('Enter');
  await expect.poll(async () => (await notesUnder(4)).map((note) => note.text).sort()).toEqual(['After both', 'Between the address and the source']);
  expect((await notesUnder(2)).map((note) => note.text)).toEqual([]);
  expect(await recordingTitle(panel)).toBe('Lesson 4');
  await page.close();
});

test('a note started before the switch and saved after it is filed under the recording it was started on', async () => {
  const { page, panel } = await openCourse();
  await stopAt(page, 6);
  await startNote(panel, 'Started on lesson 2', /^Note at 0:04$/);

  await playSource(page, 5);
  await showAddress(page, 5);
  await expect.poll(() => recordingTitle(panel)).toBe('Lesson 5');
  // The words stay where they were typed, and the composer says which recording they belong to.
  expect(await composer(panel).inputValue()).toBe('Started on lesson 2');
  await expect.poll(() => panel.locator('#composer-status').textContent()).toBe('Note at 0:04 on “Lesson 2”');
  await screenshot(page, 'plain-site-note-started-before-switch');
  await composer(panel).press('Enter');
  await expect.poll(async () => (await notesUnder(2)).map((note) => [note.text, note.t])).toEqual([['Started on lesson 2', 4]]);
  expect(await notesUnder(5)).toEqual([]);

  // The next note belongs to what plays now.
  await expect.poll(() => composer(panel).inputValue()).toBe('');
  await stopAt(page, 3);
  await startNote(panel, 'On lesson 5', /^Note at 0:01$/);
  await composer(panel).press('Enter');
  await expect.poll(async () => (await notesUnder(5)).map((note) => [note.text, note.t])).toEqual([['On lesson 5', 1]]);
  await page.close();
});
