/**
 * Every text export by name, for the two places that offer them all: the panel's Summary tab and
 * the command line. (The JSON backup is not here: it reads the database, not one recording.)
 */
import { webAnnotationCollection, type AnnotationOptions } from './annotation';
import { youtubeChapters } from './chapters';
import { forumPost, type ForumPostOptions } from './forum';
import { htmlExport } from './html';
import type { ExportInput } from './input';
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
}

const plain = (text: string): RenderedExport => ({ ok: true, text, facts: [], warnings: [] });

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
        facts: [`${post.characters.toLocaleString('en')} characters`, `${post.links} links`],
        warnings: post.warnings,
      };
    }
    case 'chapters': {
      const chapters = youtubeChapters(input);
      return chapters.ok
        ? { ...plain(chapters.text), facts: chapters.dropped ? [`${chapters.dropped} notes left out (under 10 s apart)`] : [] }
        : { ok: false, text: '', facts: [], warnings: [chapters.message] };
    }
    case 'markdown':
      return plain(markdownExport(input));
    case 'text':
      return plain(plainTextExport(input));
    case 'html':
      return plain(htmlExport(input));
    case 'vtt':
      return plain(webVtt(input));
    case 'annotation':
      return plain(JSON.stringify(webAnnotationCollection(input, options.annotation), null, 2));
  }
}
