import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  defaultRangeExtractor,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type Range,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

interface Props<T> {
  items: readonly T[];
  /** Keeps a row's DOM (and state, such as an open editor) with its item; rows are keyed by position without it. */
  itemKey?(item: T): string;
  /** A typical row height in pixels; rows are measured once shown. */
  estimateSize: number;
  renderItem(item: T, index: number): ComponentChildren;
  /** Attributes of a row's `<li>` beyond its position: class, data-*, aria-*. */
  itemProps?(item: T, index: number): JSX.HTMLAttributes<HTMLLIElement>;
  /** Brought into view whenever it changes (the note playing now, say). */
  revealIndex?: number;
  /**
   * A row kept rendered even when scrolled out of view, such as one with an open editor, so what
   * is typed there survives; while one is held the list does not scroll to `revealIndex`.
   */
  holdIndex?: number;
  class?: string;
  label: string;
}

/**
 * A list that renders only the rows in view (plus a few), so 10,000 notes cost what 20 do.
 * Rows may differ in height: each is measured when shown and re-measured when it resizes.
 * The div is the scroll container; give it a height through its parent (flex) or `class`.
 */
export function VirtualList<T>({
  items,
  itemKey,
  estimateSize,
  renderItem,
  itemProps,
  revealIndex,
  holdIndex,
  class: className,
  label,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Stable between renders: the virtualizer recomputes its rows whenever this function changes.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (holdIndex === undefined || holdIndex < 0 || holdIndex >= range.count || indexes.includes(holdIndex)) return indexes;
      return [...indexes, holdIndex].sort((a, b) => a - b);
    },
    [holdIndex],
  );
  // The virtualizer lays out every row again (O(n)) whenever this function changes: only when the
  // items do, not on each render (a list of 10,000 re-rendered for a seek or a context change).
  const keyOf = useRef(itemKey);
  keyOf.current = itemKey;
  const getItemKey = useCallback((index: number) => (keyOf.current ? keyOf.current(items[index] as T) : index), [items]);
  const options: VirtualizerOptions<HTMLDivElement, HTMLLIElement> = {
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize,
    getItemKey,
    overscan: 6,
    rangeExtractor,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    measureElement,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  // Hidden (its tab is not shown), the list has no height and the virtualizer no rows: it keeps the
  // rows it last showed, so a row being edited stays mounted, with what was typed in it.
  const measured = virtualizer.getVirtualItems();
  const lastShown = useRef(measured);
  const hidden = virtualizer.scrollRect?.height === 0;
  if (!hidden) lastShown.current = measured;
  const rows = (hidden ? lastShown.current : measured).filter((row) => row.index < items.length);
  const holding = holdIndex !== undefined && holdIndex >= 0;
  useEffect(() => {
    if (!holding && revealIndex !== undefined && revealIndex >= 0 && revealIndex < items.length) {
      virtualizer.scrollToIndex(revealIndex, { align: 'auto' });
    }
  }, [revealIndex, holding]);

  return (
    <div ref={scroller} class={`virtual-scroll${className ? ` ${className}` : ''}`}>
      <ol aria-label={label} class="virtual-list" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {rows.map((row) => {
          const item = items[row.index] as T;
          const { class: rowClass, ...attributes } = itemProps?.(item, row.index) ?? {};
          return (
            <li
              key={row.key}
              {...attributes}
              data-index={row.index}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              ref={virtualizer.measureElement}
              class={`virtual-row${rowClass ? ` ${String(rowClass)}` : ''}`}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {renderItem(item, row.index)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
