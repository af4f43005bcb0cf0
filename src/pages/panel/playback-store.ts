import { timeAt, type PlaybackState } from '../../core/playback';

/** How often those who follow the video's time hear from the store while it plays, in ms. */
export const TICK_MS = 250;

/**
 * The last playback state the video sent, held outside the component tree: a message arrives
 * every second while the video plays, and only what depends on the time (the highlighted note,
 * the Link button) should re-render, not the whole panel.
 */
export interface PlaybackStore {
  get(): PlaybackState | null;
  set(state: PlaybackState | null): void;
  /** The video's time now in seconds, extrapolated from the last state; null when it has none. */
  timeNow(): number | null;
  /**
   * Calls `listener` at every new state and every TICK_MS while the video plays (the time moves
   * on between messages). Returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void;
}

export function playbackStore(): PlaybackStore {
  let state: PlaybackState | null = null;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const notify = () => listeners.forEach((listener) => listener());
  // One timer for every listener, running only while the video plays and someone listens.
  const schedule = () => {
    const wanted = listeners.size > 0 && state !== null && !state.paused;
    if (wanted && timer === undefined) timer = setInterval(notify, TICK_MS);
    if (!wanted && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  return {
    get: () => state,
    set(next) {
      state = next;
      schedule();
      notify();
    },
    timeNow: () => (state ? timeAt(state, Date.now()) : null),
    subscribe(listener) {
      listeners.add(listener);
      schedule();
      return () => {
        listeners.delete(listener);
        schedule();
      };
    },
  };
}
