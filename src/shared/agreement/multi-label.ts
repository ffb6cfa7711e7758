import { compareCodeUnits } from '../text/compare';
import { type Coefficient, cohenKappa, fleissKappa, krippendorffAlphaNominal, type Label } from './nominal';

/**
 * Agreement on set-valued labels: items (here documents) × coders, each cell a set of tags or
 * missing (null or undefined). A document's framing is such a set: {threat, integration}.
 *
 * MASI distance (Passonneau 2006, "Measuring agreement on set-valued items (MASI) for semantic
 * and pragmatic annotation", LREC), as NLTK's `nltk.metrics.distance.masi_distance` computes it:
 *   d(A, B) = 1 − J·M,  J = |A ∩ B| / |A ∪ B| (Jaccard),
 *   M = 1 when A = B, 0.67 when one is a subset of the other, 0.33 when they intersect
 *   otherwise, 0 when they are disjoint.
 * Passonneau writes M as 1, 2/3, 1/3, 0; NLTK rounds to 0.67 and 0.33, and so do we, so the
 * figures are NLTK's to the last digit. Two empty sets (an annotator who cleared a document's
 * tags, twice) are the same set, distance 0, where NLTK divides 0 by 0; an empty set against a
 * non-empty one is distance 1, as in NLTK (J = 0).
 *
 * Krippendorff's α with a distance (Krippendorff 2004, Content Analysis 2nd ed., §11.3; as NLTK's
 * `AnnotationTask.alpha` computes it): over the n values of the units with m_u ≥ 2 values,
 *   D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} d(v_i, v_j),
 *   D_e = 1/(n(n − 1)) Σ_{i≠j over all n values} d(v_i, v_j),
 *   α = 1 − D_o / D_e.
 * With the 0/1 distance this is the nominal α of nominal.ts. Where NLTK returns 1 when every value
 * is the same, we say α is 0/0; and we leave α undefined over a single pairable unit, where NLTK
 * returns 0: D_e is then estimated from that one unit alone and equals D_o, so α is 0 (or 0/0)
 * whatever the coders did.
 *
 * Per tag, every (document, annotator) with a set becomes yes or no (the tag is in the set or
 * not), and Cohen's κ per pair of annotators, Fleiss' κ and Krippendorff's nominal α are the ones
 * of nominal.ts over that table.
 */

export type TagSet = ReadonlySet<string> | null | undefined;

/** Why a coefficient over one item (document) is left undefined; see `atLeastTwoItems`. */
export const ONE_DOCUMENT =
  'one document only: chance agreement is then estimated from that document alone, so κ and α are 0 or below when the annotators differ and 0/0 when they agree; they say nothing yet';
export const NO_PAIRABLE_SETS = 'no document has tag sets from two or more annotators';
export const NO_SET_VARIATION = 'every pairable tag set is the same: no variation, α is 0/0';

const MONOTONICITY_SUBSET = 0.67;
const MONOTONICITY_OVERLAP = 0.33;

/** MASI distance between two tag sets, in [0, 1]: 0 for equal sets (two empty ones included). */
export function masiDistance(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const tag of a) if (b.has(tag)) shared++;
  const union = a.size + b.size - shared;
  const monotonicity =
    shared === a.size && shared === b.size
      ? 1
      : shared === Math.min(a.size, b.size)
        ? MONOTONICITY_SUBSET
        : shared > 0
          ? MONOTONICITY_OVERLAP
          : 0;
  return 1 - (shared / union) * monotonicity;
}

const present = (set: TagSet): set is ReadonlySet<string> => set !== null && set !== undefined;

/** A set's identity: its tags sorted by code unit. */
const keyOf = (set: ReadonlySet<string>) => JSON.stringify([...set].sort(compareCodeUnits));

interface Pooled {
  set: ReadonlySet<string>;
  count: number;
}

