/**
 * Every text export by name, for the two places that offer them all: the panel's Summary tab and
 * the command line. (The JSON backup is not here: it reads the database, not one recording.)
 */
import { webAnnotationCollection, type AnnotationOptions } from './annotation';
import { youtubeChapters } from './chapters';
import { forumPost, type ForumPostOptions } from './forum';
import { htmlExport } from './html';
import type { ExportInput } from './input';
import { leftOutMessage } from './left-out';
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

const leftOutFacts = (leftOut: string[]): string[] =>
  leftOut.length === 0 ? [] : [`${leftOut.length} note${leftOut.length === 1 ? '' : 's'} left out`];

export function renderExport(
  format: ExportFormat,
  input: ExportInput,
  options: { forum: ForumPostOptions; annotation: AnnotationOptions },
): RenderedExport {
  switch (format) {
    case 'forum': {
      const post = forumPost(input, options.forum);
      return {
        ok: true,
        text: post.text,
        facts: [`${post.characters.toLocaleString('en')} characters`, post.links === 1 ? '1 link' : `${post.links.toLocaleString('en')} links`],
        warnings: post.warnings,
        leftOut: [],
      };
    }
    case 'chapters': {
      const chapters = youtubeChapters(input);
      const leftOut = chapters.leftOut.map(leftOutMessage);
      return chapters.ok
        ? { ...plain(chapters.text), facts: leftOutFacts(leftOut), leftOut }
        : { ok: false, text: '', facts: leftOutFacts(leftOut), warnings: [chapters.message], leftOut };
    }
    case 'markdown':
      return plain(markdownExport(input));
    case 'text':
      return plain(plainTextExport(input));
    case 'html':
      return plain(htmlExport(input));
    case 'vtt': {
      const vtt = webVtt(input);
      const leftOut = vtt.leftOut.map(leftOutMessage);
      return { ...plain(vtt.text), facts: leftOutFacts(leftOut), leftOut };
    }
    case 'annotation':
      return plain(JSON.stringify(webAnnotationCollection(input, options.annotation), null, 2));
  }
}
