/**
 * Pictures in sync (core/model.ts `RecordingImage`: frames of notes, and slides). A recording file
 * lists its pictures' facts (no bytes: core/backup.ts `ImageFacts`); each picture's bytes live in a
 * file of their own beside the recording files (layout.ts):
 *
 *     <folder>/webinar-notes/v1/images/<name>.json    one picture, as a backup holds it (BackupImage)
 *
 * `<name>` is the first 32 hex digits of the SHA-256 of the picture's id. A picture's bytes never
 * change, so its file is written once (only if absent), before any recording file that lists it:
 * a device that reads a recording file finds every picture it lists, except in a race with a hand
 * on the server, which the next sync mends (db/sync.ts keeps such a picture pending). A sync where
 * no picture changed reads and writes no picture file.
 */
import * as v from 'valibot';
import { readBackupImage, type BackupImage, type ImageFacts, type ImportedImage } from '../backup';
import { t } from '../i18n';
import type { RecordingImage } from '../model';
import { sha256Hex, type Parsed } from './layout';

export const IMAGE_FILE_FORMAT = 'webinar-notes-sync-image';
export const IMAGE_FILE_VERSION = 1;

/** A picture's file name on the server (without folder), from its id. */
export async function imageFileNameOf(id: string): Promise<string> {
  return `${(await sha256Hex(id)).slice(0, 32)}.json`;
}

/** A stored picture's facts: what its recording's file lists. */
export function imageFacts(image: RecordingImage): ImageFacts {
  const { blob: _blob, thumb, bytes: _bytes, ...facts } = image;
  return { ...facts, thumbType: (thumb.type || image.type) as ImageFacts['thumbType'] };
}

/** Two copies of one picture's facts: the later put-back (`updatedAt`); the same either way round. */
export function mergeImageFacts(a: ImageFacts, b: ImageFacts): ImageFacts {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

export function serializeImageFile(image: BackupImage): string {
  return JSON.stringify({ format: IMAGE_FILE_FORMAT, version: IMAGE_FILE_VERSION, image });
}

const ImageFileSchema = v.object({ format: v.literal(IMAGE_FILE_FORMAT), version: v.number(), image: v.unknown() });

/** A picture file read back, its bytes checked as an import checks a backup's (readBackupImage); `path` names it in the message. */
export function parseImageFile(text: string, path: string): Parsed<ImportedImage> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: t('sync_imageDamaged', path, t('sync_imageNotJson')) };
  }
  const file = v.safeParse(ImageFileSchema, value);
  if (!file.success) return { ok: false, message: t('sync_imageDamaged', path, t('sync_imageNotJson')) };
  if (file.output.version > IMAGE_FILE_VERSION) return { ok: false, message: t('sync_imageNewer', path), newer: true };
  const image = readBackupImage(file.output.image);
  return typeof image === 'string' ? { ok: false, message: t('sync_imageDamaged', path, image) } : { ok: true, value: image };
}
