import { useSyncExternalStore } from 'react';
import { type Annotation, compareByPosition, isLive } from '../../shared/model/annotation';
import { partitionPoint } from '../../shared/partition-point';

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
 * Each is put in its place rather than the whole list sorted again: this runs in the key press
 * that makes a claim, on documents with thousands.
 */
export function withUnconfirmed(documentId: string, committed: readonly Annotation[]): readonly Annotation[] {
  let shown: Annotation[] | undefined;
  for (const claim of unconfirmed.values()) {
    if (claim.documentId !== documentId) continue;
    const stored = committed.find((c) => c.id === claim.id);
    if (stored && stored.updatedAt >= claim.updatedAt) {
      unconfirmed.delete(claim.id);
      continue;
    }
    shown ??= committed.slice();
    if (stored) shown.splice(shown.indexOf(stored), 1);
    const list = shown;
    if (isLive(claim))
      list.splice(
        partitionPoint(list, (c) => compareByPosition(c, claim) < 0),
        0,
        claim,
      );
  }
  return shown ?? committed;
}
