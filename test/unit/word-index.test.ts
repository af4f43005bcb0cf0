import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesAll, normalize, parseQuery, type SearchDoc } from '../../src/core/search';
import { orderHits } from '../../src/core/library';
import { docKey, SNAPSHOT_FORMAT, WordIndex, type WordHits } from '../../src/core/word-index';

const termsOf = (input: string) => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.terms;
};
const note = (id: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc => ({ kind: 'note', id, recordingKey: 'r', text, t: 0, ...extra });
const ids = (found: WordHits) => found.hits.map((doc) => doc.id).sort();

describe('WordIndex', () => {
  const index = WordIndex.build([
    note('1', 'Contrast and focus order'),
    note('2', 'The CAFÉ talk: screen readers announce errors'),
    note('3', 'A footnote on reader modes'),
    note('4', '東京大学で話した'),
    { kind: 'qa', id: '1', recordingKey: 'r', text: 'Is focus visible?' },
  ]);

  it('finds words by their start as they are typed, every term required', () => {
    expect(ids(index.search(termsOf('contr')))).toEqual(['1']);
    expect(ids(index.search(termsOf('focus')))).toEqual(['1', '1']);
    expect(ids(index.search(termsOf('focus ord')))).toEqual(['1']);
    expect(ids(index.search(termsOf('note')))).toEqual([]);
  });

  it('folds case and accents, and keeps a quoted phrase whole', () => {
    expect(ids(index.search(termsOf('cafe')))).toEqual(['2']);
    expect(ids(index.search(termsOf('"screen reader"')))).toEqual(['2']);
    expect(ids(index.search(termsOf('"reader screen"')))).toEqual([]);
  });

  it('finds a run of Han characters inside a sentence written without spaces', () => {
    expect(ids(index.search(termsOf('大学')))).toEqual(['4']);
    expect(ids(index.search(termsOf('学大')))).toEqual([]);
  });

  it('filters with accept, and tells a note from a question with the same id', () => {
    expect(index.search(termsOf('focus'), (doc) => doc.kind === 'qa').hits.map(docKey)).toEqual(['qa:1']);
  });

  it('replaces and removes by kind and id', () => {
    const changing = WordIndex.build([note('a', 'first words'), note('b', 'other')]);
    changing.put(note('a', 'second words'));
    expect(ids(changing.search(termsOf('first')))).toEqual([]);
    expect(ids(changing.search(termsOf('second')))).toEqual(['a']);
    changing.put(note('a', 'second words', { tags: ['x'] }));
    expect(changing.search(termsOf('second')).hits[0]?.tags).toEqual(['x']);
    changing.remove('note', 'a');
    changing.remove('note', 'never there');
    expect(changing.search(termsOf('second')).hits).toEqual([]);
    expect(changing.size).toBe(1);
  });

  it('checks a phrase against the text as it is now, after the document changed, folded ahead or not', () => {
    const changing = WordIndex.build([note('a', 'screen reader users'), note('b', 'Screen Reader'), note('c', 'reader, screen')]);
    // Numbered from 1: three steps of two cover them, the last says it is done.
    expect(changing.foldAhead(0, 2)).toBe(2);
    expect(changing.foldAhead(2, 2)).toBeUndefined();
    expect(ids(changing.search(termsOf('"screen reader"')))).toEqual(['a', 'b']);
    changing.remove('note', 'b');
    changing.put(note('a', 'reader screen it'));
    expect(ids(changing.search(termsOf('"screen reader"')))).toEqual([]);
    expect(ids(changing.search(termsOf('"reader screen"')))).toEqual(['a']);
  });

  it('refuses a snapshot of another format', () => {
    const snapshot = { ...WordIndex.build([]).snapshot(), format: SNAPSHOT_FORMAT + 1 } as unknown as ReturnType<WordIndex['snapshot']>;
    expect(() => WordIndex.restore(snapshot)).toThrow(/format/);
  });

  // The oracle is the plain scan, which applies the match rule to every text.
  const words = fc.constantFrom('focus', 'order', 'fo', 'Ordnung', 'café', 'CAFE', 'réader', 'reader', 'İstanbul', 'ıșık', '東京', '大学', 'x1', '12', 'a', 'née');
  const text = fc.array(fc.oneof(words, fc.constantFrom(' ', ', ', '-', '\n', '"')), { maxLength: 12 }).map((parts) => parts.join(''));
  const op = fc.oneof(
    fc.record({ put: fc.nat(9), text, recordingKey: fc.constantFrom('a', 'b', 'c', 'x'), t: fc.nat(3) }),
    fc.record({ remove: fc.nat(9) }),
  );
  const query = fc.array(fc.oneof(words, words.map((w) => w.slice(0, 2)), fc.constantFrom(' ', '"')), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

  it('finds exactly what the scan finds, in the library’s order up to the limit, after any puts and removes, and after a snapshot is restored', () => {
    const order = ['c', 'a'];
    const search = fc.record({ input: query, limit: fc.oneof(fc.constant(Infinity), fc.nat(12)), filtered: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.array(search, { minLength: 1, maxLength: 4 }), (ops, queries) => {
        const index = new WordIndex();
        const held = new Map<string, SearchDoc>();
        for (const step of ops) {
          if ('put' in step) {
            const doc = note(String(step.put), step.text, { recordingKey: step.recordingKey, t: step.t });
            index.put(doc);
            held.set(doc.id, doc);
          } else {
            index.remove('note', String(step.remove));
            held.delete(String(step.remove));
          }
        }
        const restored = WordIndex.restore(structuredClone(index.snapshot()));
        for (const { input, limit, filtered } of queries) {
          const parsed = parseQuery(input);
          if (!parsed.ok || parsed.terms.length === 0) continue;
          const accept = filtered ? (doc: SearchDoc) => doc.t !== 0 : undefined;
          const matching = [...held.values()].filter((doc) => matchesAll(normalize(doc.text), parsed.terms) && (accept?.(doc) ?? true));
          const expected = orderHits(matching, order, limit).map(docKey);
          for (const searched of [index, restored]) {
            const found = searched.search(parsed.terms, accept, order, limit);
            expect(found.hits.map(docKey)).toEqual(expected);
            expect(found.total).toBe(matching.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps normalised words in the index, so an accented query and a plain one find the same', () => {
    const accented = WordIndex.build([note('1', normalize('Réunion'))]);
    expect(ids(accented.search(termsOf('REUNION')))).toEqual(['1']);
  });
});
