/** Discourse opens its composer prefilled from /new-topic?title=…&body=… */

/** Above this a URL is too long for browsers and servers to carry reliably. */
export const MAX_NEW_TOPIC_URL = 8_000;

/** The forum's base address from what a user typed ("forum.example.org/", "https://…/"), or null. */
export function forumBase(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** The new-topic address with the post in it, or null when it does not fit in a URL. */
export function newTopicUrl(base: string, title: string, body: string): string | null {
  const url = `${base}/new-topic?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
  return url.length < MAX_NEW_TOPIC_URL ? url : null;
}
