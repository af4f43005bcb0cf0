/**
 * exportZip60SlidesRatio, exportHandout60SlidesRatio (and their ms): the two downloads with
 * pictures of a recording with 60 slides (synthetic WebP, 1280×720, about 50 kB each) and a note
 * after each, in the real extension: the slides are stored as Blobs in the extension's IndexedDB,
 * and the library page reads them back and makes the files with the code its Summary tab calls
 * (exportImages, markdownZip, handoutHtml: bench/illustrated-entry.ts bundled as the build bundles
 * them), timed in the page from the first read to the finished file (the download itself, a
 * browser matter, left out).
 *
 * The baseline is the floor of both, measured in the same page alternately (ABBA): reading the 60
 * blobs back to bytes, which every export of them must do. The ratio says what making the file
 * adds to that: zipping (a CRC-32 over every byte, pictures stored as they are) or base64 and one
 * string of ~4 MB.
 */
import type { IllustratedInput } from '../../src/core/export/illustrated';
import type { Note } from '../../src/core/model';
import { bundleForPage } from '../core-bundle';
import { alternate, ratio, timings } from '../figure';
import type { Measurement } from '../measurement';
import { withExtension } from '../browsers';
import { AUTO_BACKUP_OFF, putRecords } from '../extension-db';
import { syntheticRecording } from '../synthetic-notes';
import { DB_NAME } from '../../src/db/schema';

const SLIDES = 60;
const SLIDE_SECONDS = 60;
const WARM_UP = 2;
const ROUNDS = 10;
const BUDGET_ZIP_RATIO = 8;
const BUDGET_HANDOUT_RATIO = 8;
const GLOBAL_NAME = 'WebinarNotesIllustrated';

type Entry = typeof import('../illustrated-entry');
type BenchWindow = Window & { [GLOBAL_NAME]: Entry };

