import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteOfHost } from '../../src/core/sites';
import { isDefaultHost, patternSite } from '../../src/core/site-patterns';
import { parseVideoUrl } from '../../src/core/video-url';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  content_scripts: { matches: string[] }[];
};
const defaults = manifest.content_scripts.flatMap((script) => script.matches);
// The plain-http hosts the e2e fixtures are served from.
const LOCAL = new Set(['127.0.0.1', 'localhost']);

describe('the known sites', () => {
  it('the manifest runs by default only on the known sites’ hosts (and the local test hosts)', () => {
    for (const match of defaults) {
      const host = patternSite(match)?.host ?? match;
      expect(LOCAL.has(host) || siteOfHost(host) !== 'html5', match).toBe(true);
    }
  });
  it('a link the parser reads as a site’s video is on a host of that site, or on YouTube’s short-link host', () => {
    for (const href of ['https://music.youtube.com/watch?v=qVv6vCqciTM', 'https://player.vimeo.com/video/76979871', 'https://www.youtubekids.com/watch?v=qVv6vCqciTM']) {
      const parsed = parseVideoUrl(href);
      expect(parsed?.site).toBe(siteOfHost(new URL(href).hostname));
    }
    expect(parseVideoUrl('https://youtu.be/qVv6vCqciTM')?.site).toBe('youtube');
    expect(siteOfHost('example.org')).toBe('html5');
  });
  it('reads a match pattern’s scheme and host, refusing what is not http(s)', () => {
    expect(patternSite('https://player.vimeo.com/video/*')).toEqual({ scheme: 'https', host: 'player.vimeo.com', wholeHost: false });
    expect(patternSite('http://forum.example/*')).toEqual({ scheme: 'http', host: 'forum.example', wholeHost: true });
    expect(patternSite('ftp://files.example/*')).toBeNull();
    expect(patternSite('https://*/*')).toBeNull();
    expect(isDefaultHost('player.vimeo.com', defaults)).toBe(true);
    expect(isDefaultHost('music.youtube.com', defaults)).toBe(false);
  });
});
