import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionName, cleanCue, cueText } from '../../src/core/captions/cue-text';
import { MAX_CUE_CHARS, MAX_NAME_CHARS } from '../../src/core/captions/limits';
import { workOf } from './work-meter';

describe('cueText: the WebVTT spec’s cue text examples (W3C WebVTT §2 and §4)', () => {
  it.each([
    ['<v Roger Bingham>We are in New York City', 'We are in New York City', 'Roger Bingham'],
    ['<v.loud Mary>That’s awesome!', 'That’s awesome!', 'Mary'],
    ['<v Esme>Hee!</v> <i>laughter</i>', 'Hee! laughter', 'Esme'],
    ['<v Fred>Hi, Esme!</v>\n<v Esme>Hi, Fred!</v>', 'Hi, Esme! Hi, Fred!', 'Fred'],
    ['<c.yellow.bg_blue>This is yellow text on a blue background</c>', 'This is yellow text on a blue background', undefined],
    ['<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>', '漢kan字ji', undefined],
    ['<lang en-GB>Tomato</lang> <lang fr>Tomate</lang>', 'Tomato Tomate', undefined],
    ['<b>Bold</b>, <i>italic</i> and <u>underlined</u>', 'Bold, italic and underlined', undefined],
    ['<00:19.000>Never drink <00:19.500>liquid nitrogen.', 'Never drink liquid nitrogen.', undefined],
    ['Sur les <i>&lt;i&gt;</i> &amp; les <b>&lt;b&gt;</b>', 'Sur les <i> & les <b>', undefined],
    ['&lrm;שלום&rlm; and&nbsp;more &#169; &#x1F600;', '\u200eשלום\u200f and more © 😀', undefined],
  ])('%j', (raw, text, voice) => {
    expect(cueText(raw)).toEqual(voice ? { text, voice } : { text });
  });
});

