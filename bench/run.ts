/**
 * `npm run bench`: builds the extension, measures it in headless Chromium and prints one JSON
 * object of figures on stdout (progress on stderr). See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { setMessageSource } from '../src/core/i18n';
import { bundledMessages } from '../src/core/i18n/bundled';
import { serveDemo } from '../test/e2e/browser';
import type { Figure } from './figure';
import { progress, type Measurement } from './measurement';
import { contentScriptSize } from './measurements/content-script-size';
import { exportForumPost } from './measurements/export-forum-post';
import { exportIllustrated } from './measurements/export-illustrated';
import { import100k } from './measurements/import-100k';
import { libraryOpen } from './measurements/library-open';
import { mount } from './measurements/mount';
import { noVideoPageCost } from './measurements/no-video-page-cost';
import { panel10k } from './measurements/panel-10k';
import { qaPasteWorst } from './measurements/qa-paste-worst';
import { saveByListSize } from './measurements/save-by-list-size';
import { saveToShown } from './measurements/save-to-shown';
import { search100k } from './measurements/search-100k';
import { searchTranscripts } from './measurements/search-transcripts';
import { shortcutToComposer } from './measurements/shortcut-to-composer';
import { slideWatch } from './measurements/slide-watch';
import { quoteAtKeystroke } from './measurements/quote-at-keystroke';
import { transcriptTab } from './measurements/transcript-tab';

setMessageSource(bundledMessages);

/** In the order they run. A new measurement is one module in measurements/ and one line here. */
const MEASUREMENTS: Measurement[] = [
  contentScriptSize,
  noVideoPageCost,
  mount,
  shortcutToComposer,
  quoteAtKeystroke,
  transcriptTab,
  saveToShown,
  saveByListSize,
  panel10k,
  exportForumPost,
  exportIllustrated,
  qaPasteWorst,
  import100k,
  libraryOpen,
  search100k,
  searchTranscripts,
  slideWatch,
];

async function main(): Promise<void> {
  progress('building dist/');
  // The build's own output goes to stderr, keeping stdout for the JSON.
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 2, 2] });
  const server = await serveDemo();
  const figures: Record<string, Figure> = {};
  try {
    // BENCH_ONLY=word runs the measurements whose title has that word (BENCH_ONLY='a,b': either): for working on one.
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean) ?? [];
    for (const measurement of MEASUREMENTS.filter((m) => only.length === 0 || only.some((word) => m.title.includes(word)))) {
      progress(measurement.title);
      const started = Date.now();
      Object.assign(figures, await measurement.run({ origin: server.origin }));
      progress(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await server.close();
  }
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
