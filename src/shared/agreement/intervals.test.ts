import { describe, expect, it } from 'vitest';
import { mergeOverlapping, overlapLength, overlaps, sections } from './intervals';

describe('intervals', () => {
  it('counts spans as overlapping only when they share a character', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlapLength({ start: 0, end: 5 }, { start: 2, end: 9 })).toBe(3);
    expect(overlapLength({ start: 0, end: 5 }, { start: 7, end: 9 })).toBe(0);
  });

  it('merges overlapping and nested units, keeps touching ones apart, and clips to the continuum', () => {
    expect(
      mergeOverlapping(
        [
          { start: 8, end: 12 },
          { start: 0, end: 3 },
          { start: 3, end: 5 },
          { start: 4, end: 6 },
          { start: 9, end: 10 },
          { start: -2, end: 1 },
        ],
        11,
      ),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 8, end: 11 },
    ]);
    expect(mergeOverlapping([{ start: 12, end: 15 }], 10)).toEqual([]);
  });

  it('cuts the continuum into units and gaps that cover it exactly', () => {
    expect(
      sections(
        [
          { start: 2, end: 4 },
          { start: 4, end: 6 },
        ],
        8,
      ),
    ).toEqual([
      { start: 0, end: 2, unit: false },
      { start: 2, end: 4, unit: true },
      { start: 4, end: 6, unit: true },
      { start: 6, end: 8, unit: false },
    ]);
    expect(sections([], 5)).toEqual([{ start: 0, end: 5, unit: false }]);
    expect(sections([{ start: 0, end: 5 }], 5)).toEqual([{ start: 0, end: 5, unit: true }]);
  });
});
