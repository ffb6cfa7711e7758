import { useSyncExternalStore } from 'react';
import { type Annotation, compareByPosition, isLive } from '../../shared/model/annotation';

/**
 * Claims written but not yet read back from IndexedDB, by id. The reader draws the database's
 * claims; a new claim is shown from here at once, in the frame of the key press, instead of
 * after the commit and the re-read of every claim of the document. Each leaves when the
 * database shows it, or when its write fails (and the failure is reported).
 */
const unconfirmed = new Map<string, Annotation>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version++;
  for (const listener of listeners) listener();
}

export function showUnconfirmed(claim: Annotation): void {
  unconfirmed.set(claim.id, claim);
  changed();
}

export function dropUnconfirmed(id: string): void {
  if (unconfirmed.delete(id)) changed();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Changes whenever a claim is shown or dropped, for memoising what depends on them. */
export const useUnconfirmedVersion = () => useSyncExternalStore(subscribe, () => version);

/**
 * The committed claims of a document with its unconfirmed ones in place, in text order. Those the
 * committed claims already hold (the same id, updated at the same moment or later) are forgotten.
 */
export function withUnconfirmed(documentId: string, committed: readonly Annotation[]): readonly Annotation[] {
  const pending = [...unconfirmed.values()].filter((claim) => claim.documentId === documentId);
  if (pending.length === 0) return committed;
  const byId = new Map(committed.map((claim) => [claim.id, claim]));
  const shown = pending.filter((claim) => {
    const stored = byId.get(claim.id);
    if (stored && stored.updatedAt >= claim.updatedAt) {
      unconfirmed.delete(claim.id);
      return false;
    }
    return true;
  });
  if (shown.length === 0) return committed;
  const ids = new Set(shown.map((claim) => claim.id));
  return [...committed.filter((claim) => !ids.has(claim.id)), ...shown.filter(isLive)].sort(compareByPosition);
}
