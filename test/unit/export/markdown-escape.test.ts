import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../../src/core/export/markdown-escape';
import { discourseReading } from './markdown-renderers';

const WJ = '\u2060';

/**
 * The characters exportUrl percent-encodes in a URL (a stray `%` among them: the pieces below never
 * type a real escape); a reader decodes them back to show the link.
 */
const ENCODED = new Set([...'()[]<>"\'`*~!{}|\\^_.,;?%']);

/**
 * What a Markdown reader shows for our output: escapes and joiners dropped, autolinks as their URL
 * with exportUrl's and non-ASCII escapes decoded (as markdown-it shows a link's text).
 */
function shown(markdown: string): string {
  return markdown
    .replace(/<(https?:\/\/[^<>\s]*)>/g, (_, url: string) =>
      url
        .replace(/%([0-9A-F]{2})/g, (escape, hex: string) => {
          const char = String.fromCharCode(parseInt(hex, 16));
          return ENCODED.has(char) ? char : escape;
        })
        // Non-ASCII text, which URLs carry as UTF-8 escapes.
        .replace(/(?:%[89A-F][0-9A-F])+/g, (run) => decodeURIComponent(run)))
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replaceAll(WJ, '');
}

/** The output with escaped characters and autolinks taken out: what is left is read as markup, if any. */
function unescapedRest(markdown: string): string {
  return markdown.replace(/<https?:\/\/[^<>\s]*>/g, ' ').replace(/\\[!-/:-@[-`{-~]/g, ' ');
}

// Typed text rich in what Markdown, BBCode, HTML and Discourse treat specially, plus emoji.
const MARKUP = [...'*_`[]<>#|~&!\\-+=.)(:@ 1aZ', '🎉', 'é', '\u0301', '$', '%', '^', '==', '%%', '++', '[b]', '[quote="A, B"]', '<script>', '&amp;', 'https://x.org/a_(b)', ':smile:', '@bob', '#tag', '1.', '---'];
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
        expect(rest).not.toMatch(/[*_`[\]<>#|~&$^]|==|%%|\+\+/);
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
    expect(markdownText('===', true)).toBe('\\=\\==');
    // What Obsidian and Joplin read as highlight, comment, insertion, math, superscript.
    expect(markdownText('==hi== %%no%% ++in++ $x$ ^2^ a = b + c', false)).toBe(
      '\\==hi\\== \\%%no\\%% \\++in\\++ \\$x\\$ \\^2\\^ a = b + c',
    );
  });

  it('breaks Discourse mentions, hashtags and emoji codes only for the forum, and not in e-mail addresses', () => {
    expect(markdownText('hi @bob and #general :smile:', false, { forum: true })).toBe(
      `hi ${WJ}\\@bob and ${WJ}\\#general :${WJ}smile:`,
    );
    // No joiner in an e-mail address, which mentions nobody; escapes keep linkify off it (linkifyBreak).
    expect(markdownText('mail bob@example.com', false, { forum: true })).toBe('mail bob\\@example\\.com');
    expect(markdownText('hi @bob :smile:', false)).toBe('hi @bob :smile:');
    // A time is not an emoji code.
    expect(markdownText('at 12:30', false, { forum: true })).toBe('at 12:30');
  });

  it('leaves Discourse no mention, hashtag or emoji after "_" or any other punctuation', () => {
    // Discourse reads "_" as a boundary, as it does all punctuation (issue 11, item 1).
    for (const typed of ['x_@bob and y_#tag', 'x_:smile: and (@bob) [#tag] -@bob', '@bob #tag :smile:']) {
      const reading = discourseReading(markdownText(typed, true, { forum: true }));
      expect(reading).toMatchObject({ text: `${typed}\n`, mentions: [], hashtags: [], emoji: [] });
    }
    // Letters and digits hold a mention off in Discourse too, so no joiner is needed there.
    expect(markdownText('bob@example.com 12:30 a:smile:', false, { forum: true })).not.toContain(WJ);
  });

  it('leaves Discourse no mention, hashtag or emoji in any typed text (fuzzed)', () => {
    fc.assert(
      fc.property(typed, fc.boolean(), (text, lineStart) => {
        const reading = discourseReading(markdownText(text, lineStart, { forum: true }));
        expect(reading).toMatchObject({ mentions: [], hashtags: [], emoji: [] });
      }),
    );
  });

  it('leaves Discourse no link but the ones it reports, so the post counts as the forum does (fuzzed)', () => {
    // Discourse's linkify links bare domains and e-mail addresses (issue 11, item 3), and schemes.
    const pieces = [
      'www.', 'example', '.com', '.org', '.ORG', '.xn--p1ai', '/docs', 'bob@', 'ftp:', 'mailto:', '//', 'localhost',
      '1.2.3.4', 'http:', 'https://x.org/a', ' ', '.', ':', '/', '_', '-', 'a', '1', '(', ')',
      // What linkify takes into a host name besides letters and digits: symbols, emoji, joiners.
      '€', '+', '=', '©', '°', '★', '😀', '👩‍💻', '\u200d', '\u2060',
    ];
    const linky = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(linky, (text) => {
        let links = 0;
        const reading = discourseReading(markdownText(text, false, { forum: true, onLink: () => links++ }));
        expect(reading.hrefs).toHaveLength(links);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no link after a symbol, an emoji or a joiner either', () => {
    for (const text of ['€.com', 'x€.com', 'x+.com', 'x=.com', 'a©.org', 'x°.uk', '★.net', '😀.com', 'see 👩‍💻.io now', 'a\u200d.com', 'ab\u2060.com', '€.xn--1']) {
      const reading = discourseReading(markdownText(text, false, { forum: true }));
      expect(reading.hrefs, text).toEqual([]);
    }
  });

  it('writes typed URLs as autolinks, leaving trailing punctuation outside, and reports them', () => {
    const links: string[] = [];
    const out = markdownText('See https://x.org/a_b?q=1*2. And (https://en.wikipedia.org/wiki/Foo_(bar)).', false, {
      onLink: (url) => links.push(url),
    });
    // Written in exportUrl's form: percent-encoded, so no Markdown is left in the link whatever reads it.
    expect(out).toBe('See <https://x.org/a_b?q=1%2A2>. And (<https://en.wikipedia.org/wiki/Foo%5F%28bar%29>).');
    expect(links).toEqual(['https://x.org/a_b?q=1%2A2', 'https://en.wikipedia.org/wiki/Foo%5F%28bar%29']);
    expect(markdownText('javascript:alert(1) http://', false)).toBe('javascript:alert(1) http://');
  });
});

describe('a URL typed right before a backslash', () => {
  it('ends the link at the backslash, and the backslash shows as typed', () => {
    const out = markdownText('https://x.org/a_(b)\\+', false, { forum: false });
    expect(out.startsWith('<https://x.org/a%5F%28b%29>')).toBe(true);
    expect(shown(out)).toBe('https://x.org/a_(b)\\+');
  });
});
