import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Interval, overlaps } from './intervals';
import { maximumOverlapMatching } from './matching';

const span = (start: number, end: number): Interval => ({ start, end });

/** The largest matching by trying every assignment: the reference for small cases. */
function bruteForce(a: readonly Interval[], b: readonly Interval[], i = 0, used = new Set<number>()): number {
  if (i === a.length) return 0;
  let best = bruteForce(a, b, i + 1, used);
  b.forEach((other, j) => {
    if (used.has(j) || !overlaps(a[i] as Interval, other)) return;
    used.add(j);
    best = Math.max(best, 1 + bruteForce(a, b, i + 1, used));
    used.delete(j);
  });
  return best;
}

describe('maximumOverlapMatching', () => {
  it('matches both spans where greedy-by-largest-overlap would strand one', () => {
    // a1 = [0, 10) overlaps b1 = [0, 9) by 9 and b2 = [9, 12) by 1; a2 = [5, 8) overlaps only b1.
    // Greedy takes a1–b1 (largest overlap) and leaves a2 alone: 1 pair. The maximum is 2.
    const pairs = maximumOverlapMatching([span(0, 10), span(5, 8)], [span(0, 9), span(9, 12)]);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('prefers the partner with the larger overlap when the count is the same', () => {
    expect(maximumOverlapMatching([span(0, 10)], [span(8, 20), span(2, 9)])).toEqual([[0, 1]]);
  });

  it('does not match spans that only touch', () => {
    expect(maximumOverlapMatching([span(0, 5)], [span(5, 9)])).toEqual([]);
  });

  it('matches one to one', () => {
    expect(maximumOverlapMatching([span(0, 10)], [span(0, 10), span(2, 4)])).toHaveLength(1);
    expect(maximumOverlapMatching([span(0, 10), span(0, 10)], [span(3, 4)])).toHaveLength(1);
  });

  it('finds a matching as large as brute force does, each pair overlapping, nothing used twice', () => {
    const spans = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 8 })).map(([s, l]) => span(s, s + l)),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const pairs = maximumOverlapMatching(a, b);
        expect(pairs).toHaveLength(bruteForce(a, b));
        expect(new Set(pairs.map(([i]) => i)).size).toBe(pairs.length);
        expect(new Set(pairs.map(([, j]) => j)).size).toBe(pairs.length);
        for (const [i, j] of pairs) expect(overlaps(a[i] as Interval, b[j] as Interval)).toBe(true);
        expect(maximumOverlapMatching(a, b)).toEqual(pairs);
        expect(maximumOverlapMatching(b, a)).toHaveLength(pairs.length);
      }),
    );
  });
});
