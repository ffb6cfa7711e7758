import { useLiveQuery } from 'dexie-react-hooks';
import { ulid } from 'ulid';
import { type Annotation, type Provenance, textTarget } from '../../shared/model/annotation';
import { GOLD } from '../../shared/review/compare';
import type { OffsetIndex } from '../../shared/text/offsets';
import { corpusScope } from './corpus-scope';
import { db } from './database';
import { trackWrite } from './save-status';

/** The keys of the clusters rejected on one document. */
export function useRejections(documentId: string | undefined): Set<string> | undefined {
  return useLiveQuery(
    async () =>
      new Set(
        documentId === undefined
          ? []
          : (await db.rejections.where('[corpusId+documentId]').equals([corpusScope(), documentId]).toArray()).map(
              (r) => r.clusterKey,
            ),
      ),
    [documentId],
  );
}

export const rejectCluster = (documentId: string, clusterKey: string, decidedBy: string, rationale?: string) =>
  trackWrite(() =>
    db.rejections.put({
      corpusId: corpusScope(),
      documentId,
      clusterKey,
      decidedBy,
      decidedAt: new Date().toISOString(),
      ...(rationale ? { rationale } : {}),
    }),
  );

/**
 * Makes a gold claim from annotators' claims: accepting one copies it; merging several spans
 * them all and unites their tags. The gold claim records where it came from, who decided and why.
 */
export function addGoldClaim(
  sources: readonly Annotation[],
  index: OffsetIndex,
  decidedBy: string,
  rationale?: string,
): Promise<unknown> {
  const first = sources[0];
  if (!first) return Promise.resolve();
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
    target: textTarget(index, start, end),
    tags: [...new Set(sources.flatMap((s) => s.tags))],
    annotator: GOLD,
    createdAt: now,
    updatedAt: now,
    provenance,
  };
  delete gold.anchoring;
  return trackWrite(() => db.annotations.add({ ...gold, corpusId: corpusScope() }));
}