/** Krippendorff's α over items × coders of tag sets, with MASI distance unless another is given. */
export function krippendorffAlphaSets(
  table: readonly (readonly TagSet[])[],
  distance: (a: ReadonlySet<string>, b: ReadonlySet<string>) => number = masiDistance,
): Coefficient {
  const pooled = new Map<string, Pooled>();
  let observed = 0;
  let items = 0;
  for (const row of table) {
    const values = row.filter(present);
    const mu = values.length;
    if (mu < 2) continue;
    items++;
    const counts = countSets(values);
    observed += pairedDistance(counts, distance) / (mu - 1);
    for (const [key, { set, count }] of counts) {
      const before = pooled.get(key);
      pooled.set(key, { set, count: (before?.count ?? 0) + count });
    }
  }
  if (items === 0) return { value: null, items, note: NO_PAIRABLE_SETS };
  if (items === 1) return { value: null, items, note: ONE_DOCUMENT };
  const n = [...pooled.values()].reduce((s, p) => s + p.count, 0);
  const dObserved = observed / n;
  const dExpected = pairedDistance(pooled, distance) / (n * (n - 1));
  if (dExpected === 0) return { value: null, items, note: NO_SET_VARIATION };
  return { value: 1 - dObserved / dExpected, items };
}

function countSets(values: readonly ReadonlySet<string>[]): Map<string, Pooled> {
  const counts = new Map<string, Pooled>();
  for (const set of values) {
    const key = keyOf(set);
    counts.set(key, { set, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return counts;
}

/** Σ over ordered pairs of different values of d: n_c·n_k·d(c, k), or n_c·(n_c − 1)·d(c, c). */
function pairedDistance(
  counts: ReadonlyMap<string, Pooled>,
  distance: (a: ReadonlySet<string>, b: ReadonlySet<string>) => number,
): number {
  const entries = [...counts].sort(([x], [y]) => compareCodeUnits(x, y));
  let total = 0;
  for (const [c, x] of entries) {
    for (const [k, y] of entries) {
      const pairs = c === k ? x.count * (x.count - 1) : x.count * y.count;
      if (pairs > 0) total += pairs * distance(x.set, y.set);
    }
  }
  return total;
}

/**
 * A chance-corrected coefficient over a single item carries no information: κ and α are then
 * 0 or below when the coders differ and 0/0 when they agree. Left undefined, with why.
 */
export function atLeastTwoItems(coefficient: Coefficient): Coefficient {
  return coefficient.items === 1 ? { value: null, items: 1, note: ONE_DOCUMENT } : coefficient;
}

export interface PairCoefficient extends Coefficient {
  a: string;
  b: string;
}

/** One tag's agreement, the tag as yes/no per document and annotator. */
export interface TagAgreement {
  cohenKappa: PairCoefficient[];
  fleissKappa: Coefficient;
  krippendorffAlpha: Coefficient;
}

const YES = 'yes';
const NO = 'no';

/**
 * Per tag used anywhere in the table (sorted by code unit): the tag's presence in each cell's
 * set as a yes/no label, and κ and α over that. `coders` names the table's columns.
 */
export function tagAgreement(
  table: readonly (readonly TagSet[])[],
  coders: readonly string[],
): Record<string, TagAgreement> {
  const tags = new Set<string>();
  for (const row of table) for (const cell of row) if (present(cell)) for (const tag of cell) tags.add(tag);
  const result: Record<string, TagAgreement> = {};
  for (const tag of [...tags].sort(compareCodeUnits)) {
    const rows: Label[][] = table.map((row) =>
      coders.map((_, i) => {
        const cell = row[i];
        return present(cell) ? (cell.has(tag) ? YES : NO) : null;
      }),
    );
    const column = (i: number) => rows.map((row) => row[i]);
    const pairs: PairCoefficient[] = [];
    coders.forEach((a, i) => {
      coders.slice(i + 1).forEach((b, k) => {
        pairs.push({ a, b, ...atLeastTwoItems(cohenKappa(column(i), column(i + 1 + k))) });
      });
    });
    result[tag] = {
      cohenKappa: pairs,
      fleissKappa: atLeastTwoItems(fleissKappa(rows)),
      krippendorffAlpha: atLeastTwoItems(krippendorffAlphaNominal(rows)),
    };
  }
  return result;
}
