// @vitest-environment happy-dom
/**
 * The Summary tab's preview builds elements from markdown-it's tokens, never from an HTML string:
 * whatever the Markdown holds, text stays text, links are safe to follow and nothing is loaded.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { forumPost } from '../../src/core/export/forum';
import { markdownExport } from '../../src/core/export/markdown';
import { RenderedMarkdown, type RenderedFormat } from '../../src/pages/shared/RenderedMarkdown';
import { NOTE_TEXTS, webinar } from './export/fixtures';

function shown(format: RenderedFormat, markdown: string): HTMLElement {
  const host = document.createElement('div');
  render(<RenderedMarkdown format={format} markdown={markdown} />, host);
  return host;
}

const tags = (host: Element): string[] => Array.from(host.querySelectorAll('*'), (el) => el.tagName.toLowerCase());
/** What a reader sees: the forum post's word joiners are invisible. */
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replaceAll('\u2060', '');

describe('RenderedMarkdown', () => {
  it('shows raw HTML, images and unsafe links in Markdown as text, and loads nothing', () => {
    for (const format of ['forum', 'markdown'] as const) {
      const host = shown(format, '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![p](https://tracker.example/p.png)');
      expect(tags(host), format).toEqual(['p', 'span']);
      expect(host.textContent, format).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) Picture: p');
      expect(host.querySelector('span')?.getAttribute('class')).toBe('md-image');
    }
  });

  it('opens links in a new tab with no opener and no referrer', () => {
    const link = shown('forum', '[0:05](https://example.com/v#t=5) and example.org').querySelectorAll('a');
    expect(Array.from(link, (a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['https://example.com/v#t=5', '_blank', 'noopener noreferrer'],
      ['http://example.org', '_blank', 'noopener noreferrer'],
    ]);
  });

  it('gives every block of text its own direction', () => {
    const host = shown('forum', '# שלום\n\n- one\n- two\n\n> quoted\n\nplain');
    expect(Array.from(host.querySelectorAll('[dir]'), (el) => `${el.tagName.toLowerCase()}:${el.getAttribute('dir')}`)).toEqual([
      'h1:auto', 'li:auto', 'li:auto', 'blockquote:auto', 'p:auto', 'p:auto',
    ]);
  });

  it('shows the forum post as the forum would: typed text as typed, Q&A folded, mentions marked', () => {
    const host = shown('forum', forumPost(webinar(), { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: true }).text);
    expect(text(host.querySelector('h1'))).toBe('Scaling *Community* Forums [2026] <Live> — 12 November 2026');
    const notes = Array.from(host.querySelectorAll('h2 + ul')[1]?.children ?? [], (li) => text(li));
    expect(notes).toEqual([
      `0:05 Ana Díaz: ${NOTE_TEXTS.welcome}`,
      `1:05 Smith, Jr., John: ${NOTE_TEXTS.markup}`,
      // A newline in a note is a line break: <br> then the newline markdown-it keeps.
      `12:34 Ana Díaz: ${NOTE_TEXTS.blocks}`,
      '30:00 See https://example.com/docs_(v2) for details.',
    ]);
    expect(Array.from(host.querySelectorAll('.mention'), (el) => el.textContent)).toEqual(['@ana_diaz', '@jsmith']);
    expect(host.querySelectorAll('.hashtag, .emoji, img, script, em, code, h3')).toHaveLength(0);
    expect(text(host.querySelector('details > summary'))).toBe('Q&A summary (3 questions)');
    expect(host.querySelectorAll('details > p > strong')).toHaveLength(3);
  });

  it('shows the Markdown file as a CommonMark reader does: line breaks kept, nothing of the forum’s', () => {
    const host = shown('markdown', markdownExport(webinar()));
    const notes = Array.from(host.querySelectorAll('h2 + ul')[1]?.children ?? [], (li) => text(li));
    expect(notes[2]).toBe(`12:34 Ana Díaz: ${NOTE_TEXTS.blocks}`);
    expect(host.querySelectorAll('details, .mention, .hashtag, .emoji, img, script')).toHaveLength(0);
  });
});
