/**
 * qaPaste*: parseQaPaste (src/core/qa-paste.ts) on the pastes that once made it quadratic (issue
 * 11, item 9), each at n and 2n, in Chromium. The figure is the fastest time(2n) ÷ the fastest
 * time(n): about 2 for a linear parser, 4 for a quadratic one, whatever the machine; the budget
 * sits on that ratio.
 * A normal paste (Q:/A: pairs) is measured the same way in the same page, as the baseline.
 */
import type { parseQaPaste } from '../../src/core/qa-paste';
import { bundleForPage } from '../core-bundle';
import { abbaOrder, median, roundMs, single } from '../figure';
import type { Measurement } from '../measurement';
import { withoutExtension } from '../browsers';

const WARM_UP = 2;
const RUNS = 15;
const BUDGET_RATIO = 3;
const GLOBAL_NAME = 'WebinarNotesQaPaste';

type PasteWindow = Window & { [GLOBAL_NAME]: { parseQaPaste: typeof parseQaPaste } };

/** A deterministic mix of the pieces of every worst case below (a 32-bit LCG, fixed seed). */
function fuzz(n: number): string {
  const pieces = ['[quote=', '[quote]', '[/quote]', '[details=Why?]', '[/details]', 'Why?', '\n\n', '— Jane\n', 'Jane Doe: yes\n', 'x"', 'Q: ', 'A: ', ']', '**'];
  let seed = 20261201;
  let text = '';
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    text += pieces[seed % pieces.length];
  }
  return text;
}

/** Name → [the paste of size n, n]. Sizes put each paste at roughly 100–300 kB. */
const CASES: Record<string, [(n: number) => string, number]> = {
  normal: [(n) => Array.from({ length: n }, (_, i) => `Q: Is item ${i} ready?\nA: Item ${i} ships soon.`).join('\n\n'), 2_000],
  unclosedQuoteParam: [(n) => '[quote='.repeat(n), 20_000],
  nestedQuotes: [(n) => `${'[quote]Why?'.repeat(n)}${'[/quote]'.repeat(n)}`, 2_000],
  nestedDetails: [(n) => `${'[details=Why?]'.repeat(n)}x${'[/details]'.repeat(n)}`, 2_000],
  attributionParagraphs: [(n) => `Q: Why?\n\n${'— Jane\n\n'.repeat(n)}`, 10_000],
  answerParagraphs: [(n) => `Why?\n\n${'Jane Doe: yes\n\n'.repeat(n)}`, 10_000],
  csvQuotesInCell: [(n) => `Hi, all\n${'x"'.repeat(n)}`, 50_000],
  fuzz: [fuzz, 20_000],
};

const figureName = (name: string) => `qaPaste${name[0]?.toUpperCase()}${name.slice(1)}Ratio`;

export const qaPasteWorst: Measurement = {
  title: 'Q&A paste parser on its worst inputs',
  async run({ origin }) {
    const script = await bundleForPage('src/core/qa-paste.ts', GLOBAL_NAME);
    const pastes = Object.entries(CASES).map(([name, [make, n]]) => ({ name, n, small: make(n), large: make(2 * n) }));
    const measured = await withoutExtension(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/fixtures/no-video.html`);
      await page.addScriptTag({ content: script });
      return page.evaluate(
        ({ pastes, name, warmUp, order }) => {
          const { parseQaPaste: parse } = (window as unknown as PasteWindow)[name as typeof GLOBAL_NAME];
          const once = (text: string) => {
            const start = performance.now();
            parse(text);
            return performance.now() - start;
          };
          // 2n and n in ABBA order, so a busy spell of the machine, or the collection of the call
          // before, falls on both alike.
          return pastes.map((p) => {
            for (let i = 0; i < warmUp; i++) {
              once(p.small);
              once(p.large);
            }
            const large: number[] = [];
            const small: number[] = [];
            for (const side of order) (side === 'measured' ? large : small).push(once(side === 'measured' ? p.large : p.small));
            return { name: p.name, n: p.n, small, large, chars: p.small.length };
          });
        },
        // ABBA, as alternate() runs them: code in the page cannot import it, so it gets the order.
        { pastes, name: GLOBAL_NAME, warmUp: WARM_UP, order: abbaOrder(RUNS) },
      );
    });
    const baseline = measured.find((m) => m.name === 'normal');
    return Object.fromEntries(
      measured.map((m) => {
        // The fastest run of each size is the one the busy machine (2 cores, garbage collection
        // of the run before) disturbed least: the ratio of those says how the parse itself scales.
        const ratio = Math.round((Math.min(...m.large) / Math.max(Math.min(...m.small), 0.01)) * 100) / 100;
        return [
          figureName(m.name),
          single(
            ratio,
            'ratio',
            BUDGET_RATIO,
            RUNS,
            `parseQaPaste (src/core/qa-paste.ts bundled by vite build() as a lib iife, run in a Chromium page) on the "${m.name}" paste at n = ${m.n} and 2n; ${WARM_UP} warm-up calls, then ${RUNS} of each size in ABBA order timed with performance.now(); value = fastest time(2n) ÷ fastest time(n), about 2 when linear and 4 when quadratic; budget on the ratio`,
            {
              minMsN: roundMs(Math.min(...m.small)),
              minMs2N: roundMs(Math.min(...m.large)),
              p50MsN: roundMs(median(m.small)),
              p50Ms2N: roundMs(median(m.large)),
              charsN: m.chars,
              ...(baseline && m !== baseline && { normalPasteMs: roundMs(median(baseline.small)), normalPasteChars: baseline.chars }),
            },
          ),
        ];
      }),
    );
  },
};
