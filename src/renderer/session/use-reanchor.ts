import { useEffect } from 'react';
import type { Annotation } from '../../shared/model/annotation';
import type { CorpusDocument } from '../../shared/model/document';
import { reanchorInWorker } from '../anchoring';
import type { DocumentClaims } from '../db/document-claims';
import { searchDeadline } from './current-anchors';

/**
 * When the document's text has changed on disk since claims were made on it (their hash differs),
 * finds each claim again and marks moved ones for a check; lost ones become orphans.
 */
export function useReanchorChangedDocument(
  doc: CorpusDocument | undefined,
  store: DocumentClaims | undefined,
  claims: readonly Annotation[] | undefined,
) {
  const stale = (doc && claims?.some((c) => c.documentSha256 !== doc.sha256)) ?? false;
  useEffect(() => {
    if (!stale || !claims || !doc || !store) return;
    // Claims edited while the worker searched are searched again, never overwritten by the result.
    let superseded = false;
    reanchorInWorker(claims, doc, searchDeadline())
      .then((found) => (superseded ? undefined : store.reanchor(found)))
      .catch(() => {
        // The save indicator shows a failed write; the claims stay as they were.
      });
    return () => {
      superseded = true;
    };
  }, [stale, claims, doc, store]);
}
