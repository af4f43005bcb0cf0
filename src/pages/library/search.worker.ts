/**
 * The library's search, off the page's thread. On start it loads the word index kept in IndexedDB
 * and catches it up from the change log, or builds it from every note when none is kept (or the
 * log was pruned past its mark), then keeps it again. While the page is open it follows the change
 * log, updating only the documents that changed. Each transcript's lines get a word index of their
 * own (core/line-index.ts), built as the transcripts are read and replaced when one changes; it is
 * not kept. Answers requests of search-protocol.ts.
 */
import { acceptsDoc, searchLibrary, transcriptLines, type TranscriptLines } from '../../core/library';
import type { Recording } from '../../core/model';
import type { SearchDoc } from '../../core/search';
import { WordIndex } from '../../core/word-index';
import { catchUpWith, followChangeLog, type Change, type ChangeFollower } from '../../db/changes';
import { keepIndex, readKeptIndex, readSearchDocs, searchDocChanges } from '../../db/search-index';
import { db } from '../../db/schema';
import type { IndexSource, MoreRequest, SearchReply, SearchRequest } from './search-protocol';

/** Past this many changes, building the index again is quicker than replacing one document at a time (~9 ms each). */
const REBUILD_PAST = 3000;
/**
 * Hits sent with an answer at once, a screenful and more; the rest are sent when the page has shown
 * these and asks. Copying all 2,000 to the page took 5–10 ms of the keystroke's time.
 */
const FIRST_SENT = 50;
/** Documents folded a step for phrase checks after the index is ready (a step takes a few ms). */
const FOLD_STEP = 5000;
/** The index is kept again once this many changes were applied since it was last kept… */
const KEEP_AFTER_CHANGES = 200;
/** …or this long after the last change applied, ms. */
const KEEP_AFTER_IDLE_MS = 30_000;

const reply = (message: SearchReply) => postMessage(message);

let words: WordIndex | undefined;
let mark = 0;
let unkept = 0;
let keepTimer: ReturnType<typeof setTimeout> | undefined;
/** Where the index came from: the kept one caught up, or built (again) from every record. */
let from: IndexSource = 'built';
const recordings = new Map<string, Recording>();
/** Each transcript's lines, by recording key and language. */
const lines = new Map<string, TranscriptLines>();
let latest: SearchRequest | undefined;
/** The hits of the newest answer not sent yet. */
let unsent: { id: number; hits: SearchDoc[] } | undefined;

const transcriptKey = (key: readonly [string, string] | readonly string[]) => `${key[0]}\n${key[1]}`;

async function readRecordings(keys?: readonly string[]): Promise<void> {
  const rows = keys ? await db().recordings.bulkGet([...keys]) : await db().recordings.toArray();
  rows.forEach((row, i) => (row ? recordings.set(row.key, row) : recordings.delete(keys?.[i] ?? '')));
}

async function readLines(keys?: readonly (readonly [string, string])[]): Promise<void> {
  const rows = keys ? await db().transcripts.bulkGet(keys.map((key) => [key[0], key[1]] as [string, string])) : await db().transcripts.toArray();
  if (!keys) lines.clear();
  rows.forEach((row, i) => {
    const key = row ? transcriptKey([row.recordingKey, row.lang]) : transcriptKey(keys?.[i] ?? ['', '']);
    const ready = row ? transcriptLines(row) : null;
    if (ready) lines.set(key, ready);
    else lines.delete(key);
  });
}

async function build(): Promise<void> {
  const read = await readSearchDocs();
  words = WordIndex.build(read.docs);
  mark = read.mark;
  from = 'built';
  recordings.clear();
  for (const row of read.recordings) recordings.set(row.key, row);
  // After the step that built it: at start that step says the index is ready first.
  foldAhead();
  await keep();
}

async function keep(): Promise<void> {
  clearTimeout(keepTimer);
  if (!words) return;
  unkept = 0;
  await keepIndex(mark, words.snapshot());
}

