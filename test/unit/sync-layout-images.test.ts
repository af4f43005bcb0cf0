/**
 * Pictures in the sync layout (core/sync/layout.ts, core/sync/images.ts): a recording file lists
 * its pictures' facts and their tombstones where older readers do not trip on them, and a picture
 * file is checked as an import checks a backup's picture.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/base64';
import { parseBackup, type BackupImage, type ImageFacts } from '../../src/core/backup';
import { parseImageFile, serializeImageFile } from '../../src/core/sync/images';
import { parseFile, serializeFile } from '../../src/core/sync/layout';
import type { SyncData } from '../../src/core/sync/merge';

const KEY = 'youtube:Wb1nQ9rLk2A';
const facts: ImageFacts = {
  id: 'p1', recordingKey: KEY, kind: 'frame', noteId: 'n1', t: 5, type: 'image/webp', width: 1280, height: 720, thumbType: 'image/webp', thumbWidth: 240, thumbHeight: 135,
  createdAt: 100, updatedAt: 100,
};
const data: SyncData = {
  recordingKey: KEY,
  recording: { key: KEY, site: 'youtube', url: 'https://youtu.be/Wb1nQ9rLk2A', title: 'Forms', createdAt: 100, updatedAt: 100 },
  notes: [{ id: 'n1', recordingKey: KEY, t: 5, text: 'See the frame', createdAt: 100, updatedAt: 100 }],
  qa: [],
  transcripts: [],
  images: [facts],
  tombstones: [
    { kind: 'note', id: 'n0', recordingKey: KEY, deletedAt: 200 },
    { kind: 'image', id: 'p0', recordingKey: KEY, deletedAt: 200 },
  ],
};
const webp = (size: number) => {
  const bytes = new Uint8Array(size).fill(9);
  bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  bytes.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
  return bytes;
};

describe('a recording file with pictures', () => {
  it('reads back as written; its pictures\' tombstones are apart, and it is still a backup', () => {
    const text = serializeFile({ rev: 3, data }, new Date(1000));
    expect(parseFile(text, 'a.json')).toEqual({ ok: true, value: { rev: 3, data } });
    const sync = (JSON.parse(text) as { sync: { tombstones: { kind: string }[]; imageTombstones: { kind: string }[] } }).sync;
    // A version that knows only note and question tombstones reads `tombstones` and skips the rest.
    expect(sync.tombstones.map((t) => t.kind)).toEqual(['note']);
    expect(sync.imageTombstones.map((t) => t.kind)).toEqual(['image']);
    expect(parseBackup(text).ok).toBe(true);
  });

  it('a file written before pictures travelled lists none', () => {
    const text = serializeFile({ rev: 1, data: { ...data, images: [], tombstones: [] } }, new Date(1000));
    const old = JSON.parse(text) as { sync: Record<string, unknown> };
    delete old.sync.images;
    delete old.sync.imageTombstones;
    const read = parseFile(JSON.stringify(old), 'a.json');
    expect(read.ok && read.value.data.images).toEqual([]);
  });

  it('a damaged list of pictures makes the file damaged, said so', () => {
    const text = serializeFile({ rev: 1, data: { ...data, images: [{ ...facts, width: 99_999 }] } }, new Date(1000));
    expect(parseFile(text, 'a.json', 'webinar-notes/v1/recordings/')).toEqual({
      ok: false, message: 'The file webinar-notes/v1/recordings/a.json on the server is damaged (its list of pictures is damaged), so it was not synced.',
    });
  });
});

describe('a picture file', () => {
  const image: BackupImage = { ...facts, data: bytesToBase64(webp(500)), thumb: bytesToBase64(webp(50)) };

  it('reads back with its bytes', () => {
    const read = parseImageFile(serializeImageFile(image), 'x.json');
    expect(read.ok && [...read.value.data]).toEqual([...webp(500)]);
    expect(read.ok && read.value.id).toBe('p1');
  });

  it('bytes that are not the picture its type says, a file that is not one, and a newer version are told apart', () => {
    expect(parseImageFile(serializeImageFile({ ...image, data: bytesToBase64(new Uint8Array(40).fill(1)) }), 'x.json')).toEqual({
      ok: false, message: 'The picture file x.json on the server is damaged (its picture is not a WebP or JPEG picture (by its bytes)), so it was not synced.',
    });
    expect(parseImageFile('{"format": "something else"}', 'x.json')).toMatchObject({ ok: false, message: 'The picture file x.json on the server is damaged (it is not a Webinar Notes picture file), so it was not synced.' });
    expect(parseImageFile(JSON.stringify({ format: 'webinar-notes-sync-image', version: 2, image }), 'x.json')).toMatchObject({ ok: false, newer: true });
  });
});
