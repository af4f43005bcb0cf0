// @vitest-environment happy-dom
/**
 * The markers from the panel's notes to the buttons in the page: the panel's feed sends the whole
 * set once and then only what changed, the content script applies each panel's messages, and
 * the layer moves only the buttons named.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../src/core/i18n/catalog';
import { drawMarkers, placeMarker, removeMarker } from '../../src/content/layer/markers';
import { markerSets, type MarkerLayer } from '../../src/content/marker-sets';
import { MarkerFeed } from '../../src/messaging/marker-feed';
import { parseToContent, type ToContent } from '../../src/messaging/protocol';

// The browser's `i18n.getMessage` in English: the layer's labels come from the locale files (content/messages.ts).
vi.mock('../../src/platform/content-browser', async () => {
  const en = (await import('../../public/_locales/en/messages.json')).default as Catalog;
  const { substitute } = await import('../../src/core/i18n/substitute');
  const getMessage = (key: string, substitutions: string[] = []) => (en[key] ? substitute(en[key], substitutions) : '');
  return { default: { i18n: { getMessage } } };
});

const DURATION = 100;

/** The layer's marker drawing (content/layer/index.ts) over a plain box. */
function boxLayer(): MarkerLayer & { box: HTMLElement } {
  const box = document.createElement('div');
  let markers = new Map<number, number>();
  let drawn = new Map<number, HTMLElement>();
  return {
    box,
    setMarkers(next) {
      markers = new Map(next);
      drawn = drawMarkers(box, markers, DURATION);
    },
    changeMarkers(set, remove) {
      for (const marker of remove) {
        markers.delete(marker);
        removeMarker(drawn, marker);
      }
      for (const [marker, t] of set) {
        markers.set(marker, t);
        placeMarker(box, drawn, marker, t, DURATION);
      }
    },
  };
}

const shownTimes = (box: HTMLElement) => [...box.children].map((button) => Number(button.getAttribute('data-t')));
const sorted = (times: readonly number[]) => [...times].sort((a, b) => a - b);
/** As it travels: JSON, checked by the receiver's schema. */
const wire = (message: ToContent): ToContent => {
  const received = parseToContent(JSON.parse(JSON.stringify(message)));
  if (!received) throw new Error(`refused: ${JSON.stringify(message)}`);
  return received;
};

function deliver(sets: ReturnType<typeof markerSets>, panel: object, message: ToContent): void {
  if (message.type === 'markers') sets.replace(panel, message.times);
  else if (message.type === 'marker-changes') sets.change(panel, message.set, message.remove);
}

const NOTE_IDS = Array.from({ length: 12 }, (_, i) => `6f1c1a52-5b5e-4f57-9c3e-0d5f8d1b2a${String(i).padStart(2, '0')}`);
const notesArb = fc
  .uniqueArray(fc.record({ id: fc.constantFrom(...NOTE_IDS), t: fc.constantFrom(0, 5, 5.5, 50, 99) }), { selector: (n) => n.id, maxLength: 12 })
  .map((notes) => [...notes].sort((a, b) => a.t - b.t));

describe('markers by difference', () => {
  it('shows the notes’ times after every update, redrawing only the markers that changed, and never sends a note id', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.constantFrom('a', 'a', 'a', 'b'), notes: notesArb }), { minLength: 1, maxLength: 10 }), (steps) => {
        const layer = boxLayer();
        const sets = markerSets(layer);
        const panel = {};
        const feed = new MarkerFeed();
        for (const { key, notes } of steps) {
          const before = [...layer.box.children];
          const message = feed.update(key, notes);
          if (message) {
            expect(NOTE_IDS.some((id) => JSON.stringify(message).includes(id))).toBe(false);
            deliver(sets, panel, wire(message));
          }
          expect(shownTimes(layer.box)).toEqual(sorted(notes.map((n) => n.t)));
          if (message?.type === 'marker-changes') {
            const kept = before.filter((button) => button.parentNode === layer.box);
            expect(kept.length).toBeGreaterThanOrEqual(before.length - message.set.length - message.remove.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names each marker by its time only, in the words of the locale file', () => {
    const layer = boxLayer();
    layer.setMarkers(new Map([[0, 62], [1, 5]]));
    layer.changeMarkers([[2, 3723]], []);
    expect([...layer.box.children].map((button) => button.getAttribute('aria-label'))).toEqual([
      'Seek to note at 0:05',
      'Seek to note at 1:02',
      'Seek to note at 1:02:03',
    ]);
  });

  it('sends a saved note as one change, not every time again', () => {
    const feed = new MarkerFeed();
    const notes = Array.from({ length: 10_000 }, (_, i) => ({ id: `n${i}`, t: i / 10 }));
    expect(feed.update('a', notes)).toMatchObject({ type: 'markers' });
    expect(feed.update('a', notes)).toBeNull();
    const saved = [...notes.slice(0, 500), { id: 'new', t: 49.95 }, ...notes.slice(500)];
    expect(feed.update('a', saved)).toEqual({ type: 'marker-changes', set: [[10_000, 49.95]], remove: [] });
    const moved = saved.map((note) => (note.id === 'n3' ? { ...note, t: 2 } : note)).filter((note) => note.id !== 'n7');
    expect(feed.update('a', moved)).toEqual({ type: 'marker-changes', set: [[3, 2]], remove: [7] });
    // Another recording, or a page that cleared its markers: the whole set again.
    expect(feed.update('b', moved)).toMatchObject({ type: 'markers' });
    feed.reset();
    expect(feed.update('b', moved)).toMatchObject({ type: 'markers' });
  });

  it('keeps each panel’s markers apart and shows the one sent whole last, then the other’s when it leaves', () => {
    const layer = boxLayer();
    const sets = markerSets(layer);
    const [frame, side] = [{}, {}];
    const [frameFeed, sideFeed] = [new MarkerFeed(), new MarkerFeed()];
    const first = [{ id: 'x', t: 1 }, { id: 'y', t: 2 }];
    deliver(sets, frame, frameFeed.update('a', first) as ToContent);
    // The side panel numbers its markers its own way (here: in another order).
    const later = [{ id: 'y', t: 2 }, { id: 'z', t: 3 }];
    deliver(sets, side, sideFeed.update('a', later) as ToContent);
    expect(shownTimes(layer.box)).toEqual([2, 3]);
    const both = [{ id: 'x', t: 1 }, { id: 'y', t: 2 }, { id: 'z', t: 3 }];
    deliver(sets, frame, frameFeed.update('a', both) as ToContent);
    deliver(sets, side, sideFeed.update('a', both) as ToContent);
    expect(shownTimes(layer.box)).toEqual([1, 2, 3]);
    const yMoved = [{ id: 'x', t: 1 }, { id: 'z', t: 3 }, { id: 'y', t: 4 }];
    deliver(sets, frame, frameFeed.update('a', yMoved) as ToContent);
    expect(shownTimes(layer.box)).toEqual([1, 2, 3]);
    sets.forget(side);
    expect(shownTimes(layer.box)).toEqual([1, 3, 4]);
    // The page moved on: nothing until a whole set, and a change before it is not drawn.
    sets.clear();
    const change = frameFeed.update('a', [...yMoved, { id: 'w', t: 5 }]) as ToContent;
    expect(change.type).toBe('marker-changes');
    deliver(sets, frame, change);
    expect(shownTimes(layer.box)).toEqual([]);
  });
});
