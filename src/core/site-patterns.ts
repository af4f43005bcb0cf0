/** Host permission patterns for the sites a user enables beyond the defaults. */
import { shorten } from './shorten';
import { t } from './i18n';
import { httpUrl, isHttpScheme } from './web-url';

/**
 * The scheme and host of an http(s) match pattern ("https://player.vimeo.com/video/*"), and whether
 * it is the whole host (`/*`); null for any other pattern (another scheme, a wildcard host).
 */
export function patternSite(pattern: string): { scheme: string; host: string; wholeHost: boolean } | null {
  const found = /^([a-z]+):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (!found?.[1] || !found[2] || !isHttpScheme(found[1])) return null;
  return { scheme: found[1], host: found[2], wholeHost: found[3] === '/*' };
}

/** A match pattern widened to its whole host ("https://player.vimeo.com/video/*" → "https://player.vimeo.com/*"). */
function hostWide(match: string): string | null {
  const site = patternSite(match);
  return site ? `${site.scheme}://${site.host}/*` : null;
}

/** Whether pages on `host` are among the manifest's default `matches` (they need no asking). */
export function isDefaultHost(host: string, defaults: readonly string[]): boolean {
  return defaults.some((match) => patternSite(match)?.host === host);
}

/**
 * Granted host patterns the user added on top of the defaults: the sites to register a script for.
 * Firefox reports the defaults' grants host-wide ("https://player.vimeo.com/*"), so a pattern on
 * a default host is never the user's.
 */
export function optInPatterns(granted: readonly string[], defaults: readonly string[]): string[] {
  const builtIn = new Set(defaults.map(hostWide));
  return [...new Set(granted)].filter((pattern) => !builtIn.has(pattern) && patternSite(pattern)?.wholeHost === true).sort();
}

/** The host pattern ("https://example.org/*") that enabling the site of `pageUrl` asks for, or null. */
export function sitePattern(pageUrl: string): string | null {
  const url = httpUrl(pageUrl);
  return url ? `${url.protocol}//${url.hostname}/*` : null;
}

export type SiteInput = { ok: true; pattern: string; host: string } | { ok: false; message: string };

/**
 * A host name a match pattern can hold: labels of letters, digits, hyphens and underscores (which
 * browsers load), or an IPv4 address.
 */
const HOST = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * The site a user typed on the settings page ("webinars.example.com", or a page's address
 * pasted whole), as the host pattern to ask for. Without a scheme it means https. `defaults`
 * are the manifest's matches: those sites need no asking.
 */
export function siteFromInput(input: string, defaults: readonly string[]): SiteInput {
  const text = input.trim();
  if (text === '') return { ok: false, message: t('sites_empty') };
  if (text.length > 2048) return { ok: false, message: t('sites_tooLong') };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  // "host:8080" reads as a scheme to URL; a port after a host name is not one.
  const withScheme = scheme && !/^[a-z0-9._-]+:\d+([/?#]|$)/i.test(text) ? text : `https://${text}`;
  if (scheme && withScheme === text && !isHttpScheme(scheme)) {
    return { ok: false, message: t('sites_notWeb', scheme) };
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: t('sites_notAddress', shorten(text, 80)) };
  }
  if (url.hostname.startsWith('[')) {
    return { ok: false, message: t('sites_ipv6') };
  }
  // "example.com." is the same site as "example.com".
  const host = url.hostname.replace(/\.$/, '');
  if (url.username || url.password || !HOST.test(host)) {
    return { ok: false, message: t('sites_notAddress', shorten(text, 80)) };
  }
  const pattern = `${url.protocol}//${host}/*`;
  if (defaults.some((match) => hostWide(match) === pattern)) {
    return { ok: false, message: t('sites_alreadyRuns', host) };
  }
  return { ok: true, pattern, host };
}
