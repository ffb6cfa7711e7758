import { useLiveQuery } from 'dexie-react-hooks';
import { labelKey } from '../../shared/import/plan-import';
import type { DocumentLabel } from '../../shared/model/document-label';
import type { CorpusScope } from './corpus-scope';

/** Every annotator's label for one document. */
export function useDocumentLabels({ db, corpusId }: CorpusScope, documentId: string): DocumentLabel[] | undefined {
  return useLiveQuery(
    () => db.documentLabels.where('[corpusId+documentId]').equals([corpusId, documentId]).sortBy('annotator'),
    [db, corpusId, documentId],
  );
}

/** Every document label of the corpus. */
export const allDocumentLabels = ({ db, corpusId }: CorpusScope): Promise<DocumentLabel[]> =>
  db.documentLabels.where('corpusId').equals(corpusId).toArray();

export const labelsByKey = async (scope: CorpusScope) =>
  new Map((await allDocumentLabels(scope)).map((l) => [labelKey(l), l]));

export const setDocumentLabel = (
  { db, corpusId, saves }: CorpusScope,
  documentId: string,
  annotator: string,
  tags: string[],
) =>
  saves.track(() =>
    db.documentLabels.put({ corpusId, documentId, annotator, tags, updatedAt: new Date().toISOString() }),
  );
