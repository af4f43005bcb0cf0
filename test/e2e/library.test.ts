import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { makeBackup } from '../../src/core/backup';
import type { Note, QaItem, Recording } from '../../src/core/model';
import { importFile, openLibrary as openLibraryOf, screenshot, storedNotes, useBrowser, writeFixture } from './harness';

const session = useBrowser({ sites: true });
const DAY = 86_400_000;
const now = Date.now();

function recording(key: string, site: Recording['site'], url: string, title: string, extra: Partial<Recording> = {}): Recording {
  return { key, site, url, title, createdAt: now - 30 * DAY, updatedAt: now - 2 * DAY, ...extra };
}
function note(id: string, recordingKey: string, t: number, text: string, extra: Partial<Note> = {}): Note {
  return { id, recordingKey, t, text, createdAt: now - 2 * DAY, updatedAt: now - 2 * DAY, ...extra };
}

/** A small library: a YouTube webinar, a page that is gone, and a recording with no web address. */
function libraryFile(origin: string): string {
  const recordings = [
    recording('youtube:Wb1nQ9rLk2A', 'youtube', 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', 'Accessible forms in practice', {
      speakers: [{ id: 'ada', name: 'Ada Example', role: 'Host' }],
      details: { date: '2026-10-02' },
    }),
    recording(`${origin}/gone.html`, 'html5', `${origin}/gone.html`, 'Old meetup recording', { updatedAt: now - 9 * DAY }),
    recording('file:///talks/local.mp4', 'html5', 'file:///talks/local.mp4', 'Talk saved on a laptop', { updatedAt: now - 20 * DAY }),
  ];
  const notes = [
    note('n1', 'youtube:Wb1nQ9rLk2A', 754, 'Sécurité first: validate on the server, always', { speakerId: 'ada', tags: ['security'] }),
    note('n2', 'youtube:Wb1nQ9rLk2A', 100, 'Labels beat placeholders', { tags: ['a11y'] }),
    note('n3', `${origin}/gone.html`, 65, 'Caching with ETags saves a round trip', { updatedAt: now - 9 * DAY }),
    note('n4', 'file:///talks/local.mp4', 30, 'Offline note about labels', { updatedAt: now - 20 * DAY }),
  ];
  const qa: QaItem[] = [
    {
      id: 'q1',
      recordingKey: 'youtube:Wb1nQ9rLk2A',
      question: 'How do we handle CSRF in single-page forms?',
      askedBy: 'Sam',
      t: 1500,
      answers: [{ speakerId: 'ada', text: 'Use a token per session.' }],
      createdAt: now - 2 * DAY,
      updatedAt: now - 2 * DAY,
    },
  ];
  return JSON.stringify(makeBackup({ recordings, notes, qa }, new Date(now)));
}

const openLibrary = () => openLibraryOf(session.browser);

const search = (page: Page, query: string) => page.getByRole('searchbox', { name: 'Search notes, questions, titles and transcripts' }).fill(query);

