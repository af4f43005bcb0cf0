/**
 * A note's quote (what was said just before it) in the forum post, Markdown, HTML and plain text:
 * under the note as a quotation, and escaped like every other typed text, since caption lines come
 * from a page and may hold anything.
 */
import { describe, expect, it } from 'vitest';
import { forumPost, type ForumPostOptions } from '../../../src/core/export/forum';
import { htmlExport } from '../../../src/core/export/html';
import type { ExportInput } from '../../../src/core/export/input';
import { markdownExport } from '../../../src/core/export/markdown';
import { summaryOutline } from '../../../src/core/export/outline';
import { plainTextExport } from '../../../src/core/export/text';
import type { Quote } from '../../../src/core/model';
import { note, recording, VIDEO } from './fixtures';
import { commonMark, discourseMarkdown, discourseReading, parseHtml } from './markdown-renderers';

const ALL_ON: ForumPostOptions = { grouping: 'time', noteLinks: true, qaInDetails: false, mentions: true };

const quote = (text: string): Quote => ({ text, start: 740, end: 754, source: 'timedtext', lang: 'en' });

/** One quoted note between two plain ones, so a quote that swallows the next note shows. */
function quoted(text: string, noteText = 'Trust levels matter'): ExportInput {
  return {
    recording: recording({ speakers: [] }),
    notes: [note(5, 'Before'), note(754, noteText, { quote: quote(text) }), note(900, 'After')],
    qa: [],
  };
}

/** Every line a hostile caption could hold that Markdown, Discourse or HTML would act on. */
const HOSTILE_LINES = [
  'ping @bob and #tag :smile:',
  '<b>bold</b> <img src=x onerror=alert(1)>',
  '[x](javascript:alert(1)) and [quote]q[/quote]',
  '# not a heading',
  '> not a nested quote',
  '1. not a list',
  '- not a bullet either',
];
const HOSTILE = HOSTILE_LINES.join('\n');

describe('the outline', () => {
  it('gives each note its quote as paragraphs, and none when it keeps none or a blank one', () => {
    const input: ExportInput = {
      recording: recording(),
      notes: [note(1, 'a'), note(2, 'b', { quote: quote('  first line \n second\n\n next paragraph ') }), note(3, 'c', { quote: quote(' \n ') })],
      qa: [],
    };
    expect(summaryOutline(input).notes.map((n) => n.quote)).toEqual([[], [['first line', 'second'], ['next paragraph']], []]);
  });
});

// Issue 17, item 4: the escaping holds whatever language the post's own words are in.
describe.each(['en', 'tr'] as const)('the forum post in %s', (lang) => {
  const OPTIONS: ForumPostOptions = { ...ALL_ON, lang };

  it('shows the quote as a blockquote inside the note, and the next note after it', () => {
    const html = discourseMarkdown(forumPost(quoted('So the moderators learn as the community grows.'), OPTIONS).text);
    const doc = parseHtml(html);
    const items = Array.from(doc.querySelectorAll('li'));
    expect(items.map((li) => li.querySelector('blockquote')?.textContent?.trim() ?? null)).toEqual([
      null, 'So the moderators learn as the community grows.', null,
    ]);
    expect(items[1]?.textContent).toContain('Trust levels matter');
    expect(items[2]?.textContent).toContain('After');
  });

  it('keeps hostile quote text as text: no mention, hashtag, emoji, link, markup or block', () => {
    const post = forumPost(quoted(HOSTILE), OPTIONS);
    const reading = discourseReading(post.text);
    expect(reading.mentions).toEqual([]);
    expect(reading.hashtags).toEqual([]);
    expect(reading.emoji).toEqual([]);
    expect(reading.hrefs.every((href) => href.startsWith(VIDEO))).toBe(true);
    for (const line of HOSTILE_LINES) expect(reading.text).toContain(line);

    const doc = parseHtml(discourseMarkdown(post.text));
    const quoteEl = doc.querySelector('li blockquote') as Element;
    // One blockquote holding one paragraph of lines: no heading, list, nested quote or element of the text's.
    expect(Array.from(quoteEl.querySelectorAll('*'), (el) => el.tagName.toLowerCase()).filter((tag) => tag !== 'br' && tag !== 'p')).toEqual([]);
    expect(doc.querySelectorAll('blockquote')).toHaveLength(1);
    expect(doc.querySelector('h1 + h1, ol, img, b')).toBeNull();
    expect(post.links).toBe(4); // the recording and three timestamp links: nothing typed counts.
  });

  it('writes paragraphs of a quote apart inside one blockquote', () => {
    const doc = parseHtml(discourseMarkdown(forumPost(quoted('one\n\ntwo'), OPTIONS).text));
    expect(Array.from(doc.querySelectorAll('li blockquote p'), (p) => p.textContent)).toEqual(['one', 'two']);
  });
});

describe('Markdown', () => {
  it('shows the quote as a blockquote inside the note, lines kept, hostile text as text', () => {
    const doc = parseHtml(commonMark(markdownExport(quoted(HOSTILE))));
    // The notes are the last list (the first holds the date, host and recording).
    const items = Array.from(doc.querySelectorAll('ul:last-of-type > li'));
    expect(items).toHaveLength(3);
    const quoteEl = items[1]?.querySelector('blockquote') as Element;
    expect(quoteEl.textContent?.split('\n').map((line) => line.trim()).filter(Boolean)).toEqual(HOSTILE_LINES);
    expect(Array.from(quoteEl.querySelectorAll('*'), (el) => el.tagName.toLowerCase()).filter((tag) => tag !== 'br' && tag !== 'p')).toEqual([]);
    // The recording and three timestamps: the quote's `[x](javascript:…)` is no link.
    expect(doc.querySelectorAll('a')).toHaveLength(4);
    expect(items[2]?.textContent).toContain('After');
  });
});

describe('HTML', () => {
  it('puts the quote in a <blockquote> inside the note, as text', () => {
    const doc = parseHtml(htmlExport(quoted(HOSTILE)));
    const items = Array.from(doc.querySelectorAll('li'));
    const quoteEl = items[1]?.querySelector('blockquote') as Element;
    expect(Array.from(quoteEl.querySelectorAll('p')).map((p) => p.innerHTML.split('<br>'))).toEqual([
      HOSTILE_LINES.map((line) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')),
    ]);
    expect(doc.querySelector('b, img, [onerror]')).toBeNull();
    expect(items.map((li) => li.querySelectorAll('blockquote').length)).toEqual([0, 1, 0]);
  });
});

describe('plain text', () => {
  it('writes the quote under the note, each line marked "> " in the note column', () => {
    const text = plainTextExport(quoted('one line\nsecond line\n\nnew paragraph'));
    // The column is as wide as the longest time (5) and two spaces.
    const notes = text.split('\nNotes\n')[1]?.split('\n');
    expect(notes).toEqual([
      '0:05   Before',
      '12:34  Trust levels matter',
      '       > one line',
      '       > second line',
      '       >',
      '       > new paragraph',
      '15:00  After',
      '',
    ]);
  });
});
