import { describe, expect, it } from 'vitest';
import { cuesBetween, joinCueTexts, quoteForNote, quoteProblem } from '../../src/core/captions/quote';
import { MAX_CUES, MAX_QUOTE_CHARS } from '../../src/core/captions/limits';
import type { Cue, Transcript } from '../../src/core/model';
import { ELLIPSIS } from '../../src/core/shorten';

const cue = (start: number, end: number, text: string, voice?: string): Cue => ({ start, end, text, ...(voice ? { voice } : {}) });
const transcript = (cues: Cue[], lang = 'en', source: Transcript['source'] = 'track'): Transcript => ({
  recordingKey: 'youtube:abc',
  lang,
  source,
  complete: true,
  cues,
  updatedAt: 1,
});

const talk = transcript([
  cue(0, 4, 'Welcome everyone.'),
  cue(4, 9, 'Today we look at caching.', 'Ada Lovelace'),
  cue(9, 14, 'First, the browser cache.', 'Ada Lovelace'),
  cue(14, 20, 'Then the service worker.', 'Grace Hopper'),
  cue(20, 25, 'Questions at the end.'),
]);

describe('quoteForNote: the words spoken before a note', () => {
  it('takes the cues overlapping the window, from the note time minus the window to the moment typing started', () => {
    // Typing started at 15 s, lead-in 3 s: the note is at 12 s; a 5 s window starts at 7 s.
    const taken = quoteForNote([talk], 12, 15, 5);
    expect(taken?.quote).toEqual({
      text: 'Today we look at caching. First, the browser cache. Then the service worker.',
      start: 4,
      end: 20,
      source: 'track',
      lang: 'en',
    });
    expect(taken?.voice).toBe('Grace Hopper');
  });

  it('leaves out a cue that ends where the window starts and one that starts where typing started', () => {
    expect(quoteForNote([talk], 14, 14, 5)?.quote.text).toBe('First, the browser cache.');
    expect(quoteForNote([talk], 9, 9, 0)).toBeNull();
  });

  it('keeps a long cue that began before the window and still runs in it', () => {
    const long = transcript([cue(0, 100, 'A long opening address.'), cue(30, 32, 'Aside.'), cue(95, 99, 'Closing words.')]);
    expect(quoteForNote([long], 96, 96, 2)?.quote).toMatchObject({ text: 'A long opening address. Closing words.', start: 0, end: 100 });
  });

  it('takes overlapping cues in order, each once', () => {
    const overlapping = transcript([cue(10, 15, 'Alpha beta.'), cue(12, 13, 'Gamma.'), cue(14, 18, 'Delta.')]);
    expect(quoteForNote([overlapping], 16, 16, 10)?.quote.text).toBe('Alpha beta. Gamma. Delta.');
  });

  it('takes the first transcript (the one heard last) that has words in the window', () => {
    const french = transcript([cue(0, 2, 'Bonjour.')], 'fr', 'timedtext');
    expect(quoteForNote([french, talk], 12, 12, 5)?.quote).toMatchObject({ lang: 'en', source: 'track' });
    expect(quoteForNote([french, talk], 1, 1, 5)?.quote).toMatchObject({ text: 'Bonjour.', lang: 'fr', source: 'timedtext' });
  });

  it('gives nothing without captions, or with only empty cues in the window', () => {
    expect(quoteForNote([], 12, 12, 10)).toBeNull();
    expect(quoteForNote([transcript([cue(1, 2, '  ')])], 2, 2, 10)).toBeNull();
  });

  it('keeps the end of a quote longer than a quote holds: the words just before the note', () => {
    const words = Array.from({ length: 2_000 }, (_, i) => cue(i, i + 1, `word${i}`));
    const text = quoteForNote([transcript(words)], 2_000, 2_000, 2_000)!.quote.text;
    expect(Array.from(text).length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(text.startsWith(ELLIPSIS)).toBe(true);
    expect(text.endsWith('word1998 word1999')).toBe(true);
  });

  it('finds the window among 20,000 cues without reading them all', () => {
    const many = Array.from({ length: MAX_CUES }, (_, i) => cue(i * 2, i * 2 + 2, `line ${i}`));
    const track = transcript(many);
    quoteForNote([track], 10, 10, 2); // the one pass that indexes the list
    let reads = 0;
    const counted = new Proxy(many, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const probe = transcript(counted);
    quoteForNote([probe], 30_000, 30_000, 10); // indexes the proxy once: ~20,000 reads
    reads = 0;
    expect(quoteForNote([probe], 30_000, 30_000, 10)?.quote.text).toBe('line 14995 line 14996 line 14997 line 14998 line 14999');
    expect(reads).toBeLessThan(100);
  });
});

describe('joinCueTexts: rolling captions merged, never doubled', () => {
  it('replaces a line by the one that grew from it', () => {
    expect(joinCueTexts([cue(0, 1, 'so today'), cue(0, 2, 'so today we'), cue(0, 3, 'so today we talk')])).toBe('so today we talk');
  });
  it('drops a line the one before already holds', () => {
    expect(joinCueTexts([cue(0, 2, 'we talk about caching'), cue(1, 2, 'about caching')])).toBe('we talk about caching');
  });
  it('adds only what follows the words a line repeats from the one before', () => {
    expect(joinCueTexts([cue(0, 3, 'we are going to'), cue(3, 6, 'going to talk about'), cue(6, 9, 'talk about caches')])).toBe(
      'we are going to talk about caches',
    );
  });
  it('ignores case and punctuation when comparing repeated words', () => {
    expect(joinCueTexts([cue(0, 3, 'We are going to'), cue(3, 6, 'going, to talk.')])).toBe('We are going to talk.');
  });
  it('keeps a single word said twice unless the lines overlap in time', () => {
    expect(joinCueTexts([cue(0, 3, 'I said that'), cue(3, 6, 'that is wrong')])).toBe('I said that that is wrong');
    expect(joinCueTexts([cue(0, 4, 'I said that'), cue(3, 6, 'that is wrong')])).toBe('I said that is wrong');
  });
  it('merges a grown line against the one before it', () => {
    expect(joinCueTexts([cue(0, 3, 'we are going to'), cue(3, 4, 'going to'), cue(3, 5, 'going to talk')])).toBe('we are going to talk');
  });
  it('keeps text of a script written right to left as it is', () => {
    expect(joinCueTexts([cue(0, 3, 'مرحبا بكم'), cue(2, 4, 'بكم في الندوة')])).toBe('مرحبا بكم في الندوة');
  });
});

describe('cuesBetween', () => {
  it('is empty for a window that ends before it starts', () => {
    expect(cuesBetween(talk.cues, 10, 5)).toEqual([]);
  });
});

describe('quoteProblem: one check for every quote stored', () => {
  const good = { text: 'Hello.', start: 1, end: 2, source: 'track' as const, lang: 'en' };
  it('accepts a quote within the limits', () => {
    expect(quoteProblem(good)).toBeNull();
  });
  it('says what is wrong with text, times, source or language', () => {
    expect(quoteProblem({ ...good, text: ' ' })).toMatch(/needs some text/);
    expect(quoteProblem({ ...good, text: 'x'.repeat(MAX_QUOTE_CHARS + 1) })).toMatch(/at most 4,000/);
    expect(quoteProblem({ ...good, start: 5, end: 2 })).toMatch(/time is wrong/);
    expect(quoteProblem({ ...good, end: Number.NaN })).toMatch(/time is wrong/);
    expect(quoteProblem({ ...good, source: 'page' as never })).toMatch(/source/);
    expect(quoteProblem({ ...good, lang: 'x'.repeat(101) })).toMatch(/language/);
  });
});
