import { describe, expect, it } from 'vitest';
import {
  cropInCapture,
  formatBytes,
  frameSize,
  imageSpaceText,
  imageTypeOfBytes,
  isNearlyBlack,
  MAX_FRAME_SIDE,
  pictureRect,
  samePlace,
  thumbSize,
} from '../../src/core/images';
import { frameFailureText, imageNotStoredText, isQuotaError, FRAME_FAILURES } from '../../src/core/frame-failure';

/** `count` RGBA pixels of one colour. */
const pixels = (count: number, [r, g, b, a]: [number, number, number, number]) => Uint8ClampedArray.from({ length: count * 4 }, (_, i) => [r, g, b, a][i % 4]!);

describe('the size a frame is kept at', () => {
  it('keeps a frame up to 1920 px a side as it is', () => {
    expect(frameSize({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 720 });
    expect(frameSize({ width: 1920, height: 1080 })).toEqual({ width: 1920, height: 1080 });
  });

  it('scales a 4K frame down to 1920 wide, keeping its shape', () => {
    expect(frameSize({ width: 3840, height: 2160 })).toEqual({ width: 1920, height: 1080 });
    expect(frameSize({ width: 4096, height: 2160 })).toEqual({ width: 1920, height: 1013 });
  });

  it('caps a portrait video by its height', () => {
    expect(frameSize({ width: 2160, height: 3840 })).toEqual({ width: 1080, height: 1920 });
  });

  it('never scales up, and keeps a sliver at least 1 px', () => {
    expect(frameSize({ width: 320, height: 180 })).toEqual({ width: 320, height: 180 });
    expect(frameSize({ width: 10_000, height: 2 })).toEqual({ width: MAX_FRAME_SIDE, height: 1 });
  });

  it('refuses a video with no picture (0×0 before its metadata) rather than draw nothing', () => {
    expect(() => frameSize({ width: 0, height: 0 })).toThrow(RangeError);
    expect(() => frameSize({ width: 640, height: Number.NaN })).toThrow(RangeError);
  });

  it('makes thumbnails of about 240 px', () => {
    expect(thumbSize({ width: 1920, height: 1080 })).toEqual({ width: 240, height: 135 });
    expect(thumbSize({ width: 1080, height: 1920 })).toEqual({ width: 135, height: 240 });
    expect(thumbSize({ width: 200, height: 100 })).toEqual({ width: 200, height: 100 });
  });
});

describe('the black-frame check', () => {
  it('calls a black or nearly black frame black', () => {
    expect(isNearlyBlack(pixels(16, [0, 0, 0, 255]), 4, 4)).toBe(true);
    expect(isNearlyBlack(pixels(16, [18, 20, 16, 255]), 4, 4)).toBe(true);
  });

  it('counts transparent pixels (what some browsers give for protected video) as black', () => {
    expect(isNearlyBlack(pixels(16, [0, 0, 0, 0]), 4, 4)).toBe(true);
    expect(isNearlyBlack(pixels(16, [255, 255, 255, 0]), 4, 4)).toBe(true);
  });

  it('does not call a dark frame with one lit pixel black', () => {
    const data = pixels(16, [0, 0, 0, 255]);
    data.set([200, 200, 200, 255], 9 * 4);
    expect(isNearlyBlack(data, 4, 4)).toBe(false);
    expect(isNearlyBlack(pixels(16, [40, 40, 40, 255]), 4, 4)).toBe(false);
  });

  it('refuses data of the wrong size', () => {
    expect(() => isNearlyBlack(pixels(15, [0, 0, 0, 255]), 4, 4)).toThrow(RangeError);
  });
});

describe('what is a stored picture', () => {
  it('reads WebP and JPEG from their bytes, and nothing else', () => {
    expect(imageTypeOfBytes(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0x56]))).toBe('image/webp');
    expect(imageTypeOfBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(imageTypeOfBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull(); // PNG
    expect(imageTypeOfBytes(new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45]))).toBeNull(); // RIFF WAVE
    expect(imageTypeOfBytes(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
    expect(imageTypeOfBytes(new Uint8Array([]))).toBeNull();
  });
});

describe('where the video’s picture is on screen', () => {
  const box = { x: 10, y: 20, width: 640, height: 480 };

  it('letterboxes a 16:9 picture in a 4:3 box (contain, a video’s default)', () => {
    expect(pictureRect(box, { width: 1920, height: 1080 }, 'contain')).toEqual({ x: 10, y: 20 + 60, width: 640, height: 360 });
  });

  it('pillarboxes a portrait picture', () => {
    expect(pictureRect({ x: 0, y: 0, width: 640, height: 360 }, { width: 1080, height: 1920 }, 'contain')).toEqual({ x: 218.75, y: 0, width: 202.5, height: 360 });
  });

  it('is the whole box for fill and cover, and a centred natural size for none', () => {
    expect(pictureRect(box, { width: 1920, height: 1080 }, 'fill')).toEqual(box);
    expect(pictureRect(box, { width: 1920, height: 1080 }, 'cover')).toEqual(box);
    expect(pictureRect(box, { width: 320, height: 240 }, 'none')).toEqual({ x: 170, y: 140, width: 320, height: 240 });
    expect(pictureRect(box, { width: 320, height: 240 }, 'scale-down')).toEqual({ x: 170, y: 140, width: 320, height: 240 });
  });

  it('is the box while the picture’s size is unknown', () => {
    expect(pictureRect(box, { width: 0, height: 0 }, 'contain')).toEqual(box);
  });
});

describe('cutting a tab capture to the video', () => {
  it('scales by the capture’s pixels per CSS pixel (device pixel ratio and zoom)', () => {
    expect(cropInCapture({ x: 24, y: 70, width: 640, height: 360 }, { width: 1280, height: 800 }, { width: 2560, height: 1600 })).toEqual({ x: 48, y: 140, width: 1280, height: 720 });
  });

  it('keeps only the part on screen', () => {
    expect(cropInCapture({ x: -100, y: 700, width: 640, height: 360 }, { width: 1280, height: 800 }, { width: 1280, height: 800 })).toEqual({ x: 0, y: 700, width: 540, height: 100 });
  });

  it('is null for a video scrolled out of view', () => {
    expect(cropInCapture({ x: 0, y: 900, width: 640, height: 360 }, { width: 1280, height: 800 }, { width: 1280, height: 800 })).toBeNull();
  });

  it('tells a video that moved from one that did not', () => {
    expect(samePlace({ x: 1, y: 2, width: 3, height: 4 }, { x: 1.2, y: 2, width: 3, height: 4.4 })).toBe(true);
    expect(samePlace({ x: 1, y: 2, width: 640, height: 360 }, { x: 1, y: 2, width: 1280, height: 720 })).toBe(false);
  });
});

describe('the words', () => {
  it('says sizes as browsers do', () => {
    expect(formatBytes(950)).toBe('950 bytes');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(imageSpaceText(1, 45_300)).toBe('1 image, 45.3 kB');
    expect(imageSpaceText(3, 2_000_000)).toBe('3 images, 2.0 MB');
  });

  it('has a sentence for every reason a frame was not attached', () => {
    for (const reason of FRAME_FAILURES) expect(frameFailureText({ reason })).toMatch(/^[A-Z].+\.$/);
    expect(frameFailureText({ reason: 'failed', detail: 'boom' })).toBe('The frame could not be taken: boom.');
  });

  it('says a full storage clearly, and that the note is kept', () => {
    const quota = new DOMException('', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    // Dexie wraps the browser's error.
    expect(isQuotaError(Object.assign(new Error('QuotaExceededError'), { name: 'AbortError', inner: quota }))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(imageNotStoredText(quota)).toMatch(/no room left.*Your note is kept/);
    expect(imageNotStoredText(new Error('disk on fire'))).toBe('The frame was not stored: disk on fire. Your note is kept.');
  });
});
