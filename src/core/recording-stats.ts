/**
 * What the library's first screen shows of a recording without reading its notes: how many live
 * notes and questions it has, how many are in the trash, when it was last changed, which tags
 * its live notes carry, and how many pictures it has and the bytes they take. The database keeps one `RecordingStats` row a recording, changed in the
 * same transaction as every write (src/db/write-log.ts) by `countRecord`; `statsOf` computes the
 * same rows from scratch (the schema upgrade, and the tests that hold the two equal).
 */
import type { Note, QaItem, Recording, RecordingImage } from './model';
import { isLive } from './records';

export interface RecordingStats {
  recordingKey: string;
  /** Notes not in the trash. */
  notes: number;
  /** Questions not in the trash. */
  questions: number;
  /** Notes and questions in the trash. */
  trashed: number;
  /**
   * The newest `updatedAt` (ms) of the recording, its notes and its questions ever written. It
   * never goes back: emptying the trash is a change too.
   */
  lastEdit: number;
  /** Live notes a tag, by the tag folded to lower case: a spelling of it in use (for the menu) and the count. */
  tags: Record<string, { name: string; notes: number }>;
  /** Pictures stored (frames and slides, those of notes in the trash included): schema 7 on. */
  images: number;
  /** The bytes they take (the sum of their `bytes`). */
  imageBytes: number;
}

export type CountedKind = 'note' | 'qa';

/** What the counts read of a picture: never its blobs. */
export type CountedImage = Pick<RecordingImage, 'recordingKey' | 'bytes'>;

export function emptyStats(recordingKey: string): RecordingStats {
  return { recordingKey, notes: 0, questions: 0, trashed: 0, lastEdit: 0, tags: {}, images: 0, imageBytes: 0 };
}

/** Counts a picture into `stats` (`sign` 1) or out of it (-1), in place. Pictures do not move `lastEdit`. */
export function countImage(stats: RecordingStats, image: CountedImage, sign: 1 | -1): void {
  stats.images += sign;
  stats.imageBytes += sign * image.bytes;
}

/**
 * Counts `record` into `stats` (`sign` 1) or out of it (`sign` -1), in place: a write is the old
 * row counted out and the new one in. `lastEdit` only ever moves forward.
 */
export function countRecord(stats: RecordingStats, kind: CountedKind, record: Note | QaItem, sign: 1 | -1): void {
  if (sign === 1) stats.lastEdit = Math.max(stats.lastEdit, record.updatedAt);
  if (!isLive(record)) {
    stats.trashed += sign;
    return;
  }
  if (kind === 'qa') {
    stats.questions += sign;
    return;
  }
  stats.notes += sign;
  // Once a note, however many spellings of a tag it carries.
  const folds = new Map(((record as Note).tags ?? []).map((tag) => [tag.toLocaleLowerCase(), tag] as const).reverse());
  for (const [folded, tag] of folds) {
    const entry = stats.tags[folded] ?? { name: tag, notes: 0 };
    entry.notes += sign;
    if (entry.notes > 0) stats.tags[folded] = entry;
    else delete stats.tags[folded];
  }
}

/** Notes the recording row itself: its own edits move `lastEdit`. */
export function countRecording(stats: RecordingStats, recording: Pick<Recording, 'updatedAt'>): void {
  stats.lastEdit = Math.max(stats.lastEdit, recording.updatedAt);
}

/** Whether a row counts nothing: no live or trashed note or question, and no picture, names its recording. */
export function isEmptyStats(stats: RecordingStats): boolean {
  return stats.notes === 0 && stats.questions === 0 && stats.trashed === 0 && stats.images === 0;
}

/** Every recording's stats computed from all the records: what the kept rows must equal. */
export function statsOf(data: {
  recordings: readonly Recording[];
  notes: readonly Note[];
  qa: readonly QaItem[];
  images?: readonly CountedImage[];
}): Map<string, RecordingStats> {
  const byKey = new Map<string, RecordingStats>();
  const of = (key: string) => {
    let stats = byKey.get(key);
    if (!stats) byKey.set(key, (stats = emptyStats(key)));
    return stats;
  };
  for (const recording of data.recordings) countRecording(of(recording.key), recording);
  for (const note of data.notes) countRecord(of(note.recordingKey), 'note', note, 1);
  for (const item of data.qa) countRecord(of(item.recordingKey), 'qa', item, 1);
  for (const image of data.images ?? []) countImage(of(image.recordingKey), image, 1);
  return byKey;
}
