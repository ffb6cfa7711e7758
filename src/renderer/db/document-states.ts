import { useLiveQuery } from 'dexie-react-hooks';
import { corpusScope } from './corpus-scope';
import { type DocumentState, type DocumentStatus, db } from './database';
import { trackWrite } from './save-status';

export type { DocumentStatus };

/** What the analyst set for each document of the open corpus, by document id. */
export function useDocumentStates(): Map<string, DocumentState> | undefined {
  return useLiveQuery(async () => {
    const states = await db.documentStates.where('corpusId').equals(corpusScope()).toArray();
    return new Map(states.map((s) => [s.documentId, s]));
  }, []);
}

const updateState = (documentId: string, change: Pick<DocumentState, 'status' | 'encoding'>) =>
  trackWrite(() =>
    db.transaction('rw', db.documentStates, async () => {
      const key: [string, string] = [corpusScope(), documentId];
      const before = await db.documentStates.get(key);
      await db.documentStates.put({
        ...before,
        ...change,
        corpusId: key[0],
        documentId,
        updatedAt: new Date().toISOString(),
      });
    }),
  );

export const setDocumentStatus = (documentId: string, status: DocumentStatus) => updateState(documentId, { status });

export const setDocumentEncoding = (documentId: string, encoding: string) => updateState(documentId, { encoding });

/** A document nobody marked is not started, or in progress once it has claims. */
export const effectiveStatus = (set: DocumentStatus | undefined, claims: number): DocumentStatus =>
  set ?? (claims > 0 ? 'in-progress' : 'not-started');
