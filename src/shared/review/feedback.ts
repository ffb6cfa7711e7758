import { type Interval, overlapLength, overlaps } from '../agreement/intervals';
import { maximumOverlapMatching } from '../agreement/matching';
import { compareUnits, type Matching, type PairScore, pairScore, type SpanUnit } from '../agreement/span-f1';
import { type Annotation, compareByPosition, isLive } from '../model/annotation';
import { compareCodeUnits } from '../text/compare';
import { GOLD, sameTagSet } from './compare';

/**
 * What the gold layer made of one annotator's work: each of their claims paired with the gold
 * claim it became (if any), with counts, and their span F1 against gold per tag.
 *
 * Input is one layer (the claims of one codebook; callers filter) over any number of documents.
 * Only live claims count: tombstones are left out on both sides.
 *
 * Outcomes, for an annotator's claim and the gold claim it is paired with:
 * - kept: the same span (start, end) and the same set of tags;
 * - moved: the same set of tags on a different span;
 * - retagged: a different set of tags (the span may be the same or not); the tags gold added and
 *   removed are listed;
 * - rejected: an annotator's claim no gold claim overlaps (and none lists it as a source);
 * - missed: a gold claim that overlaps none of the annotator's claims (and lists none as a source).
 *
 * Pairing, one-to-one, document by document:
 * 1. provenance: a gold claim whose sources include the annotator's claim is paired with it first
 *    (when a gold claim lists several of their claims, the identical one, else the one it overlaps
 *    most). A provenance pair counts even if the spans no longer overlap;
 * 2. identical: the same span and tags, so a kept claim is not taken by a longer gold claim that
 *    happens to overlap it as much;
 * 3. overlap: the most pairs of overlapping claims, each trying the partner it overlaps most first
 *    (maximumOverlapMatching, as span F1 uses).
 * A claim left unpaired that still overlaps (or is the source of) a claim already paired is not
 * rejected or missed: gold merged several of the annotator's claims into one, or split one into
 * several. It gets an item with that partner, marked `shared`, and then the counts no longer add
 * up one-to-one (see FeedbackCounts).
 *
 * Scope: the documents the annotator worked on, i.e. those where they have a live claim, plus any
 * listed in `options.documents` (documents they coded and found nothing in). Gold claims on other
 * documents are not the annotator's work: they are counted in `goldElsewhere` and left out of the
 * items and the scores.
 */

export type FeedbackOutcome = 'kept' | 'moved' | 'retagged' | 'rejected' | 'missed';

/** The outcomes in the order a report lists them. */
export const FEEDBACK_OUTCOMES: readonly FeedbackOutcome[] = ['kept', 'moved', 'retagged', 'rejected', 'missed'];

export interface FeedbackItem {
  documentId: string;
  outcome: FeedbackOutcome;
  /** The annotator's claim; absent when the outcome is missed. */
  claim?: Annotation;
  /** The gold claim; absent when the outcome is rejected. */
  gold?: Annotation;
  /** How the pair was found: gold lists the claim as a source, or their spans overlap. */
  via?: 'provenance' | 'overlap';
  /**
   * Set on an extra pairing, when the partner is paired with another claim too:
   * - 'gold': the gold claim is also another of the annotator's claims' pair (gold merged them);
   *   the item classifies only the annotator's claim;
   * - 'claim': the annotator's claim is also another gold claim's pair (gold split it); the item
   *   classifies only the gold claim.
   */
  shared?: 'gold' | 'claim';
  /** Whether the gold claim's span differs from the claim's (false when either is absent). */
  spanChanged: boolean;
  /** Tags the gold claim has and the annotator's claim has not, in code-unit order. */
  added: string[];
  /** Tags the annotator's claim has and the gold claim has not, in code-unit order. */
  removed: string[];
}

/**
 * Items per outcome. One-to-one (no `shared` item):
 *   claims = kept + moved + retagged + rejected, gold = kept + moved + retagged + missed.
 * Each extra pairing adds one item whose other side was already counted.
 */
export type FeedbackCounts = Record<FeedbackOutcome, number>;

export interface FeedbackScore {
  /** The tag, or '' for all tags together. */
  tag: string;
  /** The annotator as a, gold as b: precision is the share of their units gold has, recall the share of gold's they have. */
  exact: PairScore;
  overlap: PairScore;
  /** Span units compared: the annotator's plus gold's (one per tag of a claim). */
  n: number;
}

