import { type RefObject, useEffect } from 'react';
import type { Line } from '../../../shared/text/lines';
import { offsetToDomPosition, type TextRange } from '../../editor/selection-offsets';

/** Styled with `::highlight(suggestion)` and `::highlight(suggestion-current)`. */
const ALL = 'suggestion';
const CURRENT = 'suggestion-current';

/**
 * Marks suggestions in the reader, dashed and without fill, through the CSS Custom Highlight
 * API: a suggestion is not a claim, so the text's DOM and its claims are never touched. The one
 * under the cursor is marked again, more strongly. Marked anew whenever the reader redraws.
 */
export function useSuggestionMarks(
  scroller: RefObject<HTMLElement | null>,
  lines: readonly Line[],
  suggestions: readonly TextRange[],
  current: TextRange | undefined,
): void {
  useEffect(() => {
    const root = scroller.current?.querySelector<HTMLElement>('.reader-text');
    if (!root || typeof CSS === 'undefined' || !CSS.highlights) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rangeOf = ({ start, end }: TextRange) => {
      const from = offsetToDomPosition(root, lines, start);
      const to = offsetToDomPosition(root, lines, end);
      if (!from || !to) return [];
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return [range];
    };
    const mark = () => {
      frame = 0;
      timer = undefined;
      CSS.highlights.set(ALL, new Highlight(...suggestions.flatMap(rangeOf)));
      CSS.highlights.set(CURRENT, new Highlight(...(current ? rangeOf(current) : [])));
    };
    mark();
    // After the frame that draws a change (a new claim's mark), never inside it.
    const redrawn = new MutationObserver(() => {
      if (!frame && !timer) frame = requestAnimationFrame(() => (timer = setTimeout(mark)));
    });
    redrawn.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      redrawn.disconnect();
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
    };
  }, [scroller, lines, suggestions, current]);
}
