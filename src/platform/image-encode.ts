/**
 * Encoding pictures with the browser's canvas, the same in the content script and the pages: WebP,
 * or JPEG where the browser cannot encode WebP. An unsupported type is no error: the encoder
 * falls back to PNG (HTML, "serialising bitmaps to a file"), as Firefox did for WebP before
 * version 96, so the type of the blob returned is what is checked.
 */
import type { ImageType } from '../core/images';
import { t } from '../core/i18n';

/** Draws into; `OffscreenCanvas` in both browsers' pages and content scripts. */
export type Canvas = OffscreenCanvas;

/** A 2D context of `canvas`; throws when the browser gives none (out of memory for its size). */
export function context2d(canvas: Canvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d');
  if (!context) throw new Error(t('platform_noCanvas'));
  return context;
}

/** The size of the probe a picture is checked on (for black): enough cells to see any picture that is not black. */
export const PROBE = { width: 32, height: 18 } as const;

/**
 * `source` drawn down to PROBE's size, as RGBA pixels. Throws a SecurityError (DOMException) when
 * a cross-origin picture drawn into `source` tainted it.
 */
export function probePixels(source: Canvas): Uint8ClampedArray {
  const probe = new OffscreenCanvas(PROBE.width, PROBE.height);
  const context = context2d(probe);
  context.drawImage(source, 0, 0, PROBE.width, PROBE.height);
  return context.getImageData(0, 0, PROBE.width, PROBE.height).data;
}

/**
 * `canvas` encoded as `preferred` (WebP unless given) at `quality` (0–1), else as JPEG. Rejects
 * with a SecurityError for a canvas a cross-origin picture tainted.
 */
export async function encodeCanvas(canvas: Canvas, quality: number, preferred: ImageType = 'image/webp'): Promise<Blob> {
  const first = await canvas.convertToBlob({ type: preferred, quality });
  if (first.type === preferred) return first;
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  if (jpeg.type !== 'image/jpeg') throw new Error(t('platform_noEncoder'));
  return jpeg;
}

/** A blob as a base64 `data:` URL (what crosses Chrome's JSON message ports). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(t('platform_pictureUnreadable')));
    reader.readAsDataURL(blob);
  });
}

/** The bytes of a base64 `data:` URL, as a Blob of the type it names. Throws on one that is not base64. */
export function dataUrlToBlob(url: string): Blob {
  const found = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!found?.[1] || found[2] === undefined) throw new Error(t('platform_notPictureData'));
  const binary = atob(found[2]);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: found[1] });
}
