/**
 * A note keeps the lines and blank lines it was typed with, in every export a reader sees rendered
 * (issue 11, item 4: commonmark.js and markdown-it showed "first line second line").
 */
import { describe, expect, it } from 'vitest';
import { forumPost } from '../../../src/core/export/forum';
import { htmlExport } from '../../../src/core/export/html';
import type { ExportInput } from '../../../src/core/export/input';
import { markdownExport } from '../../../src/core/export/markdown';
import { plainTextExport } from '../../../src/core/export/text';
import { emptyWebinar, note, question } from './fixtures';
import { commonMark, discourseMarkdown, parseHtml } from './markdown-renderers';

const TYPED = 'first line\nsecond line\n\n  after a blank line  \n';
const SHOWN = 'first line\nsecond line\n\nafter a blank line';

function input(): ExportInput {
  return {
    ...emptyWebinar(),
    notes: [note(5, TYPED)],
    qa: [question('q1', 20, 'Why?', { answers: [{ text: TYPED }] })],
  };
}

/** What a reader sees of `html`'s list items: a <br> as a line break, paragraphs a blank line apart. */
function itemsShown(html: string): string[] {
  return Array.from(parseHtml(html).querySelectorAll('li'), (li) => {
    const copy = li.cloneNode(true) as Element;
    for (const nested of Array.from(copy.querySelectorAll('ul'))) nested.remove();
    return copy.innerHTML
      .replace(/<br\s*\/?>\n?/g, '\n')
      .replace(/<\/p>\s*<p>/g, '\n\n')
      .replace(/<[^>]*>/g, '')
      .trim();
  });
}

describe('line breaks typed in a note or an answer', () => {
  it('stay in the Markdown export, as commonmark.js and markdown-it render it', () => {
    const markdown = markdownExport(input());
    for (const html of [commonMark(markdown), discourseMarkdown(markdown)]) {
      const items = itemsShown(html);
      expect(items).toContain(`0:05 ${SHOWN}`);
      expect(items).toContain(`Answer: ${SHOWN}`);
    }
  });

  it('stay in the forum post, as Discourse renders it', () => {
    const items = itemsShown(discourseMarkdown(forumPost(input(), { grouping: 'time', noteLinks: false, qaInDetails: false, mentions: false }).text));
    expect(items).toContain(`0:05 ${SHOWN}`);
    expect(items).toContain(`Answer: ${SHOWN}`);
  });

  it('stay in the HTML export', () => {
    const items = itemsShown(htmlExport(input()));
    expect(items).toContain(`0:05 ${SHOWN}`);
    expect(items).toContain(`Answer: ${SHOWN}`);
  });

  it('stay in the plain text export, the later lines under the first', () => {
    const text = plainTextExport(input());
    expect(text).toContain('0:05  first line\n      second line\n\n      after a blank line\n');
    expect(text).toContain('      A — Answer: first line\n      second line\n\n      after a blank line\n');
  });
});
