/**
 * exportForumPost1000Ms: renderExport('forum') over a recording with 1,000 notes, in Chromium.
 * src/core/export/render.ts is bundled for the browser (core-bundle.ts) and called in a page: the
 * export alone, without the Summary tab's rendering of the preview.
 */
import type { renderExport } from '../../src/core/export/render';
import type { ExportInput } from '../../src/core/export/input';
import { bundleForPage } from '../core-bundle';
import { timings } from '../figure';
import type { Measurement } from '../measurement';
import { withoutExtension } from '../browsers';
import { syntheticNotes, syntheticQa, syntheticRecording } from '../synthetic-notes';

const NOTES = 1000;
const QUESTIONS = 20;
const WARM_UP = 3;
const RUNS = 20;
const BUDGET_P95_MS = 50;
const GLOBAL_NAME = 'WebinarNotesExport';

type ExportWindow = Window & { [GLOBAL_NAME]: { renderExport: typeof renderExport } };

export const exportForumPost: Measurement = {
  title: `forum post export of ${NOTES} notes`,
  async run({ origin }) {
    const script = await bundleForPage('src/core/export/render.ts', GLOBAL_NAME);
    const key = `${origin}/`;
    const input: ExportInput = { recording: syntheticRecording(key), notes: syntheticNotes(key, NOTES), qa: syntheticQa(key, QUESTIONS) };
    const { samples, characters } = await withoutExtension(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/fixtures/no-video.html`);
      await page.addScriptTag({ content: script });
      return page.evaluate(
        ({ input, name, warmUp, runs }) => {
          const { renderExport: render } = (window as unknown as ExportWindow)[name as typeof GLOBAL_NAME];
          const options = {
            forum: { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false },
            annotation: { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', generatedAt: '2026-11-12T18:00:00Z' },
          } as const;
          const times: number[] = [];
          let text = '';
          for (let i = 0; i < warmUp + runs; i++) {
            const start = performance.now();
            text = render('forum', input, options).text;
            if (i >= warmUp) times.push(performance.now() - start);
          }
          return { samples: times, characters: text.length };
        },
        { input, name: GLOBAL_NAME, warmUp: WARM_UP, runs: RUNS },
      );
    });
    return {
      exportForumPost1000Ms: timings(
        samples,
        BUDGET_P95_MS,
        `renderExport('forum') (src/core/export/render.ts bundled by vite build() as a lib iife, run in a Chromium page, not through the Summary tab) on ${NOTES} notes and ${QUESTIONS} questions with speakers, links on, Q&A in [details]; ${WARM_UP} warm-up calls, then each call timed with performance.now(); budget on p95`,
        { postCharacters: characters },
      ),
    };
  },
};
