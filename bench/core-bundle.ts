/**
 * A module of src/core bundled for a page: vite's build() as a lib iife that sets
 * `window[globalName]` to the module's exports. Code passed to page.evaluate cannot import, so a
 * measurement of core code adds this script to a page and calls it there.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

/** `entry` is relative to the repository root, e.g. `src/core/qa-paste.ts`. */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'chrome120',
      lib: { entry: resolve(import.meta.dirname, '..', entry), name: globalName, formats: ['iife'] },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output as Rolldown.RolldownOutput])
    .flatMap((result) => result.output)
    .find((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error(`vite produced no script for ${entry}`);
  return chunk.code;
}
