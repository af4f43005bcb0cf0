import { describe, expect, it } from 'vitest';
import { abbaOrder, alternate, percentile, ratio } from '../../../bench/figure';

describe('percentile', () => {
  it('is a value that was measured (nearest rank)', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 0.5)).toBe(5);
    expect(percentile(samples, 0.95)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('refuses an empty series', () => {
    expect(() => percentile([], 0.5)).toThrow();
  });
});

describe('ratio', () => {
  it('puts the budget on p95 ÷ baseline p95 and keeps both series in ms', () => {
    const measured = Array.from({ length: 20 }, (_, i) => 10 + i);
    const baseline = Array.from({ length: 20 }, (_, i) => 5 + i / 2);
    const figure = ratio(measured, baseline, 2, 'how');
    expect(figure).toMatchObject({
      value: 2,
      unit: 'ratio',
      budget: 2,
      met: true,
      runs: 20,
      how: 'how',
      measuredMs: { p50: 19, p95: 28 },
      baselineMs: { p50: 9.5, p95: 14 },
      p50Ratio: 2,
    });
  });

  it('is missed above the budget, unchecked without one, and keeps extra details', () => {
    expect(ratio([30], [10], 2, 'how').met).toBe(false);
    expect(ratio([30], [10], null, 'how', { rows: 3 })).toMatchObject({ value: 3, budget: null, met: null, rows: 3 });
  });

  it('counts a baseline under the timer grain as 0.1 ms', () => {
    expect(ratio([1], [0], 20, 'how').value).toBe(10);
  });
});

describe('alternation', () => {
  it('runs the two sides in ABBA order', () => {
    expect(abbaOrder(4)).toEqual(['measured', 'baseline', 'baseline', 'measured', 'measured', 'baseline', 'baseline', 'measured']);
  });

  it('runs each side once a round, telling it the round, and returns each side in its order', async () => {
    const ran: string[] = [];
    const { measured, baseline } = await alternate(
      3,
      async (round) => (ran.push(`A${round}`), round * 10),
      async (round) => (ran.push(`B${round}`), round * 100),
    );
    expect(ran).toEqual(['A0', 'B0', 'B1', 'A1', 'A2', 'B2']);
    expect(measured).toEqual([0, 10, 20]);
    expect(baseline).toEqual([0, 100, 200]);
  });
});
