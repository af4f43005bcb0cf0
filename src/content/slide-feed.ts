/**
 * The slide watch of a video session: started and stopped by the panel that asks (`slide-watch`),
 * it sends that panel each new slide with the whole frame (frame-encode.ts), as a frame for a note
 * travels. The page plays the video and so decides what is shown: at most MAX_SLIDES_PER_PAGE
 * slides leave one page's session, so a page that flickers pictures cannot fill the disk.
 */
import type { ToPanel } from '../messaging/protocol';
import { grabFrame } from './frame-encode';
import type { PanelPort } from './panel-link';
import { watchSlides } from './slide-watch';

/** Slides sent from one page session at most, whatever the panels ask. */
export const MAX_SLIDES_PER_PAGE = 300;

export interface SlideFeed {
  /** Starts watching `video` for `panel` (replacing any watch), knowing the hashes of slides kept before; or stops its watch. */
  set(panel: PanelPort, on: boolean, known: readonly string[]): void;
  /** The main video changed: a running watch moves to it, knowing what it has seen. */
  follow(video: HTMLVideoElement): void;
  /** Stops the watch if `panel` (gone) asked for it. */
  forget(panel: PanelPort): void;
  stop(): void;
}

/** `reply` sends to one panel; `skip` says when a frame is not the recording's (an ad plays). */
export function slideFeed(firstVideo: HTMLVideoElement, reply: (panel: PanelPort, message: ToPanel) => void, skip: () => boolean): SlideFeed {
  let video = firstVideo;
  let sent = 0;
  let running: { panel: PanelPort; controller: AbortController; known: Set<string> } | null = null;

  const start = (panel: PanelPort, known: Set<string>) => {
    const controller = new AbortController();
    running = { panel, controller, known };
    const watched = video;
    watchSlides(watched, {
      signal: controller.signal,
      known,
      onUnavailable: (reason) => reply(panel, { type: 'slide-watch-unavailable', reason }),
      onSlide: (event) => {
        if (event.kind !== 'new' || skip()) return;
        known.add(event.hash);
        if (sent >= MAX_SLIDES_PER_PAGE) return;
        sent++;
        // grabFrame draws the frame now, in this frame callback, before its first await.
        void grabFrame(watched).then((result) => {
          if (controller.signal.aborted || !result.ok) return;
          reply(panel, { type: 'slide', t: event.t, hash: event.hash, image: result.image });
        });
      },
    });
  };
  const stop = () => {
    running?.controller.abort();
    running = null;
  };

  return {
    set(panel, on, known) {
      // Another panel's "off" (a panel closing) leaves this one's watch running.
      if (!on && running?.panel !== panel) return;
      stop();
      if (on) start(panel, new Set(known));
    },
    follow(next) {
      if (next === video) return;
      video = next;
      if (!running) return;
      const { panel, known } = running;
      stop();
      start(panel, known);
    },
    forget(panel) {
      if (running?.panel === panel) stop();
    },
    stop,
  };
}
