import { httpUrl } from './web-url';

/** Query parameters that say where a visitor came from, not what the page shows. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|si)$/i;

/**
 * The identity of a plain HTML5 recording: its page URL without fragment or tracking parameters,
 * with the remaining parameters sorted so the same page always gives the same key.
 * Returns null for anything that is not an http(s) URL.
 */
export function pageRecordingKey(href: string): string | null {
  const url = httpUrl(href);
  if (!url) return null;
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAMS.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}
