import { useLiveQuery } from 'dexie-react-hooks';
import { type Annotation, compareByPosition, isLive } from '../../shared/model/annotation';
import type { DocumentLabel } from '../../shared/model/document-label';
import { corpusScope } from './corpus-scope';
import { db } from './database';
import { trackWrite } from './save-status';

const now = () => new Date().toISOString();

const inCorpus = () => db.annotations.where('corpusId').equals(corpusScope());

/** Every annotator's live claims on one document in text order, as IndexedDB has them committed. */
export function useDocumentClaims(documentId: string | undefined): Annotation[] | undefined {
  return useLiveQuery(
    async () =>
      documentId === undefined
        ? []
        : (await db.annotations.where('[corpusId+documentId]').equals([corpusScope(), documentId]).toArray())
            .filter(isLive)
            .sort(compareByPosition),
    [documentId],
  );
}

export interface DocumentClaims {
  count: number;
  tags: Set<string>;
}

/** Per document: how many live claims, and which tags they use (for the list and its filters). */
export function useClaimsByDocument(): Map<string, DocumentClaims> | undefined {
  return useLiveQuery(async () => {
    const found = new Map<string, DocumentClaims>();
    await inCorpus().each((a) => {
      if (!isLive(a)) return;
      const entry = found.get(a.documentId) ?? { count: 0, tags: new Set<string>() };
      entry.count++;
      for (const tag of a.tags) entry.tags.add(tag);
      found.set(a.documentId, entry);
    });
    return found;
  }, []);
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

export const addClaim = (annotation: Annotation) =>
  trackWrite(() => db.annotations.add({ ...annotation, corpusId: corpusScope() }));

export const setClaimTags = (id: string, tags: string[]) =>
  trackWrite(() => db.annotations.update(id, { tags, updatedAt: now() }));

/** Deleting leaves a tombstone so that a later merge knows the claim was removed, not missing. */
export const deleteClaim = (id: string) =>
  trackWrite(() => {
    const time = now();
    return db.annotations.update(id, { deletedAt: time, updatedAt: time });
  });

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
