import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { ContentPoint } from '../reader';

/** Room kept between a popover and the window's edge. */
const MARGIN = 8;
/**
 * The point is the bottom of the selected text; the line above it is kept clear too, so that a
 * popover opened above the selection does not cover it.
 */
const LINE = 28;

/**
 * Places a popover of the reader next to a point of its scrolled content, inside the window:
 * below the point if it fits, else above, shifted sideways to stay in the reader, and never taller than
 * the room there (it scrolls instead). It follows the text when the reader scrolls.
 */
export function usePopoverPlacement<E extends HTMLElement>(at: ContentPoint): RefObject<E | null> {
  const floating = useRef<E>(null);
  useLayoutEffect(() => {
    const element = floating.current;
    const scroller = element?.parentElement;
    if (!element || !scroller) return;
    // The point in the window now, from its place in the content and how far the reader has scrolled.
    const reference = {
      contextElement: scroller,
      getBoundingClientRect() {
        const box = scroller.getBoundingClientRect();
        const x = box.left + at.left - scroller.scrollLeft;
        const y = box.top + at.top - scroller.scrollTop;
        return { x, y: y - LINE, left: x, top: y - LINE, right: x, bottom: y, width: 0, height: LINE };
      },
    };
    const place = () =>
      computePosition(reference, element, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(4),
          flip({ padding: MARGIN }),
          // Kept within the reader, so that it never covers the side panel (a suggestion's Accept).
          shift({ padding: MARGIN, boundary: scroller }),
          size({
            padding: MARGIN,
            apply({ availableHeight }) {
              element.style.maxHeight = `${Math.max(120, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        Object.assign(element.style, { left: `${x}px`, top: `${y}px`, visibility: 'visible' });
      });
    return autoUpdate(reference, element, place);
  }, [at]);
  return floating;
}