describe('cueText: what a cue file can hold', () => {
  it('removes unknown tags and keeps their text: HTML in a cue is words, never markup', () => {
    expect(cueText('<script>alert(1)</script><img src=x onerror=alert(2)>Hello <a href="x">there</a>').text).toBe('alert(1)Hello there');
  });

  it('takes the first voice only, and a voice tag with no name names nobody', () => {
    expect(cueText('<v>Alone</v> <v Bob>Then Bob</v> <v Ann>and Ann')).toEqual({ text: 'Alone Then Bob and Ann', voice: 'Bob' });
    expect(cueText('<video>Not a voice</video>')).toEqual({ text: 'Not a voice' });
  });

  it('decodes references in a voice’s name, collapses its spaces and cuts it to MAX_NAME_CHARS', () => {
    expect(cueText('<v  Ann &amp;\n Bob >Hi').voice).toBe('Ann & Bob');
    expect(Array.from(cueText(`<v ${'N'.repeat(500)}>Hi`).voice ?? '')).toHaveLength(MAX_NAME_CHARS);
  });

  it('leaves a reference that names no character, or an unknown name, as written', () => {
    expect(cueText('&#0; &#xD800; &#x110000; &bogus; &amp &copy;').text).toBe('&#0; &#xD800; &#x110000; &bogus; &amp &copy;');
  });

  it('decodes once: an escaped reference stays a reference', () => {
    expect(cueText('&amp;lt;b&amp;gt;').text).toBe('&lt;b&gt;');
  });

  it('a tag with no ">" runs to the end of the cue, as the WebVTT tokenizer reads it', () => {
    expect(cueText('one < two and three').text).toBe('one');
  });

  it('collapses line breaks, runs of spaces and no-break spaces to single spaces, and an empty cue is empty', () => {
    expect(cueText('  first line\r\n\tsecond   line  ').text).toBe('first line second line');
    expect(cueText('<i> </i>\n<c></c>').text).toBe('');
  });

  it('cuts a 10 kB cue to MAX_CUE_CHARS code points, between characters', () => {
    const text = cueText(`<v Ann>${'word 😀 '.repeat(1400)}`).text;
    expect(Array.from(text)).toHaveLength(MAX_CUE_CHARS);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('keeps right-to-left text as it is', () => {
    expect(cueText('<v ליאת>שלום לכולם, ברוכים הבאים')).toEqual({ text: 'שלום לכולם, ברוכים הבאים', voice: 'ליאת' });
    expect(cueText('مرحبا <i>بكم</i>').text).toBe('مرحبا بكم');
  });

  it('captionName: a label or language as one line, cut to MAX_NAME_CHARS', () => {
    expect(captionName(' English\n(auto) ')).toBe('English (auto)');
    expect(Array.from(captionName('x'.repeat(1000)))).toHaveLength(MAX_NAME_CHARS);
  });
});

describe('cleanCue: a player’s cue as a transcript keeps it', () => {
  it('cleans the text and keeps the times', () => {
    expect(cleanCue(1.5, 4, '<v Ann><i>Hello</i>')).toEqual({ start: 1.5, end: 4, text: 'Hello', voice: 'Ann' });
  });

  it('drops a cue with no words or with a start that is no media time', () => {
    expect(cleanCue(1, 2, ' <i></i> ')).toBeNull();
    for (const start of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) expect(cleanCue(start, start + 1, 'Hi')).toBeNull();
  });

  it('an end before the start, or no media time, becomes the start', () => {
    for (const end of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) expect(cleanCue(1, end, 'Hi')).toEqual({ start: 1, end: 1, text: 'Hi' });
  });
});

const TAGS = ['<i>', '</i>', '<b>', '</b>', '<u>', '<c.yellow>', '</c>', '<ruby>', '<rt>', '</rt>', '<lang en>', '<00:00:01.000>', '<v Ann>', '</v>', '<foo bar>'];
const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', 'ש'), maxLength: 12 });

describe('cueText: properties', () => {
  it('the words between any tags come out as they went in, spaces collapsed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, fc.constantFrom(...TAGS)), { maxLength: 20 }), (parts) => {
        const raw = parts.map(([word, tag]) => word + tag).join('');
        const words = parts.map(([word]) => word).join('').replace(/\s+/g, ' ').trim();
        expect(cueText(raw).text).toBe(words);
      }),
    );
  });

  it('never throws, and never gives more than MAX_CUE_CHARS code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '#', ';', 'v', '.', ' ', 'x', '1', '😀'), maxLength: 3000 }), (raw) => {
        expect(Array.from(cueText(raw).text).length).toBeLessThanOrEqual(MAX_CUE_CHARS);
      }),
    );
  });
});

/** Work of `cueText(raw)`: what workOf counts, plus every character `indexOf` had to read. */
function cueTextWork(raw: string): number {
  const indexOf = String.prototype.indexOf;
  let scanned = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number) {
    const start = from ?? 0;
    const found = indexOf.call(this, search, start);
    scanned += 1 + (found < 0 ? this.length - start : found - start);
    return found;
  };
  try {
    return workOf(() => cueText(raw)) + scanned;
  } finally {
    String.prototype.indexOf = indexOf;
  }
}

describe('cueText: work grows linearly with the cue', () => {
  it.each([
    ['a run of "<"', (n: number) => '<'.repeat(n)],
    ['unclosed voice tags', (n: number) => '<v '.repeat(n)],
    ['tags opened, each closed far away', (n: number) => `${'<i'.repeat(n)}>${'x'.repeat(n)}`],
    ['empty tags', (n: number) => '<>'.repeat(n)],
    ['broken references', (n: number) => '&#'.repeat(n) + '&amp'.repeat(n)],
    ['words and tags', (n: number) => '<v.a Ann>word &amp; </v>'.repeat(n)],
  ])('%s: twice the text, at most 2.5 times the work', (_name, make) => {
    const small = cueTextWork(make(5000));
    const large = cueTextWork(make(10_000));
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(2.5);
  });

  it('holds for any repeated pattern of markup characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '#', ';', 'v', '.', ' ', 'x', '\n'), minLength: 1, maxLength: 8 }), (unit) => {
        const small = cueTextWork(unit.repeat(2000));
        const large = cueTextWork(unit.repeat(4000));
        expect(large / small).toBeLessThanOrEqual(2.5);
      }),
      { numRuns: 60 },
    );
  });
});
