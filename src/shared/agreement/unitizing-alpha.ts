import { type Interval, mergeOverlapping, type Section, sections } from './intervals';

/**
 * Krippendorff's unitizing alpha, α_u, for one category on one continuum, as defined in
 * Krippendorff (1995) "On the reliability of unitizing contiguous data", Sociological Methodology
 * 25:47–76, and Krippendorff (2004) Content Analysis, 2nd ed., §12.4 (pp. 251–256).
 *
 * The continuum is a document's text, [0, L) in UTF-16 code units; each coder cuts it into units
 * of the category and gaps (sections). With m coders, and δ² the difference of two overlapping
 * sections g (coder i) and h (coder j) with beginnings b, lengths l:
 *   both units:             δ² = (b_g − b_h)² + (b_g + l_g − b_h − l_h)²
 *   unit g inside gap h:    δ² = l_g²      (and the mirror case, unit h inside gap g: l_h²)
 *   otherwise (gap–gap, or a unit only partly in a gap): 0
 *
 *   uDo = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(g, h) / (m (m − 1) L²)
 *
 *   uDe = (2/L) Σ_units u [ (N − 1)(2l_u³ − 3l_u² + l_u)/3 + l_u² Σ_{gaps γ, l_γ ≥ l_u} (l_γ − l_u + 1) ]
 *         / [ mL(mL − 1) − Σ_units l_u(l_u − 1) ]
 *
 * where N is the number of units (all coders) and the gap sum runs over every coder's gaps.
 * α_u = 1 − uDo/uDe. Several categories, or several documents, combine by summing the
 * disagreements first: α_u = 1 − Σ uDo / Σ uDe (Krippendorff 2004, p. 254, sums over categories;
 * we extend the same sum over documents, so each document–tag continuum weighs by its uDe, not
 * by its length).
 *
 * Choices:
 *  - Binary per tag: "a unit of this tag / not", each tag a category of its own.
 *  - A coder's overlapping units of one tag are merged into one first (the 2004 definition wants
 *    a coder's units of a category disjoint); units that only touch stay separate.
 *  - Units are clipped to [0, L).
 *  - Null, with a note, when there are fewer than two coders, or no expected disagreement (no
 *    unit of the tag at all, or nothing that could vary).
 *
 * Caveat: Krippendorff, Mathet, Bouvry & Widlöcher (2016) "On the reliability of unitizing
 * textual continua: Further developments", Quality & Quantity 50:2347–2364, revise this
 * definition because it "turned out to behave not as expected when applied to more than two
 * observers"; Krippendorff (2019) Content Analysis, 4th ed., §12.6 carries the revision. This
 * module implements the 1995/2004 definition, whose published worked examples (two coders) it
 * reproduces; read values for three or more coders with that in mind.
 */

export interface UnitizingAlpha {
  value: number | null;
  /** Coders compared (for a combined value, the most in any one continuum). */
  coders: number;
  /** Units after merging, over all coders. */
  units: number;
  observed: number;
  expected: number;
  note?: string;
}

export const TOO_FEW_CODERS = 'α_u needs at least two coders';
export const NO_UNITS = 'no coder marked a unit, so there is no expected disagreement and α_u is undefined';
export const NO_VARIATION = 'no expected disagreement (nothing could vary), so α_u is undefined';

/**
 * α_u for one category on a continuum of `length` characters; `coders` holds each coder's units
 * (overlapping ones are merged, all are clipped to the continuum).
 */
export function unitizingAlpha(length: number, coders: readonly (readonly Interval[])[]): UnitizingAlpha {
  const m = coders.length;
  const merged = coders.map((units) => mergeOverlapping(units, length));
  const units = merged.reduce((sum, u) => sum + u.length, 0);
  if (m < 2 || length <= 0) {
    return { value: null, coders: m, units, observed: 0, expected: 0, note: TOO_FEW_CODERS };
  }
  const segmented = merged.map((u) => sections(u, length));
  const observed = observedDisagreement(segmented, length);
  const expected = expectedDisagreement(segmented, length);
  return finish({ coders: m, units, observed, expected });
}

/** Sums uDo and uDe over categories and continua, then α_u = 1 − ΣuDo / ΣuDe. */
export function combineUnitizingAlpha(parts: readonly UnitizingAlpha[]): UnitizingAlpha {
  const usable = parts.filter((p) => p.coders >= 2);
  const coders = parts.reduce((most, p) => Math.max(most, p.coders), 0);
  const units = parts.reduce((sum, p) => sum + p.units, 0);
  if (usable.length === 0) return { value: null, coders, units, observed: 0, expected: 0, note: TOO_FEW_CODERS };
  const observed = usable.reduce((sum, p) => sum + p.observed, 0);
  const expected = usable.reduce((sum, p) => sum + p.expected, 0);
  return finish({ coders, units, observed, expected });
}

function finish(parts: Omit<UnitizingAlpha, 'value'>): UnitizingAlpha {
  if (parts.expected > 0) return { ...parts, value: 1 - parts.observed / parts.expected };
  return { ...parts, value: null, note: parts.units === 0 ? NO_UNITS : NO_VARIATION };
}

/** uDo: every ordered pair of coders, every pair of overlapping sections, δ², over m(m−1)L². */
function observedDisagreement(segmented: readonly Section[][], length: number): number {
  const m = segmented.length;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) sum += 2 * pairDisagreement(segmented[i] ?? [], segmented[j] ?? []);
  }
  return sum / (m * (m - 1) * length * length);
}

/** Σ δ² over the overlapping sections of two coders (both cover the continuum, in order). */
function pairDisagreement(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i] as Section;
    const h = b[j] as Section;
    sum += delta2(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

/** Krippendorff's (2004, p. 252) difference of two overlapping sections. */
export function delta2(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

function expectedDisagreement(segmented: readonly Section[][], length: number): number {
  const m = segmented.length;
  const all = segmented.flat();
  const unitLengths = all.filter((s) => s.unit).map((s) => s.end - s.start);
  const gapLengths = all
    .filter((s) => !s.unit)
    .map((s) => s.end - s.start)
    .sort((x, y) => y - x);
  const n = unitLengths.length;
  if (n === 0) return 0;

  let numerator = 0;
  for (const l of unitLengths) {
    let fits = 0;
    for (const gap of gapLengths) {
      if (gap < l) break;
      fits += gap - l + 1;
    }
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * fits;
  }
  const pairs = m * length * (m * length - 1) - unitLengths.reduce((sum, l) => sum + l * (l - 1), 0);
  return ((2 / length) * numerator) / pairs;
}
