import { ulid } from 'ulid';
import type { Orphan } from '../../shared/import/plan-import';
import type { Annotation } from '../../shared/model/annotation';
import type { ClusterReview } from '../../shared/model/cluster-review';
import type { DocumentLabel } from '../../shared/model/document-label';

/** One claim as it was (null when the step created it) and as it became. */
export interface ClaimChange {
  before: Annotation | null;
  after: Annotation;
}

/** One claim that could not be placed, as it was and as it became (null: not there). */
export interface OrphanChange {
  before: Orphan | null;
  after: Orphan | null;
}

/** Review's record of one disagreement, as it was and as it became (null: not there). */
export interface ReviewChange {
  before: ClusterReview | null;
  after: ClusterReview | null;
}

/** One annotator's framing of the document (Review sets the gold one), as it was and as it became. */
export interface LabelChange {
  before: DocumentLabel | null;
  after: DocumentLabel | null;
}

/** Everything one action of the analyst changed on a document; undone and redone as a whole. */
export interface Step {
  claims: ClaimChange[];
  orphans: OrphanChange[];
  /** Review's decisions and discussion (absent from steps that changed none). */
  reviews?: ReviewChange[];
  labels?: LabelChange[];
  /** Made in Review: its undo there takes back only its own steps. */
  review?: boolean;
  /**
   * Steps with the same key in a row are one step: the pauses of one bout of typing into a field
   * are saved as they come, and undone together.
   */
  mergeKey?: string;
}

/** The merge key of typing into one field of one claim: its saves in a row are one step. */
export const typingStep = (claimId: string, field: string) => `typed ${claimId} ${field}`;

interface Stacks {
  done: Step[];
  undone: Step[];
}

/** A document's steps as stored: the ids of the steps, oldest first. */
interface Listed {
  done: (string | Step | ClaimChange)[];
  undone: (string | Step | ClaimChange)[];
}

/** Enough for a working day on one article; older steps fall off. */
const LIMIT = 300;

/** Steps written by earlier versions held one claim change each. */
const asStep = (stored: Step | ClaimChange): Step => ('claims' in stored ? stored : { claims: [stored], orphans: [] });

/**
 * The undo history of one corpus, per document, kept in sessionStorage: it lasts as long as the
 * window's session, survives a reload, and each step is written the moment the change it records
 * has committed. Each step has its own key and a document's key lists them, so that recording a
 * step writes that step and the list, never the whole history: with the history written whole,
 * a key press on a document with an imported history cost 300 ms of JSON and storage (benchmark 2).
 */
export class ClaimHistory {
  readonly #prefix: string;
  readonly #storage: Storage;
  /** What the storage holds, parsed once per document. */
  readonly #cache = new Map<string, Stacks>();
  /** The id each step is stored under (after its document's key), once it is. */
  readonly #ids = new WeakMap<Step, string>();
  readonly #listeners = new Set<() => void>();
  #version = 0;

  constructor(corpusId: string, storage: Storage = sessionStorage) {
    this.#prefix = `framing-workbench:history:${corpusId}:`;
    this.#storage = storage;
  }

  /** Changes with every step recorded or moved: for subscribers that compare snapshots. */
  get version(): number {
    return this.#version;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * A new change: it can be undone, and whatever had been undone can no longer be redone. Returns
   * the step as kept (merged with the one before when their keys match).
   */
  record(documentId: string, step: Step): Step {
    const stacks = this.#read(documentId);
    const last = stacks.done.at(-1);
    if (step.mergeKey !== undefined && last?.mergeKey === step.mergeKey) {
      const before = (id: string) => last.claims.find((change) => change.after.id === id)?.before;
      const merged = step.claims.map((change) => ({ ...change, before: before(change.after.id) ?? change.before }));
      stacks.done = [...stacks.done.slice(0, -1), { ...step, claims: merged }];
    } else stacks.done = [...stacks.done, step].slice(-LIMIT);
    stacks.undone = [];
    this.#write(documentId, stacks);
    return stacks.done.at(-1) ?? step;
  }

  /** Takes back a step recorded for a write that then failed. */
  forget(documentId: string, step: Step): void {
    const stacks = this.#read(documentId);
    stacks.done = stacks.done.filter((each) => each !== step);
    this.#write(documentId, stacks);
  }

  nextUndo = (documentId: string): Step | undefined => this.#read(documentId).done.at(-1);
  nextRedo = (documentId: string): Step | undefined => this.#read(documentId).undone.at(-1);

  /** Moves the next undo (`-1`) or redo (`+1`) step to the other stack. */
  shift(documentId: string, direction: 1 | -1): void {
    const stacks = this.#read(documentId);
    const [from, to] = direction === -1 ? [stacks.done, stacks.undone] : [stacks.undone, stacks.done];
    const step = from.pop();
    if (step) to.push(step);
    this.#write(documentId, stacks);
  }

  /**
   * Review works across documents, so its undo needs the order of its decisions: the documents
   * each one wrote to (several for accepting every agreed item), newest last. The steps themselves
   * are the documents' own, so Annotate's undo on a document takes them back too.
   */
  recordReview(documentIds: readonly string[]): void {
    const order = this.#reviewOrder();
    order.done = [...order.done, [...documentIds]].slice(-LIMIT);
    order.undone = [];
    this.#writeReviewOrder(order);
  }

  nextReviewUndo = (): readonly string[] | undefined => this.#reviewOrder().done.at(-1);
  nextReviewRedo = (): readonly string[] | undefined => this.#reviewOrder().undone.at(-1);

  shiftReview(direction: 1 | -1): void {
    const order = this.#reviewOrder();
    const [from, to] = direction === -1 ? [order.done, order.undone] : [order.undone, order.done];
    const entry = from.pop();
    if (entry) to.push(entry);
    this.#writeReviewOrder(order);
  }

  #reviewOrder(): { done: string[][]; undone: string[][] } {
    try {
      const stored = this.#storage.getItem(`${this.#prefix}\u0000review`);
      if (stored) return JSON.parse(stored) as { done: string[][]; undone: string[][] };
    } catch {
      // As with a document's steps: lost order, not lost work.
    }
    return { done: [], undone: [] };
  }

