/** One figure of the benchmark as printed, and how a series of timings becomes one. */

export interface Figure {
  /** The number the budget is checked against: for a series of timings, its p95. */
  value: number;
  unit: 'ms' | 'bytes' | 'ratio';
  p50?: number;
  p95?: number;
  budget: number | null;
  met: boolean | null;
  runs: number;
  how: string;
  /** Anything else worth reading beside the value (the parts of a ratio, a baseline…). */
  [detail: string]: unknown;
}

/** Nearest-rank percentile, `p` in 0..1: always a value that was really measured. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);

/** Milliseconds to a tenth: finer than that is timer noise. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;

function checked(value: number, budget: number | null): { budget: number | null; met: boolean | null } {
  return { budget, met: budget === null ? null : value <= budget };
}

/** A series of timings in ms; the budget (if any) applies to the p95. */
export function timings(samples: readonly number[], budget: number | null, how: string, details: Record<string, unknown> = {}): Figure {
  const p50 = roundMs(percentile(samples, 0.5));
  const p95 = roundMs(percentile(samples, 0.95));
  return { value: p95, unit: 'ms', p50, p95, ...checked(p95, budget), runs: samples.length, how, ...details };
}

/** A figure measured once, or already reduced to one number. */
export function single(
  value: number,
  unit: Figure['unit'],
  budget: number | null,
  runs: number,
  how: string,
  details: Record<string, unknown> = {},
): Figure {
  return { value, unit, ...checked(value, budget), runs, how, ...details };
}
