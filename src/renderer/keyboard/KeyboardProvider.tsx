import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { type Match, type Scope, type ShortcutId, shortcutFor } from './shortcuts';

export type Handlers = Partial<Record<ShortcutId, (match: Match) => void>>;

interface Registration {
  scope: Scope;
  handlers: { current: Handlers };
  isTagKey?: { current: (key: string) => boolean };
}

type Registry = Set<Registration>;

const KeyboardContext = createContext<Registry | null>(null);

/** Keys mean nothing to the window while the analyst types in a field or a dialog is open. */
const busyElsewhere = (target: EventTarget | null) =>
  (target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) ||
  document.querySelector('[aria-modal="true"]') !== null;

/** Keys a focused list, toolbar or menu uses itself, to move or to press. */
const NAVIGATION_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Backspace',
  'Delete',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Enter',
  ' ',
]);

/**
 * Keys act where the focus is: with the document list, the top bar or a menu focused, its
 * navigation keys are its own, so Backspace there never deletes the claim selected in the reader.
 */
const keptByFocus = (event: KeyboardEvent) =>
  NAVIGATION_KEYS.has(event.key) &&
  event.target instanceof HTMLElement &&
  event.target.closest('nav, .app-header, [role="menu"]') !== null;

/**
 * The window's one keyboard listener: it looks each key up in the shortcuts of the scopes shown
 * now (see shortcuts.ts) and runs the handler registered for it, most recent registration first.
 */
export function KeyboardProvider({ children }: { children: ReactNode }) {
  const [registry] = useState<Registry>(() => new Set());
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (busyElsewhere(event.target)) return;
      for (const registration of [...registry].reverse()) {
        if (registration.scope !== 'global' && keptByFocus(event)) continue;
        const match = shortcutFor(event, registration.scope, registration.isTagKey?.current);
        const handler = match && registration.handlers.current[match.id];
        if (!match || !handler) continue;
        // Esc also clears what the browser selected; let it.
        if (match.id !== 'clear') event.preventDefault();
        handler(match);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
  return <KeyboardContext.Provider value={registry}>{children}</KeyboardContext.Provider>;
}

/**
 * Runs `handlers` for the shortcuts of `scope` while the component is shown. Handlers may change
 * on every render; the latest ones run. `isTagKey` tells which plain keys are the codebook's.
 */
export function useShortcuts(scope: Scope, handlers: Handlers, isTagKey?: (key: string) => boolean): void {
  const registry = useContext(KeyboardContext);
  if (!registry) throw new Error('useShortcuts needs a KeyboardProvider');
  const latest = useRef(handlers);
  latest.current = handlers;
  const tagKey = useRef(isTagKey ?? (() => false));
  tagKey.current = isTagKey ?? (() => false);
  useEffect(() => {
    const registration: Registration = { scope, handlers: latest, isTagKey: tagKey };
    registry.add(registration);
    return () => {
      registry.delete(registration);
    };
  }, [registry, scope]);
}
