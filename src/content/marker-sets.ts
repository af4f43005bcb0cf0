/**
 * The markers each connected panel asked for, and which of them the layer shows. The panel beside
 * the video and the one in the browser's side panel each send their own set (they number their
 * markers apart, messaging/marker-feed.ts); the layer shows the set sent whole last, and when
 * that panel goes, the other one's.
 */
import { MAX_MARKERS } from '../messaging/protocol';
import type { PanelPort } from './panel-link';

/** What the layer draws: every marker (number → seconds) at once, or only what changed. */
export interface MarkerLayer {
  setMarkers(markers: ReadonlyMap<number, number>): void;
  changeMarkers(set: readonly (readonly [number, number])[], remove: readonly number[]): void;
}

export interface MarkerSets {
  /** A panel's whole set: the marker at `times[i]` is marker i. It is shown from now on. */
  replace(panel: PanelPort, times: readonly number[]): void;
  /** A panel's changes to its set, drawn at once when its set is shown; ignored before its whole set. */
  change(panel: PanelPort, set: readonly (readonly [number, number])[], remove: readonly number[]): void;
  /** The panel's link closed. */
  forget(panel: PanelPort): void;
  /** No markers until a panel sends its whole set again (the page moves to another video). */
  clear(): void;
}

export function markerSets(layer: MarkerLayer): MarkerSets {
  const sets = new Map<PanelPort, Map<number, number>>();
  let shown: PanelPort | null = null;
  const show = (panel: PanelPort | null) => {
    shown = panel;
    layer.setMarkers((panel && sets.get(panel)) ?? new Map());
  };
  return {
    replace(panel, times) {
      sets.set(panel, new Map(times.map((t, marker) => [marker, t])));
      show(panel);
    },
    change(panel, set, remove) {
      const markers = sets.get(panel);
      if (!markers) return;
      for (const marker of remove) markers.delete(marker);
      // A panel keeps within MAX_MARKERS; one that does not gets no more.
      const kept: (readonly [number, number])[] = [];
      for (const entry of set) {
        if (!markers.has(entry[0]) && markers.size >= MAX_MARKERS) continue;
        markers.set(entry[0], entry[1]);
        kept.push(entry);
      }
      if (panel === shown) layer.changeMarkers(kept, remove);
    },
    forget(panel) {
      sets.delete(panel);
      if (panel === shown) show([...sets.keys()].at(-1) ?? null);
    },
    clear() {
      sets.clear();
      show(null);
    },
  };
}
