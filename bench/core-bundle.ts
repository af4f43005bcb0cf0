/**
 * A module of src/core bundled for a page: vite's build() as a lib iife that sets
 * `window[globalName]` to the module's exports, with the message catalogues installed first (as
 * every extension page does: core/i18n says nothing until a context installs its messages). Code
 * passed to page.evaluate cannot import, so a measurement of core code adds this script to a page
 * and calls it there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

/** `entry` is relative to the repository root, e.g. `src/core/qa-paste.ts`. */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-entry-'));
  const wrapper = join(dir, 'entry.ts');
  const from = (path: string) => JSON.stringify(resolve(ROOT, path));
  writeFileSync(
    wrapper,
    [
      `import { setMessageSource } from ${from('src/core/i18n/index.ts')};`,
      `import { bundledMessages } from ${from('src/core/i18n/bundled.ts')};`,
      'setMessageSource(bundledMessages);',
      `export * from ${from(entry)};`,
    ].join('\n'),
  );
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'chrome120',
      lib: { entry: wrapper, name: globalName, formats: ['iife'] },
    },
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
  const chunk = (Array.isArray(output) ? output : [output as Rolldown.RolldownOutput])
    .flatMap((result) => result.output)
    .find((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error(`vite produced no script for ${entry}`);
  return chunk.code;
}
