/**
 * Real renderers for the exports' tests: what a forum or a notes app makes of our Markdown.
 *
 * `discourseMarkdown` is the forum's reading (src/core/export/discourse-markdown.ts, the same
 * set-up the Summary tab's preview uses) with raw HTML parsed: Discourse then sanitises it; here
 * nothing does, so any raw HTML an export lets through shows.
 */
import { HtmlRenderer, Parser } from 'commonmark';
import { Window } from 'happy-dom';
import { discourseMarkdownIt } from '../../../src/core/export/discourse-markdown';

const md = discourseMarkdownIt({ html: true });

export function discourseMarkdown(markdown: string): string {
  return md.render(markdown);
}

/** What a forum reader gets from a post: its text, and what Discourse's text rules made of it. */
export interface DiscourseReading {
  /** The rendered text, word joiners dropped (they are invisible). */
  text: string;
  mentions: string[];
  hashtags: string[];
  emoji: string[];
  /** Every <a>'s href. */
  hrefs: string[];
}

export function discourseReading(markdown: string): DiscourseReading {
  const doc = parseHtml(discourseMarkdown(markdown));
  const all = (selector: string, read: (el: Element) => string): string[] => Array.from(doc.querySelectorAll(selector), read);
  return {
    text: (doc.body.textContent ?? '').replaceAll('\u2060', ''),
    mentions: all('span.mention', (el) => el.textContent ?? ''),
    hashtags: all('span.hashtag-raw', (el) => el.textContent ?? ''),
    emoji: all('img.emoji', (el) => el.getAttribute('alt') ?? ''),
    hrefs: all('a', (el) => el.getAttribute('href') ?? ''),
  };
}

/** commonmark.js, the CommonMark reference renderer (no linkify: a bare URL stays text). */
const reader = new Parser();
const writer = new HtmlRenderer();

export function commonMark(markdown: string): string {
  return writer.render(reader.parse(markdown));
}

// One window for every parse: making a happy-dom window costs more than parsing a post.
const parser = new new Window().DOMParser();

/** HTML parsed as a browser would, for counting what it holds. */
export function parseHtml(html: string): Document {
  return parser.parseFromString(`<!doctype html><body>${html}</body>`, 'text/html') as unknown as Document;
}

export interface RenderedLinks {
  /** Every <a>'s href as the DOM reads it (entities decoded). */
  hrefs: string[];
  /** How many elements that load or run something (img, script, iframe, …) it holds. */
  embeds: number;
  doc: Document;
}

export function linksOf(html: string): RenderedLinks {
  const doc = parseHtml(html);
  return {
    hrefs: Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href') ?? ''),
    embeds: doc.querySelectorAll('img, script, iframe, object, embed, video, audio, source, svg, style, link').length,
    doc,
  };
}

/** Characters whose percent-encoded and literal forms the same server reads alike in our tests. */
const DATA_CHARS = new Set([...'()[]<>"\'`*~!{}|\\^_.,;?']);

/**
 * A URL with credentials, an empty query or fragment, and the encoding of the characters above
 * taken away, and a `%` that starts no escape written `%25`: two URLs with the same canonical
 * form reach the same resource on an ordinary server (one that percent-decodes what it reads).
 * `%2F`, `%3F` in the path, `%23`, `%26`, `%3D`, `%25` keep their meaning and stay encoded.
 */
export function canonicalUrl(href: string): string {
  const url = new URL(href);
  url.username = '';
  url.password = '';
  if (url.search === '') url.search = '';
  if (url.hash === '') url.hash = '';
  const decode = (part: string, keep: string): string =>
    part
      .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
      .replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
        const char = String.fromCharCode(parseInt(hex, 16));
        return DATA_CHARS.has(char) && !keep.includes(char) ? char : escape.toUpperCase();
      });
  // In the path a literal "?" would start the query: keep it encoded there.
  return `${url.protocol}//${url.host}${decode(url.pathname, '?')}${decode(url.search, '')}${decode(url.hash, '')}`;
}
