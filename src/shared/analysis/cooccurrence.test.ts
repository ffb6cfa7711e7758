import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim } from '../model/annotation';
import { cooccurrence } from './cooccurrence';

const text = 'NATO threatens us. We integrate with Moscow.\nSecond line here.';

let next = 0;
function claim(document: string, start: number, end: number, tags: string[], deleted = false): Annotation {
  const made = newClaim({
    id: `01JDC${String(next++).padStart(21, '0')}`,
    documentId: document,
    documentSha256: '0'.repeat(64),
    target: {
      start,
      end,
      codePointStart: start,
      codePointEnd: end,
      exact: text.slice(start, end),
      prefix: '',
      suffix: '',
    },
    tagId: tags[0] as string,
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-12-06T10:00:00.000Z',
  });
  return { ...made, tags, ...(deleted ? { deletedAt: '2026-12-06T11:00:00.000Z' } : {}) };
}

/**
 * x.txt: "NATO" (threat and actor) overlapped by "TO thre" (integration) in the first sentence;
 * "integrate" (threat) and "Moscow" (integration) apart in the second; a deleted claim with both
 * in the second line. y.txt: one actor claim.
 */
const claims = [
  claim('x.txt', 0, 4, ['threat', 'actor']),
  claim('x.txt', 2, 9, ['integration']),
  claim('x.txt', 22, 31, ['threat']),
  claim('x.txt', 37, 43, ['integration']),
  claim('x.txt', 45, 51, ['threat', 'integration'], true),
  claim('y.txt', 0, 5, ['actor']),
];
const tags = ['threat', 'integration', 'actor'];
const texts = [{ id: 'x.txt', text, language: 'en' }];

const cell = (table: ReturnType<typeof cooccurrence>, row: string, column: string) =>
  table.cells.find((c) => c.row === row && c.column === column);

describe('cooccurrence', () => {
  it('counts tags given to the same claim', () => {
    const table = cooccurrence(claims, { unit: 'same-claim', tags });
    expect(table.units).toEqual([2, 2, 2]);
    expect(cell(table, 'threat', 'actor')).toEqual({ row: 'threat', column: 'actor', count: 1, jaccard: 1 / 3 });
    expect(cell(table, 'threat', 'integration')).toMatchObject({ count: 0, jaccard: 0 });
    expect(cell(table, 'threat', 'threat')).toMatchObject({ count: 2, jaccard: 1 });
    expect(table.cells).toHaveLength(9);
  });

  it('counts passages of overlapping claims', () => {
    const table = cooccurrence(claims, { unit: 'overlap', tags });
    expect(table.units).toEqual([2, 2, 2]);
    expect(cell(table, 'threat', 'integration')).toMatchObject({ count: 1, jaccard: 1 / 3 });
    expect(cell(table, 'integration', 'actor')).toMatchObject({ count: 1, jaccard: 1 / 3 });
  });

  it('counts sentences, cut in the text as its language cuts them', () => {
    const table = cooccurrence(claims, { unit: 'sentence', tags, texts });
    expect(table.units).toEqual([2, 2, 2]);
    // Both sentences of x.txt hold a threat and an integration claim.
    expect(cell(table, 'threat', 'integration')).toMatchObject({ count: 2, jaccard: 1 });
    expect(cell(table, 'threat', 'actor')).toMatchObject({ count: 1, jaccard: 1 / 3 });
  });

  it('counts documents, and is symmetric', () => {
    const table = cooccurrence(claims, { unit: 'document', tags });
    expect(table.units).toEqual([1, 1, 2]);
    expect(cell(table, 'threat', 'integration')).toMatchObject({ count: 1, jaccard: 1 });
    expect(cell(table, 'threat', 'actor')).toMatchObject({ count: 1, jaccard: 0.5 });
    for (const c of table.cells) expect(cell(table, c.column, c.row)).toEqual({ ...c, row: c.column, column: c.row });
  });

  it('has no coefficient for tags no unit holds', () => {
    const table = cooccurrence(claims, { unit: 'document', tags: ['sanctions', 'threat'] });
    expect(cell(table, 'sanctions', 'sanctions')).toEqual({
      row: 'sanctions',
      column: 'sanctions',
      count: 0,
      jaccard: null,
    });
    expect(cell(table, 'sanctions', 'threat')).toMatchObject({ count: 0, jaccard: 0 });
  });
});
