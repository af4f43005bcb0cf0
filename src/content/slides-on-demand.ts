/**
 * The session's slide feed (slide-feed.ts) as the pictures part (parts.ts) brings it: nothing is
 * loaded until a panel first turns the watch on. Calls made while the part loads run, in their
 * order, once it has, so a watch stopped meanwhile (a navigation, the panel gone) stays stopped.
 */
import type { ToPanel } from '../messaging/protocol';
import type { PanelPort } from './panel-link';
import { loadPart } from './parts';
import type { SlideFeed } from './slide-feed';

/** slideFeed's arguments: `reply` sends to one panel; `skip` says when a frame is not the recording's (an ad plays). */
export function slideFeedOnDemand(firstVideo: HTMLVideoElement, reply: (panel: PanelPort, message: ToPanel) => void, skip: () => boolean): SlideFeed {
  let video = firstVideo;
  // The feed once loaded; until then, the load under way (it settles with the feed, or null if it failed).
  let feed: SlideFeed | null = null;
  let loading: Promise<SlideFeed | null> | null = null;
  const then = (call: (loaded: SlideFeed) => void) => {
    if (feed) call(feed);
    else void loading?.then((loaded) => loaded && call(loaded));
  };

  return {
    set(panel, on, known) {
      if (on && !feed && !loading) {
        loading = loadPart('pictures').then(
          (part) => (feed = part.slideFeed(video, reply, skip)),
          (error: unknown) => {
            console.warn('Webinar Notes could not load its slide watch', error);
            reply(panel, { type: 'slide-watch-unavailable', reason: 'not-loaded' });
            loading = null;
            return null;
          },
        );
      }
      then((loaded) => loaded.set(panel, on, known));
    },
    follow(next) {
      video = next;
      then((loaded) => loaded.follow(next));
    },
    forget: (panel) => then((loaded) => loaded.forget(panel)),
    stop: () => then((loaded) => loaded.stop()),
  };
}
