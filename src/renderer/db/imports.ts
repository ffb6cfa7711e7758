import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportPlan, Orphan } from '../../shared/import/plan-import';
import type { Reanchoring } from '../../shared/import/reanchor';
import type { Annotation, TextTarget } from '../../shared/model/annotation';
import { db } from './database';
import { trackWrite } from './save-status';

/** One transaction: a file's claims and orphans are stored together or not at all. */
export const commitImport = (plan: ImportPlan) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.orphans, async () => {
      await db.annotations.bulkAdd(plan.add);
      await db.orphans.bulkAdd(plan.orphans);
    }),
  );

export const annotationsById = async () => new Map((await db.annotations.toArray()).map((a) => [a.id, a]));

export function useDocumentOrphans(documentId: string): Orphan[] | undefined {
  return useLiveQuery(() => db.orphans.where('documentId').equals(documentId).sortBy('importedAt'), [documentId]);
}

/** The analyst agrees with where an imported claim was placed. */
export const acceptPlacement = (id: string) =>
  trackWrite(() =>
    db.annotations
      .where('id')
      .equals(id)
      .modify((a: Annotation) => {
        delete a.anchoring;
      }),
  );

/** The analyst moves an imported claim to the text they selected. */
export const moveClaim = (id: string, target: TextTarget) =>
  trackWrite(() =>
    db.annotations
      .where('id')
      .equals(id)
      .modify((a: Annotation) => {
        a.target = target;
        a.updatedAt = new Date().toISOString();
        delete a.anchoring;
      }),
  );

/** An orphan placed by hand becomes a claim; both writes commit together. */
export const placeOrphan = (orphanId: string, claim: Annotation) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.orphans, async () => {
      await db.annotations.add(claim);
      await db.orphans.delete(orphanId);
    }),
  );

/** A changed document's claims: moved ones updated, lost ones turned into orphans, all at once. */
export const applyReanchoring = ({ updated, orphaned, removed }: Reanchoring) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.orphans, async () => {
      await db.annotations.bulkPut(updated);
      await db.annotations.bulkDelete(removed);
      await db.orphans.bulkAdd(orphaned);
    }),
  );

export const discardOrphan = (id: string) => trackWrite(() => db.orphans.delete(id));