/** The index as a reader of the change log: past REBUILD_PAST changes it is built again. */
const follower: ChangeFollower = {
  mark: () => (words ? mark : undefined),
  apply: async (changes, newMark) => {
    if (changes.length > REBUILD_PAST) return false;
    await apply(changes);
    mark = newMark;
    unkept += changes.length;
    if (unkept >= KEEP_AFTER_CHANGES) await keep();
    else {
      clearTimeout(keepTimer);
      keepTimer = setTimeout(() => void keep().catch(fail), KEEP_AFTER_IDLE_MS);
    }
    return true;
  },
  readWhole: build,
};

async function apply(changes: readonly Change[]): Promise<void> {
  const docs = await searchDocChanges(changes);
  for (const doc of docs.put) words?.put(doc);
  for (const gone of docs.remove) words?.remove(gone.kind, gone.id);
  await readRecordings(docs.recordings);
  const transcripts = [...new Map(changes.filter((change) => change.table === 'transcripts').map((change) => [transcriptKey(change.key as [string, string]), change.key as [string, string]])).values()];
  if (transcripts.length > 0) await readLines(transcripts);
}

function answer(request: SearchRequest): void {
  if (!words) return;
  const { filters } = request;
  const filtered = filters.site !== undefined || filters.speaker !== undefined || filters.tag !== undefined;
  const accept = filtered ? (doc: SearchDoc) => acceptsDoc(doc, recordings.get(doc.recordingKey), filters) : undefined;
  const { hits, total } = searchLibrary({ words, transcripts: lines.values() }, request.terms, accept, request.order, request.limit);
  unsent = { id: request.id, hits: hits.slice(FIRST_SENT) };
  reply({ type: 'result', id: request.id, hits: hits.slice(0, FIRST_SENT), listed: hits.length, total });
}

function sendRest(request: MoreRequest): void {
  if (unsent?.id !== request.id) return; // answered again since (a change) or typed over: asked again
  reply({ type: 'more', id: request.id, hits: unsent.hits });
  unsent = undefined;
}

/**
 * Folds every document's text of the index now held for phrase checks (WordIndex.foldAhead), a
 * step at a time through the queue, so a query waits behind one step at most; an index built
 * again meanwhile is folded by its own round.
 */
function foldAhead(index = words, start = 0): void {
  run(() => {
    if (!index || index !== words) return;
    const next = index.foldAhead(start, FOLD_STEP);
    if (next !== undefined) setTimeout(() => foldAhead(index, next));
  });
}

function fail(error: unknown): void {
  reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

/** One step at a time: loading, catching up and searching never interleave. */
let queue = Promise.resolve();
const run = (step: () => Promise<void> | void) => {
  queue = queue.then(step).catch(fail);
};

onmessage = (event: MessageEvent<SearchRequest | MoreRequest>) => {
  const request = event.data;
  if (request.type === 'more') return run(() => sendRest(request));
  latest = request;
  run(() => {
    // Only the newest request is worth answering; older ones were typed over.
    if (latest && latest.id === request.id) answer(request);
  });
};

run(async () => {
  const kept = await readKeptIndex().catch(() => undefined);
  if (kept) {
    try {
      words = WordIndex.restore(kept.snapshot);
      mark = kept.mark;
      from = 'kept';
    } catch {
      words = undefined; // a snapshot of an older format: built below
    }
  }
  await catchUpWith(follower);
  // A build read the recordings with the notes.
  await Promise.all([from === 'kept' ? readRecordings() : undefined, readLines()]);
  reply({ type: 'ready', from, docs: words?.size ?? 0 });
  // A built index is folded ahead by `build`, at start or again later (a large import); a kept one here.
  if (from === 'kept') foldAhead();
  // What the user is looking at follows each change.
  followChangeLog(follower, run, fail, () => latest && answer(latest));
});
