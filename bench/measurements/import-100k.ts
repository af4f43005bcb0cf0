/**
 * import100k: a backup of 100,000 notes imported through the real UI, against the floor of a raw
 * IndexedDB bulk put of the same records (no Dexie, no validation, no merge) in the same page,
 * each ROUNDS times in ABBA order (UI, raw, raw, UI…), each into an empty database of a freshly
 * loaded page, so the machine's drift over the minutes this takes lands on both sides.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeBackup } from '../../src/core/backup';
import { DB_NAME, SCHEMA_HISTORY } from '../../src/db/schema';
import { LIBRARY_PAGE } from '../../src/platform/pages';
import { alternate, ratio } from '../figure';
import { progress, type Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { clearRecords, countNotes, openOptionsPage } from '../extension-db';
import { indexedDbStores, type StoreShape } from '../idb-stores';
import { syntheticLibrary } from '../synthetic-notes';

const RECORDINGS = 1000;
const NOTES_EACH = 100;
const QA_EACH = 3;
const BUDGET_RATIO = 1.5;
/** Imports of each kind: each takes about 20 s on 2 shared cores. */
const ROUNDS = 2;
/**
 * Where a user imports a backup. The one place to change when import moves (to the library page,
 * with a progress bar): the page, its file input, and the message that ends it.
 */
const IMPORT_UI = {
  page: LIBRARY_PAGE,
  fileInput: 'input[type="file"][accept*="json"]',
  /** The outcome: role=status when it worked, role=alert with the reason when not. */
  outcome: '.backup-result',
} as const;
const RAW_DB_NAME = 'webinar-notes-bench-raw';
const IMPORT_TIMEOUT_MS = 180_000;

type ImportWindow = Window & { importChosenAt?: number; importOutcome?: { at: number; ok: boolean; text: string } };

