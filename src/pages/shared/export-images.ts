import type { ExportImage } from '../../core/export/illustrated';
import type { RecordingImage } from '../../core/model';

/** Stored pictures as the exports take them (core/export/illustrated.ts `ExportImage`): their blobs read to bytes. */
export async function exportImages(images: readonly RecordingImage[]): Promise<ExportImage[]> {
  return Promise.all(
    images.map(async ({ id, kind, t, noteId, width, height, blob }) => ({
      id, kind, t, ...(noteId !== undefined ? { noteId } : {}), width, height, bytes: new Uint8Array(await blob.arrayBuffer()),
    })),
  );
}
