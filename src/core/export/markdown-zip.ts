/**
 * The Markdown export with its pictures, as one `.zip` that notes apps (Obsidian, Joplin, Logseq)
 * take in: a folder named after the recording holding `TITLE.md` and `images/`, the document's
 * pictures linked relatively (`images/0003-slide-12m05s.webp`). Every name is safe on Windows,
 * macOS and Linux (../file-name.ts).
 *
 * Zipped with JSZip (a dependency already, for the tests): a well-kept, widely used writer that
 * takes bytes in and gives bytes out, in the browser and in Node alike. Pictures are stored as they
 * are (WebP and JPEG are compressed already; deflating them again costs time and saves nothing),
 * the Markdown deflated.
 */
import JSZip from 'jszip';
import { safeFileName } from '../file-name';
import { illustratedOutline, type IllustratedInput } from './illustrated';
import { type ExportLanguage, exportWords } from './input';
import { illustratedMarkdown } from './markdown';

/**
 * The time every entry is dated: a constant, so the same notes give the same bytes (a zip entry's
 * date is in local time, which would make the file depend on the machine). 1 January 2000.
 */
const ENTRY_DATE = new Date(2000, 0, 1);

export interface MarkdownZip {
  /** The zip file. */
  bytes: Uint8Array;
  /** A name for it: the recording's title, safe everywhere, with `.zip`. */
  fileName: string;
  /** The paths inside it, the document first. */
  entries: string[];
  /** Pictures left out, one line each (illustrated.ts `skipped`). */
  skipped: string[];
}

/** The zip of the recording's notes, Q&A and pictures, its own words in `lang` (`skipped` in `uiLang`). */
export async function markdownZip(input: IllustratedInput, options: ExportLanguage = {}): Promise<MarkdownZip> {
  const illustrated = illustratedOutline(input, options);
  const fallback = exportWords(options).words.t('export_fileNameFallback');
  const folder = safeFileName(illustrated.outline.title, '', fallback);
  const document = `${folder}/${safeFileName(illustrated.outline.title, '.md', fallback)}`;
  const zip = new JSZip();
  zip.file(document, illustratedMarkdown(illustrated), { date: ENTRY_DATE, compression: 'DEFLATE' });
  for (const placed of illustrated.images) {
    zip.file(`${folder}/${placed.path}`, placed.image.bytes, { date: ENTRY_DATE, compression: 'STORE', binary: true });
  }
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  return {
    bytes,
    fileName: safeFileName(illustrated.outline.title, '.zip', fallback),
    entries: [document, ...illustrated.images.map((placed) => `${folder}/${placed.path}`)],
    skipped: illustrated.skipped,
  };
}
