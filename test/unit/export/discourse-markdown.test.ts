/**
 * The one Discourse set-up (src/core/export/discourse-markdown.ts) that the exports' tests and the
 * Summary tab's preview share: Discourse's line breaks, links, `[details]` folding and text rules.
 */
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { discourseMarkdownIt } from '../../../src/core/export/discourse-markdown';
import { forumPost } from '../../../src/core/export/forum';
import { webinar } from './fixtures';
import { parseHtml } from './markdown-renderers';

const shown = discourseMarkdownIt({ html: false });
const raw = discourseMarkdownIt({ html: true });
const ALL_ON = { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: true } as const;

describe('discourseMarkdownIt', () => {
  it('makes a newline a line break and links bare domains, as Discourse does', () => {
    expect(shown.render('one\ntwo')).toBe('<p>one<br>\ntwo</p>\n');
    expect(parseHtml(shown.render('see example.com/docs')).querySelector('a')?.getAttribute('href')).toBe('http://example.com/docs');
  });

  it('shows raw HTML as text unless asked to parse it', () => {
    expect(shown.render('<script>alert(1)</script> <b>x</b>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;</p>\n');
    expect(raw.render('<b>x</b>')).toBe('<p><b>x</b></p>\n');
  });

  it('makes no link of a javascript:, vbscript:, file: or data: address', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>']) {
      const doc = parseHtml(shown.render(`[x](${url}) <${url}>`));
      expect(doc.querySelectorAll('a'), url).toHaveLength(0);
    }
  });

  it('folds [details="…"] … [/details] into <details> with its summary as plain text', () => {
    const doc = parseHtml(shown.render('[details="Q&A *summary* (2)"]\n\n**Why?**\n- Because.\n\n[/details]\n\nAfter'));
    const details = doc.querySelector('details');
    expect(details?.querySelector('summary')?.textContent?.trim()).toBe('Q&A *summary* (2)');
    expect(details?.querySelector('strong')?.textContent).toBe('Why?');
    expect(details?.querySelector('li')?.textContent).toBe('Because.');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(doc.querySelector('body > p')?.textContent).toBe('After');
  });

  it('folds as Discourse does: any case, a bare tag, nested blocks; no block without its closing tag', () => {
    const nested = parseHtml(shown.render('[DETAILS=Outer]\n[details]\ninner\n[/details]\nstill outer\n[/details]'));
    expect(Array.from(nested.querySelectorAll('summary'), (s) => s.textContent?.trim())).toEqual(['Outer', '']);
    expect(nested.querySelector('details details')?.textContent).toContain('inner');
    expect(nested.querySelector('details > p:last-child')?.textContent).toBe('still outer');
    // Unclosed, or the tag with text after it on its line: text, as on the forum.
    for (const text of ['[details=x]\nbody', '[details=x] body\n[/details]', '    [details=x]\n    code\n    [/details]']) {
      expect(parseHtml(shown.render(text)).querySelector('details'), text).toBeNull();
    }
    // An escaped tag, as the exports write a typed one, folds nothing.
    expect(parseHtml(shown.render('\\[details=x\\]\nbody\n\\[/details\\]')).querySelector('details')).toBeNull();
  });

  it('folds the forum post’s Q&A, and only when asked', () => {
    const folded = parseHtml(shown.render(forumPost(webinar(), ALL_ON).text));
    expect(folded.querySelectorAll('details')).toHaveLength(1);
    expect(folded.querySelector('summary')?.textContent?.trim()).toBe('Q&A summary (3 questions)');
    expect(folded.querySelectorAll('details > p > strong')).toHaveLength(3);
    const open = parseHtml(shown.render(forumPost(webinar(), { ...ALL_ON, qaInDetails: false }).text));
    expect(open.querySelectorAll('details')).toHaveLength(0);
    expect(open.querySelectorAll('p > strong')).toHaveLength(3);
  });

  it('writes Discourse’s mentions, hashtags and emoji as its elements, their text escaped', () => {
    expect(shown.render('@bob #news :smile:')).toBe(
      '<p><span class="mention">@bob</span> <span class="hashtag-raw">#news</span> <img class="emoji" alt=":smile:"></p>\n',
    );
  });

  it('keeps ;/?:@&=+$,# and space encoded in a link’s text, leaving other readers as they were', () => {
    const url = 'https://x.org/a%20b%3Fc%C3%A9';
    expect(parseHtml(shown.render(`<${url}>`)).querySelector('a')?.textContent).toBe('https://x.org/a%20b%3Fcé');
    // markdown-it's own default, for every other renderer: the space decoded.
    expect(parseHtml(markdownIt().render(`<${url}>`)).querySelector('a')?.textContent).toBe('https://x.org/a b%3Fcé');
  });
});