export const exportIllustrated: Measurement = {
  title: `export of ${SLIDES} slides to the Markdown zip and the handout`,
  async run() {
    const script = await bundleForPage('bench/illustrated-entry.ts', GLOBAL_NAME);
    return withExtension(async (browser) => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/src/pages/library/index.html`);
      await page.locator('h1').first().waitFor();
      const key = 'https://webinar.example/slides';
      const recording = syntheticRecording(key);
      const notes: Note[] = Array.from({ length: SLIDES }, (_, i) => ({
        id: `note-${i}`, recordingKey: key, t: i * SLIDE_SECONDS + 20, text: `What slide ${i + 1} says, in a sentence or two of notes.`, createdAt: 1, updatedAt: 1,
      }));
      await putRecords(page, { recordings: [recording], notes, settings: [AUTO_BACKUP_OFF] });
      // Drawn and encoded by the page, stored as the app stores them (below its Dexie: the counts are not read here).
      const sizes = await page.evaluate(
        async ({ name, key, slides, every }) => {
          const encode = async (width: number, height: number, n: number, quality: number) => {
            const canvas = new OffscreenCanvas(width, height);
            const context = canvas.getContext('2d')!;
            context.fillStyle = `hsl(${(n * 47) % 360} 50% 92%)`;
            context.fillRect(0, 0, width, height);
            context.fillStyle = '#123';
            context.font = `bold ${Math.round(height / 10)}px sans-serif`;
            context.fillText(`Slide ${n + 1}: a heading`, width / 16, height / 6);
            // A chart and a photo-like patch: what makes a real slide's WebP some 50 kB.
            let seed = n + 1;
            const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
            for (let i = 0; i < 850; i++) {
              context.fillStyle = `hsl(${Math.floor(random() * 360)} 60% ${30 + Math.floor(random() * 50)}%)`;
              context.fillRect((width / 16) + random() * width * 0.85, height / 4 + random() * height * 0.7, (4 + random() * 16) * width / 1280, (4 + random() * 16) * height / 720);
            }
            return canvas.convertToBlob({ type: 'image/webp', quality });
          };
          const images = await Promise.all(Array.from({ length: slides }, async (_, n) => {
            const [blob, thumb] = await Promise.all([encode(1280, 720, n, 0.85), encode(240, 135, n, 0.75)]);
            return {
              id: `slide-${n}`, recordingKey: key, kind: 'slide', t: n * every, type: 'image/webp', blob, width: 1280, height: 720,
              thumb, thumbWidth: 240, thumbHeight: 135, bytes: blob.size + thumb.size, hash: n.toString(16).padStart(16, '0'), createdAt: 1, updatedAt: 1,
            };
          }));
          await new Promise<void>((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('images', 'readwrite');
              for (const image of images) tx.objectStore('images').put(image);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          });
          return images.map((image) => image.blob.size);
        },
        { name: DB_NAME, key, slides: SLIDES, every: SLIDE_SECONDS },
      );
      // Evaluated by the DevTools protocol, not added as a <script>: the page's CSP allows only its own files.
      await page.evaluate(script);

      type Work = 'read' | 'zip' | 'handout';
      const once = (work: Work) =>
        page.evaluate(
          async ({ work, name, global, input }) => {
            const entry = (window as unknown as BenchWindow)[global as typeof GLOBAL_NAME];
            const start = performance.now();
            // The library's read: a recording's pictures by its index (db/images.ts recordingImages), then their bytes.
            const rows = await new Promise<never[]>((resolve, reject) => {
              const open = indexedDB.open(name);
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const request = open.result.transaction('images').objectStore('images').index('recordingKey').getAll(input.recording.key);
                request.onsuccess = () => {
                  open.result.close();
                  resolve(request.result as never[]);
                };
                request.onerror = () => reject(request.error);
              };
            });
            const images = await entry.exportImages(rows);
            let size = images.reduce((sum, image) => sum + image.bytes.length, 0);
            if (work === 'zip') size = (await entry.markdownZip({ ...input, images })).bytes.length;
            if (work === 'handout') size = entry.handoutHtml({ ...input, images }).html.length;
            return { ms: performance.now() - start, size };
          },
          { work, name: DB_NAME, global: GLOBAL_NAME, input: { recording, notes, qa: [] } satisfies Omit<IllustratedInput, 'images'> },
        );
      for (let i = 0; i < WARM_UP; i++) for (const work of ['read', 'zip', 'handout'] as const) await once(work);
      const zip = await alternate(ROUNDS, () => once('zip'), () => once('read'));
      const handout = await alternate(ROUNDS, () => once('handout'), () => once('read'));
      const ms = (runs: { ms: number }[]) => runs.map((run) => run.ms);
      const meanKb = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length / 100) / 10;
      const details = {
        slides: SLIDES,
        meanSlideKb: meanKb,
        zipBytes: zip.measured[0]?.size,
        handoutCharacters: handout.measured[0]?.size,
        picturesBytes: zip.baseline[0]?.size,
      };
      const how = (what: string) =>
        `${what} of a recording with ${SLIDES} stored WebP slides (1280×720, ${meanKb} kB on average) and a note after each, in the built extension's library page: read from IndexedDB by recording, blobs read to bytes (exportImages), then the file made by the bundled core; ${WARM_UP} warm-up calls, then each timed in the page with performance.now()`;
      const baselineHow = `÷ the baseline: the same read of the ${SLIDES} blobs to bytes alone, in the same page, ${ROUNDS} calls each in ABBA order; value = p95 ÷ p95; budget on the ratio`;
      return {
        exportZip60SlidesRatio: ratio(ms(zip.measured), ms(zip.baseline), BUDGET_ZIP_RATIO, `${how('markdownZip')}, ${baselineHow}`, details),
        exportZip60SlidesMs: timings(ms(zip.measured), null, `${how('markdownZip')}; the absolute figure of exportZip60SlidesRatio (no budget: it depends on the machine)`),
        exportHandout60SlidesRatio: ratio(ms(handout.measured), ms(handout.baseline), BUDGET_HANDOUT_RATIO, `${how('handoutHtml')}, ${baselineHow}`, details),
        exportHandout60SlidesMs: timings(ms(handout.measured), null, `${how('handoutHtml')}; the absolute figure of exportHandout60SlidesRatio (no budget: it depends on the machine)`),
      };
    });
  },
};
