import { beforeEach, describe, expect, it, vi } from 'vitest';
import { optInPatterns, siteFromInput, sitePattern } from '../../src/core/site-patterns';

// The one seam to the extension API, replaced by a small in-memory browser.
const fake = vi.hoisted(() => {
  const state = {
    granted: [] as string[],
    registered: [] as { id: string; matches: string[]; js: string[] }[],
    /** As Chrome's getManifest() gives it; Firefox gives a full moz-extension: URL. */
    scriptPath: 'src/content/index.js',
  };
  const api = {
    runtime: {
      // In the manifest's order: YouTube's caption inbox and page-world tap come first.
      getManifest: () => ({
        content_scripts: [
          { matches: ['https://www.youtube.com/*'], js: ['src/content/timedtext-inbox.js'], run_at: 'document_start' },
          { matches: ['https://www.youtube.com/*'], js: ['src/content/timedtext-tap.js'], run_at: 'document_start', world: 'MAIN' },
          { matches: ['https://www.youtube.com/*', 'https://vimeo.com/*'], js: [state.scriptPath], run_at: 'document_idle' },
        ],
      }),
      getURL: (path: string) => `moz-extension://3f6a2d1e/${path.replace(/^\//, '')}`,
    },
    permissions: { getAll: async () => ({ origins: [...state.granted] }) },
    scripting: {
      getRegisteredContentScripts: async () => state.registered.map((s) => ({ ...s })),
      registerContentScripts: async (scripts: { id: string; matches: string[]; js: string[] }[]) => {
        for (const s of scripts) {
          if (state.registered.some((r) => r.id === s.id)) throw new Error(`duplicate script id ${s.id}`);
          state.registered.push(s);
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
    },
  };
  return { state, api };
});
vi.mock('../../src/platform/browser', () => ({ default: fake.api }));
const { syncSiteScripts } = await import('../../src/background/site-access');

describe('sitePattern', () => {
  it('asks for the whole host of an http(s) page, never a path or a port', () => {
    expect(sitePattern('https://forum.example/t/webinar/42?page=2#post-3')).toBe('https://forum.example/*');
    expect(sitePattern('http://localhost:8080/x')).toBe('http://localhost/*');
  });
  it('gives nothing for pages no extension may run on, or garbage', () => {
    for (const url of ['chrome://extensions', 'file:///tmp/a.html', 'javascript:alert(1)', 'data:text/html,hi', 'not a url', '']) {
      expect(sitePattern(url)).toBeNull();
    }
  });
});

describe('optInPatterns', () => {
  it('keeps granted sites beyond the defaults, once each, sorted, and only host-wide http(s) patterns', () => {
    expect(
      optInPatterns(
        ['https://www.youtube.com/*', 'https://b.example/*', 'https://a.example/*', 'https://a.example/*', '<all_urls>', 'https://c.example/path/*'],
        ['https://www.youtube.com/*'],
      ),
    ).toEqual(['https://a.example/*', 'https://b.example/*']);
  });

  it('never takes a default site for the user’s, in the host-wide form Firefox reports its grant in', () => {
    const defaults = ['https://www.youtube-nocookie.com/embed/*', 'https://player.vimeo.com/video/*', 'https://vimeo.com/*'];
    const granted = ['https://www.youtube-nocookie.com/*', 'https://player.vimeo.com/*', 'https://vimeo.com/*', 'http://player.vimeo.com/*', 'https://forum.example/*'];
    expect(optInPatterns(granted, defaults)).toEqual(['http://player.vimeo.com/*', 'https://forum.example/*']);
  });
});

describe('syncSiteScripts', () => {
  beforeEach(() => {
    fake.state.granted = ['https://www.youtube.com/*'];
    fake.state.registered = [];
    fake.state.scriptPath = 'src/content/index.js';
  });

  it('registers the file by its path in the extension even where the manifest gives a full URL (Firefox)', async () => {
    fake.state.scriptPath = 'moz-extension://3f6a2d1e/src/content/index.js';
    fake.state.granted.push('https://forum.example/*');
    await syncSiteScripts();
    expect(fake.state.registered.map((s) => s.js)).toEqual([['src/content/index.js']]);
  });

  it('registers the content script for a site the user granted, with the built file, in every frame', async () => {
    fake.state.granted.push('https://forum.example/*');
    await syncSiteScripts();
    expect(fake.state.registered).toEqual([
      expect.objectContaining({ id: 'site:https://forum.example/*', matches: ['https://forum.example/*'], js: ['src/content/index.js'], allFrames: true }),
    ]);
    await syncSiteScripts();
    expect(fake.state.registered).toHaveLength(1);
  });

  it('removes the script when the permission is revoked, and leaves scripts it did not make alone', async () => {
    fake.state.granted.push('https://forum.example/*', 'https://blog.example/*');
    await syncSiteScripts();
    fake.state.registered.push({ id: 'other', matches: ['https://x.example/*'], js: ['x.js'] });
    fake.state.granted = fake.state.granted.filter((p) => p !== 'https://forum.example/*');
    await syncSiteScripts();
    expect(fake.state.registered.map((s) => s.id).sort()).toEqual(['other', 'site:https://blog.example/*']);
  });
});

describe('siteFromInput', () => {
  const defaults = ['https://www.youtube.com/*', 'https://player.vimeo.com/video/*', 'http://127.0.0.1/*'];
  const site = (input: string) => siteFromInput(input, defaults);

  it('takes a bare host as https, and a pasted address as its own scheme and host', () => {
    expect(site('  Webinars.Example.com ')).toEqual({ ok: true, pattern: 'https://webinars.example.com/*', host: 'webinars.example.com' });
    expect(site('https://forum.example/t/webinar/42?page=2#post-3')).toEqual({ ok: true, pattern: 'https://forum.example/*', host: 'forum.example' });
    expect(site('http://forum.example:8080/x')).toEqual({ ok: true, pattern: 'http://forum.example/*', host: 'forum.example' });
    expect(site('forum.example:8443/talks')).toEqual({ ok: true, pattern: 'https://forum.example/*', host: 'forum.example' });
    expect(site('localhost')).toEqual({ ok: true, pattern: 'https://localhost/*', host: 'localhost' });
    expect(site('bücher.example')).toEqual({ ok: true, pattern: 'https://xn--bcher-kva.example/*', host: 'xn--bcher-kva.example' });
    expect(site('example.com.')).toEqual({ ok: true, pattern: 'https://example.com/*', host: 'example.com' });
    expect(site('my_site.example.com')).toEqual({ ok: true, pattern: 'https://my_site.example.com/*', host: 'my_site.example.com' });
    expect(site('forum.example:8443?page=2')).toEqual({ ok: true, pattern: 'https://forum.example/*', host: 'forum.example' });
    expect(site('forum.example:8443#talk')).toEqual({ ok: true, pattern: 'https://forum.example/*', host: 'forum.example' });
    expect(site('192.168.1.20')).toEqual({ ok: true, pattern: 'https://192.168.1.20/*', host: '192.168.1.20' });
  });

  // Issue 11, item 5: the message quoted the first 80 UTF-16 units, splitting an emoji in two.
  it('quotes a refused address without cutting a character in two', () => {
    const result = site(`${'a'.repeat(78)}🇯🇵 b`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`“${'a'.repeat(78)}…” is not a web address.`);
  });

  it('says why it refuses what is not a web site, and asks for nothing', () => {
    const refusals: [string, RegExp][] = [
      ['', /^Type the address of a site/],
      ['   ', /^Type the address of a site/],
      ['javascript:alert(1)', /^Only web sites \(http or https\) can be added, not javascript: addresses\.$/],
      ['data:text/html,hi', /not data: addresses/],
      ['file:///tmp/a.html', /not file: addresses/],
      ['chrome://extensions', /not chrome: addresses/],
      ['*.example.com', /is not a web address/],
      ['https://user:pw@forum.example/', /is not a web address/],
      ['two words', /is not a web address/],
      ['https://', /is not a web address/],
      ['a'.repeat(3000), /too long/],
      ['http://[::1]:8080/', /^Sites cannot be added by an IPv6 address/],
      ['-bad-.example', /is not a web address/],
      ['www.youtube.com', /^Webinar Notes already runs on www\.youtube\.com\.$/],
      ['https://player.vimeo.com/video/76979871', /already runs on player\.vimeo\.com/],
      ['http://127.0.0.1:5173/', /already runs on 127\.0\.0\.1/],
    ];
    for (const [input, message] of refusals) {
      const result = site(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.message, input).toMatch(message);
    }
  });
});
