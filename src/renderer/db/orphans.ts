import { useLiveQuery } from 'dexie-react-hooks';
import type { Orphan } from '../../shared/import/plan-import';
import type { CorpusScope } from './corpus-scope';

/** The claims of a document that could not be placed, oldest first. */
export function useDocumentOrphans({ db, corpusId }: CorpusScope, documentId: string): Orphan[] | undefined {
  return useLiveQuery(
    () => db.orphans.where('[corpusId+documentId]').equals([corpusId, documentId]).sortBy('importedAt'),
    [db, corpusId, documentId],
  );
}
