import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPoint } from './partition-point';

describe('partitionPoint', () => {
  it('finds where a sorted list stops being below a limit', () => {
    expect(partitionPoint([1, 3, 3, 7], (n) => n < 3)).toBe(1);
    expect(partitionPoint([1, 3, 3, 7], (n) => n <= 3)).toBe(3);
    expect(partitionPoint([1, 3], (n) => n < 10)).toBe(2);
    expect(partitionPoint([], () => true)).toBe(0);
  });

  it('agrees with a linear scan on any sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, limit) => {
        const sorted = [...values].sort((a, b) => a - b);
        const linear = sorted.findIndex((n) => !(n < limit));
        expect(partitionPoint(sorted, (n) => n < limit)).toBe(linear < 0 ? sorted.length : linear);
      }),
    );
  });
});
