/**
 * A video frame reduced to what slide detection compares: a small grid of luma (brightness) values.
 * Colour is dropped (a slide change that is only a colour change is rare, and luma alone halves the
 * work); the grid is small enough to draw and compare every second on any machine.
 */

/** The grid drawn from the video: 16:9, 2,304 cells. */
export const SAMPLE_WIDTH = 64;
export const SAMPLE_HEIGHT = 36;

export interface FrameSample {
  /** Seconds into the recording. */
  t: number;
  /** Row-major luma, 0–255, `width × height` cells. */
  luma: Uint8Array;
  width: number;
  height: number;
}

/**
 * Luma of RGBA pixels (as `CanvasRenderingContext2D.getImageData` gives them), by the ITU-R BT.601
 * weights in integers. Throws a RangeError when the data does not hold `width × height` pixels.
 */
export function lumaOf(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || rgba.length !== width * height * 4) {
    throw new RangeError(`Expected ${width}×${height} RGBA pixels (${width * height * 4} bytes), got ${rgba.length}.`);
  }
  const luma = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < luma.length; i++, p += 4) {
    luma[i] = (299 * (rgba[p] ?? 0) + 587 * (rgba[p + 1] ?? 0) + 114 * (rgba[p + 2] ?? 0) + 500) / 1000;
  }
  return luma;
}

/** How far two cells must differ (of 255) to count as changed: above a compressed video's noise. */
const CELL_DELTA = 24;

/** Whether a cell's luma changed from `a` to `b`: the one rule for what a change is. */
export const cellChanged = (a: number, b: number): boolean => Math.abs(a - b) > CELL_DELTA;

/**
 * The share (0–1) of cells that changed between two samples of the same size, counting only the
 * cells `ignored` does not mark (motion, for slide detection). Throws a RangeError on samples of
 * different sizes.
 */
export function changedShare(a: Pick<FrameSample, 'luma'>, b: Pick<FrameSample, 'luma'>, ignored?: Uint8Array): number {
  if (a.luma.length !== b.luma.length) throw new RangeError(`Samples differ in size: ${a.luma.length} and ${b.luma.length} cells.`);
  let counted = 0;
  let changed = 0;
  for (let i = 0; i < a.luma.length; i++) {
    if (ignored?.[i]) continue;
    counted++;
    if (cellChanged(a.luma[i] ?? 0, b.luma[i] ?? 0)) changed++;
  }
  return counted === 0 ? 0 : changed / counted;
}
