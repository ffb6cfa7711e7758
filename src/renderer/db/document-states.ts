import { useLiveQuery } from 'dexie-react-hooks';
import type { CorpusScope } from './corpus-scope';
import type { DocumentState, DocumentStatus } from './database';

export type { DocumentStatus };

/** What the analyst set for each document of the corpus, by document id. */
export function useDocumentStates({ db, corpusId }: CorpusScope): Map<string, DocumentState> | undefined {
  return useLiveQuery(async () => {
    const states = await db.documentStates.where('corpusId').equals(corpusId).toArray();
    return new Map(states.map((s) => [s.documentId, s]));
  }, [db, corpusId]);
}

/** The encoding the analyst chose for a document; undefined reads it with the detected one. */
export const chosenEncoding = async ({ db, corpusId }: CorpusScope, documentId: string) =>
  (await db.documentStates.get([corpusId, documentId]))?.encoding;

const updateState = (
  { db, corpusId, saves }: CorpusScope,
  documentId: string,
  change: Pick<DocumentState, 'status' | 'encoding'>,
) =>
  saves.track(() =>
    db.transaction('rw', db.documentStates, async () => {
      const before = await db.documentStates.get([corpusId, documentId]);
      await db.documentStates.put({
        ...before,
        ...change,
        corpusId,
        documentId,
        updatedAt: new Date().toISOString(),
      });
    }),
  );

export const setDocumentStatus = (scope: CorpusScope, documentId: string, status: DocumentStatus) =>
  updateState(scope, documentId, { status });

export const setDocumentEncoding = (scope: CorpusScope, documentId: string, encoding: string) =>
  updateState(scope, documentId, { encoding });

/** A document nobody marked is not started, or in progress once it has claims. */
export const effectiveStatus = (set: DocumentStatus | undefined, claims: number): DocumentStatus =>
  set ?? (claims > 0 ? 'in-progress' : 'not-started');

/** Each document's status, from what the analyst set and how many claims it has. */
export const statusesOf =
  (
    states: ReadonlyMap<string, DocumentState> | undefined,
    counts: ReadonlyMap<string, { count: number }> | undefined,
  ) =>
  (id: string): DocumentStatus =>
    effectiveStatus(states?.get(id)?.status, counts?.get(id)?.count ?? 0);
