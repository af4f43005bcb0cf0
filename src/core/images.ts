/**
 * The rules of a recording's pictures (core/model.ts `RecordingImage`): how large a frame is kept,
 * how large its thumbnail, which bytes are a picture we store, when a frame is black, where the
 * picture of a `<video>` sits on screen, and how much space pictures take. Pure: the content
 * script, the panel and the library draw and encode with the browser and ask here.
 */
import { lumaOf } from './slides/frame-sample';

/** A frame is kept at most this many pixels wide and high: a 4K video's frame is scaled down to fit. */
export const MAX_FRAME_SIDE = 1920;
/** A thumbnail fits in a square of this side (pixels): 240×135 for a 16:9 frame. */
export const THUMB_SIDE = 240;
/** Encoder quality (0–1) of a stored frame and of a thumbnail. */
export const FRAME_QUALITY = 0.85;
export const THUMB_QUALITY = 0.75;

/** The most bytes an encoded frame may take (a 1920×1920 JPEG of noise is about 2 MB). */
export const MAX_FRAME_BYTES = 6_000_000;

/** What pictures are stored as: WebP, or JPEG where the browser cannot encode WebP. */
export const IMAGE_TYPES = ['image/webp', 'image/jpeg'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export interface Size {
  width: number;
  height: number;
}

/**
 * `size` scaled down, keeping its shape, to fit within `side`×`side` (never scaled up), in whole
 * pixels of at least 1. Throws a RangeError on a size that is not positive and finite: a video
 * with no picture has 0×0, and must be refused before it is drawn.
 */
export function fitWithin(size: Size, side: number): Size {
  const { width, height } = size;
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`A picture needs a positive size, not ${width}×${height}.`);
  }
  const scale = Math.min(1, side / width, side / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The size a frame of a video of `intrinsic` size is stored at (MAX_FRAME_SIDE). */
export const frameSize = (intrinsic: Size): Size => fitWithin(intrinsic, MAX_FRAME_SIDE);

/** The size of a frame's thumbnail (THUMB_SIDE). */
export const thumbSize = (frame: Size): Size => fitWithin(frame, THUMB_SIDE);

/**
 * The type of an encoded picture, read from its first bytes, not from what its sender says:
 * WebP is `RIFF····WEBP` (RFC 9649 §2), JPEG starts with the SOI marker and another marker
 * (`FF D8 FF`, ITU T.81 B.1.1). Null for anything else, a PNG included.
 */
export function imageTypeOfBytes(bytes: Uint8Array): ImageType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Luma (0–255) at or below which a pixel counts as black: above a dark video's compression noise. */
const BLACK_LUMA = 24;

/**
 * Whether RGBA pixels (as `getImageData` gives them) are all near black: what a protected (EME)
 * video gives when it is drawn or captured, and what a frame of a black screen is. A transparent
 * pixel (alpha 0) counts as black: some browsers give those for protected video. Throws a
 * RangeError when the data does not hold `width × height` pixels.
 */
export function isNearlyBlack(rgba: ArrayLike<number>, width: number, height: number): boolean {
  const luma = lumaOf(rgba, width, height);
  for (let i = 0; i < luma.length; i++) {
    if ((rgba[i * 4 + 3] ?? 0) > 0 && (luma[i] ?? 0) > BLACK_LUMA) return false;
  }
  return true;
}

/** A rectangle in CSS pixels of the viewport (as `getBoundingClientRect` gives it). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a video's picture is drawn inside its element's box, by its CSS `object-fit` (CSS Images
 * 3 §5.5; `object-position` taken as its default, centred): `contain` (a `<video>`'s default) and
 * `scale-down` letterbox it, `fill` stretches it, `cover` and `none` crop it to the box. The part
 * seen is always within `box`.
 */
export function pictureRect(box: Rect, intrinsic: Size, objectFit: string): Rect {
  if (!(intrinsic.width > 0 && intrinsic.height > 0) || objectFit === 'fill' || objectFit === 'cover') return box;
  const contain = Math.min(box.width / intrinsic.width, box.height / intrinsic.height);
  const scale = objectFit === 'none' ? 1 : objectFit === 'scale-down' ? Math.min(1, contain) : contain;
  const width = Math.min(box.width, intrinsic.width * scale);
  const height = Math.min(box.height, intrinsic.height * scale);
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/**
 * The part of `rect` (CSS pixels) that is on screen, in the pixels of a capture of the visible
 * tab that is `capture` large while the viewport is `viewport` large in CSS pixels (the scale is
 * the device pixel ratio times the zoom). Whole pixels inside the capture; null when none of it
 * is on screen.
 */
export function cropInCapture(rect: Rect, viewport: Size, capture: Size): Rect | null {
  const scale = capture.width / viewport.width;
  const left = Math.max(0, Math.round(rect.x * scale));
  const top = Math.max(0, Math.round(rect.y * scale));
  const right = Math.min(capture.width, Math.round((rect.x + rect.width) * scale));
  const bottom = Math.min(capture.height, Math.round((rect.y + rect.height) * scale));
  return right > left && bottom > top ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

/** Two rectangles within half a CSS pixel of each other: the same place, as far as a capture can tell. */
export function samePlace(a: Rect, b: Rect): boolean {
  return Math.abs(a.x - b.x) <= 0.5 && Math.abs(a.y - b.y) <= 0.5 && Math.abs(a.width - b.width) <= 0.5 && Math.abs(a.height - b.height) <= 0.5;
}

const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB'];

/** A size for people, in powers of 1,000 (as browsers show storage): "950 bytes", "1.2 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

/** "3 images, 1.2 MB" (`count` images taking `bytes`). */
export function imageSpaceText(count: number, bytes: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'image' : 'images'}, ${formatBytes(bytes)}`;
}
