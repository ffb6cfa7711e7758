import { useLiveQuery } from 'dexie-react-hooks';
import { corpusScope } from './corpus-scope';
import { type DocumentStatus, db } from './database';
import { trackWrite } from './save-status';

export type { DocumentStatus };

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

/** The statuses the analyst set in the open corpus, by document id. */
export function useDocumentStatuses(): Map<string, DocumentStatus> | undefined {
  return useLiveQuery(async () => {
    const states = await db.documentStates.where('corpusId').equals(corpusScope()).toArray();
    return new Map(states.map((s) => [s.documentId, s.status]));
  }, []);
}

export const setDocumentStatus = (documentId: string, status: DocumentStatus) =>
  trackWrite(() =>
    db.documentStates.put({ corpusId: corpusScope(), documentId, status, updatedAt: new Date().toISOString() }),
  );

/** A document nobody marked is not started, or in progress once it has claims. */
export const effectiveStatus = (set: DocumentStatus | undefined, claims: number): DocumentStatus =>
  set ?? (claims > 0 ? 'in-progress' : 'not-started');
