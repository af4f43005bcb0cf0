/**
 * A page decides its own URL (history.replaceState), so a recording's URL is hostile input.
 * Every export is rendered here by real engines (markdown-it set up like Discourse, commonmark.js,
 * an HTML parser) and must hold exactly our links, each to the page's own resource, and no image.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webAnnotationCollection } from '../../../src/core/export/annotation';
import { forumPost, type ForumPostOptions } from '../../../src/core/export/forum';
import { htmlExport } from '../../../src/core/export/html';
import type { ExportInput } from '../../../src/core/export/input';
import { markdownExport } from '../../../src/core/export/markdown';
import { plainTextExport } from '../../../src/core/export/text';
import type { Recording } from '../../../src/core/model';
import { pageTimestampedUrl } from '../../../src/core/video-url';
import { exportUrl } from '../../../src/core/web-url';
import type { Language } from '../../../src/core/i18n';
import { note, recording } from './fixtures';
import { canonicalUrl, commonMark, discourseMarkdown, linksOf, parseHtml } from './markdown-renderers';

/** What the page in the issue makes its address: a Markdown image and a link after "/talk". */
const ATTACK = new URL('/talk)![p](https://tracker.example/p.png)', 'http://127.0.0.1:8000/').href;
/** Any character that is markup somewhere we write URLs: Markdown, BBCode, HTML; and whitespace. */
const MARKUP = /[()[\]<>"'`*~!{}|\\^\s]/;
const FORUM_OPTIONS: ForumPostOptions = { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false };
const TIMES = [12, 75];

function input(url: string): ExportInput {
  const page: Recording = recording({ key: url, site: 'html5', url, details: { title: 'Talk' }, speakers: [] });
  return { recording: page, notes: TIMES.map((t) => note(t, `point at ${t}`, { recordingKey: url })), qa: [] };
}

/** The links a reader should get: the recording, then one per note at its time. */
function expected(url: string, noteLinks = true): string[] {
  const times = noteLinks ? TIMES.map((t) => pageTimestampedUrl(url, t) as string) : [];
  return [url, ...times].map(canonicalUrl);
}

/** Asserts what a reader of `html` gets: these links, in this order, markup-free, and nothing embedded. */
function expectLinks(html: string, wanted: string[]): void {
  const { hrefs, embeds } = linksOf(html);
  expect(embeds).toBe(0);
  expect(hrefs.map(canonicalUrl)).toEqual(wanted);
  for (const href of hrefs) expect(href).not.toMatch(MARKUP);
}

/** Every check below, for one page URL, the exports' own words in `lang`. */
function checkAll(url: string, lang: Language = 'en'): void {
  const data = input(url);
  const [page, ...times] = expected(url);
  const FORUM = { ...FORUM_OPTIONS, lang };

  const post = forumPost(data, FORUM);
  expectLinks(discourseMarkdown(post.text), expected(url));
  expect(post.links).toBe(1 + TIMES.length);
  // The recording's line is a bare URL (Discourse oneboxes it): commonmark.js has no linkify, so
  // it shows as text, and that text must be the URL, no emphasis or other markup made of it.
  const plain = linksOf(commonMark(post.text));
  expectLinks(commonMark(post.text), times);
  const urlLine = Array.from(plain.doc.querySelectorAll('p')).find((p) => p.textContent?.startsWith('http'));
  expect(urlLine?.children.length).toBe(0);
  expect(canonicalUrl(urlLine?.textContent ?? '')).toBe(page);
  expectLinks(discourseMarkdown(forumPost(data, { ...FORUM, noteLinks: false }).text), expected(url, false));

  const markdown = markdownExport(data, { lang });
  expectLinks(discourseMarkdown(markdown), expected(url));
  expectLinks(commonMark(markdown), expected(url));

  const html = htmlExport(data, { lang });
  expectLinks(html, expected(url));
  // The link's text is the URL too: pasted as rich text into a forum it becomes Markdown again.
  const recordingLink = parseHtml(html).querySelector('a');
  expect(recordingLink?.textContent).not.toMatch(MARKUP);
  expect(canonicalUrl(recordingLink?.textContent ?? '')).toBe(page);

  const textLine = plainTextExport(data, { lang }).split('\n').find((line) => line.startsWith('http')) ?? '';
  expect(textLine).not.toMatch(MARKUP);
  expect(canonicalUrl(textLine)).toBe(page);

  const annotations = JSON.stringify(webAnnotationCollection(data, { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', generatedAt: '2026-11-12T10:00:00Z' }));
  const sources = [...annotations.matchAll(/"source":"([^"]*)"/g)].map((m) => JSON.parse(`"${m[1] ?? ''}"`) as string);
  expect(sources).toHaveLength(TIMES.length);
  for (const source of sources) {
    expect(source).not.toMatch(MARKUP);
    expect(canonicalUrl(source)).toBe(page);
  }
}

describe('URLs in every export, rendered', () => {
  it.each(['en', 'tr'] as const)('turn the issue’s hostile page address into one link to that page, and no image (%s)', (lang) => {
    checkAll(ATTACK, lang);
    const text = forumPost(input(ATTACK), { ...FORUM_OPTIONS, lang }).text;
    const rendered = discourseMarkdown(text);
    expect(rendered).not.toContain('<img');
    expect(rendered).not.toContain('tracker.example/p.png"');
  });

  it('keep an intraword "_" (YouTube ids), which no renderer reads as emphasis, and encode "/_x_/", which would be', () => {
    const kept = exportUrl('https://x.org/a_b_c/watch?v=ab_cd_ef');
    expect(kept).toBe('https://x.org/a_b_c/watch?v=ab_cd_ef');
    expect(commonMark(`${kept}\n`)).toBe(`<p>${kept}</p>\n`);
    // Raw, commonmark.js (no linkify) makes emphasis of it; encoded, the text stays the URL.
    expect(commonMark('https://x.org/_x_/\n')).toContain('<em>x</em>');
    const encoded = exportUrl('https://x.org/_x_/') as string;
    expect(commonMark(`${encoded}\n`)).toBe(`<p>${encoded}</p>\n`);
    expect(linksOf(discourseMarkdown(`${encoded}\n`)).hrefs).toEqual([encoded]);
  });

  it('hold for hostile paths, queries and fragments (fuzzed)', () => {
    const piece = fc.constantFrom(
      ...'()[]<>"\'`*~!{}|\\^_.,;:?@&=+$%/# aZ09-'.split(''),
      'é', '\u00a0', '\u2028', 'https://t.example/p.png', '![p](', '](', '&amp;', '&#41;', '&lt;img src=x&gt;',
      ':smile:', '@bob', '#tag', '**', '__', '~~', '[img]', '[/img]', '[url=', 'javascript:', '<img src=x>', '%28', '%zz', '_x_',
    );
    const part = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(part, part, part, fc.boolean(), (path, query, fragment, credentials) => {
        const base = credentials ? 'http://user:secret@127.0.0.1:8000/' : 'http://127.0.0.1:8000/';
        // Appended to the origin's "/", so whatever the pieces hold, the host stays ours.
        checkAll(new URL(`${base}${path}?${query}#${fragment}`).href);
      }),
      { numRuns: 200 },
    );
    // A few seconds of work on an idle machine; the limit only keeps a loaded one from failing it.
  }, 120_000);
});
