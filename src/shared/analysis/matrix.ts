import { type Annotation, isLive } from '../model/annotation';
import { csvTable } from '../text/csv';

/** What a matrix's columns are: a document variable, each document, or each annotator. */
export type MatrixColumns = 'source' | 'language' | 'year' | 'month' | 'document' | 'annotator';

export const MATRIX_COLUMNS: readonly MatrixColumns[] = [
  'source',
  'language',
  'year',
  'month',
  'document',
  'annotator',
];

/** A document as the matrix reads it: its id and the variables the corpus reader found. */
export interface MatrixDocument {
  id: string;
  title?: string;
  source?: string;
  language?: string;
  /** ISO 8601 (YYYY-MM-DD). */
  date?: string;
}

/** One cell: the claims with the row's tag in the column, the documents with at least one, and their share. */
export interface MatrixCell {
  row: string;
  column: string;
  claims: number;
  documents: number;
  /** `documents` over the column's documents; null when the column has none. */
  share: number | null;
}

export interface MatrixLine {
  /** A tag's id, or a column's value ('' for documents without one). */
  key: string;
  claims: number;
  /** Documents with at least one claim (of the row's tag, or in the column). */
  documents: number;
}

export interface MatrixColumn extends MatrixLine {
  /** What a share in this column is out of: the corpus's documents with this value, or for an
   * annotator the documents they made claims in. */
  base: number;
}

/** Tags (rows) by a variable (columns): every cell, in row then column order, with the totals. */
export interface CodeMatrix {
  columns: MatrixColumns;
  rows: MatrixLine[];
  cols: MatrixColumn[];
  cells: MatrixCell[];
  total: { claims: number; documents: number };
}

/** The value of a document's variable that names its column; '' when the document has none. */
function documentValue(document: MatrixDocument | undefined, columns: MatrixColumns, id: string): string {
  switch (columns) {
    case 'document':
      return id;
    case 'source':
      return document?.source ?? '';
    case 'language':
      return document?.language ?? '';
    case 'year':
      return document?.date?.slice(0, 4) ?? '';
    case 'month':
      return document?.date?.slice(0, 7) ?? '';
    case 'annotator':
      throw new Error('an annotator is a claim’s, not a document’s');
  }
}

/** The column a claim falls in. */
const columnOf = (claim: Annotation, byId: ReadonlyMap<string, MatrixDocument>, columns: MatrixColumns) =>
  columns === 'annotator' ? claim.annotator : documentValue(byId.get(claim.documentId), columns, claim.documentId);

const byKey = (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0);

/**
 * Tags by a variable, as MAXQDA's Code Matrix Browser and ATLAS.ti's Code-Document Table count
 * them: each cell the live claims with the tag in that column (a claim with two tags counts in
 * both rows), the documents with at least one, and those documents' share of the column's. A
 * column of a document variable holds every document of the corpus with that value, claims or
 * not; documents without a value make the column ''. An annotator's column holds the documents
 * they made claims in. Rows follow `tags` (a tag used by claims but not listed comes after, by id).
 */
export function codeMatrix(
  claims: readonly Annotation[],
  documents: readonly MatrixDocument[],
  { columns, tags }: { columns: MatrixColumns; tags: readonly string[] },
): CodeMatrix {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const live = claims.filter(isLive);

  // The documents each column is out of.
  const base = new Map<string, Set<string>>();
  const add = <K>(map: Map<K, Set<string>>, key: K, id: string) => {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    set.add(id);
  };
  if (columns === 'annotator') for (const claim of live) add(base, claim.annotator, claim.documentId);
  else for (const document of documents) add(base, documentValue(document, columns, document.id), document.id);

  const cellClaims = new Map<string, number>();
  const cellDocuments = new Map<string, Set<string>>();
  const rowClaims = new Map<string, number>();
  const rowDocuments = new Map<string, Set<string>>();
  const columnClaims = new Map<string, number>();
  const columnDocuments = new Map<string, Set<string>>();
  const allDocuments = new Set<string>();
  for (const claim of live) {
    const column = columnOf(claim, byId, columns);
    // A claim on a document the corpus lacks still counts, in a column of its own value.
    if (!base.has(column)) base.set(column, new Set());
    columnClaims.set(column, (columnClaims.get(column) ?? 0) + 1);
    add(columnDocuments, column, claim.documentId);
    allDocuments.add(claim.documentId);
    for (const tag of new Set(claim.tags)) {
      const cell = `${tag}\u0000${column}`;
      cellClaims.set(cell, (cellClaims.get(cell) ?? 0) + 1);
      add(cellDocuments, cell, claim.documentId);
      rowClaims.set(tag, (rowClaims.get(tag) ?? 0) + 1);
      add(rowDocuments, tag, claim.documentId);
    }
  }
  const listed = new Set(tags);
  const rowKeys = [...tags, ...[...rowClaims.keys()].filter((t) => !listed.has(t)).sort()];
  const columnKeys = [...base.keys()].sort(byKey);
  const cells: MatrixCell[] = [];
  for (const row of rowKeys) {
    for (const column of columnKeys) {
      const cell = `${row}\u0000${column}`;
      const withTag = cellDocuments.get(cell)?.size ?? 0;
      const out = base.get(column)?.size ?? 0;
      cells.push({
        row,
        column,
        claims: cellClaims.get(cell) ?? 0,
        documents: withTag,
        share: out === 0 ? null : withTag / out,
      });
    }
  }
  return {
    columns,
    rows: rowKeys.map((key) => ({ key, claims: rowClaims.get(key) ?? 0, documents: rowDocuments.get(key)?.size ?? 0 })),
    cols: columnKeys.map((key) => ({
      key,
      claims: columnClaims.get(key) ?? 0,
      documents: columnDocuments.get(key)?.size ?? 0,
      base: base.get(key)?.size ?? 0,
    })),
    cells,
    total: { claims: live.length, documents: allDocuments.size },
  };
}

/** The claims behind one cell, in document then text order: what a click on the cell lists. */
export function claimsInCell(
  claims: readonly Annotation[],
  documents: readonly MatrixDocument[],
  { columns, row, column }: { columns: MatrixColumns; row: string; column: string },
): Annotation[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return claims
    .filter(isLive)
    .filter((claim) => claim.tags.includes(row))
    .filter((claim) => columnOf(claim, byId, columns) === column)
    .sort((a, b) => byKey(a.documentId, b.documentId) || a.target.start - b.target.start);
}

/** The matrix as CSV, a line per cell: what the CLI's --csv prints and the Analyse mode saves. */
export function matrixCsv(matrix: CodeMatrix): string {
  return csvTable(
    ['row', 'column', 'claims', 'documents', 'share'],
    matrix.cells.map((c) => [c.row, c.column, c.claims, c.documents, c.share]),
  );
}
