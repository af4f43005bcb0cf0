/**
 * Every text export by name, for the two places that offer them all: the panel's Summary tab and
 * the command line. (The JSON backup is not here: it reads the database, not one recording.)
 */
import { webAnnotationCollection, type AnnotationOptions } from './annotation';
import { youtubeChapters } from './chapters';
import { forumPost, type ForumPostOptions } from './forum';
import { htmlExport } from './html';
import type { Translator } from '../i18n';
import { type ExportInput, type ExportLanguage, exportWords } from './input';
import { type LeftOutNote, leftOutMessage } from './left-out';
import { markdownExport } from './markdown';
import { plainTextExport } from './text';
import { webVtt } from './vtt';

export const EXPORT_FORMATS = ['forum', 'markdown', 'text', 'html', 'chapters', 'vtt', 'annotation'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RenderedExport {
  /** False when these notes cannot make this format; `warnings` then says why. */
  ok: boolean;
  text: string;
  /** Counts worth showing beside the text. */
  facts: string[];
  warnings: string[];
  /** One sentence for each note the format had to leave out, naming it and saying why. */
  leftOut: string[];
}

const plain = (text: string): RenderedExport => ({ ok: true, text, facts: [], warnings: [], leftOut: [] });

const leftOutFacts = (leftOut: string[], ui: Translator): string[] =>
  leftOut.length === 0 ? [] : [ui.plural('export_notesLeftOut', leftOut.length)];

/**
 * `format` of `input`: the text in `options.lang`, what is said beside it (facts, warnings, notes
 * left out) in `options.uiLang` (default: `lang`).
 */
export function renderExport(
  format: ExportFormat,
  input: ExportInput,
  options: ExportLanguage & { forum: ForumPostOptions; annotation: AnnotationOptions },
): RenderedExport {
  const language: ExportLanguage = { lang: options.lang ?? 'en', uiLang: options.uiLang ?? options.lang ?? 'en' };
  const { ui } = exportWords(language);
  const leftOutLine = (item: LeftOutNote) => leftOutMessage(item, ui);
  switch (format) {
    case 'forum': {
      const post = forumPost(input, { ...options.forum, ...language });
      return {
        ok: true,
        text: post.text,
        facts: [ui.plural('export_characterCount', post.characters), ui.plural('export_linkCount', post.links)],
        warnings: post.warnings,
        leftOut: [],
      };
    }
    case 'chapters': {
      const chapters = youtubeChapters(input, language);
      const leftOut = chapters.leftOut.map(leftOutLine);
      return chapters.ok
        ? { ...plain(chapters.text), facts: leftOutFacts(leftOut, ui), leftOut }
        : { ok: false, text: '', facts: leftOutFacts(leftOut, ui), warnings: [chapters.message], leftOut };
    }
    case 'markdown':
      return plain(markdownExport(input, language));
    case 'text':
      return plain(plainTextExport(input, language));
    case 'html':
      return plain(htmlExport(input, language));
    case 'vtt': {
      // WebVTT and the Web Annotation write no words of their own: only the user's text.
      const vtt = webVtt(input);
      const leftOut = vtt.leftOut.map(leftOutLine);
      return { ...plain(vtt.text), facts: leftOutFacts(leftOut, ui), leftOut };
    }
    case 'annotation':
      return plain(JSON.stringify(webAnnotationCollection(input, options.annotation), null, 2));
  }
}
