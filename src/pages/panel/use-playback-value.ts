import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { PlaybackStore } from './playback-store';

/**
 * `derive(time now)` (seconds, or null), re-rendering the calling component only when its result
 * changes (compared with Object.is), however often the video's time moves.
 */
export function usePlaybackValue<T>(store: PlaybackStore, derive: (time: number | null) => T): T {
  const value = derive(store.timeNow());
  // The latest render's function and result: `derive` may close over data that changed since.
  const latest = useRef({ derive, value });
  latest.current = { derive, value };
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(
    () =>
      store.subscribe(() => {
        if (!Object.is(latest.current.derive(store.timeNow()), latest.current.value)) rerender(0);
      }),
    [store],
  );
  return value;
}
