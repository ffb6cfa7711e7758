import { type Annotation, isLive } from '../model/annotation';
import { type ClusterReview, framingKey, isRejected, reviewKey } from '../model/cluster-review';
import type { DocumentLabel } from '../model/document-label';
import { type Cluster, clusterClaims, GOLD, sameTagSet, tagSetKey } from './compare';

/**
 * Review's queue over a whole corpus: every disagreement between annotators in one layer (a span
 * cluster that is not agreed, or a document whose framing differs), with how each was settled, and
 * the agreed clusters and framings that gold should start from.
 */

export type ItemKind = 'partial' | 'single' | 'framing';

export type ItemDecision =
  /** Gold claims over the cluster's span, or the gold framing's tags in the layer. */
  | { kind: 'gold'; gold: Annotation[]; tags?: undefined }
  | { kind: 'framing'; tags: string[]; gold?: undefined }
  /** None of it kept. */
  | { kind: 'rejected'; decidedBy: string; decidedAt: string; rationale?: string; gold?: undefined; tags?: undefined };

export interface ReviewItem {
  documentId: string;
  /** The cluster's key, or the framing key of the layer. */
  key: string;
  kind: ItemKind;
  /** Where in the text; a framing item sorts before the document's spans. */
  start: number;
  end: number;
  /** A span item's claims, in lane order. */
  cluster?: Cluster;
  /** A framing item's annotators' tags in the layer, in lane order. */
  framings?: { annotator: string; tags: string[] }[];
  decision?: ItemDecision;
  review?: ClusterReview;
}

export interface ReviewQueue {
  items: ReviewItem[];
  /** Agreed clusters with no gold claim over them yet. */
  agreedOutsideGold: Cluster[];
  /** Documents whose annotators agree on a framing that is not gold yet: the tags to make gold. */
  framingOutsideGold: { documentId: string; tags: string[] }[];
  counts: {
    agreed: number;
    /** Gold claims, and of them those made from agreement. */
    gold: number;
    goldFromAgreement: number;
    disagreements: number;
    settled: number;
    rejected: number;
  };
}

export interface QueueInput {
  /** Live and deleted claims of the layer, every annotator's and gold's. */
  claims: readonly Annotation[];
  /** Every document label of the corpus. */
  labels: readonly DocumentLabel[];
  reviews: ReadonlyMap<string, ClusterReview>;
  /** The annotators compared (gold is never one of them). */
  annotators: readonly string[];
  /** The layer's codebook: framing is compared on its tags only. */
  codebookId: string;
  inLayer(tag: string): boolean;
  /** The corpus's documents in list order: the queue follows it. */
  documentOrder: readonly string[];
}

const overlaps = (claim: Annotation, cluster: { start: number; end: number }) =>
  claim.target.start < cluster.end && claim.target.end > cluster.start;

