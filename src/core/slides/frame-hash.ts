/**
 * A perceptual hash of a frame: the difference hash ("dHash", N. Krawetz, "Kind of Like That",
 * hackerfactor.com, 2013). The frame is averaged down to 9×8 cells and each bit says whether a
 * cell is darker than its right neighbour: 64 bits that stay nearly the same when a slide is shown
 * again at another size, compression or brightness, and change when its content does. Computed
 * here from the luma grid already drawn for change detection (frame-sample.ts), so it costs no
 * second drawing; 20 lines do not justify a dependency (the npm ports are single releases that
 * decode image files we never have).
 */
import type { FrameSample } from './frame-sample';

const HASH_COLUMNS = 9;
const HASH_ROWS = 8;

/** The cell averages of `sample` over a `columns × rows` grid (each cell the mean of the luma it covers). */
function averaged(sample: Pick<FrameSample, 'luma' | 'width' | 'height'>, columns: number, rows: number): Float64Array {
  const sums = new Float64Array(columns * rows);
  const counts = new Uint32Array(columns * rows);
  for (let y = 0; y < sample.height; y++) {
    const row = Math.min(rows - 1, Math.floor((y * rows) / sample.height));
    for (let x = 0; x < sample.width; x++) {
      const cell = row * columns + Math.min(columns - 1, Math.floor((x * columns) / sample.width));
      sums[cell]! += sample.luma[y * sample.width + x] ?? 0;
      counts[cell]! += 1;
    }
  }
  return sums.map((sum, i) => sum / Math.max(1, counts[i] ?? 1));
}

/** The 64-bit difference hash of a sample, as 16 lower-case hex digits. */
export function differenceHash(sample: Pick<FrameSample, 'luma' | 'width' | 'height'>): string {
  const cells = averaged(sample, HASH_COLUMNS, HASH_ROWS);
  let hex = '';
  for (let row = 0; row < HASH_ROWS; row++) {
    let byte = 0;
    for (let column = 0; column < HASH_COLUMNS - 1; column++) {
      const left = cells[row * HASH_COLUMNS + column] ?? 0;
      const right = cells[row * HASH_COLUMNS + column + 1] ?? 0;
      // A margin of 4 (of 255): a flat area (a slide's background) gives the same 0 bits every time, not compression noise.
      byte = (byte << 1) | (right - left > 4 ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** How many of the 64 bits two hashes differ in. Throws a RangeError on a string that is not a hash. */
export function hashDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/.test(a) || !/^[0-9a-f]{16}$/.test(b)) throw new RangeError('A frame hash is 16 lower-case hex digits.');
  let distance = 0;
  for (let i = 0; i < 16; i += 2) {
    let bits = Number.parseInt(a.slice(i, i + 2), 16) ^ Number.parseInt(b.slice(i, i + 2), 16);
    for (; bits; bits &= bits - 1) distance++;
  }
  return distance;
}
