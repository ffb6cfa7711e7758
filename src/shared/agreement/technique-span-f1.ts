import type { Annotation } from '../model/annotation';
import { compareCodeUnits } from '../text/compare';
import { type Interval, mergeOverlapping, overlapLength } from './intervals';

/**
 * The span measure of the propaganda shared tasks, so that an annotator can be scored against a
 * gold layer as SemEval-2020 Task 11 scored systems: partial overlaps earn partial credit.
 *
 * Spans count code points, end exclusive, as the tasks' files do (`claimSpans` takes them from
 * claims); in UTF-16 units an emoji would weigh two characters and the credits would differ.
 *
 * Span identification (task SI, task-SI_scorer.py): techniques are ignored. In each document the
 * predicted spans that overlap (share a character; spans that only touch stay apart) are merged
 * into one, and so are the gold spans, as the scorer merges the gold always and a submission
 * with its -m option (without which it refuses overlaps). Then, over predicted spans s and gold
 * spans t of the same document,
 *   precision = Σ |s ∩ t| / |s|  divided by the number of predicted spans,
 *   recall    = Σ |s ∩ t| / |t|  divided by the number of gold spans,
 * and F1 is their harmonic mean; 0 when either is 0, and 1 when there are neither predicted nor
 * gold spans (the scorer's compute_prec_rec_f1).
 *
 * Per technique (task FLC of the PTC, and the span scorer SemEval-2021 Task 6 and SemEval-2023
 * Task 3 used: compute_span_score in the propaganda-techniques-scorer's src/annotations.py): a
 * span earns credit only against gold spans of its own technique, and spans of one technique are
 * merged where they overlap (the FLC scorer merges the gold's, and refuses a submission's). The
 * overall precision and recall are the sums above over every technique. For one technique the
 * scorer divides the precision credit twice: its recall is Σ |s ∩ t| / |s| over that technique's
 * pairs, divided by its gold spans. That is reproduced here so the figures equal the ones the
 * task published; `recallCredit` holds the sum a recall would divide by rights.
 */

export interface TechniqueSpan {
  documentId: string;
  /** A technique name, or a tag id: only equality matters. */
  technique: string;
  start: number;
  end: number;
}

export interface SpanScore {
  precision: number;
  recall: number;
  f1: number;
  /** Predicted spans after merging: precision's denominator. */
  predicted: number;
  /** Gold spans after merging: recall's denominator. */
  gold: number;
  /** Σ |s ∩ t| / |s|. */
  precisionCredit: number;
  /** Σ |s ∩ t| / |t|. */
  recallCredit: number;
}

export interface TechniqueScores {
  overall: SpanScore;
  byTechnique: Record<string, SpanScore>;
}

/** One span per tag of each live claim, in code points: claims as the task's files would hold them. */
export const claimSpans = (claims: readonly Pick<Annotation, 'documentId' | 'tags' | 'target' | 'deletedAt'>[]) =>
  claims
    .filter((claim) => claim.deletedAt === undefined)
    .flatMap(({ documentId, tags, target }) =>
      tags.map((technique) => ({ documentId, technique, start: target.codePointStart, end: target.codePointEnd })),
    );

export function spanIdentificationScore(
  predicted: readonly TechniqueSpan[],
  gold: readonly TechniqueSpan[],
): SpanScore {
  return scored(tally(groups(predicted, false), groups(gold, false)));
}

/**
 * Overall and per-technique scores; `techniques` lists any the files may not use (a technique
 * neither side has scores F1 1, as the scorer reports every technique of its list).
 */
export function techniqueScores(
  predicted: readonly TechniqueSpan[],
  gold: readonly TechniqueSpan[],
  techniques: readonly string[] = [],
): TechniqueScores {
  const predictedGroups = groups(predicted, true);
  const goldGroups = groups(gold, true);
  const names = new Set(techniques);
  for (const group of [...predictedGroups.values(), ...goldGroups.values()]) names.add(group.technique);
  const byTechnique: Record<string, SpanScore> = {};
  for (const name of [...names].sort(compareCodeUnits)) {
    const of = (all: Map<string, Group>) => new Map([...all].filter(([, group]) => group.technique === name));
    const counts = tally(of(predictedGroups), of(goldGroups));
    // The scorer's recall for one technique: its precision credit over its gold spans.
    byTechnique[name] = scored(counts, counts.precisionCredit);
  }
  return { overall: scored(tally(predictedGroups, goldGroups)), byTechnique };
}

/** A document's spans of one technique (or of all, for SI): merged, sorted and disjoint. */
interface Group {
  technique: string;
  spans: Interval[];
}

type Counts = Pick<SpanScore, 'predicted' | 'gold' | 'precisionCredit' | 'recallCredit'>;

function groups(spans: readonly TechniqueSpan[], byTechnique: boolean): Map<string, Group> {
  const found = new Map<string, Group>();
  for (const span of spans) {
    // A span that covers nothing earns nothing and would divide by zero; the scorers refuse it.
    if (span.end <= span.start) continue;
    const key = JSON.stringify(byTechnique ? [span.documentId, span.technique] : [span.documentId]);
    const group = found.get(key) ?? { technique: span.technique, spans: [] };
    group.spans.push({ start: span.start, end: span.end });
    found.set(key, group);
  }
  for (const group of found.values()) group.spans = mergeOverlapping(group.spans, Number.POSITIVE_INFINITY);
  return found;
}

function tally(predicted: Map<string, Group>, gold: Map<string, Group>): Counts {
  const counts = { predicted: 0, gold: 0, precisionCredit: 0, recallCredit: 0 };
  for (const group of gold.values()) counts.gold += group.spans.length;
  for (const [key, group] of predicted) {
    counts.predicted += group.spans.length;
    const against = gold.get(key)?.spans ?? [];
    // Both lists are sorted and disjoint, so the gold spans a predicted span meets are consecutive.
    let first = 0;
    for (const s of group.spans) {
      while (first < against.length && (against[first] as Interval).end <= s.start) first++;
      for (let k = first; k < against.length && (against[k] as Interval).start < s.end; k++) {
        const t = against[k] as Interval;
        const shared = overlapLength(s, t);
        counts.precisionCredit += shared / (s.end - s.start);
        counts.recallCredit += shared / (t.end - t.start);
      }
    }
  }
  return counts;
}

/** The scorer's compute_prec_rec_f1, down to how it writes F1. */
function scored(counts: Counts, recallNumerator = counts.recallCredit): SpanScore {
  const precision = counts.predicted > 0 ? counts.precisionCredit / counts.predicted : 0;
  const recall = counts.gold > 0 ? recallNumerator / counts.gold : 0;
  let f1 = counts.predicted === 0 && counts.gold === 0 ? 1 : 0;
  if (precision > 0 && recall > 0) f1 = 2 * ((precision * recall) / (precision + recall));
  return { ...counts, precision, recall, f1 };
}
