import { useEffect } from 'react';
import { ulid } from 'ulid';
import { reanchorClaims } from '../../shared/import/reanchor';
import type { Annotation } from '../../shared/model/annotation';
import type { CorpusDocument } from '../../shared/model/document';
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
    store.reanchor(reanchorClaims(claims, doc, new Date().toISOString(), ulid, searchDeadline())).catch(() => {
      // The save indicator already shows the failure; the claims stay as they were.
    });
  }, [stale, claims, doc, store]);
}
