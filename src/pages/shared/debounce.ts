import { realClock, type Clock } from './clock';

export interface Debounce {
  /** Something changed: `run` runs `waitMs` after the last of the requests that keep coming. */
  request(): void;
  /** Runs a requested `run` now; does nothing when none is pending. */
  flush(): void;
  /** Drops a requested `run`. */
  cancel(): void;
}

/**
 * Runs `run` once changes have stopped for `waitMs`: for work that only the latest change needs
 * and that is too slow to do at every key (re-splitting a pasted Q&A list). What must never lag
 * behind, like a draft being saved, wants the throttle (throttle.ts) instead: a steady typist
 * never pauses.
 */
export function debounce(run: () => void, waitMs: number, clock: Clock = realClock): Debounce {
  let timer: unknown;

  const fire = () => {
    timer = undefined;
    run();
  };
  const cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };

  return {
    request() {
      cancel();
      timer = clock.setTimeout(fire, waitMs);
    },
    flush() {
      if (timer === undefined) return;
      cancel();
      run();
    },
    cancel,
  };
}