export function reviewQueue(input: QueueInput): ReviewQueue {
  const { annotators, reviews } = input;
  const live = input.claims.filter(isLive);
  const byDocument = new Map<string, Annotation[]>();
  for (const claim of live) byDocument.set(claim.documentId, [...(byDocument.get(claim.documentId) ?? []), claim]);
  const labelsOf = new Map<string, DocumentLabel[]>();
  for (const label of input.labels) labelsOf.set(label.documentId, [...(labelsOf.get(label.documentId) ?? []), label]);
  const order = new Map(input.documentOrder.map((id, i) => [id, i]));
  const documents = [...new Set([...byDocument.keys(), ...labelsOf.keys()])].sort(
    (a, b) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : 1),
  );

  const queue: ReviewQueue = {
    items: [],
    agreedOutsideGold: [],
    framingOutsideGold: [],
    counts: { agreed: 0, gold: 0, goldFromAgreement: 0, disagreements: 0, settled: 0, rejected: 0 },
  };
  const rejection = (review: ClusterReview | undefined): ItemDecision | undefined =>
    review?.decision && isRejected(review)
      ? {
          kind: 'rejected',
          decidedBy: review.decision.decidedBy,
          decidedAt: review.decision.decidedAt,
          ...(review.decision.rationale === undefined ? {} : { rationale: review.decision.rationale }),
        }
      : undefined;
  const add = (item: ReviewItem) => {
    queue.items.push(item);
    queue.counts.disagreements++;
    if (item.decision) queue.counts.settled++;
    if (item.decision?.kind === 'rejected') queue.counts.rejected++;
  };

  for (const documentId of documents) {
    const claims = byDocument.get(documentId) ?? [];
    const gold = claims.filter((c) => c.annotator === GOLD);
    queue.counts.gold += gold.length;
    queue.counts.goldFromAgreement += gold.filter((g) => g.provenance?.decision === 'agreed').length;
    const review = (key: string) => reviews.get(reviewKey({ documentId, clusterKey: key }));

    const framing = framingItem(documentId, labelsOf.get(documentId) ?? [], input);
    if (framing.kind === 'disagreement') add({ ...framing.item, review: review(framing.item.key) });
    else if (framing.kind === 'agreed' && !framing.inGold)
      queue.framingOutsideGold.push({ documentId, tags: framing.tags });

    const compared = claims.filter((c) => annotators.includes(c.annotator));
    for (const cluster of clusterClaims(compared, annotators)) {
      const over = gold.filter((g) => overlaps(g, cluster));
      if (cluster.agreement === 'agreed') {
        queue.counts.agreed++;
        if (over.length === 0) queue.agreedOutsideGold.push(cluster);
        continue;
      }
      const record = review(cluster.key);
      const decision: ItemDecision | undefined = over.length > 0 ? { kind: 'gold', gold: over } : rejection(record);
      add({
        documentId,
        key: cluster.key,
        kind: cluster.agreement === 'partial' ? 'partial' : 'single',
        start: cluster.start,
        end: cluster.end,
        cluster,
        ...(decision && { decision }),
        ...(record && { review: record }),
      });
    }
  }
  return queue;

  function framingItem(
    documentId: string,
    labels: readonly DocumentLabel[],
    { codebookId, inLayer }: QueueInput,
  ):
    | { kind: 'none' }
    | { kind: 'agreed'; tags: string[]; inGold: boolean }
    | { kind: 'disagreement'; item: Omit<ReviewItem, 'review'> } {
    const framings = annotators.flatMap((annotator) => {
      const label = labels.find((l) => l.annotator === annotator);
      return label ? [{ annotator, tags: label.tags.filter(inLayer) }] : [];
    });
    const goldLabel = labels.find((l) => l.annotator === GOLD);
    const goldTags = goldLabel?.tags.filter(inLayer) ?? [];
    if (framings.length < 2) return { kind: 'none' };
    const agreed = annotators.length > 1 && framings.length === annotators.length;
    const first = framings[0]?.tags ?? [];
    if (agreed && framings.every((f) => sameTagSet(f.tags, first))) {
      // Agreeing that a document has no framing in this layer leaves nothing to make gold.
      return first.length === 0 ? { kind: 'none' } : { kind: 'agreed', tags: first, inGold: goldTags.length > 0 };
    }
    if (framings.every((f) => sameTagSet(f.tags, first))) return { kind: 'none' };
    const key = framingKey(codebookId);
    const decision: ItemDecision | undefined =
      goldTags.length > 0
        ? { kind: 'framing', tags: goldTags }
        : rejection(reviews.get(reviewKey({ documentId, clusterKey: key })));
    return {
      kind: 'disagreement',
      item: { documentId, key, kind: 'framing', start: -1, end: -1, framings, ...(decision && { decision }) },
    };
  }
}

/** What the queue's filters ask for; unset fields let everything through. */
export interface QueueFilter {
  documentId?: string;
  tag?: string;
  /** Items where these two annotators marked something differently. */
  pair?: readonly [string, string];
  kind?: ItemKind;
  status?: 'open' | 'settled';
}

const itemTags = (item: ReviewItem) => [
  ...(item.cluster?.claims.flatMap((c) => c.tags) ?? []),
  ...(item.framings?.flatMap((f) => f.tags) ?? []),
];

/** What one annotator marked in an item, comparable with another's. */
function markOf(item: ReviewItem, annotator: string): string | undefined {
  if (item.framings) {
    const framing = item.framings.find((f) => f.annotator === annotator);
    return framing && tagSetKey(framing.tags);
  }
  const claims = item.cluster?.claims.filter((c) => c.annotator === annotator) ?? [];
  if (claims.length === 0) return undefined;
  return claims
    .map((c) => `${c.target.start}:${c.target.end}:${tagSetKey(c.tags)}`)
    .sort()
    .join('|');
}

export function filterQueue(items: readonly ReviewItem[], filter: QueueFilter): ReviewItem[] {
  return items.filter(
    (item) =>
      (filter.documentId === undefined || item.documentId === filter.documentId) &&
      (filter.tag === undefined || itemTags(item).includes(filter.tag)) &&
      (filter.kind === undefined || item.kind === filter.kind) &&
      (filter.status === undefined || (filter.status === 'settled') === (item.decision !== undefined)) &&
      (filter.pair === undefined ||
        (() => {
          const [a, b] = filter.pair;
          const x = markOf(item, a);
          const y = markOf(item, b);
          return (x !== undefined || y !== undefined) && x !== y;
        })()),
  );
}

/** Where an item is kept in lists and the Review's URL: its document and key. */
export const itemId = (item: Pick<ReviewItem, 'documentId' | 'key'>) => `${item.documentId}\u0000${item.key}`;
