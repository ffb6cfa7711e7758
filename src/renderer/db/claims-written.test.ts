import { RangeSet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { claimsWritten } from './claims-written';

const part = (index: string) => `idb://FramingWorkbench/annotations/${index}`;

describe('the claims a storage mutation names', () => {
  it('are the primary keys it wrote, in key order', () => {
    const written = {
      [part('')]: new RangeSet().addKeys(['01B', '01A']),
      // Index keys of the same write say nothing more about which claims changed.
      [part('[corpusId+documentId]')]: new RangeSet().addKey(['corpus', 'a.txt']),
    };
    expect(claimsWritten(written)).toEqual(['01A', '01B']);
  });

  it('are all claims when a range was written (a corpus cleared, a query deleted)', () => {
    expect(claimsWritten({ [part('')]: new RangeSet('01A', '01Z') })).toBe('all');
  });

  it('are none when only other tables changed', () => {
    expect(claimsWritten({ 'idb://FramingWorkbench/settings/': new RangeSet().addKey('theme') })).toEqual([]);
  });
});
