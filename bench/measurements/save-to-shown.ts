/**
 * saveToShownRatio and saveToShownMs: Enter in the composer → the new note's row rendered in the
 * panel. The list is a live query of the database, so a row shown is a note stored; the count in
 * the database is checked at the end all the same.
 *
 * The baseline is the floor of that trip in the same panel frame: Enter in a plain textarea the
 * bench adds there → one raw IndexedDB put of the same kind of note record (one readwrite
 * transaction into a scratch database, no Dexie) → an li appended → the frame after it rendered.
 * It moves with the machine's IndexedDB, event and frame times as the save does; the ratio says
 * what the app's save (Dexie, the write log, the live query, preact) adds to them.
 */
import type { Frame } from 'playwright-core';
import { panelOf } from '../../test/e2e/browser';
import { alternate, ratio, timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { countNotes } from '../extension-db';
import { saveNote } from '../panel-save';

const RUNS = 30;
const BUDGET_RATIO = 4;
const FLOOR_DB_NAME = 'webinar-notes-bench-floor';

type BenchWindow = FrameClockWindow & { floorMs?: number };

/** Enter in the composer → the note's li rendered, in ms on the panel frame's clock. */
async function save(panel: Frame, i: number): Promise<number> {
  return (await saveNote(panel, `Benchmark note #${i}.`)).ms;
}

/**
 * Adds the floor's textarea and list to the panel frame (fixed in a corner, so focusing it scrolls
 * nothing of the panel) and opens its scratch database.
 */
async function addFloor(panel: Frame): Promise<void> {
  await panel.evaluate(async (name) => {
    const win = window as unknown as BenchWindow;
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('notes', { keyPath: 'id' });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const corner = document.body.appendChild(document.createElement('div'));
    corner.style.cssText = 'position: fixed; left: 0; bottom: 0; width: 120px; height: 40px; overflow: hidden; font-size: 8px;';
    const box = corner.appendChild(document.createElement('textarea'));
    box.id = 'bench-floor-text';
    const list = corner.appendChild(document.createElement('ul'));
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const pressedAt = event.timeStamp;
      const text = box.value;
      const now = Date.now();
      const tx = db.transaction('notes', 'readwrite');
      tx.objectStore('notes').put({ id: crypto.randomUUID(), recordingKey: location.href, t: 0, text, createdAt: now, updatedAt: now });
      tx.oncomplete = () => {
        box.value = '';
        list.prepend(Object.assign(document.createElement('li'), { textContent: text }));
        win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.floorMs = renderedAt - pressedAt));
      };
    });
  }, FLOOR_DB_NAME);
}

/** Enter in the floor's textarea → its li rendered, in ms on the same clock. */
async function floor(panel: Frame, i: number): Promise<number> {
  await panel.evaluate(() => delete (window as unknown as BenchWindow).floorMs);
  const box = panel.locator('#bench-floor-text');
  await box.fill(`Benchmark note #${i}.`);
  await box.press('Enter');
  const shown = await panel.waitForFunction(() => (window as unknown as BenchWindow).floorMs);
  return (await shown.jsonValue()) as number;
}

export const saveToShown: Measurement = {
  title: 'save to shown',
  async run({ origin }) {
    const { measured, baseline, stored } = await withExtension(async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(`${origin}/`);
      const panel = await panelOf(page, browser.extensionId);
      await addFloor(panel);
      const runs = await alternate(
        RUNS,
        (i) => save(panel, i),
        (i) => floor(panel, i),
      );
      return { ...runs, stored: await countNotes(panel, `${origin}/`) };
    });
    if (stored !== RUNS) throw new Error(`saved ${RUNS} notes but the database holds ${stored}`);
    const how = `demo page, empty database: keydown Enter in the composer (event.timeStamp) → the note's li in section.notes and the frame after it rendered (rAF, then a message posted from it), on the panel frame's clock; the list is a Dexie liveQuery, so shown means stored; ${RUNS} notes counted in IndexedDB afterwards`;
    return {
      saveToShownRatio: ratio(
        measured,
        baseline,
        BUDGET_RATIO,
        `${how}; ÷ the baseline in the same panel frame: Enter in a plain textarea the bench adds → one raw IndexedDB put of a note record (one readwrite transaction, a scratch database) → an li prepended → the frame after it rendered; ${RUNS} of each in ABBA order; value = p95 ÷ p95; budget on the ratio`,
        { storedNotes: stored },
      ),
      saveToShownMs: timings(measured, null, `${how}; the absolute figure of saveToShownRatio, for reference (no budget: it depends on the machine)`),
    };
  },
};
