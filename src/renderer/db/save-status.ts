import { useSyncExternalStore } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string; failed: number };

type Write = () => Promise<unknown>;

/** Transient failures (a busy disk, an aborted transaction) often pass on a second try. */
const RETRY_DELAYS_MS = [200, 1000];

let pending = 0;
let state: SaveState = { kind: 'saved' };
const failed: Write[] = [];
let lastError = '';
let committed = 0;

/** How many writes have committed since the window opened: backups compare it to know there is news. */
export const committedWrites = () => committed;
const listeners = new Set<() => void>();

function publish() {
  state =
    failed.length > 0
      ? { kind: 'error', message: lastError, failed: failed.length }
      : pending > 0
        ? { kind: 'saving' }
        : { kind: 'saved' };
  for (const listener of listeners) listener();
}

async function attempt<T>(write: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[i];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Runs a write and reports it: "saving" until IndexedDB has committed it, then "saved". A write
 * that still fails after retries is kept, shown, and can be retried; it is never dropped.
 */
export async function trackWrite<T>(write: () => Promise<T>): Promise<T> {
  pending++;
  publish();
  try {
    const result = await attempt(write);
    committed++;
    return result;
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    failed.push(write);
    throw error;
  } finally {
    pending--;
    publish();
  }
}

/** Runs every write that failed again, in the order they were made. */
export async function retryFailedWrites(): Promise<void> {
  const writes = failed.splice(0);
  publish();
  for (const write of writes) await trackWrite(write).catch(() => undefined);
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
