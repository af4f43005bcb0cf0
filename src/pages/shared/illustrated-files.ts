/**
 * The two exports with pictures, as downloads: the pictures' blobs read to bytes here, the files
 * made by the core (core/export/markdown-zip.ts, core/export/handout.ts), which the command line
 * calls too. Both modules are loaded when first used: JSZip and the handout are needed only then.
 */
import type { ExportInput } from '../../core/export';
import type { IllustratedInput } from '../../core/export/illustrated';
import { safeFileName } from '../../core/file-name';
import { exportTitle, type ExportLanguage } from '../../core/export/input';
import { translator } from '../../core/i18n';
import type { RecordingImage } from '../../core/model';
import { downloadBlob } from './download';
import { exportImages } from './export-images';

export type IllustratedFormat = 'markdown-zip' | 'handout';

/**
 * Makes and downloads the zip or the handout of `input` with `images`, its own words in
 * `language.lang`; resolves to the pictures left out (core/export/illustrated.ts `skipped`, in
 * `language.uiLang`), one line each.
 */
export async function downloadIllustrated(
  format: IllustratedFormat,
  input: ExportInput,
  images: readonly RecordingImage[],
  language: ExportLanguage,
): Promise<string[]> {
  const illustrated: IllustratedInput = { ...input, images: await exportImages(images) };
  if (format === 'markdown-zip') {
    const { markdownZip } = await import('../../core/export/markdown-zip');
    const zip = await markdownZip(illustrated, language);
    downloadBlob(new Blob([zip.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), zip.fileName);
    return zip.skipped;
  }
  const { handoutHtml } = await import('../../core/export/handout');
  const handout = handoutHtml(illustrated, language);
  const lang = language.lang ?? 'en';
  const name = safeFileName(exportTitle(input.recording, lang), '.html', translator(lang).t('export_fileNameFallback'));
  downloadBlob(new Blob([handout.html], { type: 'text/html' }), name);
  return handout.skipped;
}
