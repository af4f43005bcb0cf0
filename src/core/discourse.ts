/**
 * What we need to know about a Discourse forum: its address, the new-topic URL that opens its
 * composer prefilled (/new-topic?title=…&body=…), and which handles it reads as usernames.
 */
import { exportUrl } from './web-url';

/**
 * A Discourse username with the forum's default settings (unicode_usernames off): ASCII letters,
 * digits and `_ . -`; starting with a letter, digit or `_`; ending with a letter or digit; no two
 * of `_ . -` in a row; at most 60 characters (the most a mention reads). Anything else is read
 * differently: `@ana_` mentions `@ana` followed by "_". Length limits below 60 are each forum's
 * own setting (3–20 by default) and are not checked.
 */
const USERNAME = /^(?!.*[_.-]{2})(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,58})?[A-Za-z0-9]$/;

/**
 * The forum username in a typed handle ("@ana_diaz", " ana_diaz "): trimmed, leading `@`s dropped;
 * null when what is left is empty or not a username a mention would name exactly (USERNAME).
 */
export function forumUsername(handle: string): string | null {
  const name = handle.trim().replace(/^@+/, '');
  return USERNAME.test(name) ? name : null;
}

/** Above this a URL is too long for browsers and servers to carry reliably. */
export const MAX_NEW_TOPIC_URL = 8_000;

/**
 * The forum's base address from what a user typed ("forum.example.org/", "https://…/"): origin and
 * path in exportUrl's form, without a trailing slash; null when it is not an http(s) address.
 */
export function forumBase(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const safe = exportUrl(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  if (!safe) return null;
  const url = new URL(safe);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The new-topic address with the post in it (in exportUrl's form: encodeURIComponent leaves
 * `( ) ! * ' ~` as they are), or null when it is not a web address or does not fit in a URL.
 */
export function newTopicUrl(base: string, title: string, body: string): string | null {
  const url = exportUrl(`${base}/new-topic?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`);
  return url && url.length < MAX_NEW_TOPIC_URL ? url : null;
}
