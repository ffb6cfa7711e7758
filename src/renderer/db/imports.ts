import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportPlan, Orphan } from '../../shared/import/plan-import';
import type { Reanchoring } from '../../shared/import/reanchor';
import type { Annotation, TextTarget } from '../../shared/model/annotation';
import { updateClaim } from './annotations';
import { corpusScope } from './corpus-scope';
import { db } from './database';
import { trackWrite } from './save-status';

/** One transaction: a file's claims, orphans and document labels are stored together or not at all. */
export const commitImport = (plan: ImportPlan) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.orphans, db.documentLabels, async () => {
      const corpusId = corpusScope();
      await db.annotations.bulkAdd(plan.add.map((a) => ({ ...a, corpusId })));
      await db.orphans.bulkAdd(plan.orphans.map((o) => ({ ...o, corpusId })));
      await db.documentLabels.bulkAdd(plan.documentLabels.map((l) => ({ ...l, corpusId })));
    }),
  );

/** Ids are unique across corpora, so every annotation counts when an import checks for a clash. */
export const annotationsById = async () => new Map((await db.annotations.toArray()).map((a) => [a.id, a]));

export function useDocumentOrphans(documentId: string): Orphan[] | undefined {
  return useLiveQuery(
    () => db.orphans.where('[corpusId+documentId]').equals([corpusScope(), documentId]).sortBy('importedAt'),
    [documentId],
  );
}

/** The analyst agrees with where an imported claim was placed. */
export const acceptPlacement = (id: string) => updateClaim(id, (claim) => ({ ...claim, anchoring: undefined }));

/** The analyst moves a claim to other text: an imported one they check, or one whose edges they adjust. */
export const moveClaim = (id: string, target: TextTarget) =>
  updateClaim(id, (claim) => ({ ...claim, target, anchoring: undefined }));

/** An orphan placed by hand becomes a claim; both writes commit together. */
export const placeOrphan = (orphanId: string, claim: Annotation) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.orphans, async () => {
      await db.annotations.add({ ...claim, corpusId: corpusScope() });
      await db.orphans.delete(orphanId);
    }),
  );

/** A changed document's claims: moved ones updated, lost ones turned into orphans, all at once. */
export const applyReanchoring = ({ updated, orphaned, removed }: Reanchoring) =>
  trackWrite(() =>
    db.transaction('rw', db.annotations, db.orphans, async () => {
      const corpusId = corpusScope();
      await db.annotations.bulkPut(updated.map((a) => ({ ...a, corpusId })));
      await db.annotations.bulkDelete(removed);
      await db.orphans.bulkAdd(orphaned.map((o) => ({ ...o, corpusId })));
    }),
  );

export const discardOrphan = (id: string) => trackWrite(() => db.orphans.delete(id));
