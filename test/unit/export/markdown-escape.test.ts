import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkDestination, markdownText } from '../../../src/core/export/markdown-escape';

const WJ = '\u2060';

/** What a CommonMark reader shows for our output: escapes and joiners dropped, autolinks as their URL. */
function shown(markdown: string): string {
  return markdown
    .replace(/<(https?:\/\/[^<>\s]*)>/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replaceAll(WJ, '');
}

/** The output with escaped characters and autolinks taken out: what is left is read as markup, if any. */
function unescapedRest(markdown: string): string {
  return markdown.replace(/<https?:\/\/[^<>\s]*>/g, ' ').replace(/\\[!-/:-@[-`{-~]/g, ' ');
}

// Typed text rich in what Markdown, BBCode, HTML and Discourse treat specially, plus emoji.
const MARKUP = [...'*_`[]<>#|~&!\\-+=.)(:@ 1aZ', '🎉', 'é', '[b]', '[quote="A, B"]', '<script>', '&amp;', 'https://x.org/a_(b)', ':smile:', '@bob', '#tag', '1.', '---'];
const typed = fc.array(fc.constantFrom(...MARKUP), { maxLength: 30 }).map((parts) => parts.join(''));

describe('markdownText', () => {
  it('shows exactly what was typed, for the forum and for plain Markdown', () => {
    fc.assert(
      fc.property(typed, fc.boolean(), fc.boolean(), (text, lineStart, forum) => {
        expect(shown(markdownText(text, lineStart, { forum }))).toBe(text);
      }),
    );
  });

  it('leaves no markup character unescaped outside autolinks', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const rest = unescapedRest(markdownText(text, true, { forum: true }));
        expect(rest).not.toMatch(/[*_`[\]<>#|~&]/);
        // Nothing at the start of the line that begins a block: list, heading, quote, setext, ordered list.
        expect(rest.replace(/^\u2060/, '')).not.toMatch(/^(?:[-+=]|\d+[.)])/);
      }),
    );
  });

  it('escapes Markdown, BBCode and HTML the way a reader expects', () => {
    expect(markdownText('**bold** _it_ `code` <b>x</b> [b]y[/b] a|b ~~s~~ &amp;', false)).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\<b\\>x\\</b\\> \\[b\\]y\\[/b\\] a\\|b \\~\\~s\\~\\~ \\&amp;',
    );
    expect(markdownText('# title', true)).toBe('\\# title');
    expect(markdownText('- item', true)).toBe('\\- item');
    expect(markdownText('- item', false)).toBe('- item');
    expect(markdownText('2026. A year', true)).toBe('2026\\. A year');
    expect(markdownText('===', true)).toBe('\\===');
  });

  it('breaks Discourse mentions, hashtags and emoji codes only for the forum, and not in e-mail addresses', () => {
    expect(markdownText('hi @bob and #general :smile:', false, { forum: true })).toBe(
      `hi ${WJ}@bob and ${WJ}\\#general :${WJ}smile:`,
    );
    expect(markdownText('mail bob@example.com', false, { forum: true })).toBe('mail bob@example.com');
    expect(markdownText('hi @bob :smile:', false)).toBe('hi @bob :smile:');
    // A time is not an emoji code.
    expect(markdownText('at 12:30', false, { forum: true })).toBe('at 12:30');
  });

  it('writes typed URLs as autolinks, leaving trailing punctuation outside, and reports them', () => {
    const links: string[] = [];
    const out = markdownText('See https://x.org/a_b?q=1*2. And (https://en.wikipedia.org/wiki/Foo_(bar)).', false, {
      onLink: (url) => links.push(url),
    });
    expect(out).toBe('See <https://x.org/a_b?q=1*2>. And (<https://en.wikipedia.org/wiki/Foo_(bar)>).');
    expect(links).toEqual(['https://x.org/a_b?q=1*2', 'https://en.wikipedia.org/wiki/Foo_(bar)']);
    expect(markdownText('javascript:alert(1) http://', false)).toBe('javascript:alert(1) http://');
  });

  it('keeps link destinations from ending early', () => {
    expect(linkDestination('https://x.org/Foo_(bar)#t=5')).toBe('https://x.org/Foo_%28bar%29#t=5');
  });
});

describe('a URL typed right before a backslash', () => {
  it('ends the link at the backslash, and the backslash shows as typed', () => {
    const out = markdownText('https://x.org/a_(b)\\+', false, { forum: false });
    expect(out.startsWith('<https://x.org/a_(b)>')).toBe(true);
    expect(shown(out)).toBe('https://x.org/a_(b)\\+');
  });
});
