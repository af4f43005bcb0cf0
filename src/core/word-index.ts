/**
 * The library's search index: every live note, question and recording title as a search document
 * in a FlexSearch word index with prefix entries ("forward"), which is what finds the documents
 * that may match, and the documents themselves, which decide (`matchesAll`) and are shown.
 *
 * Why FlexSearch (bench/compare-search-libraries.ts, Node, the bench's 104,000 documents): a
 * query's median is 0–43 ms where MiniSearch takes 0–750 ms, because MiniSearch scores every
 * matching document and we order by recording and time, not by score. FlexSearch's costs, paid
 * off the page's thread in the library's worker: building 8.3 s against 4.4 s, a kept snapshot of
 * ~55 MB against ~19 MB, and ~9 ms to replace one document (it finds a document's entries by
 * scanning; its `fastupdate` would avoid that, but its export cannot be imported back: 0.8.212).
 *
 * Pure (no browser API): the worker (pages/library/search.worker.ts) keeps it in IndexedDB as a
 * `WordIndexSnapshot` and tests use it directly.
 */
import { Index } from 'flexsearch';
import { firstInOrder, recordingPlaces } from './library';
import { matchesAll, normalize, searchWords, wordQuery, type SearchDoc } from './search';

/** What is kept in IndexedDB: plain data, structured-cloneable. Bump `format` when it changes. */
export interface WordIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** The next number a new document gets. */
  nextId: number;
  /** Each document with its number in the index. */
  docs: [number, SearchDoc][];
  /** FlexSearch's export: its keys and their data, in the order it gave them. */
  parts: [string, string][];
}

export const SNAPSHOT_FORMAT = 1;

/** A document's key: its kind and id (a note and a question may share an id). */
export const docKey = (doc: Pick<SearchDoc, 'kind' | 'id'>): string => `${doc.kind}:${doc.id}`;

/** What FlexSearch splits a text into: our folding and our words, so its matches are ours. */
const encode = (text: string): string[] => searchWords(normalize(text));
const newIndex = () => new Index({ tokenize: 'forward', encode });

/** Matches of a search: at most `limit`, in the library's order (`orderHits`); `total` counts every one. */
export interface WordHits {
  hits: SearchDoc[];
  total: number;
}

export class WordIndex {
  private readonly index = newIndex();
  /** By number: an array, since a common word's lookup reads tens of thousands of them (a Map was 5–10× slower). */
  private readonly docs: (SearchDoc | undefined)[] = [];
  private count = 0;
  /**
   * Each document's folded text, made when a phrase first needs it or ahead of that (`foldAhead`);
   * not kept in the snapshot: it is the text again.
   */
  private readonly folded: (string | undefined)[] = [];
  private readonly numbers = new Map<string, number>();
  private nextId = 1;
  /**
   * Each document's recording as a small number (by document number), so a search orders tens of
   * thousands of hits by recording without reading the documents.
   */
  private readonly recordingOf: number[] = [];
  private readonly recordingNumbers = new Map<string, number>();

  /** An index of `docs`. */
  static build(docs: Iterable<SearchDoc>): WordIndex {
    const built = new WordIndex();
    for (const doc of docs) built.put(doc);
    return built;
  }

