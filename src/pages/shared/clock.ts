/** What a throttle or a debounce needs of the clock: the browser's own by default, fake ones in tests. */
export interface Clock {
  /** Milliseconds, as `Date.now()`. */
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};
