import { liveQuery } from 'dexie';
import { ulid } from 'ulid';
import type { CorpusText, ImportPlan, Orphan } from '../../shared/import/plan-import';
import type { Reanchoring } from '../../shared/import/reanchor';
import { reanchorClaims } from '../../shared/import/reanchor';
import { claimContent, mergeClusterReviews } from '../../shared/merge/merge';
import { type Annotation, compareByPosition, isLive } from '../../shared/model/annotation';
import type { ClusterReview } from '../../shared/model/cluster-review';
import type { DocumentLabel } from '../../shared/model/document-label';
import { partitionPoint } from '../../shared/partition-point';
import type { FrameScheduler } from '../lib/after-paint';
import type { ClaimChange, ClaimHistory, Step } from './claim-history';
import type { WorkbenchDatabase } from './database';
import type { SaveTracker } from './save-tracker';

/** What a store needs of its corpus session. */
export interface ClaimsContext {
  db: WorkbenchDatabase;
  corpusId: string;
  saves: SaveTracker;
  history: ClaimHistory;
  frames: FrameScheduler;
  /** Told once a write has committed, with the documents whose claims it changed. */
  written(documentIds: readonly string[] | 'all'): void;
}

const now = () => new Date().toISOString();

/** Drops keys set to undefined, so a removed field is absent from the stored record, not present and empty. */
const defined = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

/** `claims` (in text order) with `claim` in its place instead of any copy of it; a tombstone only removes. */
function putInPlace(claims: readonly Annotation[], claim: Annotation): Annotation[] {
  const next = claims.slice();
  const old = next.findIndex((c) => c.id === claim.id);
  if (old >= 0) next.splice(old, 1);
  if (isLive(claim))
    next.splice(
      partitionPoint(next, (c) => compareByPosition(c, claim) < 0),
      0,
      claim,
    );
  return next;
}

type Listener = () => void;

/** A record as the rest of the app knows it, without the corpus the database files it under. */
function withoutCorpus<T extends { corpusId: string }>({ corpusId: _, ...record }: T): Omit<T, 'corpusId'> {
  return record;
}

/** Whether a step changed anything, and so is worth a place in the history. */
const changes = (step: Step) =>
  step.claims.length + step.orphans.length + (step.reviews?.length ?? 0) + (step.labels?.length ?? 0) > 0;

/** What one decision of Review writes to a document (see `DocumentClaims.decide`). */
export interface ReviewWrite {
  /** Gold claims the decision makes. */
  add?: readonly Annotation[];
  /** Gold claims it takes back: the disagreement's earlier decision, or a gold claim removed. */
  retire?: readonly string[];
  /** The disagreement's record as it becomes, made from the stored one (undefined: none yet). */
  review?: { clusterKey: string; edit(stored: ClusterReview | undefined): ClusterReview };
  /** An annotator's framing of the document (the gold one): its tags, or null to remove it. */
  label?: { annotator: string; tags: string[] | null };
}

/**
 * The claims of one document, as the analyst sees them: what IndexedDB has committed, with the
 * claims written and not yet read back in their place. Every write to the document's claims goes
 * through here, so it is shown at once, saved with the save indicator watching, and recorded as one
 * step of the document's undo history.
 *
 * It publishes two snapshots, both in text order and live claims only: `drawn`, which changes in
 * the task that writes (the reader takes it, so a new claim is painted in the frame of its key
 * press), and `listed`, the same list once that frame has been painted (the panels, lists and
 * counts take it, so their work never holds that frame up).
 */
export class DocumentClaims {
  readonly documentId: string;
  readonly #context: ClaimsContext;
  /**
   * Every committed record of the document as read, tombstones included. Kept as IndexedDB gives
   * them (with their corpus id): copying 2,000 records on every read would cost the reader a frame.
   */
  #saved: readonly Annotation[] | undefined;
  #savedLive: readonly Annotation[] = [];
  /** Written and not yet seen committed, by id. */
  readonly #unconfirmed = new Map<string, Annotation>();
  /** Ids whose write has committed: the next read shows what the database made of them. */
  readonly #committed = new Set<string>();
  #drawn: readonly Annotation[] | undefined;
  #listed: readonly Annotation[] | undefined;
  #error: unknown;
  #listedDue: (() => void) | undefined;
  /** Writes not settled yet: undo waits for them, so it takes back the last action, not the one before. */
  readonly #writing = new Set<Promise<unknown>>();
  readonly #drawnListeners = new Set<Listener>();
  readonly #listedListeners = new Set<Listener>();
  #stopWatching: (() => void) | undefined;
  readonly #idle: (store: DocumentClaims) => void;

