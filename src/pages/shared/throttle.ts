import { realClock, type Clock } from './clock';

export interface Throttle {
  /** Something changed: `write` runs now if it has not run in the last interval, else at its end. */
  request(): void;
  /** Runs a requested `write` now (the page is going away); does nothing when none is pending. */
  flush(): void;
  /** Drops a requested `write` (what it would save is gone, e.g. the text was cleared). */
  cancel(): void;
}

/**
 * Runs `write` at most once every `intervalMs` while changes keep coming, and always once more
 * after the last change (a throttle with a trailing call, not a debounce: a debounce waits for a
 * pause, which a steady typist never makes). So a change is written at most `intervalMs` after it
 * happens, whatever the rate of changes.
 */
export function throttle(write: () => void, intervalMs: number, clock: Clock = realClock): Throttle {
  let lastWrite = -Infinity;
  let timer: unknown;
  let pending = false;

  const run = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pending = false;
    lastWrite = clock.now();
    write();
  };

  return {
    request() {
      pending = true;
      if (timer !== undefined) return;
      const wait = lastWrite + intervalMs - clock.now();
      if (wait <= 0) run();
      else timer = clock.setTimeout(run, wait);
    },
    flush() {
      if (pending) run();
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
  };
}