export interface AnnotatorFeedback {
  /** The annotator, from their claims ('' when they have none). */
  annotator: string;
  /** Documents in scope, in code-unit order. */
  documents: string[];
  items: FeedbackItem[];
  counts: FeedbackCounts;
  /** Live claims in scope on each side. */
  claims: number;
  gold: number;
  /** True when every claim was paired at most once, so the counts add up to `claims` and `gold`. */
  oneToOne: boolean;
  /** Live gold claims on documents outside the scope, left out. */
  goldElsewhere: number;
  scores: { overall: FeedbackScore; byTag: FeedbackScore[] };
}

export interface FeedbackOptions {
  /** More documents the annotator coded, though they have no live claim there. */
  documents?: readonly string[];
}

export function annotatorFeedback(
  annotatorClaims: readonly Annotation[],
  goldClaims: readonly Annotation[],
  options: FeedbackOptions = {},
): AnnotatorFeedback {
  const mine = annotatorClaims.filter(isLive);
  const scope = new Set([...mine.map((c) => c.documentId), ...(options.documents ?? [])]);
  const liveGold = goldClaims.filter(isLive);
  const gold = liveGold.filter((g) => scope.has(g.documentId));
  const documents = [...scope].sort(compareCodeUnits);

  const byDocument = <T extends Annotation>(claims: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const claim of claims) {
      const list = out.get(claim.documentId);
      if (list) list.push(claim);
      else out.set(claim.documentId, [claim]);
    }
    return out;
  };
  const mineBy = byDocument(mine);
  const goldBy = byDocument(gold);
  const items = documents.flatMap((documentId) =>
    documentFeedback(documentId, mineBy.get(documentId) ?? [], goldBy.get(documentId) ?? []),
  );

  const counts: FeedbackCounts = { kept: 0, moved: 0, retagged: 0, rejected: 0, missed: 0 };
  for (const item of items) counts[item.outcome]++;
  const annotator = mine[0]?.annotator ?? annotatorClaims[0]?.annotator ?? '';

  return {
    annotator,
    documents,
    items,
    counts,
    claims: mine.length,
    gold: gold.length,
    oneToOne: items.every((item) => item.shared === undefined),
    goldElsewhere: liveGold.length - gold.length,
    scores: scores(annotator, mine, gold),
  };
}

/** Whether two claims carry the same set of tags (order and repeats aside). */
export const sameTags = (a: Annotation, b: Annotation): boolean => sameTagSet(a.tags, b.tags);

const sameSpan = (a: Annotation, b: Annotation) => a.target.start === b.target.start && a.target.end === b.target.end;
const identical = (a: Annotation, b: Annotation) => sameSpan(a, b) && sameTags(a, b);
const lists = (gold: Annotation, claim: Annotation) => gold.provenance?.sources.some((s) => s.id === claim.id) ?? false;

/** Order of preference among candidate pairs (claim, gold): identical first, then most overlap, then text order. */
function byPreference([xa, xg]: [Annotation, Annotation], [ya, yg]: [Annotation, Annotation]): number {
  return (
    Number(!identical(xa, xg)) - Number(!identical(ya, yg)) ||
    overlapLength(ya.target, yg.target) - overlapLength(xa.target, xg.target) ||
    compareByPosition(xa, ya) ||
    compareByPosition(xg, yg)
  );
}

function documentFeedback(documentId: string, claims: Annotation[], golds: Annotation[]): FeedbackItem[] {
  const mine = [...claims].sort(compareByPosition);
  const gold = [...golds].sort(compareByPosition);
  const pairOf = new Map<Annotation, Annotation>(); // annotator's claim → gold claim
  const paired = new Set<Annotation>(); // gold claims paired
  const via = new Map<Annotation, 'provenance' | 'overlap'>(); // annotator's claim → how
  const pair = (a: Annotation, g: Annotation, how: 'provenance' | 'overlap') => {
    pairOf.set(a, g);
    paired.add(g);
    via.set(a, how);
  };

  // 1. Provenance: the pairs gold recorded, one-to-one, the best first.
  const recorded = gold.flatMap((g) => mine.filter((a) => lists(g, a)).map((a): [Annotation, Annotation] => [a, g]));
  for (const [a, g] of recorded.sort(byPreference)) {
    if (!pairOf.has(a) && !paired.has(g)) pair(a, g, 'provenance');
  }

  // 2. Identical span and tags.
  for (const a of mine) {
    if (pairOf.has(a)) continue;
    const g = gold.find((g) => !paired.has(g) && identical(a, g));
    if (g) pair(a, g, 'overlap');
  }

  // 3. Overlap: the most pairs, the largest overlap first.
  const restA = mine.filter((a) => !pairOf.has(a));
  const restG = gold.filter((g) => !paired.has(g));
  const spans = (list: Annotation[]): Interval[] => list.map((c) => c.target);
  for (const [i, j] of maximumOverlapMatching(spans(restA), spans(restG))) {
    pair(restA[i] as Annotation, restG[j] as Annotation, 'overlap');
  }

  const items: FeedbackItem[] = [];
  for (const a of mine) {
    const g = pairOf.get(a);
    if (g) {
      items.push(item(documentId, a, g, via.get(a)));
      continue;
    }
    // Unpaired: every gold claim it could go with is paired already (a maximum matching leaves no
    // free overlapping pair), so a partner found here is shared: gold merged it with another.
    const partner = bestPartner(
      a,
      gold,
      (g) => lists(g, a),
      (g) => [a, g],
    );
    if (partner) items.push({ ...item(documentId, a, partner.claim, partner.via), shared: 'gold' });
    else items.push({ documentId, outcome: 'rejected', claim: a, spanChanged: false, added: [], removed: [] });
  }
  for (const g of gold) {
    if (paired.has(g)) continue;
    const partner = bestPartner(
      g,
      mine,
      (a) => lists(g, a),
      (a) => [a, g],
    );
    if (partner) items.push({ ...item(documentId, partner.claim, g, partner.via), shared: 'claim' });
    else items.push({ documentId, outcome: 'missed', gold: g, spanChanged: false, added: [], removed: [] });
  }
  return items.sort(itemOrder);
}

