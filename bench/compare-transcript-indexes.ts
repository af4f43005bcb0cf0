/**
 * `npx tsx bench/compare-transcript-indexes.ts`: the ways considered to search transcript lines,
 * on the bench's synthetic transcripts (1,000 recordings × 900 lines: 900,000 lines of the 33
 * words of synthetic-notes.ts, so a word is in ~255,000 lines), all with our folding and words:
 * FlexSearch's prefix ("forward") and whole-word ("strict") indexes, one for all lines; the plain
 * scan (the match rule applied to every folded line, as the library did before); and our line
 * index (src/core/line-index.ts), one per transcript. Prints JSON: build ms, JS heap grown (MB;
 * typed arrays count apart, as `arrayBuffersMB`), and each query's ms (the median of 5) with its
 * count. FlexSearch's counts are of lines holding every word, before any phrase check. Node, not
 * Chromium; not part of `npm run bench`. The choice it informed is in src/core/line-index.ts.
 */
import { Index } from 'flexsearch';
import { transcriptDocs } from '../src/core/library';
import { LineIndex } from '../src/core/line-index';
import { matchesAll, normalize, parseQuery, searchWords, wordQuery } from '../src/core/search';
import { median } from './figure';
import { syntheticTranscript } from './synthetic-notes';

const QUERIES = ['labels', 'focus order', '"screen reader"', 'contr', 'keyboard aria heading', 'zebra', 'errors', 'caption transcript audit'];
const TIMES = 5;
const words = (text: string) => searchWords(normalize(text));
const transcripts = Array.from({ length: 1000 }, (_, i) => transcriptDocs([syntheticTranscript(`r${i}`, 900, 5400, i * 900)]));
const lines = transcripts.flat().map((doc) => doc.text);

const termsOf = (query: string) => {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.terms;
};

function memory(): { heapMB: number; arrayBuffersMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heapMB: heapUsed / 1e6, arrayBuffersMB: arrayBuffers / 1e6 };
}

function measure<T>(build: () => T, search: (built: T, query: string) => number) {
  const before = memory();
  const start = performance.now();
  const built = build();
  const buildMs = Math.round(performance.now() - start);
  const after = memory();
  const queries = Object.fromEntries(
    QUERIES.map((query) => {
      let count = 0;
      const runs = Array.from({ length: TIMES }, () => {
        const at = performance.now();
        count = search(built, query);
        return Math.round((performance.now() - at) * 10) / 10;
      });
      return [query, { ms: median(runs), count }];
    }),
  );
  return { buildMs, heapMB: Math.round(after.heapMB - before.heapMB), arrayBuffersMB: Math.round(after.arrayBuffersMB - before.arrayBuffersMB), queries };
}

function flexsearch(tokenize: 'forward' | 'strict') {
  return measure(
    () => {
      const index = new Index({ tokenize, encode: words });
      lines.forEach((line, id) => index.add(id, line));
      return index;
    },
    (index, query) => {
      // Each word looked up alone and the lists intersected, as the word index does (word-index.ts).
      const lists = [...new Set(termsOf(query).flatMap(words))].map((word) => index.search(word, { limit: Number.MAX_SAFE_INTEGER }) as number[]).sort((a, b) => a.length - b.length);
      let found = lists[0] ?? [];
      for (const list of lists.slice(1)) {
        const seen = new Uint8Array(lines.length);
        for (const id of list) seen[id] = 1;
        found = found.filter((id) => seen[id] === 1);
      }
      return found.length;
    },
  );
}

const scan = () =>
  measure(
    () => lines.map(normalize),
    (folded, query) => {
      const terms = termsOf(query);
      return folded.filter((text) => matchesAll(text, terms)).length;
    },
  );

const lineIndex = () =>
  measure(
    () => transcripts.map((docs) => new LineIndex(docs)),
    (indexes, query) => {
      const prepared = wordQuery(termsOf(query));
      return indexes.reduce((total, index) => total + index.search(prepared, undefined, 0).total, 0);
    },
  );

const result = { lines: lines.length, lineIndex: lineIndex(), scan: scan(), flexsearchStrict: flexsearch('strict'), flexsearchForward: flexsearch('forward') };
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
