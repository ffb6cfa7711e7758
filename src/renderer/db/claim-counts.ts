import { type Annotation, isLive } from '../../shared/model/annotation';
import type { FrameScheduler } from '../lib/after-paint';
import type { WorkbenchDatabase } from './database';

export interface DocumentCount {
  count: number;
  tags: Set<string>;
}

export type Counts = ReadonlyMap<string, DocumentCount>;

interface CountsContext {
  db: WorkbenchDatabase;
  corpusId: string;
  frames: FrameScheduler;
  /** A document's claims as shown now, when they are in memory (no read needed). */
  shown(documentId: string): readonly Annotation[] | undefined;
}

/** Counts a live claim into its document's entry. */
function countInto(byDocument: Map<string, DocumentCount>, claim: Annotation) {
  if (!isLive(claim)) return;
  const entry = byDocument.get(claim.documentId) ?? { count: 0, tags: new Set<string>() };
  entry.count++;
  for (const tag of claim.tags) entry.tags.add(tag);
  byDocument.set(claim.documentId, entry);
}

/**
 * Per document of a corpus: how many live claims, and which tags they use (for the document list
 * and its filters). The corpus is counted once, claim by claim so that its claims are never all
 * in memory at once; after that, the session tells which documents a write changed, and only
 * those are counted again: from the claims on screen when their store holds them (annotating never
 * makes the app read the database for counts), from the database otherwise.
 */
export class ClaimCounts {
  readonly #context: CountsContext;
  /** The counts as shown, and as last counted (shown once the next frame has been painted). */
  #counts: Counts | undefined;
  #latest: Counts | undefined;
  readonly #listeners = new Set<() => void>();
  /** One count at a time, each starting from the last. */
  #counting: Promise<void> = Promise.resolve();
  #countAll = true;
  readonly #due = new Set<string>();
  #started = false;

  constructor(context: CountsContext) {
    this.#context = context;
  }

  /** Undefined until the corpus has been counted. */
  current = (): Counts | undefined => this.#counts;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (!this.#started) {
      this.#started = true;
      this.#queue();
    }
    return () => this.#listeners.delete(listener);
  };

  /** The documents whose claims a committed write changed ('all' after a range write such as a restore). */
  written(documentIds: readonly string[] | 'all'): void {
    if (documentIds === 'all') this.#countAll = true;
    else for (const id of documentIds) this.#due.add(id);
    if (this.#started) this.#queue();
  }

  #queue() {
    this.#counting = this.#counting.then(
      () => this.#count(),
      () => this.#count(),
    );
    this.#counting.catch(() => {
      // A failed count leaves the counts as they were and counts everything next time.
      this.#countAll = true;
    });
  }

  async #count() {
    const { db, corpusId, frames, shown } = this.#context;
    const all = this.#countAll || !this.#latest;
    const due = [...this.#due];
    if (!all && due.length === 0) return;
    this.#countAll = false;
    this.#due.clear();
    const next = all ? new Map<string, DocumentCount>() : new Map(this.#latest);
    if (all)
      await db.annotations
        .where('corpusId')
        .equals(corpusId)
        .each((claim) => countInto(next, claim));
    else
      for (const documentId of due) {
        next.delete(documentId);
        const inMemory = shown(documentId);
        if (inMemory) for (const claim of inMemory) countInto(next, claim);
        else
          await db.annotations
            .where('[corpusId+documentId]')
            .equals([corpusId, documentId])
            .each((claim) => countInto(next, claim));
      }
    this.#latest = next;
    // The list follows a frame later, so a count never holds up the frame of a key press.
    frames.afterPaint(() => {
      this.#counts = next;
      for (const listener of this.#listeners) listener();
    });
  }
}
