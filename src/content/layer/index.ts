import { formatTime } from '../../core/time';
import { createLayerRoot } from './host';
import { LAYER_CSS } from './layer.css';

export const PANEL_WIDTH = 360;
const PANEL_MIN_HEIGHT = 420;
const STRIP_HEIGHT = 12;
const GAP = 8;

export interface LayerEvents {
  onSeek(t: number): void;
  onLauncher(): void;
}

export interface Layer {
  follow(video: HTMLVideoElement): void;
  /** Note times; markers are drawn when the video's duration is known. */
  setMarkers(times: readonly number[]): void;
  setPanelVisible(visible: boolean): void;
  readonly panelVisible: boolean;
  focusPanel(): void;
  destroy(): void;
}

/**
 * Mounts the in-page layer by `video`: a marker strip under it, a launcher at its top right and
 * the notes panel frame beside it. The frame is created once and never moved in the DOM (moving
 * an iframe reloads it); only its fixed position follows the video.
 */
export function mountLayer(initialVideo: HTMLVideoElement, panelUrl: string, events: LayerEvents): Layer {
  let video = initialVideo;
  let times: readonly number[] = [];
  const { host, root } = createLayerRoot(LAYER_CSS);

  const strip = document.createElement('div');
  strip.className = 'strip';
  strip.setAttribute('role', 'group');
  strip.setAttribute('aria-label', 'Webinar Notes markers');

  const launcher = document.createElement('button');
  launcher.className = 'launcher';
  launcher.type = 'button';
  launcher.textContent = 'Notes';
  launcher.addEventListener('click', () => events.onLauncher());

  const frame = document.createElement('iframe');
  frame.className = 'panel';
  frame.title = 'Webinar Notes';
  frame.src = panelUrl;
  frame.hidden = true;
  frame.setAttribute('allow', 'clipboard-write');

  root.append(strip, launcher, frame);

  strip.addEventListener('click', (event) => {
    const marker = (event.target as Element).closest('.marker');
    const t = Number(marker?.getAttribute('data-t'));
    if (marker && Number.isFinite(t)) events.onSeek(t);
  });

  const drawMarkers = () => {
    const duration = video.duration;
    strip.replaceChildren();
    if (!Number.isFinite(duration) || duration <= 0) return;
    for (const t of times) {
      const marker = document.createElement('button');
      marker.className = 'marker';
      marker.type = 'button';
      marker.setAttribute('data-t', String(t));
      marker.setAttribute('aria-label', `Seek to note at ${formatTime(t)}`);
      marker.style.left = `${Math.min(100, (t / duration) * 100)}%`;
      strip.append(marker);
    }
  };

  const place = () => {
    const r = video.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const onScreen = r.width > 0 && r.bottom > 0 && r.top < vh;
    strip.hidden = !onScreen;
    launcher.hidden = !onScreen;
    if (onScreen) {
      const stripTop = r.bottom + STRIP_HEIGHT <= vh ? r.bottom : r.bottom - STRIP_HEIGHT;
      Object.assign(strip.style, { left: `${r.left}px`, top: `${stripTop}px`, width: `${r.width}px` });
      Object.assign(launcher.style, { left: `${r.right - 72}px`, top: `${Math.max(r.top, 0) + GAP}px` });
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
      place();
    });
  };
  const controller = new AbortController();
  const { signal } = controller;
  window.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  window.addEventListener('resize', schedule, { passive: true, signal });
  document.addEventListener('fullscreenchange', schedule, { signal });
  const resized = new ResizeObserver(schedule);
  // Layout can move the video without resizing it or scrolling (content loading above it).
  const poll = setInterval(schedule, 500);

  const follow = (next: HTMLVideoElement) => {
    resized.disconnect();
    video.removeEventListener('durationchange', drawMarkers);
    video = next;
    resized.observe(video);
    video.addEventListener('durationchange', drawMarkers, { signal });
    drawMarkers();
    place();
  };
  follow(initialVideo);

  return {
    follow,
    setMarkers(next) {
      times = next;
      drawMarkers();
    },
    setPanelVisible(visible) {
      frame.hidden = !visible;
      launcher.setAttribute('aria-pressed', String(visible));
      launcher.setAttribute('aria-label', visible ? 'Hide Webinar Notes' : 'Show Webinar Notes');
      if (visible) place();
    },
    get panelVisible() {
      return !frame.hidden;
    },
    focusPanel() {
      frame.focus();
    },
    destroy() {
      controller.abort();
      resized.disconnect();
      clearInterval(poll);
      cancelAnimationFrame(queued);
      host.remove();
    },
  };
}
