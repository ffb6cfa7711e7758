import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCorpus } from '../main/services/corpus';
import {
  COOCCURRENCE_UNITS,
  type CooccurrenceUnit,
  cooccurrence,
  cooccurrenceCsv,
} from '../shared/analysis/cooccurrence';
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
  framing-workbench report FILE… [--corpus DIR] --cooccurrence ${COOCCURRENCE_UNITS.join('|')} [--annotator NAME]
                          [--json|--csv]
      Tags (rows) by a variable (columns), as the app's Analyse mode counts them: each cell the
      claims with the tag, the documents with at least one, and their share of the column's
      documents. Source, language and date come from the corpus (--corpus DIR; every document
      of it counts, with claims or not), else from the files. --annotator keeps one annotator's
      claims (Gold for the gold layer). The table prints --measure (claims by default); --json
      prints {"rows", "columns", "cells": [{"row", "column", "claims", "documents", "share"}]},
      --csv one line per cell. --cooccurrence prints tags by tags instead: in each cell the claims,
      passages of overlapping claims, sentences or documents holding both, and the Jaccard
      coefficient (those over the ones holding either) in --json and --csv.`;

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
      cooccurrence: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    },
  });
  const columns = values.cols as MatrixColumns | undefined;
  const unit = values.cooccurrence as CooccurrenceUnit | undefined;
  const measure = values.measure as Measure;
  const wrong =
    positionals.length === 0
      ? 'report needs at least one file'
      : values.rows !== 'tag'
        ? `--rows can only be tag, not "${values.rows}"`
        : unit !== undefined
          ? COOCCURRENCE_UNITS.includes(unit)
            ? undefined
            : `--cooccurrence must be one of ${COOCCURRENCE_UNITS.join(', ')}`
          : !columns || !MATRIX_COLUMNS.includes(columns)
            ? `--cols must be one of ${MATRIX_COLUMNS.join(', ')}`
            : !MEASURES.includes(measure)
              ? `--measure must be one of ${MEASURES.join(', ')}`
              : undefined;
  if (wrong || (!columns && !unit)) {
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
  if (unit) {
    const table = cooccurrence(claims, { unit, tags: tags.map((t) => t.id), texts: read.documents });
    if (values.json) console.log(JSON.stringify(table, null, 2));
    else if (values.csv) console.log(cooccurrenceCsv(table).slice(0, -'\r\n'.length));
    else
      printTable(
        ['', ...tags.map((t) => t.label)],
        tags.map((t, i) => [
          t.label,
          ...table.cells.slice(i * tags.length, (i + 1) * tags.length).map((c) => String(c.count)),
        ]),
      );
    return 0;
  }
  if (!columns) return 2;
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
  printTable(header, lines);
  console.log(`${matrix.total.claims} claims in ${matrix.total.documents} documents`);
  return 0;
}

/** A table with its first column to the left and the others to the right, each as wide as its widest cell. */
function printTable(header: readonly string[], lines: readonly (readonly string[])[]) {
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => (line[i] ?? '').length)));
  for (const line of [header, ...lines])
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '),
    );
}
