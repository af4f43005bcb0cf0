/**
 * panelOpen10k* and scrollFrame*: the notes panel on a recording with 10,000 notes, against the
 * same on a recording with 1,000 (the baseline: enough rows to scroll as far), each in its own
 * browser, both open at once, opened and scrolled in ABBA order. The panel reads and draws a
 * first screenful and its list is virtual, so opening and scrolling it should cost about the same
 * at either size: the budgets sit on the ratios. The panel's notes are `li` elements inside
 * `section.notes`; nothing here assumes every row is in the DOM or which element scrolls.
 */
import type { Frame } from 'playwright-core';
import { panelOf, type Browser } from '../../test/e2e/browser';
import { alternate, percentile, ratio, roundMs, timings } from '../figure';
import type { FrameClockWindow } from '../frame-clock';
import { progress, type Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { openOptionsPage, putRecords } from '../extension-db';
import { syntheticNotes, syntheticRecording } from '../synthetic-notes';

const NOTES = 10_000;
const SMALL_NOTES = 1_000;
/** Opens of each panel. */
const OPEN_RUNS = 8;
const OPEN_BUDGET_RATIO = 1.5;
/** Frames scrolled on each list, in two stretches each (ABBA). */
const SCROLL_FRAMES = 300;
const SCROLL_BUDGET_RATIO = 1.5;
/** Pixels a frame: a brisk wheel scroll (about 3,600 px/s at 60 frames a second). */
const SCROLL_STEP = 60;
/** A frame at 60 Hz: how many frames went over it is kept beside the ratio. */
const FRAME_MS = 16.7;

type BenchWindow = FrameClockWindow & { notesRendered?: { inDomAt: number; at: number; rows: number }; allNotesAt?: number };

/**
 * Init script: in the panel frame, notes when the first note row is in section.notes and the
 * frame showing it has been rendered, on the frame's clock (0 = its navigation start), and when
 * the list holds all `total` notes.
 */
function watchFirstRender(total: number): void {
  if (!location.pathname.endsWith('/src/pages/panel/index.html')) return;
  const win = window as unknown as BenchWindow;
  // The panel shows a first screenful while it reads the rest; the list's label counts them all.
  const all = new MutationObserver(() => {
    if (document.querySelector('section.notes')?.getAttribute('aria-label') !== `Notes (${total})`) return;
    all.disconnect();
    win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.allNotesAt = renderedAt));
  });
  all.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  const observer = new MutationObserver(() => {
    const rows = document.querySelectorAll('section.notes li');
    if (rows.length === 0) return;
    observer.disconnect();
    const inDomAt = performance.now();
    win.benchFrameClock.afterNextFrame((_, renderedAt) => (win.notesRendered = { inDomAt, at: renderedAt, rows: rows.length }));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Scrolls the notes down `frames` frames from where they are; per frame, its start (rAF) and when its rendering was done. */
function scrollNotes(panel: Frame, frames: number): Promise<{ frameStarts: number[]; renderedAts: number[]; longAnimationFrames: number; scrolledPx: number }> {
  return panel.evaluate(
    ({ frames, step }) =>
      new Promise((resolve, reject) => {
        const first = document.querySelector('section.notes li');
        let scroller = first?.parentElement ?? null;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
          scroller = scroller.parentElement;
        }
        if (!scroller) {
          reject(new Error('no scrolling ancestor of the note rows'));
          return;
        }
        const list = scroller;
        const start = list.scrollTop;
        let longAnimationFrames = 0;
        const loaf = new PerformanceObserver((entries) => (longAnimationFrames += entries.getEntries().length));
        loaf.observe({ type: 'long-animation-frame' });
        const frameStarts: number[] = [];
        const renderedAts: number[] = [];
        const clock = (window as unknown as FrameClockWindow).benchFrameClock;
        const next = () =>
          clock.afterNextFrame((frameStart, renderedAt) => {
            frameStarts.push(frameStart);
            renderedAts.push(renderedAt);
            if (frameStarts.length === frames) {
              loaf.disconnect();
              resolve({ frameStarts, renderedAts, longAnimationFrames, scrolledPx: list.scrollTop - start });
              return;
            }
            list.scrollTop += step;
            next();
          });
        next();
      }),
    { frames, step: SCROLL_STEP },
  );
}

interface Open {
  /** Navigation start → the first row rendered. */
  at: number;
  inDomAt: number;
  /** Navigation start → the list holding every note, rendered. */
  allAt: number;
  rows: number;
}

interface Scrolled {
  /** Main-thread work of each frame, ms. */
  work: number[];
  /** rAF to rAF, ms. */
  deltas: number[];
  longAnimationFrames: number;
  scrolledPx: number;
}

/** A browser whose database holds one recording of `notes` notes for the demo page, watched as it opens. */
async function seeded(browser: Browser, recordingKey: string, notes: number): Promise<void> {
  const options = await openOptionsPage(browser);
  await putRecords(options, { recordings: [syntheticRecording(recordingKey)], notes: syntheticNotes(recordingKey, notes) });
  await options.close();
  await browser.context.addInitScript(watchFirstRender, notes);
}

/** Opens the demo page in a new tab and times its panel; the page stays open when `keep`. */
async function openPanel(browser: Browser, recordingKey: string, keep = false): Promise<{ open: Open; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(recordingKey);
  const panel = await panelOf(page, browser.extensionId);
  const rendered = await panel.waitForFunction(() => (window as unknown as BenchWindow).notesRendered, null, { timeout: 60_000 });
  const first = (await rendered.jsonValue()) as { inDomAt: number; at: number; rows: number };
  const all = await panel.waitForFunction(() => (window as unknown as BenchWindow).allNotesAt, null, { timeout: 60_000 });
  const open = { ...first, allAt: (await all.jsonValue()) as number };
  if (!keep) await page.close();
  return { open, panel };
}

async function scrollStretch(panel: Frame, into: Scrolled): Promise<Scrolled> {
  const scroll = await scrollNotes(panel, SCROLL_FRAMES / 2);
  into.work.push(...scroll.renderedAts.map((at, i) => at - (scroll.frameStarts[i] as number)));
  into.deltas.push(...scroll.frameStarts.slice(1).map((at, i) => at - (scroll.frameStarts[i] as number)));
  into.longAnimationFrames += scroll.longAnimationFrames;
  into.scrolledPx += scroll.scrolledPx;
  return into;
}

const p50p95 = (ms: number[]) => ({ p50: roundMs(percentile(ms, 0.5)), p95: roundMs(percentile(ms, 0.95)) });

export const panel10k: Measurement = {
  title: `panel with ${NOTES.toLocaleString('en')} notes`,
  async run({ origin }) {
    const recordingKey = `${origin}/`;
    const { opens, scrolls } = await withExtension((big) =>
      withExtension(async (small) => {
        progress(`  seeding ${NOTES} notes and ${SMALL_NOTES}`);
        await seeded(big, recordingKey, NOTES);
        await seeded(small, recordingKey, SMALL_NOTES);
        const opens = await alternate(
          OPEN_RUNS,
          async () => (await openPanel(big, recordingKey)).open,
          async () => (await openPanel(small, recordingKey)).open,
        );
        progress('  scrolling the lists');
        const panels = { big: (await openPanel(big, recordingKey, true)).panel, small: (await openPanel(small, recordingKey, true)).panel };
        const scrolled = (): Scrolled => ({ work: [], deltas: [], longAnimationFrames: 0, scrolledPx: 0 });
        const into = { big: scrolled(), small: scrolled() };
        await alternate(
          2,
          () => scrollStretch(panels.big, into.big),
          () => scrollStretch(panels.small, into.small),
        );
        return { opens, scrolls: into };
      }),
    );
    const openHow = `the demo page's recording seeded in IndexedDB with ${NOTES} notes, and in a second browser with ${SMALL_NOTES} (the baseline), both open at once; the page opened ${OPEN_RUNS} times in each, in ABBA order: panel frame's navigation start (its performance.now() = 0) → the first li in section.notes and the frame showing it rendered (rAF, then a message posted from it); the panel reads and shows its first 40 notes, then all of them: allNotesListedAtMs is when the list holds them all (its label says so)`;
    const scrollHow = `the same panels, the scrolling ancestor of the rows found at run time, scrolled ${SCROLL_STEP} px a frame for ${SCROLL_FRAMES} frames each, in two stretches each in ABBA order: per frame, main-thread work = rAF timestamp → a message posted from that rAF callback arriving (after the frame's style, layout and paint); headless rAF deltas are vsync-quantised, so they are reported beside it, not as the figure`;
    const scrollDetails = (s: Scrolled) => ({
      rafDeltaMs: { ...p50p95(s.deltas), max: roundMs(Math.max(...s.deltas)) },
      framesOver16_7Ms: s.work.filter((ms) => ms > FRAME_MS).length,
      longAnimationFrames: s.longAnimationFrames,
      scrolledPx: s.scrolledPx,
    });
    const big = opens.measured;
    const small = opens.baseline;
    return {
      panelOpen10kRatio: ratio(
        big.map((o) => o.at),
        small.map((o) => o.at),
        OPEN_BUDGET_RATIO,
        `${openHow}; value = p95 at ${NOTES} ÷ p95 at ${SMALL_NOTES}; budget on the ratio`,
        // Query and render against style, layout and paint: which of them a faster list must cut.
        {
          rowsInDom: big[0]?.rows,
          rowsInDomAtMs: { at10k: p50p95(big.map((o) => o.inDomAt)), at1k: p50p95(small.map((o) => o.inDomAt)) },
          allNotesListedAtMs: { at10k: p50p95(big.map((o) => o.allAt)), at1k: p50p95(small.map((o) => o.allAt)) },
        },
      ),
      panelOpen10kMs: timings(big.map((o) => o.at), null, `${openHow}; at ${NOTES} notes: the absolute figure of panelOpen10kRatio, for reference (no budget: it depends on the machine)`),
      scrollFrame10kRatio: ratio(
        scrolls.big.work,
        scrolls.small.work,
        SCROLL_BUDGET_RATIO,
        `${scrollHow}; value = p95 at ${NOTES} ÷ p95 at ${SMALL_NOTES}; budget on the ratio`,
        { at10k: scrollDetails(scrolls.big), at1k: scrollDetails(scrolls.small) },
      ),
      scrollFrameMs: timings(scrolls.big.work, null, `${scrollHow}; at ${NOTES} notes: the absolute figure of scrollFrame10kRatio, for reference (no budget: it depends on the machine)`),
    };
  },
};
