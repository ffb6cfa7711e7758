import { useEffect, useState, useSyncExternalStore } from 'react';
import { type Annotation, compareByPosition, isLive } from '../../shared/model/annotation';
import { partitionPoint } from '../../shared/partition-point';
import { afterPaint } from '../lib/use-after-paint';

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
  return () => {
    listeners.delete(listener);
  };
};

/**
 * Changes whenever a claim is shown or dropped, for memoising what depends on them. The reader
 * takes it at once, so a new claim is drawn in the frame of the key press.
 */
export const useUnconfirmedVersion = () => useSyncExternalStore(subscribe, () => version);

/**
 * The same, taken once the frame showing the change has been painted: for the rest of the window
 * (lists, counts, the panels), whose work then never holds that frame up.
 */
export function useUnconfirmedVersionAfterPaint(): number {
  const [seen, setSeen] = useState(version);
  useEffect(() => {
    let cancel = () => {};
    const unsubscribe = subscribe(() => {
      cancel();
      cancel = afterPaint(() => setSeen(version));
    });
    setSeen(version);
    return () => {
      cancel();
      unsubscribe();
    };
  }, []);
  return seen;
}

/**
 * The committed claims of a document with its unconfirmed ones in place, in text order. Those the
 * committed claims already hold (the same id, updated at the same moment or later) are forgotten.
 * Each is put in its place rather than the whole list sorted again: this runs in the key press
 * that makes a claim, on documents with thousands.
 */
export function withUnconfirmed(
  documentId: string,
  committed: readonly Annotation[],
  /** Only for the database's claims: a list that already merged them in proves nothing. */
  forgetCommitted = true,
): readonly Annotation[] {
  let shown: Annotation[] | undefined;
  for (const claim of unconfirmed.values()) {
    if (claim.documentId !== documentId) continue;
    const stored = committed.find((c) => c.id === claim.id);
    if (stored && stored.updatedAt >= claim.updatedAt) {
      if (forgetCommitted) unconfirmed.delete(claim.id);
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
