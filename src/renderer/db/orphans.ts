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

/** How many claims wait under Not placed in each document of the corpus. */
export function useOrphanCounts({ db, corpusId }: CorpusScope): ReadonlyMap<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    await db.orphans
      .where('[corpusId+documentId]')
      .between([corpusId, ''], [corpusId, '\uffff'])
      .each((orphan) => counts.set(orphan.documentId, (counts.get(orphan.documentId) ?? 0) + 1));
    return counts;
  }, [db, corpusId]);
}
