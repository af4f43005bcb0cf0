/**
 * exportForumPost1000Ratio and exportForumPost1000Ms: renderExport('forum') over a recording with
 * 1,000 notes, in Chromium. src/core/export/render.ts is bundled for the browser (core-bundle.ts)
 * and called in a page: the export alone, without the Summary tab's rendering of the preview.
 *
 * The baseline is the same export of a tenth of it (100 notes, 2 questions) in the same page,
 * calls alternated with the large one's (ABBA): the same code on the same machine, so the ratio
 * says how the export grows with the recording, about 10 when linear and 100 when quadratic.
 * (JSON.stringify of the same input was tried as a floor: native code at 0.4 ms, its p95 was one
 * garbage collection, not the machine's speed.)
 */
import type { renderExport } from '../../src/core/export/render';
import type { ExportInput } from '../../src/core/export/input';
import { bundleForPage } from '../core-bundle';
import { abbaOrder, ratio, timings } from '../figure';
import type { Measurement } from '../measurement';
import { withoutExtension } from '../browsers';
import { syntheticNotes, syntheticQa, syntheticRecording } from '../synthetic-notes';

const NOTES = 1000;
const QUESTIONS = 20;
const WARM_UP = 3;
const RUNS = 20;
const BUDGET_RATIO = 15;
const SMALL_NOTES = 100;
const SMALL_QUESTIONS = 2;
const GLOBAL_NAME = 'WebinarNotesExport';

type ExportWindow = Window & { [GLOBAL_NAME]: { renderExport: typeof renderExport } };

export const exportForumPost: Measurement = {
  title: `forum post export of ${NOTES} notes`,
  async run({ origin }) {
    const script = await bundleForPage('src/core/export/render.ts', GLOBAL_NAME);
    const key = `${origin}/`;
    const input: ExportInput = { recording: syntheticRecording(key), notes: syntheticNotes(key, NOTES), qa: syntheticQa(key, QUESTIONS) };
    const small: ExportInput = { recording: input.recording, notes: syntheticNotes(key, SMALL_NOTES), qa: syntheticQa(key, SMALL_QUESTIONS) };
    const { measured, baseline, characters, smallCharacters } = await withoutExtension(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/fixtures/no-video.html`);
      await page.addScriptTag({ content: script });
      return page.evaluate(
        ({ inputs, name, warmUp, order }) => {
          const { renderExport: render } = (window as unknown as ExportWindow)[name as typeof GLOBAL_NAME];
          const options = {
            forum: { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false },
            annotation: { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', generatedAt: '2026-11-12T18:00:00Z' },
          } as const;
          const characters = { measured: 0, baseline: 0 };
          const exportOnce = (side: 'measured' | 'baseline') => {
            const start = performance.now();
            characters[side] = render('forum', inputs[side], options).text.length;
            return performance.now() - start;
          };
          for (let i = 0; i < warmUp; i++) {
            exportOnce('measured');
            exportOnce('baseline');
          }
          const times = { measured: [] as number[], baseline: [] as number[] };
          for (const side of order) times[side].push(exportOnce(side));
          return { ...times, characters: characters.measured, smallCharacters: characters.baseline };
        },
        // ABBA, as alternate() runs them: code in the page cannot import it, so it gets the order.
        { inputs: { measured: input, baseline: small }, name: GLOBAL_NAME, warmUp: WARM_UP, order: abbaOrder(RUNS) },
      );
    });
    const how = `renderExport('forum') (src/core/export/render.ts bundled by vite build() as a lib iife, run in a Chromium page, not through the Summary tab) on ${NOTES} notes and ${QUESTIONS} questions with speakers, links on, Q&A in [details]; ${WARM_UP} warm-up calls, then each call timed with performance.now()`;
    return {
      exportForumPost1000Ratio: ratio(
        measured,
        baseline,
        BUDGET_RATIO,
        `${how}, ÷ the baseline: the same export of ${SMALL_NOTES} notes and ${SMALL_QUESTIONS} questions in the same page, ${RUNS} calls each in ABBA order after ${WARM_UP} warm-up calls of each; about 10 when linear, 100 when quadratic; value = p95 ÷ p95; budget on the ratio`,
        { postCharacters: characters, smallPostCharacters: smallCharacters },
      ),
      exportForumPost1000Ms: timings(measured, null, `${how}; the absolute figure of exportForumPost1000Ratio, for reference (no budget: it depends on the machine)`),
    };
  },
};
