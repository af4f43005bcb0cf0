/**
 * Restoring a backup after a reinstall: the fresh profile is the reinstall, one note taken on the
 * video before the import creates the recording anew, and the import must still bring back the
 * backup's details and speakers, with the restored note naming its speaker.
 */
import { expect, test } from 'vitest';
import { makeBackup } from '../../src/core/backup';
import type { Note, Recording } from '../../src/core/model';
import { importFile, openLibrary, panelOf, screenshot, storedNotes, typeNote, useBrowser, writeFixture } from './harness';

const session = useBrowser();
const DAY = 86_400_000;

/** The backup made before the reinstall: details, two speakers, a note by one of them. */
function backupOf(key: string): string {
  const now = Date.now();
  const recording: Recording = {
    key, site: 'html5', url: key, title: 'Demo video',
    details: { title: 'Accessible forms in practice', date: '2026-10-02', organiser: 'Forms Guild', description: 'Labels, errors and CSRF.' },
    speakers: [{ id: 'ada', name: 'Ada Example', role: 'Host' }, { id: 'bo', name: 'Bo Sample' }],
    createdAt: now - 30 * DAY, updatedAt: now - 2 * DAY,
  };
  const note: Note = { id: 'by-ada', recordingKey: key, t: 30, text: 'Validate on the server, always', speakerId: 'ada', createdAt: now - 2 * DAY, updatedAt: now - 2 * DAY };
  return JSON.stringify(makeBackup({ recordings: [recording], notes: [note], qa: [] }, new Date(now - 2 * DAY)));
}

test('after a reinstall and one new note, importing the backup brings back the speakers and details, and the note keeps its speaker', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Taken before restoring');
  await expect.poll(async () => (await storedNotes(session.browser)).length).toBe(1);
  const [taken] = await storedNotes(session.browser);

  const library = await openLibrary(session.browser);
  const file = writeFixture('restore.json', backupOf(taken?.recordingKey ?? ''));
  const message = await importFile(library, file);
  expect(message).toBe('Restored from restore.json: 1 added, 1 merged, 0 already up to date.');

  // The library: the backup's title and details, both speakers, the note by its speaker.
  await library.getByRole('button', { name: 'Accessible forms in practice' }).click();
  await expect.poll(() => library.locator('.lib-note .note-line').allTextContents()).toEqual([
    expect.stringMatching(/^0:0\d Taken before restoring$/),
    '0:30 Ada Example: Validate on the server, always',
  ]);
  expect(await library.locator('li.speaker').allTextContents()).toEqual([expect.stringMatching(/^Ada Example · Host/), expect.stringMatching(/^Bo Sample/)]);
  expect(await library.getByLabel('Organiser').inputValue()).toBe('Forms Guild');
  expect(await library.getByLabel('Description').inputValue()).toBe('Labels, errors and CSRF.');
  await screenshot(library, 'library-restored');

  // The panel, still open on the video, shows the restored note with its speaker.
  await expect.poll(() => panel.locator('li.note .note-speaker').allTextContents()).toEqual(['Ada Example: ']);

  // The same file again changes nothing (the message replaces the first one).
  await library.getByLabel('Import a backup…').setInputFiles(file);
  await expect.poll(() => library.locator('.backup-result').textContent()).toBe('Restored from restore.json: 0 added, 0 merged, 2 already up to date.');
  await library.close();
  await page.close();
});
