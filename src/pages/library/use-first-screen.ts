import { useEffect, useState } from 'preact/hooks';
import { shelfFrom, shelfView, type ShelfView } from '../../core/shelf';
import { readShelfTop } from '../../db/shelf';

/** Recordings read for the first screen: more than a tall window shows (rows are 64 px). */
const FIRST_SCREEN_ROWS = 40;

export interface FirstScreen {
  /** The recordings most recently edited, as the list shows them, and how many there are in all. */
  first: { view: ShelfView; total: number } | null;
  /** True a frame after `first` was drawn, or once reading it failed: the whole shelf may be read. */
  drawn: boolean;
}

/**
 * The library's first screen while the whole shelf is not read yet: the recordings most recently
 * edited and the count of all (db/shelf.ts `readShelfTop`), read once at mount. The page reads the
 * whole shelf (every recording and its counts, about 1 MB at 1,000 recordings) only once `drawn`,
 * so that read never stands between opening the library and its first rows.
 */
export function useFirstScreen(): FirstScreen {
  const [first, setFirst] = useState<FirstScreen['first']>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let stopped = false;
    readShelfTop(FIRST_SCREEN_ROWS).then(
      ({ recordings, stats, total }) => !stopped && setFirst({ view: shelfView(shelfFrom(recordings, stats)), total }),
      // The whole read says what is wrong, if anything still is.
      () => !stopped && setDrawn(true),
    );
    return () => {
      stopped = true;
    };
  }, []);
  useEffect(() => {
    if (!first) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setDrawn(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [first]);
  return { first, drawn };
}