  constructor(documentId: string, context: ClaimsContext, idle: (store: DocumentClaims) => void) {
    this.documentId = documentId;
    this.#context = context;
    this.#idle = idle;
  }

  /** The claims to draw now; undefined until the document's claims have been read. Throws a failed read. */
  drawn = (): readonly Annotation[] | undefined => {
    if (this.#error !== undefined) throw this.#error;
    return this.#drawn;
  };

  /** The claims as of the last painted frame, for everything beside the reader. */
  listed = (): readonly Annotation[] | undefined => {
    if (this.#error !== undefined) throw this.#error;
    return this.#listed;
  };

  subscribeDrawn = (listener: Listener): (() => void) => this.#subscribe(this.#drawnListeners, listener);
  subscribeListed = (listener: Listener): (() => void) => this.#subscribe(this.#listedListeners, listener);

  get watched(): boolean {
    return this.#stopWatching !== undefined;
  }

  get busy(): boolean {
    return this.#drawnListeners.size + this.#listedListeners.size > 0 || this.#unconfirmed.size > 0;
  }

  /** Claims another write has just committed to the document: shown now, before the next read confirms them. */
  showCommitted(claims: readonly Annotation[]): void {
    for (const claim of claims) {
      this.#unconfirmed.set(claim.id, claim);
      this.#committed.add(claim.id);
    }
    if (this.#drawn) this.#publish(claims.reduce(putInPlace, this.#drawn));
  }

  /** Stops reading the document's claims; the next subscriber reads them again. */
  stop(): void {
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#listedDue?.();
    this.#listedDue = undefined;
    this.#saved = undefined;
    this.#drawn = undefined;
    this.#listed = undefined;
    this.#error = undefined;
  }

  /** A new claim (made by hand, accepted into gold…). */
  add(claim: Annotation): Promise<void> {
    const { db, corpusId } = this.#context;
    return this.#write([claim], async () => {
      await db.annotations.add({ ...claim, corpusId });
      return { claims: [{ before: null, after: claim }], orphans: [] };
    });
  }

  /**
   * Edits a claim as stored, inside the write, so that no edit made meanwhile is lost. Edits with
   * the same `mergeKey` in a row make one step of the history (typing into one field).
   */
  update(id: string, edit: (claim: Annotation) => Annotation, { mergeKey }: { mergeKey?: string } = {}): Promise<void> {
    const { db, corpusId } = this.#context;
    const time = now();
    const finish = (claim: Annotation) => defined({ ...edit(claim), updatedAt: time });
    const shown = this.#unconfirmed.get(id) ?? this.#savedOne(id);
    const edited = shown && finish(shown);
    return this.#write(edited && claimContent(edited) !== claimContent(shown) ? [edited] : [], async () => {
      const stored = await db.annotations.get(id);
      if (!stored) throw new Error('This claim is no longer in the database.');
      const { corpusId: _, ...before } = stored;
      const after = finish(before);
      // A change that changes nothing is not written, and is no step to undo.
      if (claimContent(after) === claimContent(before)) return { claims: [], orphans: [] };
      await db.annotations.put({ ...after, corpusId });
      return { claims: [{ before, after }], orphans: [], ...(mergeKey === undefined ? {} : { mergeKey }) };
    });
  }

  /** Deleting leaves a tombstone so that a later merge knows the claim was removed, not missing. */
  remove(id: string): Promise<void> {
    const time = now();
    return this.update(id, (claim) => ({ ...claim, deletedAt: time }));
  }

  /**
   * One decision of Review, written together and undone as one step: the gold claims it makes and
   * those it takes back (the same disagreement decided before), the disagreement's record
   * (decision, discussion) and the document's framing it sets.
   */
  decide({ add = [], retire = [], review, label }: ReviewWrite): Promise<void> {
    const { db, corpusId } = this.#context;
    const time = now();
    const retired = retire.flatMap((id) => {
      const shown = this.#unconfirmed.get(id) ?? this.#savedOne(id);
      return shown ? [{ ...shown, deletedAt: time, updatedAt: time }] : [];
    });
    return this.#write([...retired, ...add], async () => {
      const step: Required<Omit<Step, 'mergeKey'>> = { claims: [], orphans: [], reviews: [], labels: [], review: true };
      for (const id of retire) {
        const stored = await db.annotations.get(id);
        if (!stored || !isLive(stored)) continue;
        const { corpusId: _, ...before } = stored;
        const after = { ...before, deletedAt: time, updatedAt: time };
        await db.annotations.put({ ...after, corpusId });
        step.claims.push({ before, after });
      }
      for (const claim of add) {
        await db.annotations.add({ ...claim, corpusId });
        step.claims.push({ before: null, after: claim });
      }
      if (review) {
        const stored = await db.reviews.get([corpusId, this.documentId, review.clusterKey]);
        const before = stored ? withoutCorpus(stored) : null;
        const after = review.edit(before ?? undefined);
        await db.reviews.put({ ...after, corpusId });
        step.reviews.push({ before, after });
      }
      if (label) {
        const stored = await db.documentLabels.get([corpusId, this.documentId, label.annotator]);
        const before = stored ? withoutCorpus(stored) : null;
        const after =
          label.tags === null
            ? null
            : { documentId: this.documentId, annotator: label.annotator, tags: label.tags, updatedAt: time };
        if (after) await db.documentLabels.put({ ...after, corpusId });
        else await db.documentLabels.delete([corpusId, this.documentId, label.annotator]);
        step.labels.push({ before, after });
      }
      return step;
    });
  }

  /** An imported claim that could not be placed becomes `claim`; both writes commit together. */
  placeOrphan(orphan: Orphan, claim: Annotation): Promise<void> {
    const { db, corpusId } = this.#context;
    return this.#write([claim], async () => {
      await db.annotations.add({ ...claim, corpusId });
      await db.orphans.delete(orphan.id);
      return { claims: [{ before: null, after: claim }], orphans: [{ before: orphan, after: null }] };
    });
  }

  discardOrphan(orphan: Orphan): Promise<void> {
    return this.#write([], async () => {
      await this.#context.db.orphans.delete(orphan.id);
      return { claims: [], orphans: [{ before: orphan, after: null }] };
    });
  }

  /**
   * A changed file's claims found again: moved ones updated, lost ones turned into orphans. Not a
   * step of the history: the app did it, not the analyst, and taking it back would only put the
   * claims on a text that is no longer there (and make the app find them again).
   */
  reanchor({ updated, orphaned, removed }: Reanchoring): Promise<void> {
    const { db, corpusId } = this.#context;
    const time = now();
    const gone = removed.flatMap((id) => {
      const claim = this.#savedOne(id);
      return claim ? [{ ...claim, deletedAt: time, updatedAt: time }] : [];
    });
    return this.#write(
      [...updated, ...gone],
      async () => {
        await db.annotations.bulkPut(updated.map((a) => ({ ...a, corpusId })));
        await db.annotations.bulkDelete(removed);
        await db.orphans.bulkAdd(orphaned.map((o) => ({ ...o, corpusId })));
        return { claims: [], orphans: [] };
      },
      { record: false },
    );
  }

  /**
   * Takes back the document's last step (or, with `redo`, the last one taken back) by writing each
   * claim and orphan as it was; a claim the step created gets a tombstone. Returns the id of a
   * claim the step touched, to select it.
   */
  async undo(redo = false): Promise<string | undefined> {
    const { db, corpusId, history } = this.#context;
    // A step is recorded when its write commits; the key press that undoes it may come first.
    await Promise.allSettled([...this.#writing]);
    const step = redo ? history.nextRedo(this.documentId) : history.nextUndo(this.documentId);
    if (!step) return undefined;
    const time = now();
    const claims = step.claims.map(({ before, after }) =>
      redo
        ? { ...after, updatedAt: time }
        : before
          ? { ...before, updatedAt: time }
          : { ...after, deletedAt: time, updatedAt: time },
    );
    const orphans = step.orphans.map(({ before, after }) => ({
      id: (before ?? after)?.id ?? '',
      restored: redo ? after : before,
    }));
    const reviews = (step.reviews ?? []).map(({ before, after }) => ({
      key: [corpusId, this.documentId, (before ?? after)?.clusterKey ?? ''] as [string, string, string],
      restored: redo ? after : before,
    }));
    const labels = (step.labels ?? []).map(({ before, after }) => ({
      key: [corpusId, this.documentId, (before ?? after)?.annotator ?? ''] as [string, string, string],
      restored: redo ? after : before,
    }));
    // Moved before the write, so that a second press while this one is written takes the next step.
    history.shift(this.documentId, redo ? 1 : -1);
    try {
      await this.#write(
        claims,
        async () => {
          await db.annotations.bulkPut(claims.map((claim) => ({ ...claim, corpusId })));
          for (const { id, restored } of orphans)
            if (restored) await db.orphans.put({ ...restored, corpusId });
            else await db.orphans.delete(id);
          for (const { key, restored } of reviews)
            if (restored) await db.reviews.put({ ...restored, corpusId });
            else await db.reviews.delete(key);
          for (const { key, restored } of labels)
            if (restored) await db.documentLabels.put({ ...restored, corpusId });
            else await db.documentLabels.delete(key);
          return step;
        },
        { record: false },
      );
    } catch (error) {
      history.shift(this.documentId, redo ? -1 : 1);
      throw error;
    }
    return (claims.find(isLive) ?? claims[0])?.id;
  }

  /**
   * Shows `shown` at once, runs the write in one transaction with the save indicator watching,
   * records its step, and tells the session; a write that fails is taken back off the page.
   */
  async #write(
    shown: readonly Annotation[],
    write: () => Promise<Step>,
    { record = true }: { record?: boolean } = {},
  ): Promise<void> {
    const { db, saves, history } = this.#context;
    for (const claim of shown) this.#unconfirmed.set(claim.id, claim);
    if (shown.length > 0 && this.#drawn) this.#publish(shown.reduce(putInPlace, this.#drawn));
    // The step is recorded inside the transaction, before it commits: the history (in
    // sessionStorage) then holds every write that may have committed, even if the window goes
    // away at once. A write that fails takes its step back.
    let recorded: Step | undefined;
    const run = () =>
      db.transaction('rw', [db.annotations, db.orphans, db.reviews, db.documentLabels], async () => {
        const step = await write();
        if (record && !recorded && changes(step)) {
          recorded = history.record(this.documentId, step);
        }
      });
    const writing = saves.track(run);
    this.#writing.add(writing);
    try {
      await writing;
    } catch (error) {
      if (recorded) history.forget(this.documentId, recorded);
      for (const claim of shown) this.#unconfirmed.delete(claim.id);
      if (this.#saved) this.#publish(this.#merge());
      throw error;
    } finally {
      this.#writing.delete(writing);
    }
    for (const claim of shown) this.#committed.add(claim.id);
    this.#context.written([this.documentId]);
  }

  #subscribe(listeners: Set<Listener>, listener: Listener): () => void {
    listeners.add(listener);
    if (!this.#stopWatching) this.#watch();
    return () => {
      listeners.delete(listener);
      if (!this.busy) this.#idle(this);
    };
  }

  #watch() {
    const { db, corpusId } = this.#context;
    const subscription = liveQuery(() =>
      db.annotations.where('[corpusId+documentId]').equals([corpusId, this.documentId]).toArray(),
    ).subscribe({
      next: (records) => {
        this.#error = undefined;
        this.#saved = records;
        this.#savedLive = records.filter(isLive).sort(compareByPosition);
        this.#forgetSeen();
        this.#publish(this.#merge());
      },
      error: (error: unknown) => {
        this.#error = error;
        this.#tell(this.#drawnListeners);
        this.#tell(this.#listedListeners);
      },
    });
    this.#stopWatching = () => subscription.unsubscribe();
  }

  /** Forgets the unconfirmed claims the database now shows as written (or as gone, once committed). */
  #forgetSeen() {
    for (const [id, claim] of this.#unconfirmed) {
      const stored = this.#savedOne(id);
      const seen = stored ? stored.updatedAt >= claim.updatedAt : this.#committed.has(id) && !isLive(claim);
      if (seen) {
        this.#unconfirmed.delete(id);
        this.#committed.delete(id);
      }
    }
  }

  #savedOne(id: string): Annotation | undefined {
    return this.#saved?.find((claim) => claim.id === id);
  }

  /** The committed live claims with the unconfirmed ones in their place. */
  #merge(): readonly Annotation[] {
    let claims = this.#savedLive;
    for (const claim of this.#unconfirmed.values()) claims = putInPlace(claims, claim);
    return claims;
  }

  #publish(drawn: readonly Annotation[]) {
    this.#drawn = drawn;
    this.#tell(this.#drawnListeners);
    if (this.#listed === undefined) {
      // The first claims read are shown everywhere at once, with the text.
      this.#listed = drawn;
      this.#tell(this.#listedListeners);
      return;
    }
    this.#listedDue ??= this.#context.frames.afterPaint(() => {
      this.#listedDue = undefined;
      if (this.#listed === this.#drawn) return;
      this.#listed = this.#drawn;
      this.#tell(this.#listedListeners);
    });
  }

  #tell(listeners: Set<Listener>) {
    for (const listener of listeners) listener();
  }
}