test('imports a library, lists it, and finds notes, questions and titles with highlights', async () => {
  const page = await openLibrary();
  expect(await importFile(page, writeFixture('library.json', libraryFile(session.server.origin)))).toBe(
    'Restored from library.json: 8 added, 0 merged, 0 already up to date.',
  );
  await expect.poll(() => page.locator('.recording-row .recording-title').allTextContents()).toEqual([
    'Accessible forms in practice',
    'Old meetup recording',
    'Talk saved on a laptop',
  ]);
  expect(await page.locator('.recording-row').first().locator('.recording-meta').textContent()).toMatch(/YouTube.*2 notes · 1 question · edited 2 days ago/);
  expect(await page.locator('.storage').textContent()).toMatch(/^Storage used: [\d.]+ (bytes|kB|MB)$/);
  await screenshot(page, 'library');

  // Case and accents do not matter; the match is marked in the text as written.
  await search(page, 'securite');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('1 match');
  expect(await page.locator('.hit mark').allTextContents()).toEqual(['Sécurité']);
  expect(await page.locator('.hit .at').textContent()).toBe('at 12:34');

  // Questions and answers are searched too; so are titles.
  await search(page, 'token');
  await expect.poll(() => page.locator('.hit .kind').allTextContents()).toEqual(['Question']);
  await search(page, 'meetup');
  await expect.poll(() => page.locator('.hit .kind').allTextContents()).toEqual(['Recording']);

  // Several words: all must occur. Filters narrow by speaker, tag and site.
  await search(page, 'labels');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('2 matches');
  await page.getByLabel('Tag', { exact: true }).selectOption('a11y');
  await expect.poll(() => page.locator('.hit-text').allTextContents()).toEqual(['Labels beat placeholders']);
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await page.getByLabel('Site', { exact: true }).selectOption('html5');
  await expect.poll(() => page.locator('.hit-text').allTextContents()).toEqual(['Offline note about labels']);
  await page.getByLabel('Site', { exact: true }).selectOption('');
  await search(page, 'server validate');
  await page.getByLabel('Speaker', { exact: true }).selectOption('Ada Example');
  await expect.poll(() => page.locator('.hit mark').allTextContents()).toEqual(['validate', 'server']);
  await screenshot(page, 'library-search');
  await page.getByLabel('Speaker', { exact: true }).selectOption('');

  // Opening a hit opens the video at the note's moment, in a new tab.
  await search(page, 'securite');
  const [video] = await Promise.all([session.browser.context.waitForEvent('page'), page.getByRole('button', { name: 'Open at 12:34' }).click()]);
  await video.waitForLoadState('domcontentloaded');
  expect(video.url()).toBe('https://www.youtube.com/watch?v=Wb1nQ9rLk2A&t=754s');
  await video.close();

  // With the search cleared, a tag filter lists the recordings that use it.
  await search(page, '');
  await page.getByLabel('Tag', { exact: true }).selectOption('security');
  await expect.poll(() => page.locator('.recording-row .recording-title').allTextContents()).toEqual(['Accessible forms in practice']);
  await page.getByLabel('Tag', { exact: true }).selectOption('');

  // The query asked before, typed again key by key after the box was cleared, is asked again
  // (each keystroke posts it before the page renders) and answered, not left waiting.
  await page.getByRole('searchbox').pressSequentially('securite');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('1 match');
  await page.getByRole('searchbox').press('Backspace');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('1 match');
  await page.close();
});

test('a search of punctuation only, or of 10,000 characters, says why and searches nothing', async () => {
  const page = await openLibrary();
  await expect.poll(() => page.locator('.recording-row').count()).toBe(3);
  await search(page, '?!… — ,');
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/punctuation/i);
  expect(await page.locator('.hit').count()).toBe(0);
  await search(page, 'a'.repeat(10_000));
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/10,000/);
  expect(await page.locator('.hit').count()).toBe(0);
  await screenshot(page, 'library-long-query');
  await search(page, '');
  await expect.poll(() => page.locator('.recording-row').count()).toBe(3);
  await page.close();
});

