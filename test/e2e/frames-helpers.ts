/**
 * What the frame tests share: reading stored pictures back, pausing a video on a known picture,
 * and comparing a stored frame with what the video shows, cell by cell.
 */
import type { Page } from 'playwright-core';
import { seekTo, storedRows, withTimeout, type Browser } from './harness';

/** An `images` row as the tests read it (without its blobs, which do not cross to Node). */
export interface StoredImage {
  id: string;
  recordingKey: string;
  kind: string;
  t: number;
  noteId?: string;
  type: string;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  bytes: number;
}

export const storedImages = (browser: Browser): Promise<StoredImage[]> => storedRows<StoredImage>(browser, 'images');

/** Cells a side of the grid pictures are compared on: each cell's mean colour. */
export const GRID = 8;

/** The stored frame `id` as a data URL, read from the database in an extension page. */
export async function storedFrameUrl(browser: Browser, id: string): Promise<string> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/src/pages/options/index.html`);
    return await withTimeout('reading a stored frame', page.evaluate(
      (key) =>
        new Promise<string>((done, fail) => {
          const open = indexedDB.open('webinar-notes');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('images').objectStore('images').get(key);
            request.onerror = () => fail(request.error);
            request.onsuccess = () => {
              const reader = new FileReader();
              reader.onload = () => done(String(reader.result));
              reader.readAsDataURL((request.result as { blob: Blob }).blob);
            };
          };
        }),
      id,
    ));
  } finally {
    await page.close();
  }
}

/**
 * Each grid cell's mean RGB of the stored frame (`frameUrl`) and of the video, both drawn at
 * `width`×`height` by the page itself: the page's own video, or (`reference`) a video the page
 * loads from its own origin, at `reference.t` seconds (a cross-origin video cannot be read back).
 */
export function grids(
  page: Page,
  frameUrl: string,
  width: number,
  height: number,
  reference?: { src: string; t: number },
): Promise<{ stored: number[][]; shown: number[][] }> {
  return page.evaluate(
    async ({ frameUrl, width, height, grid, reference }) => {
      const means = (source: CanvasImageSource) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        context.drawImage(source, 0, 0, width, height);
        const { data } = context.getImageData(0, 0, width, height);
        const cells: number[][] = [];
        for (let row = 0; row < grid; row++) {
          for (let column = 0; column < grid; column++) {
            const sum = [0, 0, 0];
            let count = 0;
            for (let y = Math.floor((row * height) / grid); y < Math.floor(((row + 1) * height) / grid); y++) {
              for (let x = Math.floor((column * width) / grid); x < Math.floor(((column + 1) * width) / grid); x++) {
                const p = (y * width + x) * 4;
                sum[0]! += data[p]!;
                sum[1]! += data[p + 1]!;
                sum[2]! += data[p + 2]!;
                count++;
              }
            }
            cells.push(sum.map((value) => value / count));
          }
        }
        return cells;
      };
      let video = document.querySelector('video')!;
      if (reference) {
        video = document.createElement('video');
        video.muted = true;
        video.preload = 'auto';
        video.src = reference.src;
        await new Promise((loaded) => video.addEventListener('loadeddata', loaded, { once: true }));
        video.currentTime = reference.t;
        await new Promise((seeked) => video.addEventListener('seeked', seeked, { once: true }));
      }
      const image = await createImageBitmap(await (await fetch(frameUrl)).blob());
      return { stored: means(image), shown: means(video) };
    },
    { frameUrl, width, height, grid: GRID, reference },
  );
}

/** The largest difference of one colour channel between two grids. */
export function worstCell(a: readonly number[][], b: readonly number[][]): number {
  return Math.max(...a.flatMap((cell, i) => cell.map((value, channel) => Math.abs(value - (b[i]?.[channel] ?? Infinity)))));
}

/** Pauses the page's video at `t` seconds, with its picture there. */
export async function pauseAt(page: Page, t: number): Promise<void> {
  await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).pause());
  await seekTo(page, t);
  await page.waitForFunction((s) => {
    const video = document.querySelector('video') as HTMLVideoElement;
    return !video.seeking && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && Math.abs(video.currentTime - s) < 0.01;
  }, t);
}
