/**
 * saveToShown10kRatio and markerBytesPerSave10k: what a save costs when the recording already has
 * 10,000 notes, against one with 10. Two tabs, one a recording, both panels open; saves alternate
 * between them in one run (the tab saving is brought to the front), so drift of the shared machine
 * lands on both sides of the ratio. A save that re-reads the whole recording, or re-sends every
 * marker to the page, makes the 10,000-note side slower; one that reads and sends what changed
 * does not.
 */
import type { Frame, Page } from 'playwright-core';
import { panelOf, type Browser } from '../../test/e2e/browser';
import { alternate, median, percentile, ratio, roundMs, single } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import { progress, type Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { saveNote } from '../panel-save';
import { countNotes, openOptionsPage, putRecords } from '../extension-db';
import { syntheticNotes, syntheticRecording } from '../synthetic-notes';

const BIG = 10_000;
const SMALL = 10;
/** Saves on each side. */
const RUNS = 24;
const RATIO_BUDGET = 1.2;
/** A save's marker messages at 10,000 notes: a few changes, not every time (about 70 kB). */
const BYTES_BUDGET = 1_000;

type BenchWindow = FrameClockWindow & {
  /** Every marker message the panel sent its page: when (performance.now()) and its JSON length. */
  markerMessages?: { at: number; bytes: number }[];
};

/**
 * Init script: in the panel frame, records the size of each marker message put on the port to the
 * page (`markers`, and `marker-changes` where the panel sends differences), as JSON, which is how
 * the browser carries it. Wraps the port the panel opens; everything else passes through.
 */
function countMarkerBytes(): void {
  if (!location.pathname.endsWith('/src/pages/panel/index.html')) return;
  const win = window as unknown as BenchWindow;
  win.markerMessages = [];
  const wrap = <F>(open: F): F =>
    function (this: unknown, ...args: unknown[]): chrome.runtime.Port {
      const port = (open as (...args: unknown[]) => chrome.runtime.Port).apply(this, args);
      const post = port.postMessage.bind(port);
      port.postMessage = (message: { type?: string }) => {
        if (typeof message?.type === 'string' && message.type.startsWith('marker')) {
          win.markerMessages?.push({ at: performance.now(), bytes: new TextEncoder().encode(JSON.stringify(message)).length });
        }
        post(message);
      };
      return port;
    } as F;
  if (chrome.tabs?.connect) chrome.tabs.connect = wrap(chrome.tabs.connect);
  chrome.runtime.connect = wrap(chrome.runtime.connect);
}

interface Side {
  label: string;
  page: Page;
  panel: Frame;
  key: string;
  notes: number;
  ms: number[];
  /** Enter → the row in the DOM, before that frame's style, layout and paint. */
  inDom: number[];
  bytes: number[];
}

async function open(browser: Browser, key: string, notes: number, label: string): Promise<Side> {
  const page = await browser.context.newPage();
  await page.goto(key);
  const panel = await panelOf(page, browser.extensionId);
  await panel.waitForFunction((n) => document.querySelector('section.notes')?.getAttribute('aria-label') === `Notes (${n})`, notes, { timeout: 60_000 });
  // The first marker set has gone to the page.
  await panel.waitForFunction(() => ((window as unknown as BenchWindow).markerMessages?.length ?? 0) > 0, null, { timeout: 60_000 });
  return { label, page, panel, key, notes, ms: [], inDom: [], bytes: [] };
}

/** Saves one note at `seconds` into the (5-minute) demo video, so the list shows its row there, and times it. */
async function save(side: Side, i: number, seconds: number): Promise<void> {
  const { page, panel } = side;
  await page.bringToFront();
  await page.evaluate((t) => ((document.querySelector('video') as HTMLVideoElement).currentTime = t), seconds);
  await panel.waitForFunction(
    (t) => {
      const now = (globalThis as { webinarNotesPlayback?: { timeNow(): number | null } }).webinarNotesPlayback?.timeNow() ?? null;
      return now !== null && Math.abs(now - t) < 0.5;
    },
    seconds,
  );
  const text = `Benchmark note #${i} on ${side.label}.`;
  const { ms, inDom, pressedAt } = await saveNote(panel, text);
  side.ms.push(ms);
  side.inDom.push(inDom);
  // The markers follow the list: wait for this save's message, then count what it took.
  const sent = await panel.waitForFunction(
    (since) => {
      const after = ((window as unknown as BenchWindow).markerMessages ?? []).filter((m) => m.at >= since);
      return after.length > 0 && after.reduce((sum, m) => sum + m.bytes, 0);
    },
    pressedAt,
  );
  side.bytes.push((await sent.jsonValue()) as number);
}

export const saveByListSize: Measurement = {
  title: `save to shown by list size (${BIG.toLocaleString('en')} notes against ${SMALL})`,
  async run({ origin }) {
    return withExtension(async (browser) => {
      const big = `${origin}/?bench=big`;
      const small = `${origin}/?bench=small`;
      const options = await openOptionsPage(browser);
      await putRecords(options, {
        recordings: [syntheticRecording(big, 0), syntheticRecording(small, 1)],
        notes: [...syntheticNotes(big, BIG), ...syntheticNotes(small, SMALL, BIG)],
      });
      await options.close();
      await browser.context.addInitScript(countMarkerBytes);
      const sides = [await open(browser, big, BIG, 'big'), await open(browser, small, SMALL, 'small')];
      const [large, few] = sides as [Side, Side];
      await alternate(
        RUNS,
        (i) => save(large, i, 20 + i * 10),
        async (i) => {
          await save(few, i, 20 + i * 10);
          if (i % 6 === 5) progress(`  ${i + 1} of ${RUNS} rounds`);
        },
      );
      for (const side of sides) {
        const stored = await countNotes(side.panel, side.key);
        if (stored !== side.notes + RUNS) throw new Error(`${side.label}: saved ${RUNS} notes to ${side.notes} but the database holds ${stored}`);
      }
      const p50 = (ms: number[]) => roundMs(percentile(ms, 0.5));
      return {
        saveToShown10kRatio: ratio(
          large.ms,
          few.ms,
          RATIO_BUDGET,
          `two tabs of the demo page, one recording with ${BIG} seeded notes, one with ${SMALL} (the baseline), both panels open; ${RUNS} saves each, alternating (ABBA), each at its own video time: keydown Enter (event.timeStamp) → the note's li in section.notes and the frame after it rendered, on the panel frame's clock, as saveToShownMs; value = p95(${BIG}) ÷ p95(${SMALL}); budget on the ratio`,
          { rowInDomP50Ms: { at10k: p50(large.inDom), at10: p50(few.inDom) } },
        ),
        markerBytesPerSave10k: single(
          median(large.bytes),
          'bytes',
          BYTES_BUDGET,
          RUNS,
          `the same saves: bytes of the marker messages (as JSON, UTF-8) the panel put on its port to the page between Enter and the first one after it, on the ${BIG}-note recording; median (max beside it)`,
          { max: Math.max(...large.bytes), medianAt10: median(few.bytes) },
        ),
      };
    });
  },
};
