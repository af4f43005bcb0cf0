/** Discourse opens its composer prefilled from /new-topic?title=…&body=… */
import { exportUrl } from './web-url';

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
