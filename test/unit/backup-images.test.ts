import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, type BackupImage, importSummary, makeBackup, parseBackup } from '../../src/core/backup';
import { bytesToBase64 } from '../../src/core/base64';
import { MAX_FRAME_BYTES } from '../../src/core/images';
import type { Note, Recording, RecordingImage } from '../../src/core/model';
import { backupFileBlob, exportBackup, importBackup } from '../../src/db/backup';
import { newImage, recordingImages, storeImage } from '../../src/db/images';
import { db } from '../../src/db/schema';
import { emptyDatabase, useEmptyDatabaseAndClock } from './empty-db';

useEmptyDatabaseAndClock();

const REC: Recording = { key: 'https://example.com/talk', site: 'html5', url: 'https://example.com/talk', title: 'Talk', createdAt: 1, updatedAt: 1 };
const NOTE: Note = { id: 'n1', recordingKey: REC.key, t: 12, text: 'A point', createdAt: 1, updatedAt: 1 };

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
/** Bytes that read as WebP (or JPEG) by their header, then `size` bytes told apart by `seed`. */
function pictureBytes(size: number, seed: number, type: 'webp' | 'jpeg' = 'webp'): Uint8Array<ArrayBuffer> {
  const head = type === 'webp' ? [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP')] : [0xff, 0xd8, 0xff, 0xe0];
  return new Uint8Array([...head, ...Array.from({ length: size }, (_, i) => (i * seed + seed) % 256)]);
}

function image(seed: number, extra: Partial<RecordingImage> = {}): RecordingImage {
  const jpeg = seed % 2 === 0;
  return newImage({
    recordingKey: REC.key,
    kind: extra.kind ?? 'frame',
    t: seed,
    ...(extra.kind === 'slide' ? { hash: '0123456789abcdef' } : { noteId: NOTE.id }),
    type: jpeg ? 'image/jpeg' : 'image/webp',
    blob: new Blob([pictureBytes(3000 + seed, seed, jpeg ? 'jpeg' : 'webp')], { type: jpeg ? 'image/jpeg' : 'image/webp' }),
    width: 1280,
    height: 720,
    thumb: new Blob([pictureBytes(200 + seed, seed + 1)], { type: 'image/webp' }),
    thumbWidth: 240,
    thumbHeight: 135,
  });
}

/** A version-4 file of REC and NOTE with `images` as given. */
function file(images: unknown[]): string {
  return JSON.stringify({ ...makeBackup({ recordings: [REC], notes: [NOTE], qa: [] }, new Date('2026-11-20T10:00:00Z')), images });
}
const good = (id: string, extra: Partial<BackupImage> = {}): BackupImage => ({
  id, recordingKey: REC.key, kind: 'slide', t: 5, type: 'image/webp', width: 1280, height: 720,
  data: bytesToBase64(pictureBytes(50, 3)), thumbType: 'image/jpeg', thumbWidth: 240, thumbHeight: 135,
  thumb: bytesToBase64(pictureBytes(10, 4, 'jpeg')), createdAt: 1, updatedAt: 1, ...extra,
});

describe('a backup with pictures', () => {
  it('restores every picture byte for byte into an empty database, and keeps one it has by its id', async () => {
    await db().recordings.put(REC);
    await db().notes.put(NOTE);
    const stored = [image(1), image(2), image(3, { kind: 'slide' })];
    for (const picture of stored) await storeImage(picture);
    const backup = await exportBackup({ images: true });
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.images).toHaveLength(3);
    const json = JSON.stringify(backup, null, 2);
    // Without pictures: no `images` at all; the automatic backup's file is one of those.
    expect((await exportBackup({})).images).toBeUndefined();
    expect(JSON.parse(await (await backupFileBlob()).text())).not.toHaveProperty('images');

    await emptyDatabase();
    const result = await importBackup(json);
    expect(result).toMatchObject({ ok: true, imageProblems: [], counts: { added: 5 } });
    const restored = await recordingImages(REC.key);
    expect(restored.map((r) => r.id).sort()).toEqual(stored.map((s) => s.id).sort());
    for (const original of stored) {
      const copy = restored.find((r) => r.id === original.id)!;
      const { blob, thumb, ...facts } = original;
      expect(copy).toMatchObject(facts);
      expect(new Uint8Array(await copy.blob.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
      expect(new Uint8Array(await copy.thumb.arrayBuffer())).toEqual(new Uint8Array(await thumb.arrayBuffer()));
      expect([copy.blob.type, copy.thumb.type]).toEqual([blob.type, thumb.type]);
    }
    expect((await db().recordingStats.get(REC.key))?.images).toBe(3);

    const again = await importBackup(json);
    expect(again).toMatchObject({ ok: true, counts: { added: 0, kept: 5 } });
  });

  it('leaves out a damaged picture, naming it and why, and imports everything else', async () => {
    const huge = 'A'.repeat(4 * Math.ceil(MAX_FRAME_BYTES / 3) + 4);
    const parsed = parseBackup(file([
      good('ok'),
      good('bad-base64', { data: 'not base64!' }),
      good('png', { data: bytesToBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])) }),
      good('says-jpeg', { type: 'image/jpeg' }),
      good('thumb', { thumb: 'QUJD' }),
      good('huge', { data: huge }),
      good('ok'),
      good('elsewhere', { recordingKey: 'https://example.com/other' }),
      good('wide', { width: 4000 }),
      { id: 'shape' },
    ]));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.images.map((i) => i.id)).toEqual(['ok']);
    expect(parsed.imageProblems).toEqual([
      'image 2 (id bad-base64): its picture is not base64',
      'image 3 (id png): its picture is not a WebP or JPEG picture (by its bytes)',
      'image 4 (id says-jpeg): its picture is a WebP picture by its bytes, not the JPEG its type says',
      'image 5 (id thumb): its thumbnail is not a WebP or JPEG picture (by its bytes)',
      `image 6 (id huge): its picture is larger than ${MAX_FRAME_BYTES.toLocaleString('en')} bytes`,
      'image 7 (id ok): the same id as an earlier image',
      'image 8 (id elsewhere): its recording (https://example.com/other) is not in the file',
      'image 9 (id wide): width must be a whole number of pixels from 1 to 1920',
      'image 10 (id shape): recordingKey is missing',
    ]);
    const result = await importBackup(file([good('ok'), good('bad', { data: '@@@@' })]));
    if (!result.ok) throw new Error(result.message);
    expect(await db().notes.get(NOTE.id)).toMatchObject({ text: 'A point' });
    expect((await recordingImages(REC.key)).map((i) => i.id)).toEqual(['ok']);
    expect(importSummary(result.counts, result.adjusted, result.captionFixes, result.imageProblems)).toBe(
      '3 added, 0 merged, 0 already up to date. 1 picture in the backup was damaged and left out; everything else was imported (image 2 (id bad): its picture is not base64).',
    );
  });

  it('reads no pictures from a file of an older version, which could not hold them', async () => {
    for (const version of [1, 2, 3]) {
      const parsed = parseBackup(JSON.stringify({ ...JSON.parse(file([good('x')])), version }));
      if (!parsed.ok) throw new Error(parsed.message);
      expect(parsed.images).toEqual([]);
      expect(parsed.backup.notes).toHaveLength(1);
    }
  });
});