test('a recording whose page is gone keeps its notes readable, taggable and exportable', async () => {
  const page = await openLibrary();
  await page.getByRole('button', { name: 'Old meetup recording' }).click();
  await expect.poll(() => page.locator('.lib-note .note-line').allTextContents()).toEqual(['1:05 Caching with ETags saves a round trip']);
  // The page answers 404; the library still has everything.
  const [gone] = await Promise.all([session.browser.context.waitForEvent('page'), page.getByRole('button', { name: 'Open the video' }).click()]);
  await gone.waitForLoadState('domcontentloaded');
  expect(gone.url()).toBe(`${session.server.origin}/gone.html`);
  await gone.close();

  await page.getByRole('button', { name: 'Tags of the note at 1:05' }).click();
  await page.getByLabel('Tags').fill('#caching, follow up');
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect.poll(() => page.locator('.lib-note .tag').allTextContents()).toEqual(['caching', 'follow up']);
  await expect.poll(() => page.locator('.recording-summary textarea.preview').inputValue()).toContain('Caching with ETags saves a round trip');
  await screenshot(page, 'library-recording');

  // Filtered by a tag whose last note then loses it: the filter stays shown, matches nothing, and clears.
  await page.getByRole('link', { name: '← All recordings' }).click();
  await page.getByLabel('Tag', { exact: true }).selectOption('caching');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('1 of 3 recordings match the filters');
  await page.getByRole('button', { name: 'Old meetup recording' }).click();
  await page.getByRole('button', { name: 'Tags of the note at 1:05' }).click();
  await page.getByLabel('Tags').fill('follow up');
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect.poll(() => page.locator('.lib-note .tag').allTextContents()).toEqual(['follow up']);
  await page.getByRole('link', { name: '← All recordings' }).click();
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('0 of 3 recordings match the filters');
  expect(await page.locator('#filter-tag option:checked').textContent()).toBe('caching (none left)');
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('3 recordings');

  // An address that is not a web page cannot be opened: a message, no tab.
  await page.goto(`chrome-extension://${session.browser.extensionId}/src/pages/library/index.html#recording=${encodeURIComponent('file:///talks/local.mp4')}`);
  const pagesBefore = session.browser.context.pages().length;
  await page.getByRole('button', { name: 'Open at 0:30' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not a web page, so it cannot be opened/);
  expect(session.browser.context.pages().length).toBe(pagesBefore);
  await page.close();
});

test('deleted notes go to the trash, come back, and are gone for good only when the trash is emptied', async () => {
  const page = await openLibrary();
  await page.getByRole('button', { name: 'Accessible forms in practice' }).click();
  await page.getByRole('button', { name: 'Delete note at 1:40' }).click();
  await expect.poll(() => page.locator('.lib-note .note-line').allTextContents()).toEqual(['12:34 Ada Example: Sécurité first: validate on the server, always']);

  await page.getByRole('link', { name: /^Trash/ }).click();
  await expect.poll(() => page.locator('.trash-row .hit-text').allTextContents()).toEqual(['Labels beat placeholders']);
  await screenshot(page, 'library-trash');
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => page.locator('.result-count').textContent()).toBe('The trash is empty.');
  expect((await storedNotes(session.browser)).find((n) => n.text === 'Labels beat placeholders')?.deletedAt).toBeUndefined();

  // Deleted again while a second library tab shows the trash; emptied there, the note leaves the
  // database, and Undo in the first tab says why it cannot bring it back.
  const trash = await openLibrary();
  await trash.getByRole('link', { name: /^Trash/ }).click();
  await page.getByRole('link', { name: /^Recordings/ }).click();
  await page.getByRole('button', { name: 'Accessible forms in practice' }).click();
  await page.getByRole('button', { name: 'Delete note at 1:40' }).click();
  await expect.poll(() => trash.locator('.trash-row .hit-text').allTextContents()).toEqual(['Labels beat placeholders']);
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  // The safe answer has the focus.
  await expect.poll(() => trash.evaluate(() => document.activeElement?.textContent)).toBe('Keep them');
  await trash.getByRole('button', { name: 'Delete for good' }).click();
  await expect.poll(() => trash.locator('.toast-text').textContent()).toBe('1 item deleted for good.');
  // The buttons are gone: the focus is on what the trash now holds, the toast says what happened.
  await expect.poll(() => trash.evaluate(() => document.activeElement?.textContent)).toBe('The trash is empty.');
  await screenshot(trash, 'library-trash-emptied');
  expect((await storedNotes(session.browser)).map((n) => n.text)).not.toContain('Labels beat placeholders');
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.locator('.toast-text').textContent()).toBe('Not undone: It is no longer in the trash: the trash was emptied.');
  await trash.close();
  await page.close();
});

test('a backup from a newer version of the extension is refused and changes nothing', async () => {
  const page = await openLibrary();
  const before = await storedNotes(session.browser);
  const newer = { ...JSON.parse(libraryFile(session.server.origin)), version: 99 };
  newer.notes[0].text = 'Changed by the future';
  const message = await importFile(page, writeFixture('newer.json', JSON.stringify(newer)));
  expect(message).toMatch(/made by a newer version of Webinar Notes \(backup version 99/);
  expect(message).toMatch(/Nothing was changed\.$/);
  expect(await storedNotes(session.browser)).toEqual(before);
  await page.close();
});
