/**
 * The two exports with pictures, as downloads: the pictures' blobs read to bytes here, the files
 * made by the core (core/export/markdown-zip.ts, core/export/handout.ts), which the command line
 * calls too. Both modules are loaded when first used: JSZip and the handout are needed only then.
 */
import type { ExportInput } from '../../core/export';
import type { IllustratedInput } from '../../core/export/illustrated';
import { safeFileName } from '../../core/file-name';
import { exportTitle } from '../../core/export/input';
import type { RecordingImage } from '../../core/model';
import { downloadBlob } from './download';
import { exportImages } from './export-images';
import { t } from '../../core/i18n';

export type IllustratedFormat = 'markdown-zip' | 'handout';

/**
 * Makes and downloads the zip or the handout of `input` with `images`; resolves to the pictures
 * left out (core/export/illustrated.ts `skipped`), one line each.
 */
export async function downloadIllustrated(format: IllustratedFormat, input: ExportInput, images: readonly RecordingImage[]): Promise<string[]> {
  const illustrated: IllustratedInput = { ...input, images: await exportImages(images) };
  if (format === 'markdown-zip') {
    const { markdownZip } = await import('../../core/export/markdown-zip');
    const zip = await markdownZip(illustrated);
    downloadBlob(new Blob([zip.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), zip.fileName);
    return zip.skipped;
  }
  const { handoutHtml } = await import('../../core/export/handout');
  const handout = handoutHtml(illustrated);
  downloadBlob(new Blob([handout.html], { type: 'text/html' }), safeFileName(exportTitle(input.recording), '.html', t('shared_handoutFileName')));
  return handout.skipped;
}
