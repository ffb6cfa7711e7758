import { compareCodeUnits } from '../text/compare';
import { byPosition, type Interval } from './intervals';
import { maximumOverlapMatching } from './matching';

/**
 * Pairwise span agreement between annotators, as F1.
 *
 * Units are (document, start, end, tag): a claim with several tags is one unit per tag, and the
 * same span with the same tag marked twice by one annotator is one unit. Two units match when
 * they are in the same document with the same tag and
 *  - exact: have the same start and end;
 *  - overlap: share at least one character, one-to-one (see maximumOverlapMatching).
 *
 * For annotators a and b, with tp matched pairs, aOnly = |A| − tp and bOnly = |B| − tp:
 *   precision = tp / |A|  (b taken as the reference), recall = tp / |B|,
 *   F1 = 2·tp / (|A| + |B|), the Dice coefficient, which is the same whichever is the reference
 *   (Hripcsak & Rothschild 2005, "Agreement, the F-measure, and reliability in information
 *   retrieval", JAMIA 12(3):296–298).
 * Swapping a and b swaps precision and recall and leaves F1 alone.
 *
 * Aggregates are micro-averages: tp and unmatched units are summed over every pair of annotators
 * (and every document and tag in scope) before F1 is taken, so a pair with more units weighs
 * more. Precision and recall are left out of aggregates: over many pairs "which one is the
 * reference" has no meaning, and F1 needs only tp and the unmatched total.
 *
 * A pair is compared on a document only if both coded it. Who coded a document is `coders` if
 * given (plus anyone with a unit there), otherwise whoever has at least one unit there: the
 * claims alone cannot tell "read it and found nothing" from "never opened it".
 */

export type Matching = 'exact' | 'overlap';

export interface SpanUnit {
  documentId: string;
  annotator: string;
  tag: string;
  start: number;
  end: number;
}

export interface SpanCounts {
  tp: number;
  aOnly: number;
  bOnly: number;
}

export interface PairScore extends SpanCounts {
  a: string;
  b: string;
  /** tp / (tp + aOnly): the share of a's units that b marked too. Null when a has no units. */
  precision: number | null;
  /** tp / (tp + bOnly): the share of b's units that a marked too. Null when b has no units. */
  recall: number | null;
  f1: number | null;
  note?: string;
}

export interface SpanAggregate {
  tp: number;
  /** aOnly + bOnly summed over pairs: units the other annotator of the pair did not match. */
  unmatched: number;
  f1: number | null;
  note?: string;
}

export interface SpanF1 {
  overall: SpanAggregate;
  byTag: Record<string, SpanAggregate>;
  byDocument: Record<string, SpanAggregate>;
  pairs: PairScore[];
}

export interface SpanF1Input {
  units: readonly SpanUnit[];
  /** Annotators who coded each document, including any who marked nothing there. */
  coders?: Readonly<Record<string, readonly string[]>>;
}

export const NO_UNITS_NOTE = 'neither annotator marked a unit here, so F1 is 0/0 and undefined';

/** F1 from counts; null (with a note) when there are no units at all. */
export function f1Of(counts: SpanCounts): { f1: number | null; note?: string } {
  const total = 2 * counts.tp + counts.aOnly + counts.bOnly;
  return total === 0 ? { f1: null, note: NO_UNITS_NOTE } : { f1: (2 * counts.tp) / total };
}

export function pairScore(a: string, b: string, counts: SpanCounts, note?: string): PairScore {
  const { f1, note: f1Note } = f1Of(counts);
  const marked = counts.tp + counts.aOnly;
  const referenced = counts.tp + counts.bOnly;
  const score: PairScore = {
    a,
    b,
    ...counts,
    precision: marked === 0 ? null : counts.tp / marked,
    recall: referenced === 0 ? null : counts.tp / referenced,
    f1,
  };
  const why = note ?? f1Note;
  if (why) score.note = why;
  return score;
}

/** Matched pairs between two annotators' spans of one tag in one document. */
export function matchedCount(a: readonly Interval[], b: readonly Interval[], matching: Matching): number {
  if (matching === 'overlap') return maximumOverlapMatching(a, b).length;
  const keys = new Set(a.map(spanKey));
  return [...new Set(b.map(spanKey))].filter((key) => keys.has(key)).length;
}

/** Matched and unmatched units of two annotators (units already one per tag), matched per document and tag. */
export function compareUnits(a: readonly SpanUnit[], b: readonly SpanUnit[], matching: Matching): SpanCounts {
  const cellsA = cells(a);
  const cellsB = cells(b);
  const counts = { tp: 0, aOnly: 0, bOnly: 0 };
  for (const key of new Set([...cellsA.keys(), ...cellsB.keys()])) {
    add(counts, cellCounts(cellsA.get(key) ?? [], cellsB.get(key) ?? [], matching));
  }
  return counts;
}

