import { describe, expect, it } from 'vitest';
import { compareCodeUnits, compareForDisplay } from './compare';

describe('compareCodeUnits', () => {
  it('sorts as the default sort does: capitals before small letters, Latin before Cyrillic', () => {
    const names = ['b', 'Я', 'a', 'B', 'ё', 'а'];
    expect([...names].sort(compareCodeUnits)).toEqual([...names].sort());
    expect([...names].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', 'Я', 'а', 'ё']);
  });

  it('is zero only for equal strings', () => {
    expect(compareCodeUnits('x', 'x')).toBe(0);
    expect(compareCodeUnits('x', 'y')).toBeLessThan(0);
    expect(compareCodeUnits('y', 'x')).toBeGreaterThan(0);
  });
});

describe('compareForDisplay', () => {
  it('puts a small and a capital letter next to each other, as a reader expects', () => {
    expect(['b', 'B', 'a'].sort(compareForDisplay).map((s) => s.toLowerCase())).toEqual(['a', 'b', 'b']);
  });
});
