import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim } from '../model/annotation';
import { claimsInCell, codeMatrix, type MatrixDocument } from './matrix';

let next = 0;
/** A claim of `tags` in `document` at `start`, by `annotator`. */
function claim(document: string, tags: string[], start: number, annotator = 'Ada', deleted = false): Annotation {
  const made = newClaim({
    id: `01JDM${String(next++).padStart(21, '0')}`,
    documentId: document,
    documentSha256: '0'.repeat(64),
    target: {
      start,
      end: start + 5,
      codePointStart: start,
      codePointEnd: start + 5,
      exact: 'words',
      prefix: '',
      suffix: '',
    },
    tagId: tags[0] as string,
    annotator,
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-12-06T10:00:00.000Z',
  });
  return { ...made, tags, ...(deleted ? { deletedAt: '2026-12-06T11:00:00.000Z' } : {}) };
}

/** Four documents: two from BelTA (2021 and 2022), one from Meduza, one with no source or date. */
const documents: MatrixDocument[] = [
  { id: 'a.txt', source: 'BelTA', language: 'ru', date: '2021-03-04' },
  { id: 'b.txt', source: 'BelTA', language: 'ru', date: '2022-01-10' },
  { id: 'c.txt', source: 'Meduza', language: 'ru', date: '2021-03-20' },
  { id: 'd.txt', language: 'en' },
];

/**
 * threat: a.txt twice (one of them also integration), c.txt once, by Boris; integration: b.txt
 * once; a deleted threat claim in d.txt that counts nowhere.
 */
const claims = [
  claim('a.txt', ['threat'], 0),
  claim('a.txt', ['threat', 'integration'], 10),
  claim('b.txt', ['integration'], 0),
  claim('c.txt', ['threat'], 0, 'Boris'),
  claim('d.txt', ['threat'], 0, 'Ada', true),
];

const cell = (matrix: ReturnType<typeof codeMatrix>, row: string, column: string) =>
  matrix.cells.find((c) => c.row === row && c.column === column);

describe('codeMatrix', () => {
  it('counts claims, documents with one, and their share of the column, by source', () => {
    const matrix = codeMatrix(claims, documents, { columns: 'source', tags: ['threat', 'integration', 'sanctions'] });
    expect(matrix.cols.map((c) => [c.key, c.base, c.claims, c.documents])).toEqual([
      ['BelTA', 2, 3, 2],
      ['Meduza', 1, 1, 1],
      // d.txt has no source: it makes a column of its own, last, and its only claim is deleted.
      ['', 1, 0, 0],
    ]);
    expect(cell(matrix, 'threat', 'BelTA')).toEqual({
      row: 'threat',
      column: 'BelTA',
      claims: 2,
      documents: 1,
      share: 0.5,
    });
    expect(cell(matrix, 'integration', 'BelTA')).toEqual({
      row: 'integration',
      column: 'BelTA',
      claims: 2,
      documents: 2,
      share: 1,
    });
    expect(cell(matrix, 'threat', 'Meduza')).toMatchObject({ claims: 1, documents: 1, share: 1 });
    expect(cell(matrix, 'threat', '')).toMatchObject({ claims: 0, documents: 0, share: 0 });
    // A tag nobody used keeps its row, empty.
    expect(matrix.rows).toEqual([
      { key: 'threat', claims: 3, documents: 2 },
      { key: 'integration', claims: 2, documents: 2 },
      { key: 'sanctions', claims: 0, documents: 0 },
    ]);
    expect(matrix.cells).toHaveLength(9);
    // Four live claims in three documents: a claim with two tags is one claim in the total.
    expect(matrix.total).toEqual({ claims: 4, documents: 3 });
  });

  it('counts by year and by month, undated documents last', () => {
    const years = codeMatrix(claims, documents, { columns: 'year', tags: ['threat'] });
    expect(years.cols.map((c) => [c.key, c.base])).toEqual([
      ['2021', 2],
      ['2022', 1],
      ['', 1],
    ]);
    expect(cell(years, 'threat', '2021')).toMatchObject({ claims: 3, documents: 2, share: 1 });
    const months = codeMatrix(claims, documents, { columns: 'month', tags: ['threat'] });
    expect(months.cols.map((c) => c.key)).toEqual(['2021-03', '2022-01', '']);
  });

  it('counts by annotator, out of the documents each made claims in', () => {
    const matrix = codeMatrix(claims, documents, { columns: 'annotator', tags: ['threat', 'integration'] });
    expect(matrix.cols.map((c) => [c.key, c.base, c.claims])).toEqual([
      ['Ada', 2, 3],
      ['Boris', 1, 1],
    ]);
    expect(cell(matrix, 'threat', 'Ada')).toMatchObject({ claims: 2, documents: 1, share: 0.5 });
    expect(cell(matrix, 'integration', 'Boris')).toMatchObject({ claims: 0, documents: 0, share: 0 });
  });

  it('counts by document, every document a column, and adds rows for tags it was not given', () => {
    const matrix = codeMatrix(claims, documents, { columns: 'document', tags: ['integration'] });
    expect(matrix.cols.map((c) => c.key)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(matrix.rows.map((r) => r.key)).toEqual(['integration', 'threat']);
    expect(cell(matrix, 'threat', 'a.txt')).toMatchObject({ claims: 2, documents: 1, share: 1 });
  });

  it('lists the claims behind a cell in document and text order', () => {
    const behind = claimsInCell(claims, documents, { columns: 'source', row: 'threat', column: 'BelTA' });
    expect(behind.map((c) => [c.documentId, c.target.start])).toEqual([
      ['a.txt', 0],
      ['a.txt', 10],
    ]);
    expect(claimsInCell(claims, documents, { columns: 'source', row: 'threat', column: '' })).toEqual([]);
  });

  it('gives no share for a column without documents, and counts a claim on a document the corpus lacks', () => {
    const stray = claim('gone.txt', ['threat'], 0);
    const matrix = codeMatrix([stray], [], { columns: 'source', tags: ['threat'] });
    expect(matrix.cols).toEqual([{ key: '', claims: 1, documents: 1, base: 0 }]);
    expect(cell(matrix, 'threat', '')).toMatchObject({ claims: 1, documents: 1, share: null });
  });
});