/** The largest import that becomes steps of the undo history. */
const UNDOABLE_IMPORT = { documents: 50, claims: 2_000 };

/** Documents closed but kept read: an analyst going back to one sees its claims without waiting for IndexedDB. */
const KEPT_DOCUMENTS = 4;

/**
 * The claims stores of one corpus session, one per document, made when first asked for. Stores
 * nobody looks at stay read for the last few documents; older ones stop reading.
 */
export class ClaimStores {
  readonly #context: ClaimsContext;
  /** In order of last use, least recent first. */
  readonly #stores = new Map<string, DocumentClaims>();

  constructor(context: ClaimsContext) {
    this.#context = context;
  }

  /** The store of `documentId`. */
  of(documentId: string): DocumentClaims {
    let store = this.#stores.get(documentId);
    if (store) this.#stores.delete(documentId);
    else store = new DocumentClaims(documentId, this.#context, () => this.#release());
    this.#stores.set(documentId, store);
    return store;
  }

  /** The document's claims as shown now, when its store has read them; for counting without a read. */
  shown(documentId: string): readonly Annotation[] | undefined {
    const store = this.#stores.get(documentId);
    return store?.watched ? store.drawn() : undefined;
  }

  /**
   * A file's claims, orphans and document labels, stored together or not at all. What a small
   * import (a colleague's file for a few documents) brought into each document is one step of that
   * document's history; a larger one is not, since its steps would fill the history's storage and
   * push out the analyst's own.
   */
  async commitImport(plan: ImportPlan): Promise<void> {
    const { db, corpusId, saves, history } = this.#context;
    // A refused import is told in the import report, and nothing of it is stored to retry.
    await saves.track(
      () =>
        db.transaction('rw', [db.annotations, db.orphans, db.documentLabels, db.reviews], async () => {
          await db.annotations.bulkAdd(plan.add.map((a) => ({ ...a, corpusId })));
          await db.reviews.bulkPut(plan.reviews.map((r) => ({ ...r, corpusId })));
          await db.annotations.bulkPut(plan.replace.map(({ after }) => ({ ...after, corpusId })));
          await db.orphans.bulkAdd(plan.orphans.map((o) => ({ ...o, corpusId })));
          await db.documentLabels.bulkAdd(plan.documentLabels.map((l) => ({ ...l, corpusId })));
        }),
      { keep: false },
    );
    const steps = new Map<string, Step>();
    const stepOf = (documentId: string) => {
      const step = steps.get(documentId) ?? { claims: [], orphans: [] };
      steps.set(documentId, step);
      return step;
    };
    for (const claim of plan.add) stepOf(claim.documentId).claims.push({ before: null, after: claim });
    for (const change of plan.replace) stepOf(change.after.documentId).claims.push(change);
    for (const [documentId, step] of steps)
      this.#stores.get(documentId)?.showCommitted(step.claims.map((change) => change.after));
    for (const orphan of plan.orphans) stepOf(orphan.documentId).orphans.push({ before: null, after: orphan });
    if (
      steps.size <= UNDOABLE_IMPORT.documents &&
      plan.add.length + plan.replace.length + plan.orphans.length <= UNDOABLE_IMPORT.claims
    )
      for (const [documentId, step] of steps) history.record(documentId, step);
    this.#context.written([...steps.keys()]);
  }

  /**
   * Claims made together (every selected hit of a search coded at once), in one transaction:
   * each document's part is one step of its history, as a small import's is.
   */
  async addTogether(claims: readonly Annotation[]): Promise<void> {
    await this.#changeTogether(async () => claims.map((claim) => ({ before: null, after: claim })));
  }

  /**
   * Takes back claims made together (`live` false: deleted, leaving tombstones) or puts them back
   * (`live` true), in one transaction, each document's part one step of its history. A claim
   * changed since it was made together (re-tagged, moved, deleted) is left as it is; returns how
   * many were changed.
   */
  async setTogether(claims: readonly Annotation[], live: boolean): Promise<number> {
    const { db } = this.#context;
    const time = new Date().toISOString();
    const unmarked = (claim: Annotation) => claimContent({ ...claim, deletedAt: undefined });
    const changes = await this.#changeTogether(async () => {
      const stored = await db.annotations.bulkGet(claims.map((claim) => claim.id));
      return claims.flatMap((claim, i): ClaimChange[] => {
        const record = stored[i];
        if (!record || isLive(record) === live) return [];
        const { corpusId: _, ...before } = record;
        if (unmarked(before) !== unmarked(claim)) return [];
        const { deletedAt: __, ...kept } = before;
        return [
          { before, after: live ? { ...kept, updatedAt: time } : { ...before, deletedAt: time, updatedAt: time } },
        ];
      });
    });
    return changes.length;
  }

  /** Writes the changes `plan` makes, inside the one transaction it reads in. */
  async #changeTogether(plan: () => Promise<ClaimChange[]>): Promise<ClaimChange[]> {
    const { db, corpusId, saves, history } = this.#context;
    const changes = await saves.track(() =>
      db.transaction('rw', db.annotations, async () => {
        const planned = await plan();
        await db.annotations.bulkPut(planned.map(({ after }) => ({ ...after, corpusId })));
        return planned;
      }),
    );
    const steps = new Map<string, ClaimChange[]>();
    for (const change of changes) {
      const documentId = change.after.documentId;
      steps.set(documentId, [...(steps.get(documentId) ?? []), change]);
    }
    for (const [documentId, claims] of steps) {
      this.#stores.get(documentId)?.showCommitted(claims.map((change) => change.after));
      history.record(documentId, { claims, orphans: [] });
    }
    this.#context.written([...steps.keys()]);
    return changes;
  }

  /**
   * Writes a restore (see planRestore: the snapshot's claims as it had them, tombstones for the
   * claims it had deleted) and the snapshot's document labels, in one transaction: all of it or
   * nothing. Nothing else is touched. The undo history described the claims as they were, so it
   * is cleared.
   */
  async restore(
    claims: readonly Annotation[],
    labels: readonly DocumentLabel[],
    reviews: readonly ClusterReview[] = [],
  ): Promise<void> {
    const { db, corpusId, saves, history } = this.#context;
    await saves.track(() =>
      db.transaction('rw', [db.annotations, db.documentLabels, db.reviews], async () => {
        await db.annotations.bulkPut(claims.map((claim) => ({ ...claim, corpusId })));
        await db.documentLabels.bulkPut(labels.map((label) => ({ ...label, corpusId })));
        // A discussion is never lost to a restore: the snapshot's and the database's are merged.
        const stored = await db.reviews.bulkGet(reviews.map((r) => [corpusId, r.documentId, r.clusterKey]));
        await db.reviews.bulkPut(
          reviews.map((review, i) => {
            const held = stored[i];
            return { ...(held ? mergeClusterReviews(withoutCorpus(held), review) : review), corpusId };
          }),
        );
      }),
    );
    history.clear();
    this.#context.written('all');
  }

  /**
   * Moves the claims (and the claims not placed) of a document that is no longer in the corpus
   * onto `to`, in one transaction: on the same text (a renamed or moved file) they keep their
   * places; on another text each is found again from its quote, and those that cannot be found
   * wait under "Not placed" on `to`. Returns how many were placed and how many wait.
   */
  async reattach(
    fromId: string,
    to: CorpusText,
    /** When the approximate search gives up (see AnchorOptions). */
    deadline?: number,
  ): Promise<{ placed: number; notPlaced: number }> {
    const { db, corpusId, saves } = this.#context;
    const now = new Date().toISOString();
    const outcome = await saves.track(() =>
      db.transaction('rw', db.annotations, db.orphans, async () => {
        const records = await db.annotations.where('[corpusId+documentId]').equals([corpusId, fromId]).toArray();
        const moved = records.filter(isLive).map(({ corpusId: _, ...claim }) => ({ ...claim, documentId: to.id }));
        const same = moved.filter((claim) => claim.documentSha256 === to.sha256);
        const found = reanchorClaims(
          moved.filter((claim) => claim.documentSha256 !== to.sha256),
          to,
          now,
          ulid,
          deadline,
        );
        await db.annotations.bulkPut([...same, ...found.updated].map((claim) => ({ ...claim, corpusId })));
        await db.annotations.bulkDelete(found.removed);
        await db.orphans.bulkAdd(found.orphaned.map((orphan) => ({ ...orphan, corpusId })));
        // Tombstones move too, so that a merge still knows those claims were deleted.
        await db.annotations.bulkPut(
          records.filter((record) => !isLive(record)).map((record) => ({ ...record, documentId: to.id })),
        );
        await db.orphans.where('[corpusId+documentId]').equals([corpusId, fromId]).modify({ documentId: to.id });
        return { moved, placed: [...same, ...found.updated], notPlaced: found.orphaned.length };
      }),
    );
    // Both documents' stores show the move now, so the counts made from them are right at once.
    this.#stores
      .get(fromId)
      ?.showCommitted(outcome.moved.map((claim) => ({ ...claim, documentId: fromId, deletedAt: now })));
    this.#stores.get(to.id)?.showCommitted(outcome.placed);
    this.#context.written([fromId, to.id]);
    return { placed: outcome.placed.length, notPlaced: outcome.notPlaced };
  }

  /**
   * Gold from what every annotator agreed on: claims, and framings (tags added to the document's
   * gold framing), in one transaction over the documents they are in. Made by the analyst's one
   * action, each document's share is a step of its history (`record`); made by the app on its
   * own, none is.
   */
  async acceptAgreed(
    claims: readonly Annotation[],
    framings: readonly { documentId: string; annotator: string; tags: string[] }[],
    { record }: { record: boolean },
  ): Promise<void> {
    const { db, corpusId, saves, history } = this.#context;
    const steps = new Map<string, Step>();
    const stepOf = (documentId: string) => {
      const step = steps.get(documentId) ?? { claims: [], orphans: [], labels: [], review: true };
      steps.set(documentId, step);
      return step;
    };
    for (const claim of claims) stepOf(claim.documentId).claims.push({ before: null, after: claim });
    const time = now();
    await saves.track(() =>
      db.transaction('rw', db.annotations, db.documentLabels, async () => {
        await db.annotations.bulkAdd(claims.map((claim) => ({ ...claim, corpusId })));
        for (const { documentId, annotator, tags } of framings) {
          const stored = await db.documentLabels.get([corpusId, documentId, annotator]);
          const before = stored ? withoutCorpus(stored) : null;
          const after = {
            documentId,
            annotator,
            tags: [...new Set([...(before?.tags ?? []), ...tags])],
            updatedAt: time,
          };
          await db.documentLabels.put({ ...after, corpusId });
          stepOf(documentId).labels?.push({ before, after });
        }
      }),
    );
    for (const [documentId, step] of steps) {
      if (record) history.record(documentId, step);
      this.#stores.get(documentId)?.showCommitted(step.claims.map((change) => change.after));
    }
    this.#context.written([...steps.keys()]);
  }

  /** The documents whose claims are read now, least recently used first. */
  watched(): string[] {
    return [...this.#stores.values()].filter((s) => s.watched).map((s) => s.documentId);
  }

  #release() {
    const idle = [...this.#stores.values()].filter((store) => !store.busy);
    for (const store of idle.slice(0, Math.max(0, idle.length - KEPT_DOCUMENTS))) {
      store.stop();
      this.#stores.delete(store.documentId);
    }
  }
}
