import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../src/pages/shared/throttle';

const INTERVAL = 200;

/** A throttle whose writes are recorded as the fake clock's time at each write. */
function recorded() {
  const writes: number[] = [];
  return { writes, throttled: throttle(() => writes.push(Date.now()), INTERVAL) };
}

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 10_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first change at once', () => {
    const { writes, throttled } = recorded();
    throttled.request();
    expect(writes).toEqual([10_000]);
  });

  it('keeps writing every interval while changes come faster than the interval (a debounce would not)', () => {
    const { writes, throttled } = recorded();
    // One key every 100 ms for 2.5 s: the typist never pauses.
    for (let key = 0; key < 25; key++) {
      throttled.request();
      vi.advanceTimersByTime(100);
    }
    expect(writes.length).toBeGreaterThanOrEqual(12);
    const gaps = writes.slice(1).map((at, i) => at - writes[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(INTERVAL);
  });

  it('writes every change within the interval, the last one included, at any typing rate', () => {
    for (const gap of [1, 30, 99, 150, 199, 200, 260, 1000]) {
      const { writes, throttled } = recorded();
      const changes: number[] = [];
      for (let key = 0; key < 20; key++) {
        changes.push(Date.now());
        throttled.request();
        vi.advanceTimersByTime(gap);
      }
      vi.advanceTimersByTime(INTERVAL);
      // Each change is followed by a write no more than INTERVAL later.
      for (const at of changes) expect(writes.find((w) => w >= at)! - at, `gap ${gap}`).toBeLessThanOrEqual(INTERVAL);
      // And never two writes closer than INTERVAL.
      writes.slice(1).forEach((w, i) => expect(w - writes[i]!, `gap ${gap}`).toBeGreaterThanOrEqual(INTERVAL));
    }
  });

  it('writes nothing more once changes stop and the trailing write is done', () => {
    const { writes, throttled } = recorded();
    throttled.request();
    throttled.request();
    vi.advanceTimersByTime(INTERVAL);
    expect(writes).toEqual([10_000, 10_000 + INTERVAL]);
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(writes).toHaveLength(2);
  });

  it('flush writes a pending change at once, and only one', () => {
    const { writes, throttled } = recorded();
    throttled.request();
    vi.advanceTimersByTime(50);
    throttled.request();
    throttled.flush();
    expect(writes).toEqual([10_000, 10_050]);
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(writes).toHaveLength(2);
  });

  it('flush with nothing pending writes nothing', () => {
    const { writes, throttled } = recorded();
    throttled.flush();
    throttled.request();
    throttled.flush();
    expect(writes).toEqual([10_000]);
  });

  it('cancel drops the pending write', () => {
    const { writes, throttled } = recorded();
    throttled.request();
    throttled.request();
    throttled.cancel();
    vi.advanceTimersByTime(10 * INTERVAL);
    throttled.flush();
    expect(writes).toEqual([10_000]);
  });
});
