/**
 * `npx tsx bench/compare-search-libraries.ts`: the two search libraries considered for the
 * library's word index, on the bench's synthetic library (1,000 recordings × 100 notes + 3 Q&A:
 * 104,000 documents of 33 distinct words, so a word has tens of thousands of hits), both fed our
 * folding and our words. Prints JSON: build ms, snapshot bytes and load ms, and each query's ms
 * (the median of 5) with its hit count. Node, not Chromium: it compares the libraries' own work,
 * which the worker does; it is not part of `npm run bench`. The choice it informed is in
 * src/core/word-index.ts.
 */
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { libraryDocs } from '../src/core/library';
import { normalize, searchWords } from '../src/core/search';
import { median } from './figure';
import { syntheticLibrary } from './synthetic-notes';

const QUERIES = ['labels', 'focus order', 'screen reader', 'contr', 'keyboard aria heading', 'part 512', 'zebra', 'errors', 'caption transcript audit', 'l', 'co'];
const TIMES = 5;
const words = (text: string) => searchWords(normalize(text));
const docs = libraryDocs(syntheticLibrary(1000, 100, 3)).map((doc, id) => ({ id, text: doc.text }));

function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: Math.round((performance.now() - start) * 10) / 10, value };
}

function queries(search: (query: string) => number): Record<string, { ms: number; hits: number }> {
  return Object.fromEntries(
    QUERIES.map((query) => {
      const runs = Array.from({ length: TIMES }, () => timed(() => search(query)));
      return [query, { ms: median(runs.map((run) => run.ms)), hits: runs[0]?.value ?? 0 }];
    }),
  );
}

function minisearch() {
  const options = { idField: 'id', fields: ['text'], tokenize: words, processTerm: (term: string) => term };
  const built = timed(() => {
    const index = new MiniSearch<{ id: number; text: string }>(options);
    index.addAll(docs);
    return index;
  });
  const json = JSON.stringify(built.value);
  const loaded = timed(() => MiniSearch.loadJSON(json, options));
  return {
    buildMs: built.ms,
    snapshotBytes: json.length,
    loadMs: loaded.ms,
    queries: queries((query) => built.value.search(query, { prefix: true, combineWith: 'AND' }).length),
  };
}

function flexsearch() {
  const built = timed(() => {
    const index = new Index({ tokenize: 'forward', encode: words });
    for (const doc of docs) index.add(doc.id, doc.text);
    return index;
  });
  const parts: [string, string][] = [];
  void built.value.export((key, data) => {
    parts.push([key, data]);
  });
  const loaded = timed(() => {
    const index = new Index({ tokenize: 'forward', encode: words });
    for (const [key, data] of parts) index.import(key, data);
    return index;
  });
  return {
    buildMs: built.ms,
    snapshotBytes: parts.reduce((sum, [, data]) => sum + data.length, 0),
    loadMs: loaded.ms,
    queries: queries((query) => (built.value.search(query, { limit: Number.MAX_SAFE_INTEGER }) as number[]).length),
  };
}

process.stdout.write(`${JSON.stringify({ documents: docs.length, minisearch: minisearch(), flexsearch: flexsearch() }, null, 2)}\n`);
