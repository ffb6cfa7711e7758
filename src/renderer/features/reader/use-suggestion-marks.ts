import { type RefObject, useEffect } from 'react';
import { partitionPoint } from '../../../shared/partition-point';
import type { Line } from '../../../shared/text/lines';
import { offsetToDomPosition, type TextRange } from '../../editor/selection-offsets';

/** Styled with `::highlight(suggestion)` and `::highlight(suggestion-current)`. */
const ALL = 'suggestion';
const CURRENT = 'suggestion-current';

/** The longest the marks wait for an idle moment after a change or a scroll. */
const IDLE_WAIT_MS = 300;

/** Lines marked beyond those in view, either side: a scroll of less than this needs no new marks. */
const MARGIN = 10;

/** The lines [first, last] of the reader in view, found by a binary search over its paragraphs. */
function linesInView(scroller: HTMLElement, root: HTMLElement): [number, number] {
  const paragraphs = root.children;
  const box = scroller.getBoundingClientRect();
  const first = partitionPoint([...paragraphs], (p) => p.getBoundingClientRect().bottom < box.top);
  const last = partitionPoint([...paragraphs], (p) => p.getBoundingClientRect().top <= box.bottom) - 1;
  return [first, Math.max(first, last)];
}

/**
 * Marks suggestions in the reader, dashed and without fill, through the CSS Custom Highlight
 * API: a suggestion is not a claim, so the text's DOM and its claims are never touched. The one
 * under the cursor is marked again, more strongly. Only the suggestions near the lines in view
 * are marked, so that a document with thousands of them paints as one with a few; they are
 * marked anew after the reader redraws or scrolls far, when the window is idle.
 */
export function useSuggestionMarks(
  scroller: RefObject<HTMLElement | null>,
  lines: readonly Line[],
  suggestions: readonly TextRange[],
  current: TextRange | undefined,
): void {
  useEffect(() => {
    const box = scroller.current;
    const root = box?.querySelector<HTMLElement>('.reader-text');
    if (!box || !root || typeof CSS === 'undefined' || !CSS.highlights) return;
    let frame = 0;
    let idle: number | undefined;
    let marked: [number, number] | undefined;
    const mark = () => {
      idle = undefined;
      const [first, last] = linesInView(box, root);
      marked = [Math.max(0, first - MARGIN), Math.min(lines.length - 1, last + MARGIN)];
      const from = lines[marked[0]]?.start ?? 0;
      const to = lines[marked[1]]?.end ?? 0;
      const near = suggestions.slice(
        partitionPoint(suggestions, (s) => s.end <= from),
        partitionPoint(suggestions, (s) => s.start < to),
      );
      CSS.highlights.set(ALL, new Highlight(...near.flatMap((s) => rangeOf(root, lines, s))));
    };
    // When the window is idle: never inside the frame that draws a change or a step of a scroll.
    const later = () => {
      idle ??= requestIdleCallback(mark, { timeout: IDLE_WAIT_MS });
    };
    const onScroll = () => {
      if (frame || idle !== undefined || !marked) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const [first, last] = linesInView(box, root);
        const [from, to] = marked ?? [0, 0];
        const edge = MARGIN / 2;
        if ((from > 0 && first < from + edge) || (to < lines.length - 1 && last > to - edge)) later();
      });
    };
    later();
    const redrawn = new MutationObserver(later);
    redrawn.observe(root, { childList: true, subtree: true, characterData: true });
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      redrawn.disconnect();
      box.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
      if (idle !== undefined) cancelIdleCallback(idle);
      CSS.highlights.delete(ALL);
    };
  }, [scroller, lines, suggestions]);

  // The one under the cursor follows the keys at once: one range.
  useEffect(() => {
    const root = scroller.current?.querySelector<HTMLElement>('.reader-text');
    if (!root || typeof CSS === 'undefined' || !CSS.highlights) return;
    CSS.highlights.set(CURRENT, new Highlight(...(current ? rangeOf(root, lines, current) : [])));
    return () => {
      CSS.highlights.delete(CURRENT);
    };
  }, [scroller, lines, current]);
}

/**
 * The DOM range of a range of the served text, if the reader shows it: a StaticRange, which the
 * browser need not move on every change to the DOM as it moves a live Range (the marks are made
 * again after each redraw).
 */
function rangeOf(root: HTMLElement, lines: readonly Line[], { start, end }: TextRange): StaticRange[] {
  const from = offsetToDomPosition(root, lines, start);
  const to = offsetToDomPosition(root, lines, end);
  if (!from || !to) return [];
  return [
    new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    }),
  ];
}
