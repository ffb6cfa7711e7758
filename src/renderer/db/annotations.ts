import { useLiveQuery } from 'dexie-react-hooks';
import { type Annotation, compareByPosition, isLive } from '../../shared/model/annotation';
import { db } from './database';
import { trackWrite } from './save-status';

const now = () => new Date().toISOString();

/** The live claims of one document in text order, as IndexedDB has them committed. */
export function useDocumentClaims(documentId: string | undefined): Annotation[] | undefined {
  return useLiveQuery(
    async () =>
      documentId === undefined
        ? []
        : (await db.annotations.where('documentId').equals(documentId).toArray())
            .filter(isLive)
            .sort(compareByPosition),
    [documentId],
  );
}

/** Live claims per document id, for the document list. */
export function useClaimCounts(): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    await db.annotations.each((a) => {
      if (isLive(a)) counts.set(a.documentId, (counts.get(a.documentId) ?? 0) + 1);
    });
    return counts;
  }, []);
}

export const allAnnotations = () => db.annotations.toArray();

/** Everyone with a live claim in the database, by name. */
export function useAnnotators(): string[] | undefined {
  return useLiveQuery(async () => {
    const names = new Set<string>();
    await db.annotations.each((a) => {
      if (isLive(a)) names.add(a.annotator);
    });
    return [...names].sort((a, b) => a.localeCompare(b));
  }, []);
}

export const addClaim = (annotation: Annotation) => trackWrite(() => db.annotations.add(annotation));

export const setClaimTags = (id: string, tags: string[]) =>
  trackWrite(() => db.annotations.update(id, { tags, updatedAt: now() }));

/** Deleting leaves a tombstone so that a later merge knows the claim was removed, not missing. */
export const deleteClaim = (id: string) =>
  trackWrite(() => {
    const time = now();
    return db.annotations.update(id, { deletedAt: time, updatedAt: time });
  });
