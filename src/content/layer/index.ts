import { message } from '../messages';
import { createLayerRoot, followFullscreen } from './host';
import { LAYER_CSS } from './layer.css';
import { drawMarkers, mountOnProgressBar, onMarkerClick, placeMarker, removeMarker } from './markers';

export const PANEL_WIDTH = 360;
// Tall enough for the Q&A and Summary tabs next to a small video.
const PANEL_MIN_HEIGHT = 560;
const STRIP_HEIGHT = 12;
const GAP = 8;

export interface LayerEvents {
  onSeek(t: number): void;
  onLauncher(): void;
}

export interface Layer {
  /** Follows another video element (a replaced one), and the site's progress bar if it has one. */
  follow(video: HTMLVideoElement, progressBar: HTMLElement | null): void;
  /** Every marker (number → note time in seconds); markers are drawn when the video's duration is known. */
  setMarkers(markers: ReadonlyMap<number, number>): void;
  /** Adds or moves the markers in `set` ([number, seconds]) and takes those in `remove` away, leaving the rest as drawn. */
  changeMarkers(set: readonly (readonly [number, number])[], remove: readonly number[]): void;
  /** Hides the markers while an ad plays: its timeline is not the recording's. */
  setAd(ad: boolean): void;
  setPanelVisible(visible: boolean): void;
  readonly panelVisible: boolean;
  /**
   * Makes the whole layer (panel frame, launcher, markers) invisible, keeping its place and the
   * frame loaded, for a capture of the tab; `false` shows it again. Resolves once a frame has been
   * drawn so.
   */
  setCaptureHidden(hidden: boolean): Promise<void>;
  focusPanel(): void;
  destroy(): void;
}

/**
 * Mounts the in-page layer by `video`, inside `parent` (the element that goes fullscreen): markers
 * on the site's progress bar or on a strip of our own under the video, a launcher at the video's
 * top right and the notes panel frame beside it. The frame is created once; only its fixed position
 * follows the video. The layer moves in the DOM only into a page's fullscreen player and back
 * (see followFullscreen), since moving an iframe reloads it where `moveBefore` is missing.
 */
