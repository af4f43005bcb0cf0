/** contentScriptGzipBytes: what every matched page downloads and parses before any video shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../../test/e2e/browser';
import { single } from '../figure';
import type { Measurement } from '../measurement';

const BUDGET_BYTES = 12_000;

/** The files the built manifest injects, so a second content script or a loader chunk counts too. */
function injectedFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))];
}

export const contentScriptSize: Measurement = {
  title: 'content script size',
  async run() {
    const files = injectedFiles();
    const sizes = files.map((file) => {
      const code = readFileSync(join(DIST, file));
      return { file, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
    });
    const gzip = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
    return {
      contentScriptGzipBytes: single(gzip, 'bytes', BUDGET_BYTES, 1, 'gzip -9 (node:zlib) of every file the built manifest lists under content_scripts, summed', {
        files: sizes,
      }),
    };
  },
};
