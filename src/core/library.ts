/**
 * What the library's search and trash show, computed from the notes and questions: the search
 * documents, the filters on them, and the trash's items. (The list of recordings and its menus
 * come from the kept counts alone: core/shelf.ts.) Pure, so it is tested without a browser.
 */
import type { Note, QaItem, Recording, SiteId, Transcript } from './model';
import { LineIndex } from './line-index';
import { wordQuery, type SearchDoc } from './search';
import { linkAt } from './links';
import { exportUrl } from './web-url';
import { hasTag } from './tags';
import { isLive } from './records';

export interface LibraryData {
  recordings: Recording[];
  notes: Note[];
  qa: QaItem[];
}

export interface Filters {
  site?: SiteId;
  /** A speaker's name; matched without regard to case. */
  speaker?: string;
  tag?: string;
}

export type TrashItem =
  | { kind: 'note'; item: Note; recording: Recording | undefined }
  | { kind: 'qa'; item: QaItem; recording: Recording | undefined };

/** A person's name as compared: without regard to case or surrounding spaces. */
export const foldName = (name: string) => name.trim().toLocaleLowerCase();
const fold = foldName;

/** A recording's search document: its title, the title its details give, and their description. */
export function recordingDoc(recording: Recording): SearchDoc {
  const { title, description } = recording.details ?? {};
  const parts = [recording.title];
  if (title && title !== recording.title) parts.push(title);
  if (description) parts.push(description);
  return { kind: 'recording', id: recording.key, recordingKey: recording.key, text: parts.join('\n') };
}

/** A live note's search document, with what the tag and speaker filters test. */
export function noteDoc(note: Note): SearchDoc {
  const doc: SearchDoc = { kind: 'note', id: note.id, recordingKey: note.recordingKey, text: note.text, t: note.t, createdAt: note.createdAt };
  if (note.tags?.length) doc.tags = note.tags;
  if (note.speakerId) doc.speakerIds = [note.speakerId];
  return doc;
}

/** A live question's search document: the question and its answers, with the answers' speakers. */
export function qaDoc(item: QaItem): SearchDoc {
  const text = [item.question, ...item.answers.map((answer) => answer.text)].join('\n');
  const doc: SearchDoc = { kind: 'qa', id: item.id, recordingKey: item.recordingKey, text, createdAt: item.createdAt, ...(item.t !== undefined ? { t: item.t } : {}) };
  const speakerIds = item.answers.flatMap((answer) => (answer.speakerId ? [answer.speakerId] : []));
  const names = item.answers.flatMap((answer) => (answer.name ? [answer.name] : []));
  if (speakerIds.length) doc.speakerIds = speakerIds;
  if (names.length) doc.names = names;
  return doc;
}

const KIND_ORDER: Record<SearchDoc['kind'], number> = { recording: 0, note: 1, qa: 2, line: 3 };

