/**
 * Automatic backup files, written for real: Chrome decides where a download goes as it does for a
 * user (harness `downloads`), so the test reads the very file a user would find in
 * Downloads/Webinar Notes backups/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { parseBackup } from '../../src/core/backup';
import { panelOf, screenshot, setDownloadBehavior, typeNote, useBrowser, withTimeout } from './harness';

const downloads = mkdtempSync(join(tmpdir(), 'webinar-notes-downloads-'));
const session = useBrowser({ downloads });
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

type Run = { outcome: 'written'; file: string } | { outcome: 'skipped'; reason: string } | { outcome: 'failed'; message: string };
interface Item {
  filename: string;
  state: string;
  error?: string;
}

/** The check the hourly alarm runs, run now in the service worker. */
async function scheduledCheck(): Promise<Run> {
  const worker = await session.browser.worker();
  return withTimeout('the backup check', worker.evaluate(() => (globalThis as unknown as { webinarNotesBackupCheck(): Promise<Run> }).webinarNotesBackupCheck()));
}

/** Every download of this browser, oldest first, as the extension sees them. */
async function downloadItems(): Promise<Item[]> {
  const worker = await session.browser.worker();
  const items = await worker.evaluate(() => chrome.downloads.search({ orderBy: ['startTime'] }));
  return items.map(({ filename, state, error }) => ({ filename, state, ...(error ? { error } : {}) }));
}

async function offscreenDocuments(): Promise<number> {
  const worker = await session.browser.worker();
  return worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length);
}

/**
 * Moves the last backup back by `ms`, straight in the database, so that one is due; with
 * `records`, every recording, note and Q&A item too, as if all of it were written `ms` earlier.
 */
async function goBack(page: Page, ms: number, options: { records: boolean }): Promise<void> {
  await page.evaluate(
    ({ ms, records }) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('webinar-notes');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tables = records ? ['settings', 'recordings', 'notes', 'qa'] : ['settings'];
          const tx = open.result.transaction(tables, 'readwrite');
          const settings = tx.objectStore('settings');
          const get = settings.get('auto-backup');
          get.onsuccess = () => {
            const row = get.result as { key: string; value: { last: { at: number } } };
            row.value.last.at -= ms;
            settings.put(row);
          };
          for (const name of tables.slice(1)) {
            const store = tx.objectStore(name);
            const all = store.getAll();
            all.onsuccess = () => {
              for (const item of all.result as { updatedAt: number }[]) store.put({ ...item, updatedAt: item.updatedAt - ms });
            };
          }
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { ms, records: options.records },
  );
}

const FILE = /\/Webinar Notes backups\/webinar-notes-\d{4}-\d{2}-\d{2}( \(\d+\))?\.json$/;
const DAY = 24 * 60 * 60 * 1000;

