import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../src/pages/shared/debounce';

const WAIT = 250;

/** A debounce whose runs are recorded as the fake clock's time at each run. */
function recorded() {
  const runs: number[] = [];
  return { runs, debounced: debounce(() => runs.push(Date.now()), WAIT) };
}

describe('debounce', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 10_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once, a wait after the last of a burst of changes', () => {
    const { runs, debounced } = recorded();
    for (let key = 0; key < 10; key++) {
      debounced.request();
      vi.advanceTimersByTime(100); // one key every 100 ms: no pause long enough
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(WAIT - 100);
    expect(runs).toEqual([10_000 + 9 * 100 + WAIT]);
    vi.advanceTimersByTime(10 * WAIT);
    expect(runs).toHaveLength(1);
  });

  it('runs a pending change at once on flush, and not again at the end of the wait', () => {
    const { runs, debounced } = recorded();
    debounced.request();
    debounced.flush();
    expect(runs).toEqual([10_000]);
    vi.advanceTimersByTime(WAIT);
    expect(runs).toEqual([10_000]);
    debounced.flush();
    expect(runs).toEqual([10_000]);
  });

  it('drops a pending change on cancel', () => {
    const { runs, debounced } = recorded();
    debounced.request();
    debounced.cancel();
    vi.advanceTimersByTime(WAIT);
    expect(runs).toEqual([]);
  });
});
