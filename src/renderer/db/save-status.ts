import { useSyncExternalStore } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

let pending = 0;
let state: SaveState = { kind: 'saved' };
const listeners = new Set<() => void>();

function set(next: SaveState) {
  state = next;
  for (const listener of listeners) listener();
}

/** Runs a write and reports it: "saving" until IndexedDB has committed it, then "saved" or the error. */
export async function trackWrite<T>(write: () => Promise<T>): Promise<T> {
  pending++;
  set({ kind: 'saving' });
  try {
    const result = await write();
    pending--;
    if (pending === 0 && state.kind !== 'error') set({ kind: 'saved' });
    return result;
  } catch (error) {
    pending--;
    set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

export function useSaveState(): SaveState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
