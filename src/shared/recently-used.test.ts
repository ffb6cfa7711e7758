import { describe, expect, it } from 'vitest';
import { remember } from './recently-used';

describe('remember', () => {
  it('keeps the most recently used entries, dropping the oldest beyond the limit', () => {
    const map = new Map<string, number>();
    for (const key of ['a', 'b', 'c']) remember(map, key, key.charCodeAt(0), 2);
    expect([...map.keys()]).toEqual(['b', 'c']);
    // Using b again makes c the older of the two.
    expect(remember(map, 'b', 98, 2)).toBe(98);
    remember(map, 'd', 100, 2);
    expect([...map.keys()]).toEqual(['b', 'd']);
  });
});
