/** A transcript's line index: the same matches as the match rule applied to every line, in time order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/line-index';
import { matchesAll, normalize, parseQuery, wordQuery, type SearchDoc } from '../../src/core/search';

const line = (i: number, text: string, voice?: string): SearchDoc => ({ kind: 'line', id: `r\nen\n${i}`, recordingKey: 'r', text, t: i * 2, ...(voice ? { voice } : {}) });
const termsOf = (input: string) => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.terms;
};
const times = (docs: readonly SearchDoc[]) => docs.map((doc) => doc.t);

describe('LineIndex', () => {
  const index = new LineIndex([
    line(0, 'Contrast matters for every label.'),
    line(1, 'The control has no label', 'Ada'),
    line(2, 'Screen readers announce the label'),
    line(3, 'A reader of screens'),
    line(4, 'Réunion du CONTRÔLE'),
  ]);

  it('finds a word by its start, case and accents folded, in time order', () => {
    expect(times(index.search(wordQuery(termsOf('contr'))).hits)).toEqual([0, 2, 8]);
    expect(times(index.search(wordQuery(termsOf('CONTROLE'))).hits)).toEqual([8]);
    expect(times(index.search(wordQuery(termsOf('label'))).hits)).toEqual([0, 2, 4]);
    expect(index.search(wordQuery(termsOf('abel'))).total).toBe(0);
  });

  it('needs every term, and a quoted phrase in a row', () => {
    expect(times(index.search(wordQuery(termsOf('label control'))).hits)).toEqual([2]);
    expect(times(index.search(wordQuery(termsOf('"screen reader"'))).hits)).toEqual([4]);
    expect(times(index.search(wordQuery(termsOf('screen reader'))).hits)).toEqual([4, 6]);
    expect(index.search(wordQuery(termsOf('zebra label'))).total).toBe(0);
  });

  it('lists at most the limit and counts every match', () => {
    expect(index.search(wordQuery(termsOf('label')), undefined, 2)).toMatchObject({ total: 3, hits: [{ t: 0 }, { t: 2 }] });
    expect(index.search(wordQuery(termsOf('"the label"')), undefined, 0)).toEqual({ total: 1, hits: [] });
  });

  it('passes only the lines `accept` takes, counting only those', () => {
    const ada = (doc: SearchDoc) => doc.voice === 'Ada';
    expect(index.search(wordQuery(termsOf('label')), ada)).toMatchObject({ total: 1, hits: [{ t: 2 }] });
  });

  it('finds nothing in no lines and for a query with no words', () => {
    expect(new LineIndex([]).search(wordQuery(termsOf('label')))).toEqual({ hits: [], total: 0 });
    expect(index.search(wordQuery([]))).toEqual({ hits: [], total: 0 });
  });

  // The oracle applies the match rule to every line, as the search did before the index.
  const words = fc.constantFrom('focus', 'order', 'fo', 'Ordnung', 'café', 'CAFE', 'réader', 'reader', 'İstanbul', 'ıșık', '東京', '大学', 'x1', '12', 'a', 'née');
  const text = fc.array(fc.oneof(words, fc.constantFrom(' ', ', ', '-', '\n', '"')), { maxLength: 12 }).map((parts) => parts.join(''));
  const query = fc.array(fc.oneof(words, words.map((w) => w.slice(0, 2)), fc.constantFrom(' ', '"')), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

  it('finds exactly what the match rule finds, in the lines\' order, within any limit', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.nat(5), (texts, queries, limit) => {
        const docs = texts.map((text, i) => line(i, text));
        const built = new LineIndex(docs);
        for (const input of queries) {
          const parsed = parseQuery(input);
          if (!parsed.ok || parsed.terms.length === 0) continue;
          const expected = docs.filter((doc) => matchesAll(normalize(doc.text), parsed.terms));
          const found = built.search(wordQuery(parsed.terms), undefined, limit);
          expect(found.total).toBe(expected.length);
          expect(times(found.hits)).toEqual(times(expected.slice(0, limit)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