export function spanF1(input: SpanF1Input, matching: Matching): SpanF1 {
  const index = indexUnits(input);
  const tags = [...new Set(input.units.map((u) => u.tag))].sort(compareCodeUnits);
  const byTag = new Map(tags.map((t) => [t, zero()]));
  const byDocument = new Map(index.documents.map((d) => [d, zero()]));
  const overall = zero();
  const pairs: PairScore[] = [];

  for (const [i, a] of index.annotators.entries()) {
    for (const b of index.annotators.slice(i + 1)) {
      const counts = zero();
      let shared = 0;
      for (const documentId of index.documents) {
        const coders = index.coders.get(documentId);
        if (!coders?.has(a) || !coders.has(b)) continue;
        shared++;
        const spansA = index.spans.get(documentId)?.get(a);
        const spansB = index.spans.get(documentId)?.get(b);
        const docTags = new Set([...(spansA?.keys() ?? []), ...(spansB?.keys() ?? [])]);
        for (const tag of [...docTags].sort(compareCodeUnits)) {
          const cell = cellCounts(spansA?.get(tag) ?? [], spansB?.get(tag) ?? [], matching);
          for (const total of [counts, overall, byTag.get(tag), byDocument.get(documentId)]) add(total, cell);
        }
      }
      pairs.push(pairScore(a, b, counts, shared === 0 ? 'no document was coded by both annotators' : undefined));
    }
  }

  return {
    overall: aggregate(overall),
    byTag: Object.fromEntries([...byTag].map(([tag, c]) => [tag, aggregate(c)])),
    byDocument: Object.fromEntries([...byDocument].map(([doc, c]) => [doc, aggregate(c)])),
    pairs,
  };
}

interface UnitIndex {
  annotators: string[];
  documents: string[];
  coders: Map<string, Set<string>>;
  /** document → annotator → tag → distinct spans in text order */
  spans: Map<string, Map<string, Map<string, Interval[]>>>;
}

function indexUnits(input: SpanF1Input): UnitIndex {
  const coders = new Map<string, Set<string>>();
  const codersOf = (documentId: string) => getOrSet(coders, documentId, () => new Set<string>());
  for (const [documentId, names] of Object.entries(input.coders ?? {})) {
    for (const name of names) codersOf(documentId).add(name);
  }

  const seen = new Set<string>();
  const spans = new Map<string, Map<string, Map<string, Interval[]>>>();
  for (const unit of input.units) {
    codersOf(unit.documentId).add(unit.annotator);
    const key = JSON.stringify([unit.documentId, unit.annotator, unit.tag, unit.start, unit.end]);
    if (seen.has(key)) continue;
    seen.add(key);
    const byAnnotator = getOrSet(spans, unit.documentId, () => new Map<string, Map<string, Interval[]>>());
    const byTag = getOrSet(byAnnotator, unit.annotator, () => new Map<string, Interval[]>());
    getOrSet(byTag, unit.tag, () => []).push({ start: unit.start, end: unit.end });
  }
  for (const byAnnotator of spans.values()) {
    for (const byTag of byAnnotator.values()) for (const list of byTag.values()) list.sort(byPosition);
  }

  const annotators = new Set<string>();
  for (const set of coders.values()) for (const name of set) annotators.add(name);
  return {
    annotators: [...annotators].sort(compareCodeUnits),
    documents: [...coders.keys()].sort(compareCodeUnits),
    coders,
    spans,
  };
}

function cells(units: readonly SpanUnit[]): Map<string, Interval[]> {
  const out = new Map<string, Interval[]>();
  const seen = new Set<string>();
  for (const unit of units) {
    const cell = JSON.stringify([unit.documentId, unit.tag]);
    const key = `${cell}${spanKey(unit)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    getOrSet(out, cell, () => []).push({ start: unit.start, end: unit.end });
  }
  return out;
}

function cellCounts(a: readonly Interval[], b: readonly Interval[], matching: Matching): SpanCounts {
  const tp = matchedCount(a, b, matching);
  return { tp, aOnly: a.length - tp, bOnly: b.length - tp };
}

function aggregate(counts: SpanCounts): SpanAggregate {
  const out: SpanAggregate = { tp: counts.tp, unmatched: counts.aOnly + counts.bOnly, ...f1Of(counts) };
  return out;
}

const zero = (): SpanCounts => ({ tp: 0, aOnly: 0, bOnly: 0 });

function add(total: SpanCounts | undefined, cell: SpanCounts): void {
  if (!total) return;
  total.tp += cell.tp;
  total.aOnly += cell.aOnly;
  total.bOnly += cell.bOnly;
}

const spanKey = (span: Interval) => `${span.start}:${span.end}`;

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}
