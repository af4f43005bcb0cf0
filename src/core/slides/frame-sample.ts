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

function sameSize(a: Pick<FrameSample, 'luma'>, b: Pick<FrameSample, 'luma'>): void {
  if (a.luma.length !== b.luma.length) throw new RangeError(`Samples differ in size: ${a.luma.length} and ${b.luma.length} cells.`);
}

/**
 * The share (0–1) of cells that changed between two samples of the same size, counting only the
 * cells `ignored` does not mark (motion, for slide detection). Throws a RangeError on samples of
 * different sizes.
 */
export function changedShare(a: Pick<FrameSample, 'luma'>, b: Pick<FrameSample, 'luma'>, ignored?: Uint8Array): number {
  sameSize(a, b);
  let counted = 0;
  let changed = 0;
  for (let i = 0; i < a.luma.length; i++) {
    if (ignored?.[i]) continue;
    counted++;
    if (cellChanged(a.luma[i] ?? 0, b.luma[i] ?? 0)) changed++;
  }
  return counted === 0 ? 0 : changed / counted;
}

/** Exposure changes within this factor are matched before two pictures are compared; beyond it, the picture changed. */
const MAX_GAIN = 1.45;

/**
 * How much brighter `b` is than `a`, as one factor (the median ratio of the cells not `ignored`
 * that are not near black): a camera's exposure or a room's light scales every cell alike. 1 when
 * the factor is beyond MAX_GAIN either way, since no exposure change goes that far (a dark slide
 * after a light one is another picture, not a dimmer one).
 */
function gainBetween(a: Uint8Array, b: Uint8Array, ignored?: Uint8Array): number {
  const ratios: number[] = [];
  for (let i = 0; i < a.length; i++) if (!ignored?.[i] && (a[i] ?? 0) >= 32) ratios.push((b[i] ?? 0) / (a[i] ?? 1));
  if (ratios.length === 0) return 1;
  ratios.sort((x, y) => x - y);
  const gain = ratios[ratios.length >> 1] ?? 1;
  return gain >= 1 / MAX_GAIN && gain <= MAX_GAIN ? gain : 1;
}

/** Whether cell (x, y) of `b` lies outside every value of `a` around it (3×3 cells) by more than a change. */
function outsideAround(a: ArrayLike<number>, b: ArrayLike<number>, x: number, y: number, width: number, height: number): boolean {
  let low = Infinity;
  let high = -Infinity;
  for (let row = Math.max(0, y - 1); row <= Math.min(height - 1, y + 1); row++) {
    for (let column = Math.max(0, x - 1); column <= Math.min(width - 1, x + 1); column++) {
      const value = a[row * width + column] ?? 0;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  const value = b[y * width + x] ?? 0;
  return cellChanged(value, Math.min(high, Math.max(low, value)));
}

/**
 * The share (0–1) of cells in which two settled pictures differ, for telling whether they show
 * the same slide: after matching their exposure (a light turned on, a camera adjusting), and
 * counting a cell only where neither picture has a value like it within one cell around it. So
 * the same slide in another rendition (a player switching quality shifts and blurs edges by a
 * fraction of a cell) differs in almost no cell, while a line of text added to a blank area
 * differs in every cell it covers. Counts the cells `ignored` does not mark; throws a RangeError
 * on samples of different sizes.
 */
export function pictureChange(a: Pick<FrameSample, 'luma' | 'width' | 'height'>, b: Pick<FrameSample, 'luma'>, ignored?: Uint8Array): number {
  sameSize(a, b);
  const gain = gainBetween(a.luma, b.luma, ignored);
  const before = gain === 1 ? a.luma : a.luma.map((value) => Math.min(255, Math.round(value * gain)));
  const { width, height } = a;
  let counted = 0;
  let changed = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ignored?.[y * width + x]) continue;
      counted++;
      if (outsideAround(before, b.luma, x, y, width, height) || outsideAround(b.luma, before, x, y, width, height)) changed++;
    }
  }
  return counted === 0 ? 0 : changed / counted;
}
