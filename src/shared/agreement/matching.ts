import { byPosition, type Interval, overlapLength, overlaps } from './intervals';

/**
 * The largest one-to-one matching of overlapping spans, as [index in a, index in b] pairs.
 *
 * Why not greedy by largest overlap: it does not always give the most pairs. With a1 overlapping
 * b1 a lot and b2 a little, and a2 overlapping only b1, greedy takes a1–b1 and strands a2, where
 * a1–b2 and a2–b1 match both. Span F1 counts pairs, so we want a maximum-cardinality matching:
 * Kuhn's augmenting-path algorithm (Kuhn 1955; any graph-algorithms text), O(V·E) on the small
 * per-document, per-tag graphs we build. Every maximum matching has the same size, so the F1
 * counts do not depend on which one is found; which pairs are reported is still deterministic,
 * because spans are visited in text order and each span tries its partners by largest overlap
 * first, then by position.
 *
 * The Hungarian algorithm would do as well (maximum weight with weights that favour count first),
 * but it is O(n³) and more code for the same counts.
 */
export function maximumOverlapMatching(a: readonly Interval[], b: readonly Interval[]): [number, number][] {
  const aOrder = indexOrder(a);
  const bOrder = indexOrder(b);
  const partners: number[][] = a.map(() => []);
  for (const i of aOrder) {
    const span = a[i] as Interval;
    const candidates = bOrder.filter((j) => overlaps(span, b[j] as Interval));
    candidates.sort(
      (x, y) =>
        overlapLength(span, b[y] as Interval) - overlapLength(span, b[x] as Interval) ||
        byPosition(b[x] as Interval, b[y] as Interval) ||
        x - y,
    );
    partners[i] = candidates;
  }

  const matchOfB: number[] = b.map(() => -1);
  for (const i of aOrder) {
    const seen = new Uint8Array(b.length);
    augment(i, partners, matchOfB, seen);
  }
  const pairs: [number, number][] = [];
  matchOfB.forEach((i, j) => {
    if (i >= 0) pairs.push([i, j]);
  });
  return pairs.sort((x, y) => x[0] - y[0]);
}

/** Tries to match a[i], moving earlier matches along an alternating path if that frees a partner. */
function augment(i: number, partners: readonly number[][], matchOfB: number[], seen: Uint8Array): boolean {
  for (const j of partners[i] ?? []) {
    if (seen[j]) continue;
    seen[j] = 1;
    const holder = matchOfB[j] as number;
    if (holder < 0 || augment(holder, partners, matchOfB, seen)) {
      matchOfB[j] = i;
      return true;
    }
  }
  return false;
}

function indexOrder(spans: readonly Interval[]): number[] {
  return spans.map((_, i) => i).sort((x, y) => byPosition(spans[x] as Interval, spans[y] as Interval) || x - y);
}
