import { elementScroll, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/**
 * A virtualised list's rows in `scroller`. The list's and each row's size come from a
 * ResizeObserver once the browser has laid them out, never by asking on mount: asking would force
 * a layout of the whole window (the reader with thousands of claims included) mid-render. Until
 * then the list is taken to be as tall as the window.
 */
export function useRows(options: {
  count: number;
  scroller: RefObject<HTMLElement | null>;
  estimate: number;
  key?: (index: number) => string | number;
}) {
  return useVirtualizer({
    count: options.count,
    getScrollElement: () => options.scroller.current,
    estimateSize: () => options.estimate,
    overscan: 8,
    ...(options.key && { getItemKey: options.key }),
    initialRect: { width: 0, height: window.innerHeight },
    observeElementRect: (instance, report) => {
      const element = instance.scrollElement;
      if (!element) return;
      const observer = new ResizeObserver(([entry]) => {
        const box = entry?.borderBoxSize[0];
        if (box) report({ width: box.inlineSize, height: box.blockSize });
      });
      observer.observe(element, { box: 'border-box' });
      return () => observer.disconnect();
    },
    // Writing the offset the list already has would only force a layout; the virtualiser does
    // it as it mounts, when the reader is being drawn.
    scrollToFn: (offset, options, instance) => {
      if (offset + (options.adjustments ?? 0) !== (instance.scrollOffset ?? 0))
        elementScroll(offset, options, instance);
    },
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize[0];
      if (box) return box.blockSize;
      const index = instance.indexFromElement(element);
      return instance.measurementsCache[index]?.size ?? options.estimate;
    },
  });
}

/**
 * Scrolls the list just enough to show row `index` (as the virtualiser's align 'auto' does), from
 * the list's own measurements. The virtualiser's scrollToIndex reads the list's scrollHeight,
 * which forces a layout of the whole window right after a new claim is drawn in the reader: the
 * frame that shows the claim waited for it (up to 28 ms of benchmark 2's key press to paint).
 */
export function revealRow(rows: Virtualizer<HTMLElement, Element>, index: number) {
  const row = rows.measurementsCache[index];
  const height = rows.scrollRect?.height;
  if (!row || !rows.scrollElement || !height) return;
  const top = rows.scrollOffset ?? 0;
  const target = row.start < top ? row.start : row.end > top + height ? row.end - height : undefined;
  if (target !== undefined) rows.scrollElement.scrollTop = target;
}