function notesInFile(path: string): string[] {
  const parsed = parseBackup(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.backup.notes.map((note) => note.text);
}

async function openOptions(): Promise<Page> {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/src/pages/options/index.html`);
  await options.getByRole('heading', { name: 'Automatic backups' }).waitFor();
  return options;
}

test('the worker checks every hour; an empty database gets no file', async () => {
  const worker = await session.browser.worker();
  const alarm = await worker.evaluate(() => chrome.alarms.get('auto-backup'));
  expect(alarm?.periodInMinutes).toBe(60);
  // From here the tests run the check themselves: an alarm firing mid-test would add a file.
  await worker.evaluate(() => chrome.alarms.clear('auto-backup'));

  expect(await scheduledCheck()).toEqual({ outcome: 'skipped', reason: expect.stringMatching(/nothing to back up/) });
  expect(await downloadItems()).toEqual([]);
});

test('a due backup is written to Downloads/Webinar Notes backups/ and holds the notes', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Labels beat placeholders');
  await expect.poll(() => panel.locator('li.note').count()).toBe(1);

  const options = await openOptions();
  // Weekly by default; the first file is due at once.
  expect(await options.getByRole('radio', { name: 'Every week' }).isChecked()).toBe(true);
  // Clicked, not check(): the radio follows the stored setting, a moment after the click.
  await options.getByRole('radio', { name: 'Every day' }).click();
  await expect.poll(() => options.getByRole('radio', { name: 'Every day' }).isChecked()).toBe(true);
  await expect.poll(() => options.locator('.toast-text').textContent()).toBe('Saved.');
  await expect.poll(() => options.locator('.last-backup').textContent()).toBe('No backup file has been written yet.');

  const run = await scheduledCheck();
  expect(run).toEqual({ outcome: 'written', file: expect.stringMatching(/^webinar-notes-\d{4}-\d{2}-\d{2}\.json$/) });
  const items = await downloadItems();
  expect(items).toEqual([{ filename: expect.stringMatching(FILE), state: 'complete' }]);
  const [item] = items;
  expect(item?.filename.startsWith(join(downloads, 'Webinar Notes backups'))).toBe(true);
  expect(notesInFile(item?.filename ?? '')).toEqual(['Labels beat placeholders']);
  // The blob URL's document is gone once the file is written.
  expect(await offscreenDocuments()).toBe(0);

  // The options page shows it, live.
  await expect.poll(() => options.locator('.last-backup').textContent()).toMatch(
    new RegExp(`^Last backup: .+, ${run.outcome === 'written' ? run.file.replace(/[.()]/g, '\\$&') : ''}$`),
  );
  await options.close();
  await page.close();
});

test('no new file when nothing changed since the last one, nor before the period has passed', async () => {
  const options = await openOptions();
  expect(await scheduledCheck()).toEqual({ outcome: 'skipped', reason: expect.stringMatching(/not due yet/) });
  await goBack(options, 2 * DAY, { records: true });
  expect(await scheduledCheck()).toEqual({ outcome: 'skipped', reason: expect.stringMatching(/^Nothing changed since the last backup file/) });
  expect(await downloadItems()).toHaveLength(1);
  await options.close();
});

test('with automatic backups off nothing is written; "Back up now" still writes a file', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.server.origin}/`);
  const panel = await panelOf(page, session.browser.extensionId);
  await typeNote(panel, 'Errors go next to the field');
  await expect.poll(() => panel.locator('li.note').count()).toBe(2);

  const options = await openOptions();
  await options.getByRole('radio', { name: 'Off' }).click();
  await expect.poll(() => options.getByRole('radio', { name: 'Off' }).isChecked()).toBe(true);
  await goBack(options, 30 * DAY, { records: false });
  expect(await scheduledCheck()).toEqual({ outcome: 'skipped', reason: 'Automatic backups are off.' });
  expect(await downloadItems()).toHaveLength(1);

  await options.getByRole('button', { name: 'Back up now' }).click();
  await expect.poll(() => options.locator('.backup-actions [role=status]').textContent()).toMatch(/^Written: webinar-notes-\d{4}-\d{2}-\d{2} \(1\)\.json$/);
  const items = await downloadItems();
  expect(items).toHaveLength(2);
  expect(items[1]).toEqual({ filename: expect.stringMatching(FILE), state: 'complete' });
  expect(notesInFile(items[1]?.filename ?? '').sort()).toEqual(['Errors go next to the field', 'Labels beat placeholders']);
  // The earlier file is still there, untouched (a new name, not an overwrite).
  expect(notesInFile(items[0]?.filename ?? '')).toEqual(['Labels beat placeholders']);
  await expect.poll(() => options.locator('.last-backup').textContent()).toMatch(/\(1\)\.json$/);

  const section = options.locator('section', { has: options.getByRole('heading', { name: 'Automatic backups' }) });
  await section.scrollIntoViewIfNeeded();
  await screenshot(options, 'options-auto-backup');
  await options.close();
  await page.close();
});

test('a file the browser refuses is reported in words, and the last good one stays shown', async () => {
  const options = await openOptions();
  await setDownloadBehavior(session.browser.context, 'deny');
  try {
    await options.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => options.locator('.backup-failure').textContent()).toMatch(
      /^The backup of .+ failed\. The backup file could not be written: the download was cancelled\.$/,
    );
    await expect.poll(() => options.locator('.last-backup').textContent()).toMatch(/\(1\)\.json$/);
    expect(await offscreenDocuments()).toBe(0);
    await screenshot(options, 'options-auto-backup-failed');
  } finally {
    await setDownloadBehavior(session.browser.context, 'default');
  }
  await options.close();
});
