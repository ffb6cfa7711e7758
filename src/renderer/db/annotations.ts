import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { type Annotation, type ClaimAttributes, compareByPosition, isLive } from '../../shared/model/annotation';
import type { DocumentLabel } from '../../shared/model/document-label';
import { keptWatches } from '../lib/kept-watches';
import { type ClaimStep, nextRedo, nextUndo, recordStep, shiftStep } from './claim-history';
import { corpusScope } from './corpus-scope';
import { db } from './database';
import { trackWrite } from './save-status';
import { dropUnconfirmed, showUnconfirmed, useUnconfirmedVersion, withUnconfirmed } from './unconfirmed-claims';

const now = () => new Date().toISOString();

const inCorpus = () => db.annotations.where('corpusId').equals(corpusScope());

/**
 * Every annotator's live claims on one document in text order, as IndexedDB has them committed
 * (with the claims just written, see unconfirmed-claims). Undefined until that document's claims
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
  const shown = useUnconfirmedVersion();
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

/** How long writes must pause before the corpus's claims are counted again. */
const RECOUNT_AFTER_MS = 1_000;

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

/**
 * Per document: how many live claims, and which tags they use (for the list and its filters).
 * Counting reads every claim of the corpus, so it is done when the corpus opens and again once
 * writes pause, not after each claim: with a hundred thousand claims stored, a recount per
 * keystroke would keep the machine busy. The open document's entry is always its live claims.
 */
export function useClaimsByDocument(
  corpusId: string,
  open: { documentId: string; claims: readonly Annotation[] } | undefined,
): Map<string, DocumentClaims> | undefined {
  const [counted, setCounted] = useState<{ corpusId: string; byDocument: Map<string, DocumentClaims> }>();
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      countByDocument().then(
        (byDocument) => current && setCounted({ corpusId, byDocument }),
        // A failed count keeps the last one; the next write tries again.
        () => undefined,
      );
    };
    const onMutated = (parts: ObservabilitySet) => {
      if (!Object.keys(parts).some((part) => part.includes('/annotations/'))) return;
      clearTimeout(timer);
      timer = setTimeout(recount, RECOUNT_AFTER_MS);
    };
    recount();
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