/** How two hits of one recording (or two of recordings `order` does not list) are ordered. */
function withinRecording(a: SearchDoc, b: SearchDoc): number {
  const at = (doc: SearchDoc) => (doc.kind === 'recording' ? -1 : (doc.t ?? Infinity));
  const [x, y] = [at(a), at(b)];
  return (
    (a.recordingKey === b.recordingKey ? 0 : a.recordingKey < b.recordingKey ? -1 : 1) ||
    (x === y ? 0 : x < y ? -1 : 1) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.createdAt ?? 0) - (b.createdAt ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The first `limit` of what the user wrote (titles, notes, questions: the word index's hits; the
 * transcript lines that follow them are ordered by `searchLibrary`) in the order they are shown:
 * recordings as `order` lists them (most recently edited first; others after, by key), each one's
 * title, then its notes and questions by time (notes before questions at one time, each by when
 * written, as records.ts orders them).
 */
export function orderHits(hits: readonly SearchDoc[], order: readonly string[], limit = Infinity): SearchDoc[] {
  const placeOf = recordingPlaces(order);
  return firstInOrder(hits, (doc) => placeOf(doc.recordingKey), order.length + 1, (doc) => doc, limit);
}

/**
 * Each recording's place in `order` (recording keys, as the library lists them; a key listed twice
 * keeps its first place), `order.length` for one it does not list: what hits are ordered by.
 */
export function recordingPlaces(order: readonly string[]): (recordingKey: string) => number {
  const places = new Map<string, number>();
  order.forEach((key, i) => {
    if (!places.has(key)) places.set(key, i);
  });
  return (recordingKey) => places.get(recordingKey) ?? order.length;
}

/**
 * `orderHits` over anything that stands for a document (the word index's numbers): `placeOf` is
 * its recording's place in `order` (`order.length` for one it does not list), below `places`.
 * The places are counted in one pass and only the items of the places that are shown are sorted:
 * a common word's tens of thousands of hits cost two passes over small integers, not a sort, and
 * their documents are not read (reading 48,000 scattered documents' keys took 10–20 ms).
 */
export function firstInOrder<T>(items: readonly T[], placeOf: (item: T) => number, places: number, docOf: (item: T) => SearchDoc, limit: number): T[] {
  const place = new Uint32Array(items.length);
  const counts = new Uint32Array(places);
  items.forEach((item, i) => counts[(place[i] = placeOf(item))]!++);
  let last = places - 1; // the last place any shown item has
  for (let p = 0, sum = 0; p < places; p++) {
    sum += counts[p]!;
    if (sum >= limit) {
      last = p;
      break;
    }
  }
  const buckets: T[][] = [];
  items.forEach((item, i) => {
    const p = place[i]!;
    if (p <= last) (buckets[p] ??= []).push(item);
  });
  const shown: T[] = [];
  for (const bucket of buckets) {
    if (shown.length >= limit) break;
    if (!bucket) continue;
    bucket.sort((a, b) => withinRecording(docOf(a), docOf(b)));
    for (const item of bucket) {
      if (shown.length >= limit) break;
      shown.push(item);
    }
  }
  return shown;
}

/** Every search document of what the user wrote: each recording, live note and live question. */
export function libraryDocs(data: LibraryData): SearchDoc[] {
  return [...data.recordings.map(recordingDoc), ...data.notes.filter(isLive).map(noteDoc), ...data.qa.filter(isLive).map(qaDoc)];
}

/**
 * The search documents of the transcripts' lines: one per cue with words, at its start. Kept apart
 * from `searchDocs` so a change of notes does not normalise every line again (and a library with
 * no transcripts builds nothing more); in the order of recording key, language and time.
 */
export function transcriptDocs(transcripts: readonly Transcript[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const ordered = [...transcripts].sort((a, b) => a.recordingKey.localeCompare(b.recordingKey) || a.lang.localeCompare(b.lang));
  for (const transcript of ordered) {
    transcript.cues.forEach((cue, i) => {
      if (cue.text.trim() === '') return;
      const doc: SearchDoc = { kind: 'line', id: `${transcript.recordingKey}\n${transcript.lang}\n${i}`, recordingKey: transcript.recordingKey, text: cue.text, t: cue.start };
      if (cue.voice) doc.voice = cue.voice;
      docs.push(doc);
    });
  }
  return docs;
}

/** Anything that finds the documents matching every term: the word index of what the user wrote. */
export interface DocFinder {
  /** The first `limit` matches in the order of `orderHits`; `total` counts every one. */
  search(terms: readonly string[], accept: ((doc: SearchDoc) => boolean) | undefined, order: readonly string[], limit: number): { hits: SearchDoc[]; total: number };
}

/** One transcript's lines, indexed by word, searched in time order. */
export interface TranscriptLines {
  recordingKey: string;
  lang: string;
  index: LineIndex;
}

/** A transcript's lines ready to search; null when it has no line with words. */
export function transcriptLines(transcript: Transcript): TranscriptLines | null {
  const docs = transcriptDocs([transcript]);
  return docs.length === 0 ? null : { recordingKey: transcript.recordingKey, lang: transcript.lang, index: new LineIndex(docs) };
}

/**
 * A search of the library, at most `limit` hits; `total` counts every match. First what the user
 * wrote (notes, questions, titles) in the order of `orderHits`; then transcript lines, transcript
 * by transcript (recordings in `order`, others by key; a recording's languages by tag), each in
 * time order. A transcript lists no more hits than are still to be listed, but counts every one.
 */
export function searchLibrary(
  sources: { words: DocFinder; transcripts: Iterable<TranscriptLines> },
  terms: readonly string[],
  accept: ((doc: SearchDoc) => boolean) | undefined,
  order: readonly string[],
  limit: number,
): { hits: SearchDoc[]; total: number } {
  const own = sources.words.search(terms, accept, order, limit);
  const hits = own.hits;
  let total = own.total;
  const placeOf = recordingPlaces(order);
  const place = (lines: TranscriptLines) => placeOf(lines.recordingKey);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const query = wordQuery(terms);
  const transcripts = [...sources.transcripts].sort((a, b) => place(a) - place(b) || text(a.recordingKey, b.recordingKey) || text(a.lang, b.lang));
  for (const lines of transcripts) {
    const found = lines.index.search(query, accept, Math.max(0, limit - hits.length));
    total += found.total;
    hits.push(...found.hits);
  }
  return { hits, total };
}

/**
 * Whether a search document passes the filters (all of those set), from what the document carries
 * and its recording (undefined when the recording is gone). A line is a speaker's when its voice
 * tag names them; a question is when one of its answers is theirs.
 */
export function acceptsDoc(doc: SearchDoc, recording: Recording | undefined, filters: Filters): boolean {
  if (filters.site && recording?.site !== filters.site) return false;
  if (filters.tag && (doc.kind !== 'note' || !hasTag({ tags: doc.tags }, filters.tag))) return false;
  if (filters.speaker) {
    const name = fold(filters.speaker);
    if (doc.kind === 'line') return fold(doc.voice ?? '') === name;
    const ids = new Set((recording?.speakers ?? []).filter((speaker) => fold(speaker.name) === name).map((speaker) => speaker.id));
    if (doc.kind === 'recording') return ids.size > 0;
    return (doc.speakerIds ?? []).some((id) => ids.has(id)) || (doc.names ?? []).some((typed) => fold(typed) === name);
  }
  return true;
}

/** Trashed notes and questions, most recently deleted first (live ones given are left out). */
export function trashItems(data: { notes: readonly Note[]; qa: readonly QaItem[] }, recordings: ReadonlyMap<string, Recording>): TrashItem[] {
  const items: TrashItem[] = [
    ...data.notes.filter((note) => !isLive(note)).map((item) => ({ kind: 'note' as const, item, recording: recordings.get(item.recordingKey) })),
    ...data.qa.filter((qa) => !isLive(qa)).map((item) => ({ kind: 'qa' as const, item, recording: recordings.get(item.recordingKey) })),
  ];
  return items.sort((a, b) => (b.item.deletedAt ?? 0) - (a.item.deletedAt ?? 0));
}

/** Where "open" goes: the recording's page at `t` seconds, or as stored; null when that is not a web page. */
export function openUrl(recording: Pick<Recording, 'site' | 'url'>, t?: number): string | null {
  return t === undefined ? exportUrl(recording.url) : linkAt(recording, t);
}
