import { useLiveQuery } from 'dexie-react-hooks';
import { ulid } from 'ulid';
import { type Annotation, type Provenance, textTarget } from '../../shared/model/annotation';
import { GOLD } from '../../shared/review/compare';
import type { OffsetIndex } from '../../shared/text/offsets';
import type { CorpusScope } from './corpus-scope';

/** The keys of the clusters rejected on one document. */
export function useRejections({ db, corpusId }: CorpusScope, documentId: string | undefined): Set<string> | undefined {
  return useLiveQuery(
    async () =>
      new Set(
        documentId === undefined
          ? []
          : (await db.rejections.where('[corpusId+documentId]').equals([corpusId, documentId]).toArray()).map(
              (r) => r.clusterKey,
            ),
      ),
    [db, corpusId, documentId],
  );
}

export const rejectCluster = (
  { db, corpusId, saves }: CorpusScope,
  documentId: string,
  clusterKey: string,
  decidedBy: string,
  rationale?: string,
) =>
  saves.track(() =>
    db.rejections.put({
      corpusId,
      documentId,
      clusterKey,
      decidedBy,
      decidedAt: new Date().toISOString(),
      ...(rationale ? { rationale } : {}),
    }),
  );

/**
 * A gold claim made from annotators' claims: accepting one copies it; merging several spans them
 * all and unites their tags. It records where it came from, who decided and why.
 */
export function goldClaim(
  sources: readonly Annotation[],
  /** The document's text as reviewed (read with the analyst's encoding). */
  text: { index: OffsetIndex; sha256: string },
  decidedBy: string,
  rationale?: string,
): Annotation | undefined {
  const first = sources[0];
  if (!first) return undefined;
  const now = new Date().toISOString();
  const start = Math.min(...sources.map((s) => s.target.start));
  const end = Math.max(...sources.map((s) => s.target.end));
  const provenance: Provenance = {
    decision: sources.length > 1 ? 'merged' : 'accepted',
    sources: sources.map((s) => ({ id: s.id, annotator: s.annotator })),
    decidedBy,
    decidedAt: now,
    ...(rationale ? { rationale } : {}),
  };
  const gold: Annotation = {
    ...first,
    id: ulid(),
    documentSha256: text.sha256,
    target: textTarget(text.index, start, end),
    tags: [...new Set(sources.flatMap((s) => s.tags))],
    annotator: GOLD,
    createdAt: now,
    updatedAt: now,
    provenance,
  };
  delete gold.anchoring;
  return gold;
}
