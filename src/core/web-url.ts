/**
 * Web addresses: the one test of what counts as one (`httpUrl`), and the one form in which we
 * write one out (`exportUrl`). A page sets its own address (`history.replaceState`), and backups
 * can be edited by hand, so a stored URL is hostile text until it has been through `exportUrl`.
 */

/** Whether a scheme ("https", "HTTP:"; the colon optional, any case) is one of the web's: http or https. */
export function isHttpScheme(scheme: string): boolean {
  return /^https?:?$/i.test(scheme);
}

/** The URL parsed, when it is http(s); null for anything else, unparsable text included. */
export function httpUrl(href: string | null | undefined): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return isHttpScheme(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Host names we write: DNS labels and IPv4 (the parser has already lower-cased them and turned
 * IDNs into punycode). A `_` only between letters or digits, where it cannot open or close
 * emphasis; IPv6 literals are left out, their brackets being Markdown and BBCode syntax that the
 * host cannot percent-encode.
 */
const HOST = /^[a-z0-9.-]+$/;
const HOST_UNDERSCORE = /(?<=[a-z0-9])_(?=[a-z0-9])/g;

/**
 * Characters that are markup in CommonMark, GFM (tables, strikethrough), Discourse (BBCode,
 * linkify) or HTML, wherever they stand. The URL serializer already encodes whitespace, controls
 * and non-ASCII after the host; a space is listed so that no whitespace could ever get through.
 */
const MARKUP = /[()[\]<>"'`*~!{}|\\^ ]/g;
/**
 * Where linkify (markdown-it, Discourse) would end a bare URL early: at a `.`, `,`, `;` or `?` that
 * ends the text, a `.` before another `.`, and a second `?` in a row (the first of a run may be the
 * query's own delimiter, so the later ones are encoded).
 */
const LINKIFY_STOPS = /[,;]$|\.(?=\.|$)|(?<=\?)\?|\?$/g;
/** `&name;` and `&#123;` read as character references in Markdown and HTML: their `;` is encoded. */
const REFERENCE = /(&#?[A-Za-z0-9]+);/g;

const percent = (char: string): string => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * `raw` as a URL safe to write into any export (Markdown, a forum post, HTML, plain text, JSON):
 * an absolute http(s) URL in ASCII, without user name or password, in which no Markdown, BBCode
 * or HTML syntax is left. Null when `raw` is not an http(s) URL with a plain host name: leave it
 * out then.
 *
 * After the host, these are percent-encoded: `( ) [ ] < > " ' \` * ~ ! { } | \ ^` and space; a
 * `_` not between two letters or digits (an intraword `_` cannot make emphasis, and keeping it
 * keeps ids such as YouTube's readable); the `;` that would end a character reference; a `%`
 * that starts no escape (as `%25`); and where linkify would cut the URL short, a last `. , ; ?`,
 * a `.` before a `.` and a `?` after a `?`. An empty query or fragment (a lone `?` or `#`) is dropped. Ordinary servers
 * percent-decode what they read, so the result reaches the same resource. Idempotent.
 */
export function exportUrl(raw: string | null | undefined): string | null {
  const url = httpUrl(raw);
  if (!url || !HOST.test(url.hostname.replace(HOST_UNDERSCORE, ''))) return null;
  url.username = '';
  url.password = '';
  // Setting an empty search or hash removes the lone "?" or "#" the parser keeps.
  if (url.search === '') url.search = '';
  if (url.hash === '') url.hash = '';
  const origin = `${url.protocol}//${url.host}`;
  const rest = url.href
    .slice(origin.length)
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(REFERENCE, '$1%3B')
    .replace(MARKUP, percent)
    .replace(/_/g, (char, at: number, text: string) =>
      /[A-Za-z0-9]/.test(text[at - 1] ?? '') && /[A-Za-z0-9]/.test(text[at + 1] ?? '') ? char : percent(char))
    .replace(LINKIFY_STOPS, percent);
  return origin + rest;
}
