import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RecordingImage } from '../../src/core/model';
import { changesSince, lastSeq } from '../../src/db/changes';
import { discardDraft, DRAFT_MAX_AGE_DAYS, loadDrafts, pruneDrafts, saveDraft } from '../../src/db/drafts';
import { deleteImage, deleteRecordingImages, newImage, noteImages, recordingImages, storeImage, storeSlide, type ImageFields } from '../../src/db/images';
import { keepSlidesFor, saveSettings, setKeepSlides } from '../../src/db/settings';
import { emptyTrash } from '../../src/db/library';
import { addNote, restoreNote, trashNote } from '../../src/db/notes';
import { db } from '../../src/db/schema';
import { readShelf, shelfRowsChanged } from '../../src/db/shelf';
import { useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const REC = { key: 'https://example.com/talk', site: 'html5' as const, url: 'https://example.com/talk', title: 'Talk' };
const OTHER = { ...REC, key: 'https://example.com/other', url: 'https://example.com/other' };

const bytes = (size: number) => new Blob([new Uint8Array(size).fill(7)], { type: 'image/webp' });
function frame(fields: Partial<ImageFields> = {}): RecordingImage {
  return newImage({
    recordingKey: REC.key,
    kind: 'frame',
    t: 12,
    type: 'image/webp',
    blob: bytes(1000),
    width: 1280,
    height: 720,
    thumb: bytes(100),
    thumbWidth: 240,
    thumbHeight: 135,
    ...fields,
  });
}
const stats = async (key = REC.key) => {
  const row = await db().recordingStats.get(key);
  return row && { images: row.images, imageBytes: row.imageBytes, notes: row.notes };
};

describe('pictures of a recording', () => {
  it('are stored with their bytes counted in the recording’s stats, and logged with their recording', async () => {
    const mark = await lastSeq();
    const first = frame({ t: 30 });
    const second = frame({ t: 5, blob: bytes(2500) });
    await storeImage(first);
    await storeImage(second);
    expect(first.bytes).toBe(1100);
    expect(await stats()).toEqual({ images: 2, imageBytes: 3700, notes: 0 });
    expect((await recordingImages(REC.key)).map((image) => image.id)).toEqual([second.id, first.id]);
    const { changes } = await changesSince(mark);
    expect(changes.map(({ table, key, recordingKey }) => ({ table, key, recordingKey }))).toEqual([
      { table: 'images', key: first.id, recordingKey: REC.key },
      { table: 'images', key: second.id, recordingKey: REC.key },
    ]);
    // The library's shelf reads the changed counts again, and nothing of the blobs.
    const rows = await shelfRowsChanged(changes);
    expect(rows?.stats.get(REC.key)).toMatchObject({ images: 2, imageBytes: 3700 });
    expect((await readShelf()).stats.find((row) => row.recordingKey === REC.key)).toMatchObject({ images: 2 });

    const removed = await deleteImage(first.id);
    expect(removed?.id).toBe(first.id);
    expect(await stats()).toEqual({ images: 1, imageBytes: 2600, notes: 0 });
    const deletion = (await changesSince(mark)).changes.at(-1);
    expect(deletion).toMatchObject({ table: 'images', key: first.id, recordingKey: REC.key });
    // Undo puts it back as it was.
    await storeImage(removed!);
    expect(await stats()).toEqual({ images: 2, imageBytes: 3700, notes: 0 });
    expect(new Uint8Array(await (await db().images.get(first.id))!.blob.arrayBuffer())).toEqual(new Uint8Array(1000).fill(7));
  });

  it('refuses a picture it cannot hold, storing nothing', async () => {
    const bad: RecordingImage[] = [
      { ...frame(), type: 'image/png' as RecordingImage['type'] },
      frame({ width: 3840, height: 2160 }),
      frame({ thumbWidth: 1280, thumbHeight: 720 }),
      frame({ t: Number.NaN }),
      frame({ t: -1 }),
      { ...frame(), bytes: 5 },
      frame({ blob: new Blob([]) }),
    ];
    for (const image of bad) await expect(storeImage(image)).rejects.toThrow();
    expect(await db().images.count()).toBe(0);
    expect(await stats()).toBeUndefined();
  });

  it('“Delete images” deletes a recording’s pictures and only those; the notes stay', async () => {
    const note = await addNote(REC, 10, 'with a frame');
    await storeImage(frame({ noteId: note.id }));
    await storeImage(frame({ kind: 'slide', hash: '0123456789abcdef' }));
    await storeImage(frame({ recordingKey: OTHER.key }));
    expect(await deleteRecordingImages(REC.key)).toBe(2);
    expect(await stats()).toEqual({ images: 0, imageBytes: 0, notes: 1 });
    expect(await stats(OTHER.key)).toEqual({ images: 1, imageBytes: 1100, notes: 0 });
    expect(await db().notes.count()).toBe(1);
    expect(await deleteRecordingImages(REC.key)).toBe(0);
  });

  it('a note’s frames stay while it is in the trash, and go when the trash is emptied', async () => {
    const note = await addNote(REC, 10, 'deleted later');
    const kept = await addNote(REC, 20, 'kept');
    await storeImage(frame({ noteId: note.id }));
    await storeImage(frame({ noteId: kept.id }));
    await trashNote(note.id);
    expect((await noteImages(note.id)).length).toBe(1);
    await restoreNote(note.id);
    expect((await noteImages(note.id)).length).toBe(1);
    await trashNote(note.id);
    await emptyTrash({ notes: [{ id: note.id, deletedAt: (await db().notes.get(note.id))!.deletedAt! }], qa: [] });
    expect(await noteImages(note.id)).toEqual([]);
    expect((await noteImages(kept.id)).length).toBe(1);
    expect(await stats()).toEqual({ images: 1, imageBytes: 1100, notes: 1 });
  });
});

describe('deletions reach other devices (sync tombstones)', () => {
  const tombstones = async () => (await db().tombstones.toArray()).map(({ kind, id, deletedAt }) => `${kind}:${id}@${deletedAt}`);

  it('one picture deleted, a recording\'s pictures deleted, a purged note\'s frames: each leaves a tombstone', async () => {
    const note = await addNote(REC, 10, 'deleted later');
    const [one, slide, other, noteFrame] = [frame({ t: 1 }), frame({ t: 2, kind: 'slide', hash: '0123456789abcdef' }), frame({ recordingKey: OTHER.key }), frame({ noteId: note.id })];
    for (const image of [one, slide, other, noteFrame]) await storeImage(image);
    clock.now = 2_000;
    await deleteImage(one.id);
    expect(await tombstones()).toEqual([`image:${one.id}@2000`]);
    clock.now = 3_000;
    await deleteRecordingImages(OTHER.key);
    await trashNote(note.id);
    await emptyTrash({ notes: [{ id: note.id, deletedAt: (await db().notes.get(note.id))!.deletedAt! }], qa: [] });
    expect((await tombstones()).sort()).toEqual([`image:${noteFrame.id}@3000`, `image:${one.id}@2000`, `image:${other.id}@3000`, `note:${note.id}@3000`].sort());
    expect((await db().images.toArray()).map((image) => image.id)).toEqual([slide.id]);
  });

  it('Undo puts a deleted picture back newer than its deletion, and its tombstone goes', async () => {
    const image = frame();
    await storeImage(image);
    clock.now = 2_000;
    const removed = (await deleteImage(image.id))!;
    clock.now = 2_500;
    await storeImage(removed);
    expect(await tombstones()).toEqual([]);
    expect((await db().images.get(image.id))?.updatedAt).toBe(2_500);
  });

  it('another person\'s picture (a team folder) cannot be deleted here; "Delete images" leaves it', async () => {
    const ana = { id: 'a0a0a0a0a0a0a0a0', name: 'Ana' };
    const hers = { ...frame({ kind: 'slide', hash: '0123456789abcdef' }), author: ana };
    const mine = frame({ kind: 'slide', hash: 'fedcba9876543210' });
    await db().images.bulkPut([hers, mine]);
    await expect(deleteImage(hers.id)).rejects.toThrow('Only Ana can change this.');
    expect(await deleteRecordingImages(REC.key)).toBe(1);
    expect((await db().images.toArray()).map((image) => image.id)).toEqual([hers.id]);
    expect(await tombstones()).toEqual([`image:${mine.id}@1000`]);
  });
});

describe('frames of a draft', () => {
  const PANEL = 'panel-a';

  it('go with the note once it is saved under the id the draft promised', async () => {
    const noteId = crypto.randomUUID();
    await saveDraft(PANEL, REC.key, 'typing', 12, undefined, noteId);
    await storeImage(frame({ noteId }));
    expect((await loadDrafts(PANEL, REC.key)).own?.noteId).toBe(noteId);
    const note = await addNote(REC, 12, 'typing', { panelId: PANEL, id: noteId });
    expect(note.id).toBe(noteId);
    expect((await loadDrafts(PANEL, REC.key)).own).toBeUndefined();
    expect((await noteImages(note.id)).length).toBe(1);
    // An id is a note's for good: another note cannot take it.
    await expect(addNote(REC, 13, 'again', { id: noteId })).rejects.toThrow();
  });

  it('go when the draft is discarded, or pruned, but not when its note was saved', async () => {
    const discarded = crypto.randomUUID();
    await saveDraft(PANEL, REC.key, 'never saved', 12, undefined, discarded);
    await storeImage(frame({ noteId: discarded }));
    await discardDraft(PANEL, REC.key);
    expect(await noteImages(discarded)).toEqual([]);

    const old = crypto.randomUUID();
    await saveDraft('panel-old', REC.key, 'forgotten', 3, undefined, old);
    await storeImage(frame({ noteId: old }));
    const saved = crypto.randomUUID();
    await saveDraft('panel-saved', OTHER.key, 'saved elsewhere', 4, undefined, saved);
    await storeImage(frame({ recordingKey: OTHER.key, noteId: saved }));
    await addNote(OTHER, 4, 'saved elsewhere', { id: saved });
    clock.now += (DRAFT_MAX_AGE_DAYS + 1) * 24 * 60 * 60 * 1000;
    expect(await pruneDrafts()).toBe(2);
    expect(await noteImages(old)).toEqual([]);
    expect((await noteImages(saved)).length).toBe(1);
    // Nothing names that recording any more, and it was never stored: its counts go.
    expect(await stats()).toBeUndefined();
    expect(await pruneDrafts()).toBe(0);
  });
});

describe('slides of a recording', () => {
  it('are stored once per hash and recording, counted in the stats; a slide without a hash is refused', async () => {
    const slide = (fields: Partial<ImageFields>) => frame({ kind: 'slide', hash: '0123456789abcdef', ...fields });
    expect(await storeSlide(slide({ t: 10 }))).toBe(true);
    expect(await storeSlide(slide({ t: 80 }))).toBe(false);
    expect(await storeSlide(slide({ t: 80, hash: 'fedcba9876543210' }))).toBe(true);
    expect(await storeSlide(slide({ t: 10, recordingKey: OTHER.key }))).toBe(true);
    await expect(storeSlide(slide({ hash: undefined }))).rejects.toThrow('A slide is stored with its hash.');
    await expect(storeSlide(frame({ hash: 'aaaaaaaaaaaaaaaa' }))).rejects.toThrow('A slide is stored with its hash.');
    expect((await recordingImages(REC.key)).map((image) => [image.t, image.hash])).toEqual([
      [10, '0123456789abcdef'],
      [80, 'fedcba9876543210'],
    ]);
    expect(await stats()).toEqual({ images: 2, imageBytes: 2200, notes: 0 });
  });

  it('are kept for a recording by its own choice, else by the setting', async () => {
    expect(await keepSlidesFor(REC.key)).toBe(false);
    await saveSettings({ keepSlides: true });
    expect(await keepSlidesFor(REC.key)).toBe(true);
    await setKeepSlides(REC.key, false);
    expect(await keepSlidesFor(REC.key)).toBe(false);
    expect(await keepSlidesFor(OTHER.key)).toBe(true);
  });
});