  #writeReviewOrder(order: { done: string[][]; undone: string[][] }) {
    try {
      this.#storage.setItem(`${this.#prefix}\u0000review`, JSON.stringify(order));
    } catch {
      // Full storage: Review's undo forgets; the documents' own steps remain.
    }
    this.#changed();
  }

  /** Forgets every document's steps: after the claims were replaced wholesale, they describe another state. */
  clear(): void {
    for (const key of Object.keys(this.#storage)) if (key.startsWith(this.#prefix)) this.#storage.removeItem(key);
    this.#cache.clear();
    this.#changed();
  }

  #read(documentId: string): Stacks {
    const key = this.#prefix + documentId;
    let stacks = this.#cache.get(key);
    if (!stacks) {
      stacks = { done: [], undone: [] };
      try {
        const stored = this.#storage.getItem(key);
        if (stored) {
          const parsed = JSON.parse(stored) as Listed;
          // Each entry: a step's id, or (as earlier versions wrote it) the step itself.
          const step = (entry: string | Step | ClaimChange): Step[] => {
            if (typeof entry !== 'string') return [asStep(entry)];
            const text = this.#storage.getItem(`${key}\u0000${entry}`);
            if (!text) return [];
            const found = asStep(JSON.parse(text) as Step | ClaimChange);
            this.#ids.set(found, entry);
            return [found];
          };
          stacks = { done: parsed.done.flatMap(step), undone: parsed.undone.flatMap(step) };
        }
      } catch {
        // A history that cannot be read is lost history, not lost work: the claims are in IndexedDB.
      }
      this.#cache.set(key, stacks);
    }
    return { done: [...stacks.done], undone: [...stacks.undone] };
  }

  #write(documentId: string, stacks: Stacks): void {
    const key = this.#prefix + documentId;
    const before = this.#cache.get(key);
    this.#cache.set(key, stacks);
    for (;;) {
      try {
        const idOf = (step: Step) => {
          let id = this.#ids.get(step);
          if (id === undefined) {
            id = ulid();
            this.#storage.setItem(`${key}\u0000${id}`, JSON.stringify(step));
            this.#ids.set(step, id);
          }
          return id;
        };
        const listed: Listed = { done: stacks.done.map(idOf), undone: stacks.undone.map(idOf) };
        this.#storage.setItem(key, JSON.stringify(listed));
        break;
      } catch {
        // Storage full: keep the most recent half and try again.
        if (stacks.done.length + stacks.undone.length <= 1) break;
        const dropped = [
          ...stacks.done.slice(0, Math.floor(stacks.done.length / 2)),
          ...stacks.undone.slice(0, Math.floor(stacks.undone.length / 2)),
        ];
        stacks.done = stacks.done.slice(Math.floor(stacks.done.length / 2));
        stacks.undone = stacks.undone.slice(Math.floor(stacks.undone.length / 2));
        this.#remove(key, dropped);
      }
    }
    // Steps that fell off the end, were merged or can no longer be redone leave the storage too.
    const kept = new Set([...stacks.done, ...stacks.undone]);
    this.#remove(
      key,
      [...(before?.done ?? []), ...(before?.undone ?? [])].filter((step) => !kept.has(step)),
    );
    this.#changed();
  }

  #remove(key: string, steps: readonly Step[]) {
    for (const step of steps) {
      const id = this.#ids.get(step);
      if (id !== undefined) this.#storage.removeItem(`${key}\u0000${id}`);
      this.#ids.delete(step);
    }
  }

  #changed() {
    this.#version++;
    for (const listener of this.#listeners) listener();
  }
}
