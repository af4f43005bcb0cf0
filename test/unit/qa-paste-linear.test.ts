import { describe, expect, it } from 'vitest';
import { parseQaPaste } from '../../src/core/qa-paste';
import { workOf } from './work-meter';

const speakers = [{ id: 'jane', name: 'Jane Doe' }];

/**
 * The pastes that made the parser quadratic, as functions of their size (issue 11, item 9), and
 * a size at which the quadratic part outweighs the rest.
 */
const WORST: [string, (n: number) => string, number][] = [
  ['quotes nested n deep, each asking', (n) => `${'[quote]Why?'.repeat(n)}${'[/quote]'.repeat(n)}`, 400],
  ['collapsible sections nested n deep', (n) => `${'[details=Why?]'.repeat(n)}x${'[/details]'.repeat(n)}`, 400],
  ['n unclosed "[quote="', (n) => '[quote='.repeat(n), 400],
  ['n unclosed "[details="', (n) => '[details='.repeat(n), 400],
  ['a question with n attribution paragraphs', (n) => `Q: Why?\n\n${'— Jane\n\n'.repeat(n)}`, 400],
  ['a question with n answer paragraphs', (n) => `Why?\n\n${'Jane Doe: yes\n\n'.repeat(n)}`, 3000],
  ['a table row of n quotes inside a cell', (n) => `Hi, all\n${'x"'.repeat(n)}`, 400],
  ['a quoted cell of n stray quotes, then n spaces before the next comma', (n) => `Question,b\n"${'x"'.repeat(n)}x${' '.repeat(n)},z`, 400],
  ['n Q:/A: pairs (a normal paste)', (n) => Array.from({ length: n }, (_, i) => `Q: Is item ${i} ready?\nA: Soon.`).join('\n\n'), 400],
];

describe('parseQaPaste: work grows linearly with the paste', () => {
  it.each(WORST)('%s: twice the text, at most 2.5 times the work', (_name, make, n) => {
    const small = workOf(() => parseQaPaste(make(n), speakers));
    const large = workOf(() => parseQaPaste(make(2 * n), speakers));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(2.5);
  });

  it('gives the same questions as before for nested quotes: the innermost asks, each around it only wraps', () => {
    const parsed = parseQaPaste(`${'[quote="jane, post:1"]Why?'.repeat(3)}${'[/quote]'.repeat(3)}`);
    expect(parsed).toEqual([
      { question: 'Why?', answers: [] },
      { question: 'Why?', answers: [] },
      { question: 'Why?', askedBy: 'jane', answers: [] },
    ]);
  });
});
