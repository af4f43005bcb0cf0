/**
 * Transcripts in the library (issue 13, item 5): a stored transcript line is found by search and
 * opens the recording at the time it was said; the transcript downloads as WebVTT that Chromium's
 * own <track> parser reads back line for line, text as text.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { makeBackup } from '../../src/core/backup';
import type { Note, Recording, Transcript } from '../../src/core/model';
import { chromiumVttCues, importFile, openLibrary, screenshot, useBrowser, writeFixture } from './harness';

const session = useBrowser({ sites: true });
const KEY = 'youtube:Wb1nQ9rLk2A';
const now = Date.now();

const recording: Recording = {
  key: KEY, site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Accessible forms in practice',
  speakers: [{ id: 'ada', name: 'Ada Example' }], createdAt: now, updatedAt: now,
};
const note: Note = {
  id: 'n1', recordingKey: KEY, t: 44, text: 'Labels beat placeholders', speakerId: 'ada', createdAt: now, updatedAt: now,
  quote: { text: 'a placeholder disappears the moment you type', start: 40, end: 44, source: 'track', lang: 'en' },
};
/** What a player could have shown: a voice, markup and references as text, right-to-left words. */
const LINES: Transcript['cues'] = [
  { start: 2, end: 6, text: 'Welcome to accessible forms.', voice: 'Ada Example' },
  { start: 42, end: 45.5, text: 'A placeholder disappears the moment you type.', voice: 'Ada Example' },
  { start: 46, end: 50, text: 'Never <b>bold</b> & never --> arrows', voice: 'Eve <i>"> & co' },
  { start: 51, end: 53, text: 'שלום, and welcome' },
];
const transcript: Transcript = { recordingKey: KEY, lang: 'en', label: 'English', source: 'track', complete: true, cues: LINES, updatedAt: now };

test('a transcript line is found by search, opens the video where it was said, and downloads as WebVTT', async () => {
  const page = await openLibrary(session.browser);
  const file = writeFixture('transcript-library.json', JSON.stringify(makeBackup({ recordings: [recording], notes: [note], qa: [], transcripts: [transcript] }, new Date(now))));
  expect(await importFile(page, file)).toBe('Restored from transcript-library.json: 3 added, 0 merged, 0 already up to date.');

  // The note's quote says "placeholder" too, but search covers what the note says and what was said.
  await page.getByRole('searchbox', { name: 'Search notes, questions, titles and transcripts' }).fill('placeholder disappears');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('1 match');
  expect(await page.locator('.hit .kind').allTextContents()).toEqual(['Transcript']);
  expect(await page.locator('.hit .at').allTextContents()).toEqual(['said at 0:42']);
  expect(await page.locator('.hit mark').allTextContents()).toEqual(['placeholder', 'disappears']);
  await screenshot(page, 'library-search-transcript');

  const [video] = await Promise.all([session.browser.context.waitForEvent('page'), page.getByRole('button', { name: 'Open at 0:42' }).click()]);
  await video.waitForLoadState('domcontentloaded');
  expect(video.url()).toBe('https://www.youtube.com/watch?v=Wb1nQ9rLk2A&t=42s');
  // The player honours t= once it has the video's metadata: it plays from where the line was said.
  await expect.poll(() => video.evaluate(() => document.querySelector('video')?.currentTime ?? -1)).toBeGreaterThanOrEqual(42);
  expect(await video.evaluate(() => document.querySelector('video')?.currentTime ?? -1)).toBeLessThan(45);
  await video.close();

  // Markup in a line is shown as text.
  await page.getByRole('searchbox', { name: 'Search notes, questions, titles and transcripts' }).fill('bold arrows');
  await expect.poll(() => page.locator('.hit-text').allTextContents()).toEqual(['Never <b>bold</b> & never --> arrows']);
  expect(await page.locator('.hit-text b').count()).toBe(0);

  // The recording's page lists the transcript and downloads it.
  await page.getByRole('searchbox', { name: 'Search notes, questions, titles and transcripts' }).fill('');
  await page.locator('.recording-row').first().locator('.recording-title').click();
  const transcripts = page.getByRole('region', { name: 'Transcripts', exact: true });
  await expect.poll(() => transcripts.locator('li').allTextContents()).toEqual([
    'English (en) 4 lines, the whole track Download transcript (WebVTT)',
  ]);
  await transcripts.scrollIntoViewIfNeeded();
  await screenshot(page, 'library-recording-transcripts');
  const [download] = await Promise.all([page.waitForEvent('download'), transcripts.getByRole('button', { name: 'Download transcript (WebVTT)' }).click()]);
  expect(download.suggestedFilename()).toBe('transcript-en.vtt');
  const vtt = readFileSync(await download.path(), 'utf8');

  // Chromium's own WebVTT parser, as the notes' WebVTT export is checked.
  const cues = (await chromiumVttCues(page, vtt)).map(({ start, end, text, voice, elements }) => ({ start, end, text, voice, elements }));
  expect(cues).toEqual(LINES.map((line) => ({ start: line.start, end: line.end, text: line.text, voice: line.voice ?? null, elements: 0 })));

  // The summary post shows the note's quote under it (as every export does: test/unit/export/quotes.test.ts).
  const preview = page.locator('textarea.preview');
  await expect.poll(() => preview.inputValue()).toContain(
    '**Ada Example**: Labels beat placeholders\n  > a placeholder disappears the moment you type\n',
  );
  await preview.scrollIntoViewIfNeeded();
  await screenshot(page, 'library-summary-quote');
  await page.close();
});
