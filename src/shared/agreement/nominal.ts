import { compareCodeUnits } from '../text/compare';

/**
 * Agreement on nominal labels: items (here documents) × coders, each cell one label or missing
 * (null or undefined).
 *
 * Cohen's kappa (Cohen 1960, "A coefficient of agreement for nominal scales", Educational and
 * Psychological Measurement 20:37–46), for two coders over the items both labelled:
 *   p_o = Σ_k n_kk / n,  p_e = Σ_k (n_k· / n)(n_·k / n),  κ = (p_o − p_e) / (1 − p_e).
 *
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters",
 * Psychological Bulletin 76:378–382), for r ratings per item, n_ij of them in category j:
 *   P_i = (Σ_j n_ij² − r) / (r(r − 1)),  P̄ = mean P_i,  p_j = Σ_i n_ij / (N r),  P̄_e = Σ_j p_j²,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 * It needs the same number of ratings for every item, so with missing labels only the items
 * every coder labelled are used; the note says how many.
 *
 * Krippendorff's alpha, nominal (Krippendorff 2011, "Computing Krippendorff's alpha-reliability",
 * Annenberg School for Communication Departmental Papers 43, §C; Krippendorff 2004, Content
 * Analysis 2nd ed., §11.3), any number of coders, missing labels allowed. For each item u with
 * m_u ≥ 2 labels, every ordered pair of labels (c, k) from different coders adds 1/(m_u − 1) to
 * the coincidence o_ck; n_c = Σ_k o_ck, n = Σ_c n_c;
 *   α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 * Items with fewer than two labels are not pairable and are left out; `items` counts the rest.
 */

export type Label = string | null | undefined;

export interface Coefficient {
  value: number | null;
  items: number;
  note?: string;
}

const present = (label: Label): label is string => label !== null && label !== undefined;

/** Cohen's kappa for two coders' labels of the same items (a[i] and b[i] label item i). */
export function cohenKappa(a: readonly Label[], b: readonly Label[]): Coefficient {
  const pairs: [string, string][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (present(x) && present(y)) pairs.push([x, y]);
  }
  const n = pairs.length;
  if (n === 0) return { value: null, items: 0, note: 'no item was labelled by both coders' };
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
    if (x === y) agree++;
  }
  const po = agree / n;
  let pe = 0;
  for (const label of sortedKeys(rows)) pe += ((rows.get(label) ?? 0) / n) * ((cols.get(label) ?? 0) / n);
  if (pe === 1) return { value: null, items: n, note: 'both coders used one and the same label throughout: κ is 0/0' };
  return { value: (po - pe) / (1 - pe), items: n };
}

/** Fleiss' kappa over items × coders; items with any missing label are left out. */
export function fleissKappa(table: readonly (readonly Label[])[]): Coefficient {
  const raters = table.reduce((most, row) => Math.max(most, row.length), 0);
  const complete = table.filter((row) => row.length === raters && row.every(present)) as string[][];
  const dropped = table.length - complete.length;
  const used = `used the ${complete.length} of ${table.length} items that all ${raters} coders labelled`;
  const note = dropped > 0 ? used : undefined;
  if (raters < 2) return withNote({ value: null, items: complete.length }, 'Fleiss’ kappa needs at least two coders');
  if (complete.length === 0) return withNote({ value: null, items: 0 }, `no item was labelled by all ${raters} coders`);
  return fleissKappaFromCounts(complete.map(countLabels), note);
}

/**
 * Fleiss' kappa from the usual subjects × categories table of counts (every row summing to the
 * same number of ratings), as printed in Fleiss (1971) and most textbooks.
 */
export function fleissKappaFromCounts(counts: readonly ReadonlyMap<string, number>[], note?: string): Coefficient {
  const items = counts.length;
  const ratings = counts.map((row) => [...row.values()].reduce((s, x) => s + x, 0));
  const r = ratings[0] ?? 0;
  if (items === 0) return withNote({ value: null, items }, note ?? 'no items');
  if (ratings.some((x) => x !== r)) {
    return withNote({ value: null, items }, 'every item needs the same number of ratings');
  }
  if (r < 2) return withNote({ value: null, items }, 'Fleiss’ kappa needs at least two ratings per item');
  const totals = new Map<string, number>();
  let pBar = 0;
  for (const row of counts) {
    let squares = 0;
    for (const [label, x] of row) {
      squares += x * x;
      totals.set(label, (totals.get(label) ?? 0) + x);
    }
    pBar += (squares - r) / (r * (r - 1));
  }
  pBar /= items;
  let pe = 0;
  for (const label of sortedKeys(totals)) pe += ((totals.get(label) ?? 0) / (items * r)) ** 2;
  if (pe === 1) return withNote({ value: null, items }, 'every rating is the same label: κ is 0/0');
  return withNote({ value: (pBar - pe) / (1 - pe), items }, note);
}

/** Krippendorff's alpha for nominal data over items × coders, missing labels allowed. */
export function krippendorffAlphaNominal(table: readonly (readonly Label[])[]): Coefficient {
  const coincidences = new Map<string, Map<string, number>>();
  let items = 0;
  for (const row of table) {
    const labels = row.filter(present);
    const mu = labels.length;
    if (mu < 2) continue;
    items++;
    const counts = countLabels(labels);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        // Ordered pairs of labels from different coders: n_c·n_k, or n_c·(n_c − 1) when c = k.
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        const row = coincidences.get(c) ?? new Map<string, number>();
        row.set(k, (row.get(k) ?? 0) + pairs / (mu - 1));
        coincidences.set(c, row);
      }
    }
  }
  if (items === 0) return { value: null, items, note: 'no item has labels from two or more coders' };
  const labels = sortedKeys(coincidences);
  const marginals = labels.map((c) => [...(coincidences.get(c)?.values() ?? [])].reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  let disagreeing = 0;
  let expected = 0;
  labels.forEach((c, ci) => {
    labels.forEach((k, ki) => {
      if (ci === ki) return;
      disagreeing += coincidences.get(c)?.get(k) ?? 0;
      expected += (marginals[ci] ?? 0) * (marginals[ki] ?? 0);
    });
  });
  if (expected === 0) return { value: null, items, note: 'every pairable label is the same: no variation, α is 0/0' };
  return { value: 1 - ((n - 1) * disagreeing) / expected, items };
}

function countLabels(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

const sortedKeys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].sort(compareCodeUnits);

function withNote(result: Coefficient, note: string | undefined): Coefficient {
  return note ? { ...result, note } : result;
}
