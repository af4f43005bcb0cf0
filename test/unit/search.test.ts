import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  excerpt,
  matchRanges,
  MAX_QUERY_LENGTH,
  normalize,
  parseQuery,
  wordQuery,
  type SearchDoc,
  type TextPart,
} from '../../src/core/search';
import { LineIndex } from '../../src/core/line-index';

const termsOf = (input: string) => {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(`refused: ${parsed.message}`);
  return parsed.terms;
};
const messageOf = (input: string) => {
  const parsed = parseQuery(input);
  if (parsed.ok) throw new Error(`accepted: ${JSON.stringify(parsed.terms)}`);
  return parsed.message;
};
/** Where `word` is in `text`, as a range. */
const rangeOf = (text: string, word: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
const joined = (parts: readonly TextPart[]) => parts.map((part) => part.text).join('');
/** The match rule written plainly, as the oracle of the property tests: `term` occurs where a word starts. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const startsAWord = (text: string, term: string) =>
  term !== '' &&
  Array.from({ length: text.length }, (_, i) => i).some(
    (i) => text.startsWith(term, i) && (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1] as string) || UNSPACED.test(text[i - 1] as string) || UNSPACED.test(text[i] as string)),
  );

/** Characters that change length or meaning when normalised, mixed with plain ones, so random texts match. */
const tricky = fc.constantFrom(
  'a', 'b', 'A', 'e', 'é', 'e\u0301', 'É', 'i', 'İ', 'ß', 'ẞ', 'Σ', 'σ', 'ς', ' ', '  ', '\n', '\u00A0', '’', '"',
  '🎉', '❤️', '👍🏽', 'ש', 'ָ', 'ם', 'م', 'َ', '가', '각', '\u00AD', '\u0301', '1',
);
const trickyText = fc.string({ unit: tricky, maxLength: 40 });
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

describe('parseQuery', () => {
  it.each(['', '   ', ' \t\n\u00A0 '])('%j means no search', (input) => {
    expect(parseQuery(input)).toEqual({ ok: true, terms: [] });
  });

  it.each(['?!...', '— ,', '""', '“ ”', '\u0301', '🎉'])('refuses %j, which can match nothing', (input) => {
    expect(messageOf(input)).toMatch(/letter or a digit/);
  });

  it('refuses a query over the limit, saying the limit and the length', () => {
    expect(MAX_QUERY_LENGTH).toBe(200);
    expect(messageOf('x'.repeat(10_000))).toBe('A search can be at most 200 characters long; this one is 10,000.');
    expect(messageOf('a '.repeat(100) + 'b')).toContain('this one is 201.');
  });

  it('accepts exactly the limit, counting characters rather than UTF-16 units, and not the spaces around', () => {
    expect(termsOf('a'.repeat(200))).toEqual(['a'.repeat(200)]);
    expect(termsOf(`   ${'a'.repeat(200)}   `)).toEqual(['a'.repeat(200)]);
    expect(termsOf('🎉'.repeat(199) + 'x')).toEqual(['x']);
  });

  it('splits on spaces and punctuation, longest first', () => {
    expect(termsOf('  webinar, Q&A: notes!  ')).toEqual(['webinar', 'notes', 'q', 'a']);
    expect(termsOf('don’t stop')).toEqual(['stop', 'don', 't']);
  });

  it('folds case and accents, precomposed or not', () => {
    expect(termsOf('CAFÉ Naïve')).toEqual(['naive', 'cafe']);
    expect(termsOf('cafe\u0301')).toEqual(['cafe']);
    expect(termsOf('İSTANBUL')).toEqual(['istanbul']);
    expect(termsOf('שָׁלוֹם')).toEqual(['שלום']);
  });

  it('keeps each term once', () => {
    expect(termsOf('note Note NOTE notes Café cafe')).toEqual(['notes', 'note', 'cafe']);
  });

  it('keeps a quoted phrase whole, with single spaces', () => {
    expect(termsOf('say "Two   Words" here')).toEqual(['two words', 'here', 'say']);
    expect(termsOf('“Two\twords”')).toEqual(['two words']);
    expect(termsOf('"hello, world!"')).toEqual(['hello, world']);
    expect(termsOf('"don’t stop"')).toEqual(["don't stop"]);
  });

  it('runs an unclosed quote to the end, so a phrase finds as it is typed', () => {
    expect(termsOf('intro "two wor')).toEqual(['two wor', 'intro']);
  });

  it('gives normalised, distinct, non-empty terms, longest first, or a message', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ maxLength: 300 })), (input) => {
        const parsed = parseQuery(input);
        if (!parsed.ok) return parsed.message.length > 0;
        const { terms } = parsed;
        const lengths = terms.map((term) => term.length);
        return (
          terms.every((term) => term !== '' && normalize(term) === term) &&
          new Set(terms).size === terms.length &&
          lengths.every((length, i) => i === 0 || length <= (lengths[i - 1] as number))
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalize', () => {
  it.each([
    ['Café', 'cafe'],
    ['Cafe\u0301', 'cafe'],
    ['ÅNGSTRÖM', 'angstrom'],
    ['İstanbul', 'istanbul'],
    ['Işık', 'isik'],
    ['ISIK', 'isik'],
    ['IŞIK', 'isik'],
    ['Straße', 'straße'],
    ['ẞ', 'ß'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['‘quoted’ “text” ＂x＂ it′s', `'quoted' "text" "x" it's`],
    ['a\tb\nc\u00A0d\u2003e', 'a b c d e'],
    ['hy\u00ADphen\u200B', 'hyphen'],
    ['שָׁלוֹם', 'שלום'],
    ['مَرْحَبًا', 'مرحبا'],
    ['🎉 Party ❤️', '🎉 party ❤'],
    ['Plain ASCII, Text!', 'plain ascii, text!'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('is the same for precomposed and decomposed text', () => {
    fc.assert(fc.property(anyText, (text) => normalize(text.normalize('NFC')) === normalize(text.normalize('NFD'))));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (text) => normalize(normalize(text)) === normalize(text)), { numRuns: 2000 });
  });

  it('works character by character, which is what lets matches map back', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => normalize(a + b) === normalize(a) + normalize(b)),
      { numRuns: 2000 },
    );
  });
});

