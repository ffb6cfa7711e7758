import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCorpus } from '../main/services/corpus';
import {
  type CodeMatrix,
  codeMatrix,
  MATRIX_COLUMNS,
  type MatrixColumns,
  type MatrixDocument,
  matrixCsv,
} from '../shared/analysis/matrix';
import { documentSource } from '../shared/corpus/document-filter';
import { readAnnotationFiles } from './read-annotations';

export const REPORT_USAGE = `  framing-workbench report FILE… [--corpus DIR] --cols ${MATRIX_COLUMNS.join('|')}
                          [--measure claims|documents|share] [--annotator NAME] [--json|--csv]
      Tags (rows) by a variable (columns), as the app's Analyse mode counts them: each cell the
      claims with the tag, the documents with at least one, and their share of the column's
      documents. Source, language and date come from the corpus (--corpus DIR; every document
      of it counts, with claims or not), else from the files. --annotator keeps one annotator's
      claims (Gold for the gold layer). The table prints --measure (claims by default); --json
      prints {"rows", "columns", "cells": [{"row", "column", "claims", "documents", "share"}]},
      --csv one line per cell.`;

const MEASURES = ['claims', 'documents', 'share'] as const;
type Measure = (typeof MEASURES)[number];

/** The matrix as --json prints it: the same figures the app shows. */
export function matrixJson(matrix: CodeMatrix) {
  return {
    rows: matrix.rows.map((r) => r.key),
    columns: matrix.cols.map((c) => c.key),
    cells: matrix.cells,
  };
}

export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      rows: { type: 'string', default: 'tag' },
      cols: { type: 'string' },
      measure: { type: 'string', default: 'claims' },
      annotator: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    },
  });
  const columns = values.cols as MatrixColumns | undefined;
  const measure = values.measure as Measure;
  const wrong =
    positionals.length === 0
      ? 'report needs at least one file'
      : values.rows !== 'tag'
        ? `--rows can only be tag, not "${values.rows}"`
        : !columns || !MATRIX_COLUMNS.includes(columns)
          ? `--cols must be one of ${MATRIX_COLUMNS.join(', ')}`
          : !MEASURES.includes(measure)
            ? `--measure must be one of ${MEASURES.join(', ')}`
            : undefined;
  if (wrong || !columns) {
    console.error(`${wrong}\n\n${REPORT_USAGE}`);
    return 2;
  }
  const corpus = values.corpus ? await openCorpus(resolve(values.corpus)) : undefined;
  const read = await readAnnotationFiles(positionals, corpus);
  if (!read) return 1;
  const claims =
    values.annotator === undefined ? read.claims : read.claims.filter((c) => c.annotator === values.annotator);
  // The source as the document list and its filters name it (the site of its URL when unsaid).
  const documents: MatrixDocument[] = corpus?.listing().documents.map((d) => ({ ...d, source: documentSource(d) })) ?? [
    ...new Map(read.documents.map((d) => [d.id, d])).values(),
  ];
  const tags = [...new Map(read.codebooks.flatMap((c) => c.tags).map((t) => [t.id, t])).values()];
  const matrix = codeMatrix(claims, documents, { columns, tags: tags.map((t) => t.id) });
  if (values.json) {
    console.log(JSON.stringify(matrixJson(matrix), null, 2));
    return 0;
  }
  if (values.csv) {
    const table = matrixCsv(matrix);
    console.log(table.slice(0, -'\r\n'.length));
    return 0;
  }
  const labelOf = new Map(tags.map((t) => [t.id, t.label]));
  const show = (cell: CodeMatrix['cells'][number]) =>
    measure === 'share' ? (cell.share === null ? '—' : `${Math.round(cell.share * 100)} %`) : String(cell[measure]);
  const header = ['', ...matrix.cols.map((c) => c.key || '(none)')];
  const lines = matrix.rows.map((row) => [
    labelOf.get(row.key) ?? row.key,
    ...matrix.cells.filter((c) => c.row === row.key).map(show),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => (line[i] ?? '').length)));
  for (const line of [header, ...lines])
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '),
    );
  console.log(`${matrix.total.claims} claims in ${matrix.total.documents} documents`);
  return 0;
}
