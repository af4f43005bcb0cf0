import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, graphemeBoundary, shorten, shortenStart } from '../../src/core/shorten';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);
const codePoints = (text: string): number => Array.from(text).length;

/** Characters that make multi-code-point clusters, mixed with plain letters and spaces. */
const piece = fc.constantFrom('a', 'b', ' ', 'あ', 'é', 'e\u0301', '👩‍💻', '🇯🇵', '👍🏽', '각', '\u1100\u1161\u11a8', 'ก่', '\u200d', '\u0301');
const anyText = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

describe('shorten', () => {
  it('keeps text within the budget as it is', () => {
    expect(shorten('Opening remarks', 15)).toBe('Opening remarks');
    expect(shorten('', 5)).toBe('');
    expect(shorten('👩‍💻', 3)).toBe('👩‍💻');
  });

  it('cuts to the budget with an ellipsis, at a word when asked', () => {
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
    expect(shorten('one two three four', 12)).toBe('one two thr…');
    expect(shorten('one two three four', 12, { atWord: true })).toBe('one two…');
    expect(shorten('one two three four', 0)).toBe(ELLIPSIS);
  });

  // Issue 11, item 5: 57 × あ then 👩‍💻: a cut by code points kept 👩 and the joiner.
  it('moves a cut inside a cluster back to its start', () => {
    expect(shorten(`${'あ'.repeat(57)}👩‍💻 and more`, 60)).toBe(`${'あ'.repeat(57)}…`);
    expect(shorten('ab🇯🇵🇯🇵', 4)).toBe('ab…');
    expect(shorten('ab👍🏽cd', 4)).toBe('ab…');
    expect(shorten('e\u0301e\u0301e\u0301', 4)).toBe('e\u0301…');
  });

  it('never leaves part of a cluster, and never more than the budget', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 90 }), fc.boolean(), (text, max, atWord) => {
        const short = shorten(text, max, { atWord });
        if (codePoints(text) <= max) return short === text;
        if (!short.endsWith(ELLIPSIS) || codePoints(short) > max) return false;
        const kept = short.slice(0, -ELLIPSIS.length);
        const whole = clusters(text);
        // The kept part is the text's first clusters, whole, trailing spaces aside.
        const prefix = whole.slice(0, clusters(kept).length).join('');
        return text.startsWith(kept) && prefix.trimEnd() === kept;
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the head of a long text', () => {
    const long = `${'word '.repeat(200_000)}`;
    expect(shorten(long, 12, { atWord: true })).toBe('word word…');
  });
});

describe('graphemeBoundary', () => {
  it('gives the offset itself at a boundary, else the cluster’s start or end', () => {
    const text = 'a👩‍💻b';
    expect(graphemeBoundary(text, 1, 'back')).toBe(1);
    expect(graphemeBoundary(text, 3, 'back')).toBe(1);
    expect(graphemeBoundary(text, 3, 'forward')).toBe(6);
    expect(graphemeBoundary(text, 0, 'forward')).toBe(0);
    expect(graphemeBoundary(text, 99, 'back')).toBe(text.length);
  });

  it('finds the end of a cluster longer than the head it first reads', () => {
    const text = `x${'e'}${'\u0301'.repeat(500)}y`;
    expect(graphemeBoundary(text, 5, 'forward')).toBe(text.length - 1);
    expect(graphemeBoundary(text, 5, 'back')).toBe(1);
  });

  it('lands on a boundary of the whole text from every offset, both ways, emoji sequences included', () => {
    // Forward from inside a family emoji once stopped after a joiner: the head it read ended between
    // the two halves of a surrogate pair, where the segmenter sees a false boundary.
    expect(graphemeBoundary('👨‍👩‍👧‍👦 family', 1, 'forward')).toBe('👨‍👩‍👧‍👦'.length);
    const long = fc.constantFrom('👨‍👩‍👧‍👦', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👩‍💻', '🇯🇵', 'a', ' ');
    const text = fc.array(fc.oneof(piece, long), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const bounds = new Set([0]);
        for (const cluster of segmenter.segment(value)) bounds.add(cluster.index + cluster.segment.length);
        for (let i = 0; i <= value.length; i++) {
          expect(bounds.has(graphemeBoundary(value, i, 'forward'))).toBe(true);
          expect(bounds.has(graphemeBoundary(value, i, 'back'))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('shortenStart: the end of a text kept', () => {
  it('keeps text within the budget as it is', () => {
    expect(shortenStart('Closing words', 13)).toBe('Closing words');
  });
  it('keeps the last max - 1 code points after "…"', () => {
    expect(shortenStart('one two three', 6)).toBe(`${ELLIPSIS}three`);
    expect(shortenStart('one two three', 7)).toBe(`${ELLIPSIS}three`);
  });
  it('never cuts inside a cluster, and stays within the budget', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 40 }), (text, max) => {
        const out = shortenStart(text, max);
        expect(codePoints(out)).toBeLessThanOrEqual(Math.max(max, 1));
        if (out !== text) {
          const tail = out.slice(ELLIPSIS.length);
          expect(text.endsWith(tail)).toBe(true);
          const parts = clusters(text);
          const cutAtCluster = [...parts, ''].some((_, k) => parts.slice(k).join('').trimStart() === tail);
          expect(cutAtCluster).toBe(true);
        }
      }),
    );
  });
});
