/** Host permission patterns for the sites a user enables beyond the defaults. */

/** Granted host patterns the user added on top of the defaults: the sites to register a script for. */
export function optInPatterns(granted: readonly string[], defaults: readonly string[]): string[] {
  const builtIn = new Set(defaults);
  return [...new Set(granted)].filter((pattern) => !builtIn.has(pattern) && /^https?:\/\/[^/*]+\/\*$/.test(pattern)).sort();
}

/** The host pattern ("https://example.org/*") that enabling the site of `pageUrl` asks for, or null. */
export function sitePattern(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : null;
  } catch {
    return null;
  }
}
