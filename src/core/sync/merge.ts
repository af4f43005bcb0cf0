/**
 * Merging two copies of one recording's sync file (this device's and the server's): the union of
 * their records, each record on both sides merged by field (record-merge.ts), each transcript by
 * the caption rule (transcript-merge.ts), tombstones united, and the records a tombstone buries
 * left out. Never one whole copy over the other.
 *
 * `mergeSyncData(a, b)` and `mergeSyncData(b, a)` hold the same records, and merging the result
 * with either side again changes nothing (test/unit/sync-merge.test.ts, property-tested), so two
 * devices that each merge what the other wrote end with the same library.
 */
import type { ImageFacts } from '../backup';
import { mergeTranscripts } from '../captions/transcript-merge';
import type { Note, QaItem, Recording, Transcript } from '../model';
import { mergeNote, mergeQaItem, mergeRecording } from '../record-merge';
import { mergeImageFacts } from './images';
import { buries, mergeTombstone, tombstoneKey, type Tombstone } from './tombstones';

/** One recording and everything of it that syncs. */
export interface SyncData {
  recordingKey: string;
  /** Absent only where the side never had the recording (notes alone cannot be: see engine). */
  recording?: Recording;
  /** Trash included: `deletedAt` is a field, and merges as one. */
  notes: Note[];
  qa: QaItem[];
  transcripts: Transcript[];
  /** The pictures' facts (their bytes travel in files of their own: images.ts). */
  images: ImageFacts[];
  tombstones: Tombstone[];
}

export function emptySyncData(recordingKey: string): SyncData {
  return { recordingKey, notes: [], qa: [], transcripts: [], images: [], tombstones: [] };
}

/** Union by key; records on both sides merged; sorted by key so either order gives one list. */
function union<T>(a: readonly T[], b: readonly T[], keyOf: (item: T) => string, merge: (x: T, y: T) => T): T[] {
  const byKey = new Map(a.map((item) => [keyOf(item), item]));
  for (const item of b) {
    const key = keyOf(item);
    const held = byKey.get(key);
    byKey.set(key, held === undefined ? item : merge(held, item));
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, item]) => item);
}

const transcriptKey = (t: Transcript) => JSON.stringify([t.recordingKey, t.lang]);

/** The merge of two copies of one recording's data (the same `recordingKey`). */
export function mergeSyncData(a: SyncData, b: SyncData): SyncData {
  const tombstones = union(a.tombstones, b.tombstones, tombstoneKey, mergeTombstone);
  const dead = new Map(tombstones.map((t) => [tombstoneKey(t), t]));
  const alive = <T extends Note | QaItem | ImageFacts>(kind: Tombstone['kind']) => (record: T) => !buries(dead.get(tombstoneKey({ kind, id: record.id })), record);
  const recording = a.recording && b.recording ? mergeRecording(a.recording, b.recording) : (a.recording ?? b.recording);
  return {
    recordingKey: a.recordingKey,
    ...(recording ? { recording } : {}),
    notes: union(a.notes, b.notes, (n) => n.id, mergeNote).filter(alive<Note>('note')),
    qa: union(a.qa, b.qa, (q) => q.id, mergeQaItem).filter(alive<QaItem>('qa')),
    transcripts: union(a.transcripts, b.transcripts, transcriptKey, (x, y) => mergeTranscripts(x, y)),
    images: union(a.images, b.images, (i) => i.id, mergeImageFacts).filter(alive<ImageFacts>('image')),
    tombstones,
  };
}
