import { useLiveQuery } from 'dexie-react-hooks';
import { ulid } from 'ulid';
import { type Annotation, type Provenance, textTarget } from '../../shared/model/annotation';
import { type ClusterReview, reviewKey } from '../../shared/model/cluster-review';
import { GOLD } from '../../shared/review/compare';
import type { OffsetIndex } from '../../shared/text/offsets';
import type { CorpusScope } from './corpus-scope';

/** Review's records of the corpus's disagreements (decisions, discussions). */
export const allReviews = ({ db, corpusId }: CorpusScope): Promise<ClusterReview[]> =>
  db.reviews
    .where('corpusId')
    .equals(corpusId)
    .toArray()
    .then((records) => records.map(({ corpusId: _, ...review }) => review));

export const reviewsByKey = async (scope: CorpusScope) =>
  new Map((await allReviews(scope)).map((r) => [reviewKey(r), r]));

/** The same, kept current: by `reviewKey`. */
export function useReviews(scope: CorpusScope): ReadonlyMap<string, ClusterReview> | undefined {
  return useLiveQuery(() => reviewsByKey(scope), [scope.db, scope.corpusId]);
}

/**
 * A gold claim made from annotators' claims: accepting one copies it; merging several spans them
 * all and unites their tags; claims every annotator agreed on become one. It records where it came
 * from, who decided and why. Sources with different spans need the document's text (as reviewed,
 * with the analyst's encoding) to quote the merged span.
 */
export function goldClaim(
  sources: readonly Annotation[],
  decision: { decidedBy: string; rationale?: string; agreed?: boolean },
  text?: { index: OffsetIndex; sha256: string },
): Annotation | undefined {
  const first = sources[0];
  if (!first) return undefined;
  const now = new Date().toISOString();
  const start = Math.min(...sources.map((s) => s.target.start));
  const end = Math.max(...sources.map((s) => s.target.end));
  const sameSpan = start === first.target.start && end === first.target.end;
  if (!sameSpan && !text) return undefined;
  const provenance: Provenance = {
    decision: decision.agreed ? 'agreed' : sources.length > 1 ? 'merged' : 'accepted',
    sources: sources.map((s) => ({ id: s.id, annotator: s.annotator })),
    decidedBy: decision.decidedBy,
    decidedAt: now,
    ...(decision.rationale ? { rationale: decision.rationale } : {}),
  };
  const gold: Annotation = {
    ...first,
    id: ulid(),
    documentSha256: text?.sha256 ?? first.documentSha256,
    target: text ? textTarget(text.index, start, end) : first.target,
    tags: [...new Set(sources.flatMap((s) => s.tags))],
    attributes: { ...first.attributes },
    annotator: GOLD,
    createdAt: now,
    updatedAt: now,
    provenance,
  };
  delete gold.anchoring;
  return gold;
}
