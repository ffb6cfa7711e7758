import { useLiveQuery } from 'dexie-react-hooks';
import { labelKey } from '../../shared/import/plan-import';
import type { DocumentLabel } from '../../shared/model/document-label';
import { corpusScope } from './corpus-scope';
import { db } from './database';
import { trackWrite } from './save-status';

/** Every annotator's label for one document. */
export function useDocumentLabels(documentId: string): DocumentLabel[] | undefined {
  return useLiveQuery(
    () => db.documentLabels.where('[corpusId+documentId]').equals([corpusScope(), documentId]).sortBy('annotator'),
    [documentId],
  );
}

/** Every document label of the open corpus. */
export const allDocumentLabels = (): Promise<DocumentLabel[]> =>
  db.documentLabels.where('corpusId').equals(corpusScope()).toArray();

export const labelsByKey = async () => new Map((await allDocumentLabels()).map((l) => [labelKey(l), l]));

export const setDocumentLabel = (documentId: string, annotator: string, tags: string[]) =>
  trackWrite(() =>
    db.documentLabels.put({
      corpusId: corpusScope(),
      documentId,
      annotator,
      tags,
      updatedAt: new Date().toISOString(),
    }),
  );
