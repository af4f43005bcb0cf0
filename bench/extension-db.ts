/**
 * The extension's IndexedDB ("webinar-notes"), read and written without Dexie from any page of
 * the extension's origin: to seed it, count it and empty it around a measurement.
 */
import type { Frame, Page } from 'playwright-core';
import type { Browser } from '../test/e2e/browser';
import { DB_NAME } from '../src/db/schema';

export type Tables = Partial<Record<'recordings' | 'notes' | 'qa' | 'transcripts' | 'settings' | 'recordingStats', unknown[]>>;

/**
 * The options page, once it has read the settings: the app's own Dexie has then created or
 * upgraded the database, so every store of the latest schema exists.
 */
export async function openOptionsPage(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
  await page.locator('h1').waitFor();
  return page;
}

/** Puts every record in one transaction. */
export function putRecords(page: Page, tables: Tables): Promise<void> {
  return page.evaluate(
    ({ name, tables }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(tables), 'readwrite');
          for (const [store, records] of Object.entries(tables)) for (const record of records ?? []) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: DB_NAME, tables },
  );
}

/**
 * Empties the notes, recordings, Q&A and transcripts, and what the app keeps beside them (schema
 * 5): the kept counts (`recordingStats`) and the change log (`changes`), which would otherwise
 * describe records no longer there to a page that follows the log.
 */
export function clearRecords(page: Page): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = ['recordings', 'notes', 'qa', 'transcripts', 'recordingStats', 'changes'];
          const tx = open.result.transaction(stores, 'readwrite');
          for (const store of stores) tx.objectStore(store).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    DB_NAME,
  );
}

/** Notes stored (trashed ones too), of one recording or of all. */
export function countNotes(target: Page | Frame, recordingKey?: string): Promise<number> {
  return target.evaluate(
    ({ name, key }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const notes = open.result.transaction('notes').objectStore('notes');
          const count = key === null ? notes.count() : notes.index('recordingKey').count(key);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    { name: DB_NAME, key: recordingKey ?? null },
  );
}

/**
 * The settings row with the automatic backup off. A profile's first automatic backup runs as soon
 * as there are notes; at 100,000 notes it makes the file in an extension page (Chrome's offscreen
 * document), which shares its thread with every other extension page: a measurement of one of
 * them would time the backup. (The backup's own cost is noted in bench/RESULTS.md.)
 */
export const AUTO_BACKUP_OFF = { key: 'settings', value: { autoBackup: 'off' } };