describe('Turkish dotted and dotless i', () => {
  const turkish: SearchDoc[] = [
    { kind: 'note', id: 'a', recordingKey: 'r', text: 'Konferans İstanbul’da' },
    { kind: 'note', id: 'b', recordingKey: 'r', text: 'Işık hızı ve ışın' },
  ];
  it.each([
    ['istanbul', ['a']],
    ['İSTANBUL', ['a']],
    ['ISIK', ['b']],
    ['isik', ['b']],
    ['ışık', ['b']],
    ['IŞIN', ['b']],
  ])('%j finds %j', (query, ids) => {
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(new LineIndex(turkish).search(wordQuery(parsed.terms)).hits.map((doc) => doc.id)).toEqual(ids);
  });
});

describe('matchRanges', () => {
  it('finds terms regardless of case and accents', () => {
    expect(matchRanges('Café au lait, CAFE noir', ['cafe'])).toEqual([[0, 4], [14, 18]]);
    expect(matchRanges('cafe', ['CAFÉ'])).toEqual([[0, 4]]);
  });

  it('maps past a decomposed accent, and takes the accent in', () => {
    const text = 'Cafe\u0301 au lait';
    expect(matchRanges(text, ['cafe'])).toEqual([[0, 5]]);
    expect(matchRanges(text, ['au'])).toEqual([[6, 8]]);
    expect(matchRanges('Cafe\u0301\u0301\u0301!', ['cafe'])).toEqual([[0, 7]]);
  });

  it('maps past İ, ß and final sigma', () => {
    expect(matchRanges('İzmir İstanbul', ['istanbul'])).toEqual([[6, 14]]);
    // Only where a word starts: the "i" inside "İzmir" is not a match.
    expect(matchRanges('İzmir İstanbul', ['i'])).toEqual([[0, 1], [6, 7]]);
    expect(matchRanges('Große Straße', ['straße'])).toEqual([[6, 12]]);
    expect(matchRanges('Große Straße', ['strasse'])).toEqual([]);
    expect(matchRanges('ΟΔΟΣ ΚΑΙ', termsOf('οδος'))).toEqual([[0, 4]]);
  });

  it('maps past emoji, whole code points, and a dropped variation selector', () => {
    expect(matchRanges('🎉🎉 party', ['party'])).toEqual([[5, 10]]);
    expect(matchRanges('❤️❤️ love', ['love'])).toEqual([[5, 9]]);
    expect(matchRanges('a 🎉 b', ['🎉'])).toEqual([[2, 4]]);
    expect(matchRanges('👍🏽 ok', ['ok'])).toEqual([[5, 7]]);
  });

  it('maps right-to-left text with its vowel points', () => {
    const hebrew = 'אני אומר שָׁלוֹם לכולם';
    expect(matchRanges(hebrew, termsOf('שלום'))).toEqual([rangeOf(hebrew, 'שָׁלוֹם')]);
    expect(matchRanges(hebrew, termsOf('לכולם'))).toEqual([rangeOf(hebrew, 'לכולם')]);
    const arabic = 'قال مَرْحَبًا بالعالم';
    expect(matchRanges(arabic, termsOf('مرحبا'))).toEqual([rangeOf(arabic, 'مَرْحَبًا')]);
    expect(matchRanges(arabic, termsOf('بالعالم'))).toEqual([rangeOf(arabic, 'بالعالم')]);
  });

  it('maps Hangul, which normalisation lengthens, and widens a match inside a syllable to the syllable', () => {
    expect(normalize('세계').length).toBe(4);
    expect(matchRanges('안녕하세요 세계', ['세계'])).toEqual([[6, 8]]);
    expect(matchRanges('안녕하세요 세계', [normalize('세').slice(0, 1)])).toEqual([[6, 7]]);
  });

  it('sorts and merges overlapping and touching matches', () => {
    expect(matchRanges('aa aab', ['aa', 'a'])).toEqual([[0, 2], [3, 5]]);
    expect(matchRanges('ab-cd', ['cd', 'ab'])).toEqual([[0, 2], [3, 5]]);
    expect(matchRanges('ab cd', ['ab c', 'cd'])).toEqual([[0, 5]]);
    expect(matchRanges('notes note', ['note', 'notes'])).toEqual([[0, 5], [6, 10]]);
  });

  it('finds nothing without terms or text', () => {
    expect(matchRanges('text', [])).toEqual([]);
    expect(matchRanges('text', [''])).toEqual([]);
    expect(matchRanges('', ['a'])).toEqual([]);
  });

  it('does not match inside a word, and matches each character of scripts written without spaces', () => {
    expect(matchRanges('footnote note', ['note'])).toEqual([[9, 13]]);
    expect(matchRanges('東京大学で', ['大学'])).toEqual([[2, 4]]);
  });

  it('finds a term exactly where the normalised text has it at the start of a word', () => {
    fc.assert(
      fc.property(anyText, trickyText, (text, raw) => {
        const term = normalize(raw);
        return (matchRanges(text, [term]).length > 0) === (term !== '' && startsAWord(normalize(text), term));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('excerpt of a text that fits: the whole text, highlighted', () => {
  const highlight = (text: string, terms: readonly string[]) => excerpt(text, terms, Infinity);
  it('splits the text into matches and the rest', () => {
    expect(highlight('Notes on the Café talk', termsOf('cafe notes'))).toEqual([
      { text: 'Notes', match: true },
      { text: ' on the ', match: false },
      { text: 'Café', match: true },
      { text: ' talk', match: false },
    ]);
    expect(highlight('no match here', ['zzz'])).toEqual([{ text: 'no match here', match: false }]);
    expect(highlight('', ['a'])).toEqual([]);
  });

  it('covers the text exactly, with every match part holding a term', () => {
    fc.assert(
      fc.property(anyText, fc.array(trickyText, { maxLength: 3 }), (text, raw) => {
        const terms = raw.map(normalize).filter((term) => term !== '');
        const parts = highlight(text, terms);
        return (
          joined(parts) === text &&
          parts.every((part) => part.text !== '') &&
          parts.filter((part) => part.match).every((part) => terms.some((term) => normalize(part.text).includes(term)))
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('marks a match for a term cut from the normalised text exactly when it starts a word there', () => {
    fc.assert(
      fc.property(anyText.filter((text) => normalize(text) !== ''), fc.nat(), fc.nat(), (text, a, b) => {
        const normalized = normalize(text);
        const start = a % normalized.length;
        const term = normalized.slice(start, start + 1 + (b % (normalized.length - start)));
        return highlight(text, [term]).some((part) => part.match) === startsAWord(normalized, term);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('excerpt', () => {
  const words = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
  const long = `${words(0, 40)} the Needle here ${words(40, 80)}`;

  it('gives short text whole', () => {
    expect(excerpt('a short Needle', ['needle'], 50)).toEqual([
      { text: 'a short ', match: false },
      { text: 'Needle', match: true },
    ]);
  });

  it('cuts around the first match, with an ellipsis at each cut, within the length', () => {
    const parts = excerpt(long, ['needle'], 60);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts[parts.length - 1]).toEqual({ text: '…', match: false });
    expect(parts).toContainEqual({ text: 'Needle', match: true });
    expect(joined(parts).length).toBeLessThanOrEqual(60);
    expect(joined(parts).length).toBeGreaterThan(45);
  });

  it('cuts between words when it can', () => {
    const inner = joined(excerpt(long, ['needle'], 60).slice(1, -1));
    expect(inner).toMatch(/^w\d+ .* w\d+$/);
    expect(long).toContain(` ${inner} `);
  });

  it('has no leading ellipsis for a match near the start, nor a trailing one near the end', () => {
    const atStart = excerpt(`Needle ${words(0, 50)}`, ['needle'], 40);
    expect(atStart[0]).toEqual({ text: 'Needle', match: true });
    expect(atStart[atStart.length - 1]).toEqual({ text: '…', match: false });
    const atEnd = excerpt(`${words(0, 50)} Needle`, ['needle'], 40);
    expect(atEnd[0]).toEqual({ text: '…', match: false });
    expect(atEnd[atEnd.length - 1]).toEqual({ text: 'Needle', match: true });
  });

  it('gives the start of the text when nothing matches', () => {
    const parts = excerpt(long, ['absent'], 30);
    expect(parts[0]?.text.startsWith('w0 w1')).toBe(true);
    expect(parts.map((part) => part.match)).toEqual([false, false]);
    expect(parts[1]).toEqual({ text: '…', match: false });
  });

  it('never splits an emoji or parts an accent from its letter', () => {
    const text = `${'🎉'.repeat(40)}Needle${'e\u0301'.repeat(40)}`;
    for (let max = 3; max < 40; max++) {
      const inner = joined(excerpt(text, ['needle'], max).filter((part) => part.text !== '…'));
      expect(inner).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$|^\p{M}/u);
      expect(text.includes(inner)).toBe(true);
      expect(text[text.indexOf(inner) + inner.length]).not.toBe('\u0301');
    }
  });

  // Issue 11, item 5: a cut could fall inside 👩‍💻 (leaving a dangling joiner) or between two flags' letters.
  it('cuts only between characters as a reader sees them: emoji sequences and flags stay whole', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const boundaries = (text: string) => new Set([...Array.from(segmenter.segment(text), (s) => s.index), text.length]);
    const text = `${'👩‍💻'.repeat(30)} Needle ${'🇯🇵'.repeat(30)}`;
    const cuts = boundaries(text);
    for (let max = 3; max < 60; max++) {
      const inner = joined(excerpt(text, ['needle'], max).filter((part) => part.text !== '…'));
      const start = text.indexOf(inner);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(cuts.has(start) && cuts.has(start + inner.length)).toBe(true);
    }
  });

  it('stays within the length, cuts only where it says so, and shows a match that fits', () => {
    fc.assert(
      fc.property(anyText, fc.array(trickyText, { maxLength: 2 }), fc.integer({ min: 3, max: 50 }), (text, raw, max) => {
        const terms = raw.map(normalize);
        const parts = excerpt(text, terms, max);
        const leading = parts[0]?.text === '…' && !parts[0].match && !text.startsWith('…');
        const trailing = parts.length > 1 && parts[parts.length - 1]?.text === '…';
        const inner = joined(parts.slice(leading ? 1 : 0, trailing ? -1 : undefined));
        const first = matchRanges(text, terms)[0];
        if (joined(parts).length > max) return false;
        if (text.length <= max) return joined(parts) === text;
        if (!text.includes(inner) || (!leading && !text.startsWith(inner)) || (!trailing && !text.endsWith(inner))) return false;
        return !first || first[1] - first[0] > max - 2 || parts.some((part) => part.match);
      }),
      { numRuns: 2000 },
    );
  });
});

// The rules through a transcript's line index (core/line-index.ts), which must find what they say.
describe('LineIndex', () => {
  const doc = (id: string, text: string, kind: SearchDoc['kind'] = 'note'): SearchDoc => ({ kind, id, recordingKey: `r-${id}`, text });
  const docs = [
    doc('1', 'Café au lait'),
    doc('2', 'The CAFE opens at nine', 'qa'),
    doc('3', 'Lait only'),
    doc('4', 'cafe\u0301 and lait again', 'recording'),
    doc('5', 'nothing here'),
  ];
  const index = new LineIndex(docs);
  const ids = (result: { hits: SearchDoc[] }) => result.hits.map((hit) => hit.id);

  it('finds docs holding every term, in the order given', () => {
    expect(ids(index.search(wordQuery(termsOf('cafe'))))).toEqual(['1', '2', '4']);
    expect(ids(index.search(wordQuery(termsOf('Lait CAFÉ'))))).toEqual(['1', '4']);
    expect(ids(index.search(wordQuery(termsOf('cafe zzz'))))).toEqual([]);
    expect(ids(index.search(wordQuery(termsOf('"au lait"'))))).toEqual(['1']);
  });

  it('finds nothing for no terms', () => {
    expect(index.search(wordQuery([]))).toEqual({ hits: [], total: 0 });
  });

  it('tests a term inside a longer one correctly', () => {
    expect(ids(index.search(wordQuery(["lait", "lait again"])))).toEqual(['4']);
  });

  it('skips docs the filter refuses, and counts only the rest', () => {
    const result = index.search(wordQuery(termsOf('cafe')), (d) => d.kind !== 'qa');
    expect(ids(result)).toEqual(['1', '4']);
    expect(result.total).toBe(2);
  });

  it('keeps at most `limit` hits but counts them all', () => {
    expect(index.search(wordQuery(termsOf('cafe')), undefined, 2)).toEqual({ hits: [docs[0], docs[1]], total: 3 });
    expect(index.search(wordQuery(termsOf('cafe')), undefined, 0)).toEqual({ hits: [], total: 3 });
  });

  it('agrees with a naive filter', () => {
    const kinds = fc.constantFrom<SearchDoc['kind']>('note', 'qa', 'recording');
    const docsArb = fc.array(fc.record({ kind: kinds, id: fc.string(), recordingKey: fc.string(), text: trickyText }), { maxLength: 30 });
    // Queries cut from the docs' own texts, so that searches find something, and random ones.
    const cut = (all: readonly SearchDoc[], [which, at, length]: [number, number, number]) => {
      const text = all.length === 0 ? '' : (all[which % all.length] as SearchDoc).text;
      return text.slice(at % (text.length + 1), (at % (text.length + 1)) + 1 + (length % 4));
    };
    const picks = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 3 });
    fc.assert(
      fc.property(docsArb, picks, fc.array(trickyText, { maxLength: 1 }), fc.option(kinds), fc.integer({ min: 0, max: 40 }), (all, cuts, raw, kind, limit) => {
        const parsed = parseQuery([...cuts.map((c) => cut(all, c)), ...raw].join(' '));
        if (!parsed.ok) return true;
        const { terms } = parsed;
        const accept = kind === null ? undefined : (d: SearchDoc) => d.kind !== kind;
        const expected = terms.length === 0 ? [] : all.filter((d) => (!accept || accept(d)) && terms.every((t) => startsAWord(normalize(d.text), t)));
        const result = new LineIndex(all).search(wordQuery(terms), accept, limit);
        return result.total === expected.length && result.hits.length === Math.min(limit, expected.length) && result.hits.every((hit, i) => hit === expected[i]);
      }),
      { numRuns: 2000 },
    );
  });
});
