/**
 * One transcript's lines as a word index: each distinct word (`searchWords` of the folded text)
 * with the numbers of the lines that hold it, in one typed array. A query's words are found as
 * prefixes in the sorted word list, their line lists intersected, and only phrases and Han runs
 * are checked against the text (`matchesAll`), as the library's word index does for notes.
 *
 * Why not FlexSearch, as for notes (word-index.ts; bench/compare-transcript-indexes.ts measures
 * both and the scan): on the bench's 900,000 lines (Node, 2 cores) its prefix ("forward") index
 * took 22.7 s to build and ~440 MB, and its whole-word index, 4.8 s,
 * still answers one common word in 23–34 ms by copying 255,000 ids into a new array, so three
 * words missed the 50 ms budget before any transcript was ordered. These lists cost ~4 bytes a
 * word occurrence, are sliced without copying, and a transcript is replaced whole when it changes,
 * so nothing is kept between visits: the worker builds them as it reads the transcripts.
 */
import { matchesAll, normalize, searchWords, type SearchDoc, type WordQuery } from './search';

/** Matches in one transcript: at most `limit` hits, in time order; `total` counts every one. */
export interface LineHits {
  hits: SearchDoc[];
  total: number;
}

export class LineIndex {
  private readonly docs: readonly SearchDoc[];
  /** Distinct words in UTF-16 code unit order, so the words a prefix begins are in a row. */
  private readonly words: string[];
  /** The lines of `words[i]` are `lines[starts[i]]…lines[starts[i + 1] - 1]`, ascending. */
  private readonly starts: Uint32Array;
  private readonly lines: Uint32Array;
  /**
   * The lines' folded texts, for phrases, one after another with a line feed between (line `i` is
   * `folded[foldedAt[i]]…folded[foldedAt[i + 1] - 2]`): made anyway to find the words (a first
   * phrase query folding tens of thousands of lines took ~100 ms), and kept as one string so a
   * phrase's candidates, checked in line order, are read from one place in memory. Held as a
   * string each, the same check of the bench's 72,000 candidates of "screen reader" took 20 ms
   * against 5 for the same texts read in a row: most of it was reaching each string.
   */
  private readonly folded: string;
  private readonly foldedAt: Uint32Array;

  /** `docs` in time order (transcriptDocs gives them so); hits come back in that order. */
  constructor(docs: readonly SearchDoc[]) {
    this.docs = docs;
    const folded = docs.map((doc) => normalize(doc.text));
    this.folded = folded.join('\n');
    this.foldedAt = new Uint32Array(folded.length + 1);
    folded.forEach((text, line) => (this.foldedAt[line + 1] = (this.foldedAt[line] as number) + text.length + 1));
    const byWord = new Map<string, number[]>();
    folded.forEach((text, line) => {
      for (const word of new Set(searchWords(text))) {
        const held = byWord.get(word);
        if (held) held.push(line);
        else byWord.set(word, [line]);
      }
    });
    this.words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.starts = new Uint32Array(this.words.length + 1);
    let total = 0;
    this.words.forEach((word, i) => {
      this.starts[i] = total;
      total += (byWord.get(word) as number[]).length;
    });
    this.starts[this.words.length] = total;
    this.lines = new Uint32Array(total);
    this.words.forEach((word, i) => this.lines.set(byWord.get(word) as number[], this.starts[i]));
  }

  /**
   * The lines that match `query` (`wordQuery` of the terms, made once for every transcript searched) and pass `accept`, in time order: at
   * most `limit` listed, every one counted.
   */
  search(query: WordQuery, accept?: (doc: SearchDoc) => boolean, limit = Infinity): LineHits {
    if (query.words.length === 0) return { hits: [], total: 0 };
    const lists: Uint32Array[] = [];
    for (const word of query.words) {
      const list = this.linesStartingWith(word);
      if (list.length === 0) return { hits: [], total: 0 };
      lists.push(list);
    }
    const candidates = intersect(lists, this.docs.length);
    if (query.exact && !accept) {
      const listed = candidates.subarray(0, Math.min(candidates.length, limit));
      return { hits: Array.from(listed, (line) => this.docs[line] as SearchDoc), total: candidates.length };
    }
    const hits: SearchDoc[] = [];
    let total = 0;
    const { folded, foldedAt } = this;
    for (const line of candidates) {
      // The document only when it is needed: a phrase's candidates are mostly not matches.
      if (!query.exact && !matchesAll(folded.slice(foldedAt[line], (foldedAt[line + 1] as number) - 1), query.terms)) continue;
      if (accept && !accept(this.docs[line] as SearchDoc)) continue;
      total++;
      if (hits.length < limit) hits.push(this.docs[line] as SearchDoc);
    }
    return { hits, total };
  }

  /** The lines with a word that begins with `prefix`, ascending. */
  private linesStartingWith(prefix: string): Uint32Array {
    const first = lowerBound(this.words, prefix);
    let end = first;
    while (end < this.words.length && (this.words[end] as string).startsWith(prefix)) end++;
    if (end - first <= 1) return this.lines.subarray(this.starts[first], this.starts[end]);
    // Several words begin with it ("contr": contrast, control): their lines, once each, in order.
    const marked = new Uint8Array(this.docs.length);
    for (let at = this.starts[first] as number; at < (this.starts[end] as number); at++) marked[this.lines[at] as number] = 1;
    return linesMarked(marked);
  }
}

/** The first index in sorted `words` whose word is not before `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The numbers in every one of `lists` (each ascending, below `count`), ascending. */
function intersect(lists: readonly Uint32Array[], count: number): Uint32Array {
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  if (others.length === 0) return shortest as Uint32Array;
  // How many lists hold each line; a line in all of them is a candidate. A query has at most 200
  // characters (MAX_QUERY_LENGTH), so at most 200 words: a byte counts them.
  const held = new Uint8Array(count);
  for (const list of lists) for (const line of list) held[line] = (held[line] as number) + 1;
  const found: number[] = [];
  for (const line of shortest as Uint32Array) if (held[line] === lists.length) found.push(line);
  return Uint32Array.from(found);
}

/** The indexes of the set entries of `marked`, ascending. */
function linesMarked(marked: Uint8Array): Uint32Array {
  let count = 0;
  for (const mark of marked) count += mark;
  const lines = new Uint32Array(count);
  let at = 0;
  marked.forEach((mark, line) => {
    if (mark) lines[at++] = line;
  });
  return lines;
}
