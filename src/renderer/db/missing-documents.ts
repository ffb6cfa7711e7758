import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CorpusListing } from '../../shared/model/document';
import { compareCodeUnits } from '../../shared/text/compare';
import type { Counts } from './claim-counts';
import type { CorpusScope } from './corpus-scope';

/** A document the corpus's claims point to that is not in the corpus folder (renamed, moved, deleted, or another corpus's). */
export interface MissingDocument {
  id: string;
  claims: number;
  notPlaced: number;
}

/**
 * The documents with claims (or claims not placed) that the corpus listing does not have, so
 * their claims are shown somewhere and can be moved onto the right file.
 */
export function useMissingDocuments(
  { db, corpusId }: CorpusScope,
  listing: CorpusListing,
  counts: Counts | undefined,
): MissingDocument[] {
  const listed = useMemo(() => new Set(listing.documents.map((d) => d.id)), [listing]);
  const notPlaced = useLiveQuery(async () => {
    const byDocument = new Map<string, number>();
    await db.orphans
      .where('corpusId')
      .equals(corpusId)
      .each((orphan) => {
        if (!listed.has(orphan.documentId))
          byDocument.set(orphan.documentId, (byDocument.get(orphan.documentId) ?? 0) + 1);
      });
    return byDocument;
  }, [db, corpusId, listed]);
  return useMemo(() => {
    const ids = new Set([...(counts?.keys() ?? [])].filter((id) => !listed.has(id)));
    for (const id of notPlaced?.keys() ?? []) ids.add(id);
    return [...ids].sort(compareCodeUnits).map((id) => ({
      id,
      claims: counts?.get(id)?.count ?? 0,
      notPlaced: notPlaced?.get(id) ?? 0,
    }));
  }, [counts, notPlaced, listed]);
}