/** File chosen (the input's change event) → the outcome message in the DOM, on the page's clock. */
async function importThroughUi(page: Page, file: string): Promise<number> {
  await page.evaluate((outcome) => {
    const win = window as unknown as ImportWindow;
    document.addEventListener('change', () => (win.importChosenAt ??= performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const shown = document.querySelector(outcome);
      if (!shown) return;
      observer.disconnect();
      win.importOutcome = { at: performance.now(), ok: shown.getAttribute('role') !== 'alert', text: shown.textContent ?? '' };
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, IMPORT_UI.outcome);
  await page.setInputFiles(IMPORT_UI.fileInput, file);
  await page.waitForFunction(() => (window as unknown as ImportWindow).importOutcome, null, { timeout: IMPORT_TIMEOUT_MS });
  const { importChosenAt, importOutcome } = await page.evaluate(() => {
    const { importChosenAt, importOutcome } = window as unknown as ImportWindow;
    return { importChosenAt, importOutcome };
  });
  if (!importOutcome?.ok || importChosenAt === undefined) throw new Error(`the import failed: ${importOutcome?.text}`);
  return importOutcome.at - importChosenAt;
}

/**
 * The same file read and parsed, and every record put in one transaction into a new database
 * shaped like the extension's; its stores and indexes are checked against the real one first.
 */
async function rawBulkPut(page: Page, file: string, stores: StoreShape[]): Promise<{ ms: number; notes: number }> {
  await page.evaluate(() => document.body.appendChild(Object.assign(document.createElement('input'), { type: 'file', id: 'bench-raw-file' })));
  await page.setInputFiles('#bench-raw-file', file);
  return page.evaluate(
    async ({ stores, rawName, appName }) => {
      const opened = (request: IDBOpenDBRequest) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const shape = (db: IDBDatabase) => {
        const names = [...db.objectStoreNames].sort();
        const tx = db.transaction(names);
        return JSON.stringify(names.map((name) => [name, [...tx.objectStore(name).indexNames].sort()]));
      };
      const request = indexedDB.open(rawName, 1);
      request.onupgradeneeded = () => {
        for (const store of stores) {
          const created = request.result.createObjectStore(store.name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement });
          for (const index of store.indexes) created.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      };
      const db = await opened(request);
      const app = await opened(indexedDB.open(appName));
      if (shape(db) !== shape(app)) throw new Error(`raw database ${shape(db)} is not shaped like the extension's ${shape(app)}`);
      app.close();

      const input = document.getElementById('bench-raw-file') as HTMLInputElement;
      const start = performance.now();
      const backup = JSON.parse(await (input.files as FileList)[0]!.text()) as Record<'recordings' | 'notes' | 'qa', unknown[]>;
      const tx = db.transaction(['recordings', 'notes', 'qa'], 'readwrite');
      for (const store of ['recordings', 'notes', 'qa'] as const) for (const record of backup[store]) tx.objectStore(store).put(record);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const ms = performance.now() - start;
      db.close();
      await new Promise((resolve) => (indexedDB.deleteDatabase(rawName).onsuccess = resolve));
      return { ms, notes: backup.notes.length };
    },
    { stores, rawName: RAW_DB_NAME, appName: DB_NAME },
  );
}

export const import100k: Measurement = {
  title: `import of ${(RECORDINGS * NOTES_EACH).toLocaleString('en')} notes`,
  async run() {
    const notes = RECORDINGS * NOTES_EACH;
    const dir = mkdtempSync(join(tmpdir(), 'webinar-notes-bench-'));
    const file = join(dir, 'webinar-notes-backup.json');
    // As the extension downloads a backup: makeBackup, indented by 2.
    const backup = makeBackup(syntheticLibrary(RECORDINGS, NOTES_EACH, QA_EACH), new Date('2026-11-12T18:00:00Z'));
    const text = JSON.stringify(backup, null, 2);
    writeFileSync(file, text);
    const stores = indexedDbStores((SCHEMA_HISTORY.at(-1) as (typeof SCHEMA_HISTORY)[number]).stores);
    try {
      return await withExtension(async (browser) => {
        // The options page first: once it shows, the app's Dexie has made the database.
        const page = await openOptionsPage(browser);
        const cdp = await browser.context.newCDPSession(page);
        /** The import page loaded afresh, the last run's 40 MB of garbage collected. */
        const fresh = async () => {
          await page.goto(`chrome-extension://${browser.extensionId}/${IMPORT_UI.page}`);
          await cdp.send('HeapProfiler.collectGarbage');
        };
        const { measured, baseline } = await alternate(
          ROUNDS,
          async () => {
            await clearRecords(page);
            await fresh();
            progress('  the import through the UI');
            const uiMs = await importThroughUi(page, file);
            const imported = await countNotes(page);
            if (imported !== notes) throw new Error(`the import reported success but the database holds ${imported} notes, not ${notes}`);
            return uiMs;
          },
          async () => {
            await fresh();
            progress('  the raw IndexedDB bulk put');
            const raw = await rawBulkPut(page, file, stores);
            if (raw.notes !== notes) throw new Error(`the raw put wrote ${raw.notes} notes, not ${notes}`);
            return raw.ms;
          },
        );
        return {
          import100k: ratio(
            measured,
            baseline,
            BUDGET_RATIO,
            `a backup (makeBackup, JSON indented by 2) of ${RECORDINGS} recordings × ${NOTES_EACH} notes + ${RECORDINGS * QA_EACH} Q&A items: the UI's import (${IMPORT_UI.page}: file input's change → the outcome message, on the page's clock, ${notes} notes counted afterwards) ÷ the baseline, a raw put of the same file in the same page (file.text, JSON.parse, one IndexedDB transaction putting every record into a new database with the stores and indexes of src/db/schema.ts, no Dexie, no validation), each into an empty database of a freshly loaded page, ${ROUNDS} of each in ABBA order; value = p95 ÷ p95 (with ${ROUNDS} runs: the slowest of each); budget on the ratio`,
            { fileBytes: Buffer.byteLength(text) },
          ),
        };
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
