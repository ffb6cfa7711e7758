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

/** Enough for a working day on one article; older steps fall off. */
const LIMIT = 300;

/** Steps written by earlier versions held one claim change each. */
const asStep = (stored: Step | ClaimChange): Step => ('claims' in stored ? stored : { claims: [stored], orphans: [] });

/**
 * The undo history of one corpus, per document, kept in sessionStorage: it lasts as long as the
 * window's session, survives a reload, and each step is written the moment the change it records
 * has committed.
 */
export class ClaimHistory {
  readonly #prefix: string;
  readonly #storage: Storage;
  /** What the storage holds, parsed once per document. */
  readonly #cache = new Map<string, Stacks>();
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
          const parsed = JSON.parse(stored) as { done: (Step | ClaimChange)[]; undone: (Step | ClaimChange)[] };
          stacks = { done: parsed.done.map(asStep), undone: parsed.undone.map(asStep) };
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
    this.#cache.set(key, stacks);
    for (;;) {
      try {
        this.#storage.setItem(key, JSON.stringify(stacks));
        break;
      } catch {
        // Storage full: keep the most recent half and try again.
        if (stacks.done.length + stacks.undone.length <= 1) break;
        stacks.done = stacks.done.slice(Math.floor(stacks.done.length / 2));
        stacks.undone = stacks.undone.slice(0, Math.ceil(stacks.undone.length / 2));
      }
    }
    this.#changed();
  }

  #changed() {
    this.#version++;
    for (const listener of this.#listeners) listener();
  }
}
