import { useSyncExternalStore } from 'react';
import type { Annotation } from '../../shared/model/annotation';
import { corpusScope } from './corpus-scope';

/** One annotation change: the claim as it was (null when the step created it) and as it became. */
export interface ClaimStep {
  before: Annotation | null;
  after: Annotation;
}

interface Stacks {
  done: ClaimStep[];
  undone: ClaimStep[];
}

/** Enough for a working day on one article; older steps fall off. */
const LIMIT = 300;

/**
 * Undo history per document, kept in sessionStorage: it lasts as long as the window's session,
 * survives a reload, and each step is written the moment the change it records has committed.
 */
const storageKey = (documentId: string) => `framing-workbench:history:${corpusScope()}:${documentId}`;

/** What sessionStorage holds, parsed once per document. */
const cache = new Map<string, Stacks>();

function read(documentId: string): Stacks {
  const key = storageKey(documentId);
  let stacks = cache.get(key);
  if (!stacks) {
    stacks = { done: [], undone: [] };
    try {
      const stored = sessionStorage.getItem(key);
      if (stored) stacks = JSON.parse(stored) as Stacks;
    } catch {
      // A history that cannot be read is lost history, not lost work: the claims are in IndexedDB.
    }
    cache.set(key, stacks);
  }
  return { done: [...stacks.done], undone: [...stacks.undone] };
}

const listeners = new Set<() => void>();
let version = 0;

function write(documentId: string, stacks: Stacks): void {
  const key = storageKey(documentId);
  cache.set(key, stacks);
  for (;;) {
    try {
      sessionStorage.setItem(key, JSON.stringify(stacks));
      break;
    } catch {
      // Storage full: keep the most recent half and try again.
      if (stacks.done.length + stacks.undone.length <= 1) break;
      stacks.done = stacks.done.slice(Math.floor(stacks.done.length / 2));
      stacks.undone = stacks.undone.slice(0, Math.ceil(stacks.undone.length / 2));
    }
  }
  version++;
  for (const listener of listeners) listener();
}

/** A new change: it can be undone, and whatever had been undone can no longer be redone. */
export function recordStep(step: ClaimStep): void {
  const stacks = read(step.after.documentId);
  stacks.done = [...stacks.done, step].slice(-LIMIT);
  stacks.undone = [];
  write(step.after.documentId, stacks);
}

export const nextUndo = (documentId: string) => read(documentId).done.at(-1);
export const nextRedo = (documentId: string) => read(documentId).undone.at(-1);

/** After an undo (`-1`) or redo (`+1`) has committed, moves its step to the other stack. */
export function shiftStep(documentId: string, direction: 1 | -1): void {
  const stacks = read(documentId);
  const [from, to] = direction === -1 ? [stacks.done, stacks.undone] : [stacks.undone, stacks.done];
  const step = from.pop();
  if (step) to.push(step);
  write(documentId, stacks);
}

/** Whether the document has a step to undo and to redo, updated as steps are recorded. */
export function useHistoryState(documentId: string): { canUndo: boolean; canRedo: boolean } {
  const snapshot = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => {
      const stacks = read(documentId);
      return `${version}:${stacks.done.length}:${stacks.undone.length}`;
    },
  );
  const [, done, undone] = snapshot.split(':');
  return { canUndo: done !== '0', canRedo: undone !== '0' };
}
