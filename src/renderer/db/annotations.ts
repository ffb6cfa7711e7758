import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type Annotation, type ClaimAttributes, compareByPosition, isLive } from '../../shared/model/annotation';
import type { DocumentLabel } from '../../shared/model/document-label';
import { keptWatches } from '../lib/kept-watches';
import { type ClaimStep, nextRedo, nextUndo, recordStep, shiftStep } from './claim-history';
import { claimsWritten } from './claims-written';
import { corpusScope } from './corpus-scope';
import { db } from './database';
import { trackWrite } from './save-status';
import {
  dropUnconfirmed,
  showUnconfirmed,
  useUnconfirmedVersionAfterPaint,
  withUnconfirmed,
} from './unconfirmed-claims';

const now = () => new Date().toISOString();

const inCorpus = () => db.annotations.where('corpusId').equals(corpusScope());

/**
 * Every annotator's live claims on one document in text order, as IndexedDB has them committed
 * (with the claims just written, see unconfirmed-claims, from the frame after the one that
 * draws them: the reader takes them at once). Undefined until that document's claims
 * are read: never the previous document's while the next one's are on their way.
 */
export function useDocumentClaims(documentId: string | undefined): readonly Annotation[] | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (documentId === undefined ? () => {} : recentDocuments.subscribe(documentId, listener)),
    [documentId],
  );
  const current = useSyncExternalStore(subscribe, () =>
    documentId === undefined ? NO_CLAIMS : recentDocuments.current(documentId),
  );
  const shown = useUnconfirmedVersionAfterPaint();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` changes when a claim is written, before the committed claims do
  return useMemo(
    () => (current && documentId !== undefined ? withUnconfirmed(documentId, current) : current),
    [current, documentId, shown],
  );
}

const NO_CLAIMS: readonly Annotation[] = [];

/** Documents closed but kept read: an analyst going back to one sees its claims without waiting for IndexedDB. */
const KEPT_DOCUMENTS = 4;

const recentDocuments = keptWatches<readonly Annotation[]>((documentId, report, fail) => {
  const subscription = liveQuery(async () =>
    (await db.annotations.where('[corpusId+documentId]').equals([corpusScope(), documentId]).toArray())
      .filter(isLive)
      .sort(compareByPosition),
  ).subscribe({ next: report, error: fail });
  return () => subscription.unsubscribe();
}, KEPT_DOCUMENTS);

export interface DocumentClaims {
  count: number;
  tags: Set<string>;
}

/** How long writes must pause before the documents they touched are counted again. */
const RECOUNT_AFTER_MS = 1_000;

/** Past this many claims written in one pause, the whole corpus is counted again. */
const RECOUNT_CLAIMS_LIMIT = 500;

/** Counts a live claim into its document's entry. */
function countInto(byDocument: Map<string, DocumentClaims>, claim: Annotation) {
  if (!isLive(claim)) return;
  const entry = byDocument.get(claim.documentId) ?? { count: 0, tags: new Set<string>() };
  entry.count++;
  for (const tag of claim.tags) entry.tags.add(tag);
  byDocument.set(claim.documentId, entry);
}

/** Read claim by claim, so that the corpus's claims are never all in memory at once. */
async function countByDocument(): Promise<Map<string, DocumentClaims>> {
  const byDocument = new Map<string, DocumentClaims>();
  await inCorpus().each((claim) => countInto(byDocument, claim));
  return byDocument;
}

type Open = { documentId: string; claims: readonly Annotation[] } | undefined;

/**
 * The counts with the documents of the claims written counted again: the open document from the
 * claims on screen, any other from the database. A claim no longer stored (an import taken back)
 * leaves its document unknown, so then everything is counted.
 */
async function recountWritten(
  counted: Map<string, DocumentClaims>,
  claimIds: readonly string[],
  open: Open,
): Promise<Map<string, DocumentClaims>> {
  const written = await db.annotations.bulkGet([...claimIds]);
  if (written.some((claim) => claim === undefined)) return countByDocument();
  const next = new Map(counted);
  for (const documentId of new Set(written.map((claim) => (claim as Annotation).documentId))) {
    next.delete(documentId);
    if (open?.documentId === documentId) for (const claim of open.claims) countInto(next, claim);
    else
      await db.annotations
        .where('[corpusId+documentId]')
        .equals([corpusScope(), documentId])
        .each((claim) => countInto(next, claim));
  }
  return next;
}

/**
 * Per document: how many live claims, and which tags they use (for the list and its filters).
 * The corpus is counted when it opens; after that, once writes pause, only the documents whose
 * claims were written are counted again (the open one from the claims on screen), so annotating
 * never makes the app read the whole corpus. The open document's entry is always its live claims.
 */
export function useClaimsByDocument(corpusId: string, open: Open): Map<string, DocumentClaims> | undefined {
  const [counted, setCounted] = useState<{ corpusId: string; byDocument: Map<string, DocumentClaims> }>();
  const openNow = useRef(open);
  openNow.current = open;
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: Map<string, DocumentClaims> | undefined;
    let pending = new Set<string>();
    let countAll = true;
    let counting = Promise.resolve();
    const count = async () => {
      const claimIds = [...pending];
      const all = countAll || claimIds.length > RECOUNT_CLAIMS_LIMIT;
      pending = new Set();
      countAll = false;
      const byDocument = all || !last ? await countByDocument() : await recountWritten(last, claimIds, openNow.current);
      if (!current) return;
      last = byDocument;
      setCounted({ corpusId, byDocument });
    };
    // One count at a time, each starting from the last; a failed one leaves the counts as they
    // were and counts everything next time.
    const queue = () => {
      counting = counting.then(count).catch(() => {
        countAll = true;
      });
    };
    const onMutated = (parts: ObservabilitySet) => {
      const written = claimsWritten(parts);
      if (written === 'all') countAll = true;
      else if (written.length === 0) return;
      else for (const id of written) pending.add(id);
      clearTimeout(timer);
      timer = setTimeout(queue, RECOUNT_AFTER_MS);
    };
    queue();
    Dexie.on('storagemutated', onMutated);
    return () => {
      current = false;
      clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  }, [corpusId]);
  const byDocument = counted?.corpusId === corpusId ? counted.byDocument : undefined;
  return useMemo(() => {
    if (!byDocument || !open) return byDocument;
    const patched = new Map(byDocument);
    patched.delete(open.documentId);
    for (const claim of open.claims) countInto(patched, claim);
    return patched;
  }, [byDocument, open]);
}

/** Every annotation of the open corpus, tombstones included. */
export const allAnnotations = () => inCorpus().toArray();

/** Everyone with a live claim in the database, by name. */
export function useAnnotators(): string[] | undefined {
  return useLiveQuery(async () => {
    const names = new Set<string>();
    await inCorpus().each((a) => {
      if (isLive(a)) names.add(a.annotator);
    });
    return [...names].sort((a, b) => a.localeCompare(b));
  }, []);
}

/** Speakers named on claims in any corpus, for autocompletion: the same people speak across corpora. */
export function useSpeakers(): string[] | undefined {
  return useLiveQuery(
    async () =>
      ((await db.annotations.orderBy('attributes.speaker').uniqueKeys()) as string[]).filter((s) => s.trim() !== ''),
    [],
  );
}

export async function addClaim(annotation: Annotation): Promise<void> {
  showUnconfirmed(annotation);
  try {
    await trackWrite(() => db.annotations.add({ ...annotation, corpusId: corpusScope() }));
  } catch (error) {
    dropUnconfirmed(annotation.id);
    throw error;
  }
  recordStep({ before: null, after: annotation });
}

/** Drops keys set to undefined, so a removed field is absent from the stored record, not present and empty. */
const defined = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

/**
 * Every change to a claim goes through here: read, edit and write in one transaction, then
 * remember the step for undo.
 */
export async function updateClaim(id: string, edit: (claim: Annotation) => Annotation): Promise<void> {
  const step = await trackWrite(() =>
    db.transaction('rw', db.annotations, async (): Promise<ClaimStep> => {
      const stored = await db.annotations.get(id);
      if (!stored) throw new Error('This claim is no longer in the database.');
      const { corpusId, ...before } = stored;
      const after = defined({ ...edit(before), updatedAt: now() });
      await db.annotations.put({ ...after, corpusId });
      return { before, after };
    }),
  );
  recordStep(step);
}

export const setClaimTags = (id: string, tags: string[]) => updateClaim(id, (claim) => ({ ...claim, tags }));

/** Merged into the stored attributes inside the write, so that no earlier edit is lost. */
export const setClaimAttributes = (id: string, patch: Partial<ClaimAttributes>) =>
  updateClaim(id, (claim) => ({ ...claim, attributes: defined({ ...claim.attributes, ...patch }) }));

/** Deleting leaves a tombstone so that a later merge knows the claim was removed, not missing. */
export const deleteClaim = (id: string) => updateClaim(id, (claim) => ({ ...claim, deletedAt: now() }));

/**
 * Takes back the document's last change (or, with `redo`, the last one taken back) by writing
 * the claim as it was; a claim the step created gets a tombstone. Returns the claim's id.
 */
export async function undoStep(documentId: string, redo = false): Promise<string | undefined> {
  const step = redo ? nextRedo(documentId) : nextUndo(documentId);
  if (!step) return undefined;
  const time = now();
  const restored = redo
    ? { ...step.after, updatedAt: time }
    : step.before
      ? { ...step.before, updatedAt: time }
      : { ...step.after, deletedAt: time, updatedAt: time };
  // Moved before the write, so that a second press while this one is written takes the next step.
  shiftStep(documentId, redo ? 1 : -1);
  try {
    await trackWrite(() => db.annotations.put({ ...restored, corpusId: corpusScope() }));
  } catch (error) {
    shiftStep(documentId, redo ? -1 : 1);
    throw error;
  }
  return restored.id;
}

/**
 * Puts the open corpus's claims and document labels back as a snapshot had them, in one transaction: what is there
 * now is replaced, or nothing changes at all.
 */
export const restoreClaims = (claims: readonly Annotation[], labels: readonly DocumentLabel[]) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.documentLabels, async () => {
      const corpusId = corpusScope();
      await inCorpus().delete();
      await db.annotations.bulkAdd(claims.map((claim) => ({ ...claim, corpusId })));
      await db.documentLabels.where('corpusId').equals(corpusId).delete();
      await db.documentLabels.bulkAdd(labels.map((label) => ({ ...label, corpusId })));
    }),
  );
