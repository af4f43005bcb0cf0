/**
 * A recording's pictures (core/model.ts `RecordingImage`): frames attached to notes, and slides.
 * Every write goes through the write log, which keeps each recording's image count and bytes
 * (core/recording-stats.ts) in the same transaction. A picture deleted here leaves a tombstone
 * (core/sync/tombstones.ts), so sync deletes it on the other devices; another person's picture in
 * a team folder (`author` set) is read-only here (core/sync/team.ts).
 */
import { newId } from '../core/ids';
import { IMAGE_TYPES, MAX_FRAME_SIDE, THUMB_SIDE } from '../core/images';
import type { RecordingImage } from '../core/model';
import { readOnlyProblem } from '../core/sync/team';
import type { Tombstone } from '../core/sync/tombstones';
import { isMediaTime, MEDIA_TIME_RULE } from '../core/time';
import { db, type NotesDatabase } from './schema';

/** What a new picture is made of; the rest (id, bytes, dates) is filled in by `newImage`. */
export type ImageFields = Omit<RecordingImage, 'id' | 'bytes' | 'createdAt' | 'updatedAt'>;

/** A new picture record from its fields: a new id, `bytes` from the blobs, created now. */
export function newImage(fields: ImageFields): RecordingImage {
  const now = Date.now();
  return { ...fields, id: newId(), bytes: fields.blob.size + fields.thumb.size, createdAt: now, updatedAt: now };
}

const side = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;

/** Why `image` cannot be stored, or null: what every write of a picture checks first. */
export function imageProblem(image: RecordingImage): string | null {
  if (!IMAGE_TYPES.includes(image.type)) return `A picture is stored as WebP or JPEG, not ${String(image.type)}.`;
  if (!isMediaTime(image.t)) return `A picture's time must be ${MEDIA_TIME_RULE}, not ${image.t}.`;
  if (!side(image.width, MAX_FRAME_SIDE) || !side(image.height, MAX_FRAME_SIDE)) return `A picture is at most ${MAX_FRAME_SIDE} pixels a side, not ${image.width}×${image.height}.`;
  if (!side(image.thumbWidth, THUMB_SIDE) || !side(image.thumbHeight, THUMB_SIDE)) return `A thumbnail is at most ${THUMB_SIDE} pixels a side, not ${image.thumbWidth}×${image.thumbHeight}.`;
  if (image.blob.size === 0 || image.thumb.size === 0) return 'A picture with no bytes cannot be stored.';
  if (image.bytes !== image.blob.size + image.thumb.size) return 'A picture’s size does not match its bytes.';
  return null;
}

/** The tombstones of pictures deleted now: sync deletes them on the other devices. */
export function imageTombstones(images: readonly Pick<RecordingImage, 'id' | 'recordingKey'>[], now = Date.now()): Tombstone[] {
  return images.map((image) => ({ kind: 'image', id: image.id, recordingKey: image.recordingKey, deletedAt: now }));
}

/**
 * Stores a picture (a new one, or one deleted a moment ago, for Undo: its tombstone goes, and its
 * `updatedAt` becomes now, after the deletion, so a sync that already carried the deletion brings
 * it back). Throws, storing nothing, on a picture `imageProblem` refuses or one for another
 * person's note, and with the browser's error (a `QuotaExceededError` when the storage is full:
 * core/frame-failure.ts says so) when the write fails.
 */
export async function storeImage(image: RecordingImage): Promise<void> {
  const problem = imageProblem(image);
  if (problem) throw new Error(problem);
  const database = db();
  await database.transaction('rw', database.images, database.notes, database.tombstones, async () => {
    await refuseOthersNote(database, image.noteId);
    const buried = await database.tombstones.get(['image', image.id]);
    if (!buried) return database.images.put(image);
    await database.tombstones.delete(['image', image.id]);
    return database.images.put({ ...image, updatedAt: Math.max(image.updatedAt, buried.deletedAt + 1, Date.now()) });
  });
}

