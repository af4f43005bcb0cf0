import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    crx({
      manifest,
      // One self-contained file: no loader chunk and no web_accessible_resources that would let
      // every matched page fingerprint the extension.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // The panel is reached only through web_accessible_resources, which crxjs does not bundle.
    rollupOptions: { input: { panel: 'src/pages/panel/index.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
