import { formatTime } from '../../core/time';
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

/** Draws one button per note time into `box`, positioned along `duration`. Times only, no text. */
export function drawMarkers(box: HTMLElement, times: readonly number[], duration: number): void {
  box.replaceChildren();
  if (!Number.isFinite(duration) || duration <= 0) return;
  for (const t of times) {
    const marker = document.createElement('button');
    marker.className = 'marker';
    marker.type = 'button';
    marker.setAttribute('data-t', String(t));
    marker.setAttribute('aria-label', `Seek to note at ${formatTime(t)}`);
    marker.style.left = `${Math.min(100, (t / duration) * 100)}%`;
    box.append(marker);
  }
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
  box.setAttribute('aria-label', 'Webinar Notes markers');
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
