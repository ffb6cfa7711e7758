import { useEffect, useRef } from 'react';
import { type Codebook, tagByHotkey } from '../../../shared/model/codebook';

interface Handlers {
  onTag(tagId: string): void;
  onDelete(): void;
  onEscape(): void;
  /** Select the next (+1) or previous (-1) claim in text order. */
  onStep(direction: 1 | -1): void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** brat/doccano-style keys: a tag's hotkey tags the selection, Delete removes, Esc clears, arrows walk the claims. */
export function useAnnotationHotkeys(codebook: Codebook, handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'Escape') {
        latest.current.onEscape();
        return;
      }
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        latest.current.onDelete();
        return;
      }
      if (!event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        latest.current.onStep(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      const tag = tagByHotkey(codebook, event.key);
      if (tag) {
        event.preventDefault();
        latest.current.onTag(tag.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [codebook]);
}
