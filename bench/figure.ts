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

/** A ratio to a hundredth: the noise of a shared machine is larger than that. */
const roundRatio = (ratio: number): number => Math.round(ratio * 100) / 100;

/**
 * A series of timings against its baseline measured in the same run (the same work on a small
 * input, without the extension, or the browser's own floor for it): value = p95 of `measured` ÷
 * p95 of `baseline`, the budget on that ratio, which holds on any machine. Both series stay in
 * the details as absolute ms (`measuredMs`, `baselineMs`: p50 and p95) for reference, with the
 * p50 ratio, steadier than the p95 on a shared machine. A baseline p95 under 0.1 ms counts as 0.1
 * (the timer's grain).
 */
export function ratio(
  measured: readonly number[],
  baseline: readonly number[],
  budget: number | null,
  how: string,
  details: Record<string, unknown> = {},
): Figure {
  const of = (samples: readonly number[], p: number) => Math.max(percentile(samples, p), 0.1);
  const value = roundRatio(of(measured, 0.95) / of(baseline, 0.95));
  const ms = (samples: readonly number[]) => ({ p50: roundMs(percentile(samples, 0.5)), p95: roundMs(percentile(samples, 0.95)) });
  return {
    value,
    unit: 'ratio',
    ...checked(value, budget),
    runs: measured.length,
    how,
    measuredMs: ms(measured),
    baselineMs: ms(baseline),
    p50Ratio: roundRatio(of(measured, 0.5) / of(baseline, 0.5)),
    ...details,
  };
}

/** Which side runs at each step of `rounds` rounds in ABBA order: A B B A A B B A … */
export function abbaOrder(rounds: number): ('measured' | 'baseline')[] {
  return Array.from({ length: rounds }, (_, i): ('measured' | 'baseline')[] =>
    i % 2 === 0 ? ['measured', 'baseline'] : ['baseline', 'measured'],
  ).flat();
}

/**
 * Runs the measured case and its baseline `rounds` times each, in ABBA order, so a drift of the
 * machine (clocks, caches, another process's load) lands on both sides alike and neither side
 * always follows the other. Resolves to what each run returned, by side, in the order they ran.
 */
export async function alternate<T>(
  rounds: number,
  measured: (round: number) => Promise<T>,
  baseline: (round: number) => Promise<T>,
): Promise<{ measured: T[]; baseline: T[] }> {
  const result = { measured: [] as T[], baseline: [] as T[] };
  for (const [step, side] of abbaOrder(rounds).entries()) {
    const round = Math.floor(step / 2);
    result[side].push(await (side === 'measured' ? measured(round) : baseline(round)));
  }
  return result;
}
