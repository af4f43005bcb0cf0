import { formatTime } from '../../core/time';
import { message } from '../messages';
import { createLayerRoot } from './host';

export const MARKER_CSS = `
.markers { position: absolute; inset: 0; pointer-events: none; }
.marker {
  all: unset; position: absolute; top: 0; bottom: 0; width: 12px; margin-left: -6px;
  cursor: pointer; display: flex; justify-content: center; pointer-events: auto;
}
.marker::after {
  content: ''; width: 4px; height: 100%; min-height: 8px; border-radius: 2px; background: #ffb020;
  box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.45);
}
.marker:hover::after, .marker:focus-visible::after { width: 6px; background: #ffd27a; }
.markers[hidden] { display: none; }
`;

/**
 * Draws one button per marker (number → time in seconds) into `box`, positioned along `duration`,
 * in order of time (the order Tab visits them). Times only, no text. Returns the buttons by number,
 * for `placeMarker` and `removeMarker`.
 */
export function drawMarkers(box: HTMLElement, markers: ReadonlyMap<number, number>, duration: number): Map<number, HTMLElement> {
  box.replaceChildren();
  const drawn = new Map<number, HTMLElement>();
  if (!Number.isFinite(duration) || duration <= 0) return drawn;
  for (const [marker, t] of [...markers].sort((a, b) => a[1] - b[1])) {
    const button = newMarker();
    describe(button, t, duration);
    box.append(button);
    drawn.set(marker, button);
  }
  return drawn;
}

/**
 * Adds marker number `marker` at `t` seconds to `drawn` (its buttons in `box`), or moves it there:
 * one button placed among the others by a binary search of their times, the rest untouched.
 */
export function placeMarker(box: HTMLElement, drawn: Map<number, HTMLElement>, marker: number, t: number, duration: number): void {
  let button = drawn.get(marker);
  if (button && Number(button.getAttribute('data-t')) === t) return;
  if (button) {
    button.remove();
  } else {
    button = newMarker();
    drawn.set(marker, button);
  }
  describe(button, t, duration);
  const buttons = box.children;
  let lo = 0;
  let hi = buttons.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Number(buttons[mid]?.getAttribute('data-t')) <= t) lo = mid + 1;
    else hi = mid;
  }
  box.insertBefore(button, buttons[lo] ?? null);
}

/** Takes marker number `marker` away. */
export function removeMarker(drawn: Map<number, HTMLElement>, marker: number): void {
  drawn.get(marker)?.remove();
  drawn.delete(marker);
}

function newMarker(): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = 'marker';
  button.type = 'button';
  return button;
}

function describe(button: HTMLElement, t: number, duration: number): void {
  button.setAttribute('data-t', String(t));
  button.setAttribute('aria-label', message('content_seekToNote', formatTime(t)));
  button.style.left = `${Math.min(100, (t / duration) * 100)}%`;
}

/** Calls `onSeek` with the time of the marker clicked inside `box`. */
export function onMarkerClick(box: HTMLElement, onSeek: (t: number) => void): void {
  box.addEventListener('click', (event) => {
    const marker = (event.target as Element).closest('.marker');
    const t = Number(marker?.getAttribute('data-t'));
    if (marker && Number.isFinite(t)) {
      event.stopPropagation();
      onSeek(t);
    }
  });
}

/**
 * Markers on a site's own progress bar: a closed shadow root inside the bar, so they move, resize
 * and go fullscreen with the player.
 */
export function mountOnProgressBar(
  bar: HTMLElement,
  onSeek: (t: number) => void,
): { bar: HTMLElement; box: HTMLElement; remove(): void } {
  const mounted = new AbortController();
  const { host, root } = createLayerRoot(
    MARKER_CSS,
    bar,
    'position: absolute !important; inset: 0 !important; z-index: 40 !important;',
    mounted.signal,
  );
  const box = document.createElement('div');
  box.className = 'markers';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', message('content_markers'));
  root.append(box);
  onMarkerClick(box, onSeek);
  // The site's own seek handler must not also see a click on a marker.
  host.addEventListener('mousedown', (event) => event.stopPropagation());
  return {
    bar,
    box,
    remove: () => {
      mounted.abort();
      host.remove();
    },
  };
}