/**
 * Throws, for a picture of another person's note in a team folder: its frames are theirs to
 * change, as its text is (core/sync/team.ts readOnlyProblem). A draft's frames have no note yet.
 */
async function refuseOthersNote(database: NotesDatabase, noteId: string | undefined): Promise<void> {
  const note = noteId === undefined ? undefined : await database.notes.get(noteId);
  const locked = note ? readOnlyProblem(note) : null;
  if (locked) throw new Error(locked);
}

/** A recording's pictures in time order, blobs included (they are read from disk only when used). */
export async function recordingImages(recordingKey: string): Promise<RecordingImage[]> {
  return db().images.where('[recordingKey+t]').between([recordingKey, -Infinity], [recordingKey, Infinity]).toArray();
}

/** The frames of one note (or of a draft's note-to-be), in time order. */
export async function noteImages(noteId: string): Promise<RecordingImage[]> {
  return (await db().images.where('noteId').equals(noteId).toArray()).sort((a, b) => a.t - b.t || a.createdAt - b.createdAt);
}

/**
 * Deletes one picture for good, leaving its tombstone; resolves to it as it was (for Undo),
 * undefined when it was gone. Throws, deleting nothing, for another person's picture (sync set
 * its `author`) or a frame of another person's note.
 */
export async function deleteImage(id: string): Promise<RecordingImage | undefined> {
  const database = db();
  return database.transaction('rw', database.images, database.notes, database.tombstones, async () => {
    const image = await database.images.get(id);
    if (!image) return undefined;
    const readOnly = readOnlyProblem(image);
    if (readOnly) throw new Error(readOnly);
    await refuseOthersNote(database, image.noteId);
    await database.images.delete(id);
    await database.tombstones.bulkPut(imageTombstones([image]));
    return image;
  });
}

/**
 * Deletes every picture of a recording for good (frames and slides), each leaving its tombstone;
 * resolves to how many went. Another person's pictures in a team folder stay (they are theirs).
 */
export async function deleteRecordingImages(recordingKey: string): Promise<number> {
  const database = db();
  return database.transaction('rw', database.images, database.tombstones, async () => {
    const own = await database.images.where('recordingKey').equals(recordingKey).filter((image) => !image.author).toArray();
    await database.images.bulkDelete(own.map((image) => image.id));
    await database.tombstones.bulkPut(imageTombstones(own));
    return own.length;
  });
}

/**
 * Inside a transaction over `images` and `notes`: deletes the frames of a draft's note-to-be,
 * unless that note exists (it was saved, and they are its frames now).
 */
export async function deleteUnsavedFrames(database: NotesDatabase, noteIds: readonly string[]): Promise<void> {
  if (noteIds.length === 0) return;
  const notes = await database.notes.bulkGet([...noteIds]);
  const unsaved = noteIds.filter((_, i) => notes[i] === undefined);
  if (unsaved.length > 0) await database.images.where('noteId').anyOf(unsaved).delete();
}

/** How many pictures the library holds and the bytes they take, from the kept counts (no blob read). */
export async function imageTotals(): Promise<{ count: number; bytes: number }> {
  const rows = await db().recordingStats.toArray();
  return rows.reduce((sum, row) => ({ count: sum.count + (row.images ?? 0), bytes: sum.bytes + (row.imageBytes ?? 0) }), { count: 0, bytes: 0 });
}

/**
 * Stores a slide unless the recording has a slide of the same hash already; resolves to whether it
 * was stored. Throws as `storeImage` does.
 */
export async function storeSlide(image: RecordingImage): Promise<boolean> {
  const problem = imageProblem(image);
  if (problem) throw new Error(problem);
  if (image.kind !== 'slide' || !image.hash) throw new Error('A slide is stored with its hash.');
  const database = db();
  return database.transaction('rw', database.images, async () => {
    const same = await database.images.where('recordingKey').equals(image.recordingKey).filter((each) => each.kind === 'slide' && each.hash === image.hash).count();
    if (same > 0) return false;
    await database.images.put(image);
    return true;
  });
}