/** The best of `others` to share with `claim`: one linked by provenance, else one that overlaps it. */
function bestPartner(
  claim: Annotation,
  others: readonly Annotation[],
  linked: (other: Annotation) => boolean,
  asPair: (other: Annotation) => [Annotation, Annotation],
): { claim: Annotation; via: 'provenance' | 'overlap' } | undefined {
  for (const [how, accept] of [
    ['provenance', linked],
    ['overlap', (other: Annotation) => overlaps(claim.target, other.target)],
  ] as const) {
    const best = others
      .filter(accept)
      .map(asPair)
      .sort(byPreference)
      .map(([a, g]) => (a === claim ? g : a))[0];
    if (best) return { claim: best, via: how };
  }
  return undefined;
}

function item(documentId: string, claim: Annotation, gold: Annotation, via?: 'provenance' | 'overlap'): FeedbackItem {
  const mine = new Set(claim.tags);
  const theirs = new Set(gold.tags);
  const added = [...theirs].filter((t) => !mine.has(t)).sort(compareCodeUnits);
  const removed = [...mine].filter((t) => !theirs.has(t)).sort(compareCodeUnits);
  const spanChanged = !sameSpan(claim, gold);
  const outcome: FeedbackOutcome = added.length > 0 || removed.length > 0 ? 'retagged' : spanChanged ? 'moved' : 'kept';
  const out: FeedbackItem = { documentId, outcome, claim, gold, spanChanged, added, removed };
  if (via) out.via = via;
  return out;
}

function itemOrder(x: FeedbackItem, y: FeedbackItem): number {
  const first = (i: FeedbackItem) => (i.claim ?? i.gold) as Annotation;
  const second = (i: FeedbackItem) => (i.gold ?? i.claim) as Annotation;
  return (
    compareCodeUnits(x.documentId, y.documentId) ||
    compareByPosition(first(x), first(y)) ||
    compareByPosition(second(x), second(y))
  );
}

/** Span F1 of the annotator against gold, per tag and overall, exact and overlapping (see span-f1.ts). */
function scores(
  annotator: string,
  mine: readonly Annotation[],
  gold: readonly Annotation[],
): { overall: FeedbackScore; byTag: FeedbackScore[] } {
  // Fixed names on the units, so an annotator who happens to be called like the gold layer is still told apart.
  const unitsOf = (claims: readonly Annotation[], who: string): SpanUnit[] =>
    claims.flatMap((c) =>
      [...new Set(c.tags)].map((tag) => ({
        documentId: c.documentId,
        annotator: who,
        tag,
        start: c.target.start,
        end: c.target.end,
      })),
    );
  const a = unitsOf(mine, 'annotator');
  const b = unitsOf(gold, 'gold');
  const name = annotator || 'annotator';
  const score = (tag: string, ofA: SpanUnit[], ofB: SpanUnit[]): FeedbackScore => {
    const at = (matching: Matching) => pairScore(name, GOLD, compareUnits(ofA, ofB, matching));
    const exact = at('exact');
    return { tag, exact, overlap: at('overlap'), n: 2 * exact.tp + exact.aOnly + exact.bOnly };
  };
  const tags = [...new Set([...a, ...b].map((u) => u.tag))].sort(compareCodeUnits);
  return {
    overall: score('', a, b),
    byTag: tags.map((tag) =>
      score(
        tag,
        a.filter((u) => u.tag === tag),
        b.filter((u) => u.tag === tag),
      ),
    ),
  };
}