export function mountLayer(
  place: { video: HTMLVideoElement; progressBar: HTMLElement | null; parent: Element; panelUrl: string },
  events: LayerEvents,
): Layer {
  let video = place.video;
  let markers = new Map<number, number>();
  // The buttons drawn, by marker number; empty while the duration is unknown.
  let drawn = new Map<number, HTMLElement>();
  let ad = false;
  let onBar: ReturnType<typeof mountOnProgressBar> | null = null;
  const controller = new AbortController();
  const { signal } = controller;
  const { host, root } = createLayerRoot(LAYER_CSS, place.parent, undefined, signal);

  const strip = document.createElement('div');
  strip.className = 'strip';
  const stripMarkers = document.createElement('div');
  stripMarkers.className = 'markers';
  stripMarkers.setAttribute('role', 'group');
  stripMarkers.setAttribute('aria-label', message('content_markers'));
  strip.append(stripMarkers);
  onMarkerClick(stripMarkers, events.onSeek);

  const launcher = document.createElement('button');
  launcher.className = 'launcher';
  launcher.type = 'button';
  launcher.textContent = message('content_launcher');
  launcher.addEventListener('click', () => events.onLauncher());

  const frame = document.createElement('iframe');
  frame.className = 'panel';
  frame.title = message('content_panelFrame');
  frame.src = place.panelUrl;
  frame.hidden = true;
  frame.setAttribute('allow', 'clipboard-write');

  root.append(strip, launcher, frame);
  // Present only while the tab is captured: inside the closed root, which the page cannot restyle.
  const captureStyle = document.createElement('style');
  captureStyle.textContent = '.strip, .launcher, .panel { visibility: hidden !important; }';

  const box = () => onBar?.box ?? stripMarkers;
  const redraw = () => {
    box().hidden = ad;
    drawn = drawMarkers(box(), markers, video.duration);
  };

  const position = () => {
    const r = video.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const onScreen = r.width > 0 && r.bottom > 0 && r.top < vh;
    strip.hidden = !onScreen || onBar !== null;
    launcher.hidden = !onScreen;
    if (onScreen) {
      const stripTop = r.bottom + STRIP_HEIGHT <= vh ? r.bottom : r.bottom - STRIP_HEIGHT;
      Object.assign(strip.style, { left: `${r.left}px`, top: `${stripTop}px`, width: `${r.width}px` });
      // From the video's right edge, so a longer word in another language grows to the left, over the video.
      Object.assign(launcher.style, { right: `${vw - r.right + 6}px`, top: `${Math.max(r.top, 0) + GAP}px` });
    }
    const height = Math.min(Math.max(r.height + STRIP_HEIGHT, PANEL_MIN_HEIGHT), vh - 2 * GAP);
    const left =
      vw - r.right >= PANEL_WIDTH + 2 * GAP
        ? r.right + GAP
        : r.left >= PANEL_WIDTH + 2 * GAP
          ? r.left - PANEL_WIDTH - GAP
          : Math.max(GAP, vw - PANEL_WIDTH - GAP);
    const top = Math.min(Math.max(r.top, GAP), Math.max(GAP, vh - height - GAP));
    Object.assign(frame.style, {
      left: `${left}px`,
      top: `${top}px`,
      width: `${PANEL_WIDTH}px`,
      height: `${height}px`,
    });
  };

  let queued = 0;
  const schedule = () => {
    queued ||= requestAnimationFrame(() => {
      queued = 0;
      position();
    });
  };
  window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  window.addEventListener('resize', schedule, { passive: true, signal });
  const onFullscreen = () => {
    followFullscreen(host, place.parent, video);
    schedule();
  };
  document.addEventListener('fullscreenchange', onFullscreen, { signal });
  const resized = new ResizeObserver(schedule);
  // Layout can move the video without resizing it or scrolling (content loading above it), and a
  // page can move our host elsewhere (into an element it hides): the poll puts both right.
  const poll = setInterval(() => {
    followFullscreen(host, place.parent, video);
    schedule();
  }, 500);
  let videoEvents = new AbortController();

  const follow = (next: HTMLVideoElement, progressBar: HTMLElement | null) => {
    resized.disconnect();
    videoEvents.abort();
    videoEvents = new AbortController();
    video = next;
    resized.observe(video);
    video.addEventListener('durationchange', redraw, { signal: videoEvents.signal });
    if (onBar?.bar !== progressBar) {
      onBar?.remove();
      onBar = progressBar ? mountOnProgressBar(progressBar, events.onSeek) : null;
    }
    redraw();
    position();
  };
  follow(place.video, place.progressBar);
  // Mounted while the page is already fullscreen.
  if (document.fullscreenElement) onFullscreen();

  return {
    follow,
    setMarkers(next) {
      markers = new Map(next);
      redraw();
    },
    changeMarkers(set, remove) {
      for (const marker of remove) {
        markers.delete(marker);
        removeMarker(drawn, marker);
      }
      const duration = video.duration;
      const drawable = Number.isFinite(duration) && duration > 0;
      for (const [marker, t] of set) {
        markers.set(marker, t);
        if (drawable) placeMarker(box(), drawn, marker, t, duration);
      }
    },
    setAd(next) {
      ad = next;
      redraw();
    },
    setPanelVisible(visible) {
      frame.hidden = !visible;
      launcher.setAttribute('aria-pressed', String(visible));
      launcher.setAttribute('aria-label', message(visible ? 'content_hidePanel' : 'content_showPanel'));
      if (visible) position();
    },
    get panelVisible() {
      return !frame.hidden;
    },
    setCaptureHidden(hidden) {
      if (hidden) root.append(captureStyle);
      else captureStyle.remove();
      // The markers on a site's progress bar live in a root of their own.
      if (onBar) onBar.box.style.visibility = hidden ? 'hidden' : '';
      return nextPaint();
    },
    focusPanel() {
      frame.focus();
    },
    destroy() {
      controller.abort();
      videoEvents.abort();
      resized.disconnect();
      clearInterval(poll);
      cancelAnimationFrame(queued);
      onBar?.remove();
      host.remove();
    },
  };
}

/** How long to wait at most for a frame to be drawn (a tab in the background draws none). */
const PAINT_WAIT_MS = 200;

/** Resolves after the next frame has been drawn (two animation frames), or after PAINT_WAIT_MS. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
