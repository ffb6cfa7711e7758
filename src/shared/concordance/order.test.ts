import { describe, expect, it } from 'vitest';
import type { ConcordanceHit } from '../host-api';
import { type DocumentOrder, orderHits } from './index';

const hit = (document: string, start: number, before: string, after: string): ConcordanceHit => ({
  document,
  start,
  end: start + 4,
  quote: 'НАТО',
  before,
  after,
});

const hits = [
  hit('a.txt', 10, 'взаимодействие с ', ' Россия'),
  hit('a.txt', 90, 'отношений с ', '. Об этом'),
  hit('b.txt', 5, 'угроза со стороны ', ' растёт'),
  hit('c.txt', 7, 'Учения ', ' у границ'),
];
const documents = new Map<string, DocumentOrder>([
  ['a.txt', { place: 0, date: '2021-09-10', source: 'РБК' }],
  ['b.txt', { place: 1, source: 'Izvestia' }],
  ['c.txt', { place: 2, date: '2020-01-02' }],
]);

const shown = (order: Parameters<typeof orderHits>[1]) =>
  orderHits(hits, order, documents).map((section) => [section.document, section.hits.map((h) => h.start)]);

describe('the order of hits', () => {
  it('groups by document in corpus order, by date (undated last) or by source (unknown last)', () => {
    expect(shown('document')).toEqual([
      ['a.txt', [10, 90]],
      ['b.txt', [5]],
      ['c.txt', [7]],
    ]);
    expect(shown('date')).toEqual([
      ['c.txt', [7]],
      ['a.txt', [10, 90]],
      ['b.txt', [5]],
    ]);
    expect(shown('source')).toEqual([
      ['b.txt', [5]],
      ['a.txt', [10, 90]],
      ['c.txt', [7]],
    ]);
  });

  it('lists all hits by the word to their left, then the next one out, or by the words to their right', () => {
    // Left: "с" (взаимодействие с), "с" (отношений с), "стороны", "Учения": ties go on outwards.
    expect(shown('left')).toEqual([[undefined, [10, 90, 5, 7]]]);
    expect(shown('right')).toEqual([[undefined, [90, 5, 10, 7]]]);
  });
});
