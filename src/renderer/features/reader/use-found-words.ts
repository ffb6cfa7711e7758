import { type RefObject, useEffect } from 'react';
import { wordPattern } from '../../../shared/corpus/search-words';

/** The name of the highlight, styled with `::highlight(found-words)`. */
const HIGHLIGHT = 'found-words';

/**
 * Marks in the reader the words the corpus search found in this document, as a find bar does:
 * through the CSS Custom Highlight API, so the text's DOM (and the claims drawn in it) is never
 * touched. Marked again whenever the reader redraws its lines.
 */
export function useFoundWords(root: RefObject<HTMLElement | null>, terms: readonly string[] | undefined): void {
  const key = terms?.join('\u0000') ?? '';
  useEffect(() => {
    const element = root.current;
    const pattern = wordPattern(key ? key.split('\u0000') : []);
    if (!element || !pattern || typeof CSS === 'undefined' || !CSS.highlights) return;
    let frame = 0;
    const mark = () => {
      frame = 0;
      const ranges: Range[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(pattern)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          ranges.push(range);
        }
      }
      CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
    };
    mark();
    const redrawn = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(mark);
    });
    redrawn.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      redrawn.disconnect();
      if (frame) cancelAnimationFrame(frame);
      CSS.highlights.delete(HIGHLIGHT);
    };
  }, [root, key]);
}
