import { beforeEach, describe, expect, it, vi } from 'vitest';
import { optInPatterns, sitePattern } from '../../src/core/site-patterns';

// The one seam to the extension API, replaced by a small in-memory browser.
const fake = vi.hoisted(() => {
  const state = { granted: [] as string[], registered: [] as { id: string; matches: string[]; js: string[] }[] };
  const api = {
    runtime: {
      getManifest: () => ({
        content_scripts: [{ matches: ['https://www.youtube.com/*', 'https://vimeo.com/*'], js: ['src/content/index.js'] }],
      }),
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
});

describe('syncSiteScripts', () => {
  beforeEach(() => {
    fake.state.granted = ['https://www.youtube.com/*'];
    fake.state.registered = [];
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
