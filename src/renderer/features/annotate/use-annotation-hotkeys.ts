import { useEffect, useRef } from 'react';
import type { Codebook } from '../../../shared/model/codebook';
import { type Command, commandFor } from './keymap';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Runs the reader's commands from the keyboard, except while the analyst types in a field or a dialog is open. */
export function useAnnotationHotkeys(codebook: Codebook, run: (command: Command) => void) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const command = commandFor(event, codebook);
      if (!command) return;
      if (command.kind !== 'escape') event.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [codebook]);
}
