/**
 * Typed text into Markdown that shows exactly what was typed: CommonMark backslash escapes for the
 * characters that start markup, and URLs written as `<autolinks>` (in exportUrl's form) so they
 * stay whole and clickable.
 *
 * For a Discourse forum (`forum: true`) escapes are not enough: Discourse finds @mentions, #hashtags
 * and :emoji: in the text *after* Markdown has dropped the backslashes, so there we add U+2060 WORD
 * JOINER (invisible, not a space nor punctuation) where it breaks those patterns; and we escape what
 * its linkify would make a link of (linkifyBreak). Left to the forum: its typographer (smart quotes,
 * "(c)" as ©, ".." as …) and emoji shortcuts such as ":)".
 */
import { exportUrl } from '../web-url';

/**
 * Characters that open or close inline markup, raw HTML, entities, BBCode or tables anywhere in a
 * line; and those notes apps add: `$math$` (Obsidian, Joplin), `^sup^` (Joplin). `!` is not among
 * them: it only makes an image before `[`, which is escaped.
 */
const INLINE_SPECIALS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '$', '^']);
/**
 * Characters that notes apps read as markup when doubled: `==highlight==` (Obsidian, Joplin),
 * `%%comment%%` (Obsidian, which hides it), `++inserted++` (Joplin). Escaping the first of each
 * pair leaves no pair.
 */
const DOUBLED_SPECIALS = new Set(['=', '%', '+']);
/** Characters that start a block (list, setext underline, heading…) only as the first of a line. */
const LINE_START_SPECIALS = new Set(['-', '+', '=']);
const WORD_JOINER = '\u2060';

// http(s) URL as typed: no spaces, no angle brackets (an autolink cannot hold them), no controls,
// no backslash (not a URL character, and an escape inside an autolink would show literally).
// eslint-disable-next-line no-control-regex
const TYPED_URL = /https?:\/\/[^\s<>\\\u0000-\u001f\u007f]+/gi;
// A last "#" is an empty fragment, which exportUrl drops: it stays in the text instead.
const TRAILING_PUNCTUATION = /[.,;:!?'"*_~#]$/;

export interface MarkdownTextOptions {
  /** Protect against Discourse's mentions, hashtags and emoji codes. */
  forum?: boolean;
  /** Called with each URL written as a link, so callers can count links. */
  onLink?: (url: string) => void;
}

/** A closing bracket ends a URL unless the URL opened it: `(see https://x.org/a)` vs `…/Foo_(bar)`. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const opener = last === undefined ? undefined : pairs[last];
    if (TRAILING_PUNCTUATION.test(url)) {
      url = url.slice(0, -1);
    } else if (opener && url.split(last as string).length > url.split(opener).length) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

/**
 * Whether Discourse could start a mention, hashtag or emoji code after `prev` (undefined: the start
 * of a stretch of text, which may follow a link or markup). Discourse's rule (text-post-process.js,
 * emoji.js) accepts whitespace and every punctuation character, `_` included, and a text token's
 * start; only letters, digits and marks hold it off, so those are the only ones we trust.
 */
function forumBoundaryAfter(prev: string | undefined): boolean {
  return prev === undefined || !/[\p{L}\p{N}\p{M}]/u.test(prev);
}

/**
 * Whether the forum needs a backslash before `chars[i]` so that Discourse's linkify (linkify-it
 * with fuzzy links and e-mails) makes no link of typed text: a link we do not count could take a
 * new user's post over the forum's limit. An escaped character is a token of its own when linkify
 * runs (markdown-it 13 and later), which splits the text it would read:
 * - `@`, which makes an e-mail link of `bob@example.com` or `bob@1.2.3.4`;
 * - `.` between a host character and a letter: the dot before a top-level domain (`example.com`,
 *   `www.example.org/docs`); every TLD starts with a letter;
 * - `:` between a letter and a non-space: a scheme (`ftp:`, `mailto:`, and an `http://` address
 *   exportUrl refused);
 * - the second `/` of `//`, which starts a protocol-relative link (`//localhost`).
 * Typed http(s) URLs are not here: they become counted autolinks.
 */
function linkifyBreak(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1];
  const next = chars[i + 1];
  if (chars[i] === '@') return true;
  if (prev === undefined || next === undefined) return false;
  switch (chars[i]) {
    case '.':
      // linkify-it takes any character but space, punctuation and controls into a domain name
      // (€, ★, 😀 and invisible joiners too), and `-` or `_` beside them.
      return /[^\s\p{Z}\p{P}\p{Cc}]|[_-]/u.test(prev) && /\p{L}/u.test(next);
    case ':':
      return /\p{L}/u.test(prev) && /\S/u.test(next);
    case '/':
      return prev === '/';
    default:
      return false;
  }
}

/** One stretch of plain text (no URL in it), escaped. `lineStart` says it begins a Markdown line. */
function escapePlain(text: string, lineStart: boolean, forum: boolean): string {
  let out = '';
  // "1." or "1)" at the start of a line would begin an ordered list.
  const ordered = lineStart ? /^\d{1,9}(?=[.)])/.exec(text) : null;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    if (forum && (char === '@' || char === '#') && forumBoundaryAfter(chars[i - 1])) out += WORD_JOINER;
    const first = lineStart && i === 0;
    const afterNumber = ordered !== null && i === ordered[0].length;
    if (
      INLINE_SPECIALS.has(char) || (first && LINE_START_SPECIALS.has(char)) || afterNumber
      || (DOUBLED_SPECIALS.has(char) && chars[i + 1] === char) || (forum && linkifyBreak(chars, i))
    ) out += '\\';
    out += char;
    const emojiCode = char === ':' && /^[\p{L}\p{N}_+-]+:/u.test(chars.slice(i + 1, i + 70).join(''));
    if (forum && emojiCode && forumBoundaryAfter(chars[i - 1])) out += WORD_JOINER;
  }
  return out;
}

/**
 * One line of typed text (no line breaks) as Markdown: `lineStart` when the text begins the line in
 * the output (so "- ", "1. ", "===" are neutralised there too). URLs become `<https://…>` autolinks,
 * written by exportUrl; one it refuses stays as escaped text.
 */
export function markdownText(line: string, lineStart: boolean, options: MarkdownTextOptions = {}): string {
  const forum = options.forum ?? false;
  let out = '';
  let pos = 0;
  for (const match of line.matchAll(TYPED_URL)) {
    const typed = trimUrl(match[0]);
    const url = exportUrl(typed);
    if (!url) continue;
    out += escapePlain(line.slice(pos, match.index), lineStart && pos === 0, forum);
    out += `<${url}>`;
    options.onLink?.(url);
    pos = match.index + typed.length;
  }
  return out + escapePlain(line.slice(pos), lineStart && pos === 0, forum);
}
