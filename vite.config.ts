import { crx, type CrxPlugin } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import chromeManifestSource from './manifest.json' with { type: 'json' };

// `TARGET=firefox vite build` (npm run build:firefox) writes dist-firefox/: Firefox runs MV3
// background code as event-page scripts, not as a service worker, and wants an add-on id.
const firefox = process.env.TARGET === 'firefox';
// `STORE=1` (npm run zip): the packages for the stores run only on the well-known video sites by
// default; the local hosts of the demo page and the tests belong to development builds.
const store = process.env.STORE === '1';
// `PSEUDO_LOCALE=1` (the e2e's pseudo-locale check, test/e2e/pseudo-locale.test.ts): every message
// is shown wrapped and lengthened, into dist-pseudo/, so words not from the catalogues stand out.
const pseudo = process.env.PSEUDO_LOCALE === '1';
const LOCAL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const chromeManifest = store
  ? {
      ...chromeManifestSource,
      content_scripts: chromeManifestSource.content_scripts.map((script) => ({
        ...script,
        matches: script.matches.filter((match) => !LOCAL_HOSTS.includes(match)),
      })),
    }
  : {
      ...chromeManifestSource,
      // Development builds may reach the local hosts without asking: the tests' WebDAV server
      // runs there, and automation cannot answer the browser's permission prompt. A store build
      // asks for a sync server's host when the user presses Test.
      host_permissions: [...chromeManifestSource.host_permissions, ...LOCAL_HOSTS],
    };
const { service_worker: _worker, ...background } = chromeManifest.background;
const { side_panel: sidePanel, ...portable } = chromeManifest;
const manifest = firefox
  ? {
      ...portable,
      // Firefox has a sidebar instead of `sidePanel`, and makes blob URLs in its background page
      // itself, with no offscreen document.
      permissions: portable.permissions.filter((permission) => permission !== 'sidePanel' && permission !== 'offscreen'),
      // Chrome's `use_dynamic_url` hides the panel page behind a per-session address; Firefox's
      // extension host is random per install already, so the key stays Chrome's.
      web_accessible_resources: portable.web_accessible_resources.map(({ use_dynamic_url: _dynamic, ...resource }) => resource),
      sidebar_action: { default_panel: sidePanel.default_path, default_title: '__MSG_extName__', open_at_install: false },
      background: { ...background, scripts: [chromeManifest.background.service_worker] },
      browser_specific_settings: {
        gecko: {
          id: 'webinar-notes@webinar-notes.dev',
          strict_min_version: '140.0',
          // Notes never leave the browser.
          data_collection_permissions: { required: ['none' as const] },
        },
        // Desktop ESR 140 (Debian's firefox-esr) reads data_collection_permissions; Android from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }
  : chromeManifest;

/** The built parts of the content script that the background injects on demand (src/content/parts.ts). */
const CONTENT_PART = /^src\/content\/[\w-]+-part\.js$/;

/**
 * crxjs lists every `?script` file under web_accessible_resources, for the loaders it would put
 * in front of them. Our parts are built self-contained and only ever injected with
 * `scripting.executeScript`, which needs no such entry; left there, any page could load one and
 * so tell the extension is installed. crxjs also leaves the part's ES-module build beside the
 * self-contained one, unused: it is dropped.
 */
function partsNotWebAccessible(): CrxPlugin {
  return {
    name: 'webinar-notes:parts-not-web-accessible',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'chunk' && /\/src\/content\/[\w-]+-part\.ts$/.test(file.facadeModuleId ?? '')) delete bundle[name];
      }
    },
    renderCrxManifest(manifest) {
      manifest.web_accessible_resources = manifest.web_accessible_resources
        ?.map((entry) => ({ ...entry, resources: entry.resources.filter((resource) => !CONTENT_PART.test(resource)) }))
        .filter((entry) => entry.resources.length > 0);
      return manifest;
    },
  };
}

/**
 * The catalogues the pages, the background and the offscreen document bundle (src/core/i18n/bundled.ts)
 * without the translators' descriptions: nothing reads them at run time, and the English ones were
 * 69 kB of the 366 kB chunk every extension page parses. The browser's own copies under
 * `_locales/` (public/) keep them, and so do the tests, which check every message has one.
 */
function catalogsWithoutDescriptions(): Plugin {
  return {
    name: 'webinar-notes:catalogs-without-descriptions',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]_locales[\\/][\w-]+[\\/]messages\.json$/.test(id)) return null;
      const catalog = JSON.parse(code) as Record<string, { description?: string }>;
      for (const entry of Object.values(catalog)) delete entry.description;
      return { code: JSON.stringify(catalog), map: null };
    },
  };
}

export default defineConfig({
  define: { __PSEUDO_LOCALE__: JSON.stringify(pseudo) },
  plugins: [
    crx({
      manifest,
      browser: firefox ? 'firefox' : 'chrome',
      // Self-contained files: no loader chunk (which the page-world tap could not load: it calls
      // chrome.runtime.getURL, absent in the page's world) and no web_accessible_resources that would let
      // every matched page fingerprint the extension.
      contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/timedtext-inbox.ts', 'src/content/timedtext-tap.ts'] },
    }),
    partsNotWebAccessible(),
    catalogsWithoutDescriptions(),
  ],
  build: {
    outDir: firefox ? 'dist-firefox' : pseudo ? 'dist-pseudo' : 'dist',
    emptyOutDir: true,
    target: firefox ? 'firefox140' : 'chrome120',
    sourcemap: false,
    // The panel is reached only through web_accessible_resources, the library only by its URL, and
    // the offscreen document only through `offscreen.createDocument`: crxjs bundles none of them by
    // itself. (Firefox never opens the offscreen page; it is a few inert files there.)
    rollupOptions: {
      input: { panel: 'src/pages/panel/index.html', library: 'src/pages/library/index.html', offscreen: 'src/pages/offscreen/index.html' },
    },
  },
});