  /** The index a snapshot was made of; throws on a snapshot of another format. */
  static restore(snapshot: WordIndexSnapshot): WordIndex {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`search index format ${String(snapshot.format)}, expected ${SNAPSHOT_FORMAT}`);
    const restored = new WordIndex();
    for (const [key, data] of snapshot.parts) restored.index.import(key, data);
    for (const [id, doc] of snapshot.docs) {
      restored.docs[id] = doc;
      restored.numbers.set(docKey(doc), id);
      restored.recordingOf[id] = restored.recordingNumber(doc.recordingKey);
    }
    restored.count = snapshot.docs.length;
    restored.nextId = snapshot.nextId;
    return restored;
  }

  /** Plain data to keep (see `WordIndexSnapshot`). */
  snapshot(): WordIndexSnapshot {
    const parts: [string, string][] = [];
    // A synchronous handler makes the export synchronous.
    void this.index.export((key, data) => {
      parts.push([key, data]);
    });
    const docs: [number, SearchDoc][] = [];
    this.docs.forEach((doc, id) => doc && docs.push([id, doc]));
    return { format: SNAPSHOT_FORMAT, nextId: this.nextId, docs, parts };
  }

  get size(): number {
    return this.count;
  }

  /** Adds a document, or replaces the one with its kind and id. */
  put(doc: SearchDoc): void {
    const key = docKey(doc);
    const known = this.numbers.get(key);
    const id = known ?? this.nextId++;
    if (known !== undefined && this.docs[known]?.text === doc.text) {
      this.docs[id] = doc; // only what the filters read changed: the words are the same
      this.recordingOf[id] = this.recordingNumber(doc.recordingKey);
      return;
    }
    if (known === undefined) this.count++;
    this.numbers.set(key, id);
    this.docs[id] = doc;
    this.recordingOf[id] = this.recordingNumber(doc.recordingKey);
    this.folded[id] = undefined;
    if (known !== undefined) this.index.update(id, doc.text);
    else this.index.add(id, doc.text);
  }

  /** Removes the document with this kind and id, if there is one. */
  remove(kind: SearchDoc['kind'], id: string): void {
    const key = docKey({ kind, id });
    const number = this.numbers.get(key);
    if (number === undefined) return;
    this.index.remove(number);
    this.docs[number] = undefined;
    this.recordingOf[number] = -1;
    this.folded[number] = undefined;
    this.count--;
    this.numbers.delete(key);
  }

  /**
   * The first `limit` documents that match every term (normalised, as `parseQuery` gives them:
   * `matchesAll`) and pass `accept`, in the library's order for `order` (recording keys: `orderHits`);
   * `total` counts every match. A query of whole words and no filter reads only the documents shown.
   */
  search(terms: readonly string[], accept?: (doc: SearchDoc) => boolean, order: readonly string[] = [], limit = Infinity): WordHits {
    const { words, exact } = wordQuery(terms);
    if (words.length === 0) return { hits: [], total: 0 };
    const found = this.withEveryWord(words).filter((id) => {
      if (!((this.recordingOf[id] ?? -1) >= 0)) return false; // removed
      if (exact && !accept) return true;
      const doc = this.docs[id]!;
      if (accept && !accept(doc)) return false;
      return exact || matchesAll((this.folded[id] ??= normalize(doc.text)), terms);
    });
    const placeOf = recordingPlaces(order);
    const place = new Uint32Array(this.recordingNumbers.size);
    for (const [key, number] of this.recordingNumbers) place[number] = placeOf(key);
    const shown = firstInOrder(found, (id) => place[this.recordingOf[id]!]!, order.length + 1, (id) => this.docs[id]!, limit);
    return { hits: shown.map((id) => this.docs[id]!), total: found.length };
  }

  /**
   * Folds the texts of up to `count` documents from number `from` on, for phrase checks, ahead of
   * the first phrase query, which otherwise folds each candidate as it reads it (~25 ms of the
   * bench's first "screen reader" at 104,000 documents; all of them fold in 30–80 ms). Returns
   * the number to go on from, or undefined once every document is folded.
   */
  foldAhead(from: number, count: number): number | undefined {
    const end = Math.min(from + count, this.nextId);
    for (let id = from; id < end; id++) {
      const doc = this.docs[id];
      if (doc) this.folded[id] ??= normalize(doc.text);
    }
    return end < this.nextId ? end : undefined;
  }

  /** The small number standing for a recording key in `recordingOf`. */
  private recordingNumber(key: string): number {
    let number = this.recordingNumbers.get(key);
    if (number === undefined) this.recordingNumbers.set(key, (number = this.recordingNumbers.size));
    return number;
  }

  /**
   * The documents that have a word starting with each of `words`. Each word is looked up alone and
   * the lists intersected here, smallest first: FlexSearch's own intersection of several words took
   * 40–60 ms on the bench's 48,000-document lists, one lookup takes ~2 ms.
   */
  private withEveryWord(words: readonly string[]): number[] {
    const lists = words.map((word) => this.index.search(word, { limit: Number.MAX_SAFE_INTEGER }) as number[]).sort((a, b) => a.length - b.length);
    let found = lists[0] ?? [];
    for (const list of lists.slice(1)) {
      if (found.length === 0) break;
      const seen = new Uint8Array(this.nextId);
      for (const id of list) seen[id] = 1;
      found = found.filter((id) => seen[id] === 1);
    }
    return found;
  }
}
