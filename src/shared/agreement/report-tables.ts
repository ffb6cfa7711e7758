import { compareCodeUnits } from '../text/compare';
import { type CsvCell as Cell, csvTable } from '../text/csv';
import type { Coefficient } from './nominal';
import type { AgreementReport } from './report-types';
import type { PairScore, SpanAggregate, SpanF1 } from './span-f1';
import type { UnitizingAlpha } from './unitizing-alpha';

/**
 * The report as four CSV tables for spreadsheets and statistics packages, one coefficient per
 * row ("long" format, so every table keeps one set of columns):
 *  - overall:     measure, annotator_a, annotator_b, value, tp, a_only, b_only, unmatched,
 *                 precision, recall, units, items, coders, note
 *  - by_tag:      tag, measure, value, tp, unmatched, units, coders, note
 *  - by_document: document_id, measure, value, tp, unmatched, units, coders, note
 *  - document_labels_by_tag: tag, measure, annotator_a, annotator_b, value, items, note
 * Measures: span_f1_exact, span_f1_overlap, unitizing_alpha, and on document labels cohen_kappa,
 * fleiss_kappa, krippendorff_alpha_nominal (overall: each tag set as one category; by tag: the tag
 * as yes/no) and krippendorff_alpha_masi (overall only). `items` counts documents. An undefined
 * value is an empty cell (its reason is in `note`).
 * RFC 4180 quoting and CRLF line ends, with a UTF-8 BOM as in the app's claims CSV so Excel reads
 * the file as UTF-8; text cells that a spreadsheet would run as a formula get a leading apostrophe.
 */

export interface ReportTables {
  overall: string;
  byTag: string;
  byDocument: string;
  documentLabelsByTag: string;
}

const OVERALL = [
  'measure',
  'annotator_a',
  'annotator_b',
  'value',
  'tp',
  'a_only',
  'b_only',
  'unmatched',
  'precision',
  'recall',
  'units',
  'items',
  'coders',
  'note',
];
const BREAKDOWN = ['measure', 'value', 'tp', 'unmatched', 'units', 'coders', 'note'];

export function reportTables(report: AgreementReport): ReportTables {
  const { exact, overlap } = report.spanF1;
  const labels = report.documentLabels;
  const overall: Cell[][] = [
    ...spanRows('span_f1_exact', exact),
    ...spanRows('span_f1_overlap', overlap),
    alphaRow(report.unitizingAlpha.overall),
    ...labels.cohenKappa.map((k) =>
      row({ measure: 'cohen_kappa', a: k.a, b: k.b, value: k.value, items: k.items }, k.note),
    ),
    row(
      { measure: 'fleiss_kappa', value: labels.fleissKappa.value, items: labels.fleissKappa.items },
      labels.fleissKappa.note,
    ),
    row(
      {
        measure: 'krippendorff_alpha_nominal',
        value: labels.krippendorffAlpha.value,
        items: labels.krippendorffAlpha.items,
      },
      labels.krippendorffAlpha.note,
    ),
    row(
      { measure: 'krippendorff_alpha_masi', value: labels.masiAlpha.value, items: labels.masiAlpha.items },
      labels.masiAlpha.note,
    ),
  ];
  return {
    overall: csvTable(OVERALL, overall),
    byTag: csvTable(['tag', ...BREAKDOWN], breakdown(report, 'byTag')),
    byDocument: csvTable(['document_id', ...BREAKDOWN], breakdown(report, 'byDocument')),
    documentLabelsByTag: csvTable(LABELS_BY_TAG, labelsByTag(report)),
  };
}

const LABELS_BY_TAG = ['tag', 'measure', 'annotator_a', 'annotator_b', 'value', 'items', 'note'];

function labelsByTag(report: AgreementReport): Cell[][] {
  const byTag = report.documentLabels.byTag;
  return Object.keys(byTag)
    .sort(compareCodeUnits)
    .flatMap((tag) => {
      const t = byTag[tag];
      if (!t) return [];
      const cells = (measure: string, c: Coefficient, a?: string, b?: string): Cell[] => [
        tag,
        measure,
        a,
        b,
        c.value,
        c.items,
        c.note,
      ];
      return [
        ...t.cohenKappa.map((k) => cells('cohen_kappa', k, k.a, k.b)),
        cells('fleiss_kappa', t.fleissKappa),
        cells('krippendorff_alpha_nominal', t.krippendorffAlpha),
      ];
    });
}

interface OverallRow {
  measure: string;
  a?: string;
  b?: string;
  value: number | null;
  tp?: number;
  aOnly?: number;
  bOnly?: number;
  unmatched?: number;
  precision?: number | null;
  recall?: number | null;
  units?: number;
  items?: number;
  coders?: number;
}

function row(r: OverallRow, note: string | undefined): Cell[] {
  return [
    r.measure,
    r.a,
    r.b,
    r.value,
    r.tp,
    r.aOnly,
    r.bOnly,
    r.unmatched,
    r.precision,
    r.recall,
    r.units,
    r.items,
    r.coders,
    note,
  ];
}

function spanRows(measure: string, f1: SpanF1): Cell[][] {
  const total = f1.overall;
  return [
    row({ measure, value: total.f1, tp: total.tp, unmatched: total.unmatched }, total.note),
    ...f1.pairs.map((p: PairScore) =>
      row(
        {
          measure,
          a: p.a,
          b: p.b,
          value: p.f1,
          tp: p.tp,
          aOnly: p.aOnly,
          bOnly: p.bOnly,
          unmatched: p.aOnly + p.bOnly,
          precision: p.precision,
          recall: p.recall,
        },
        p.note,
      ),
    ),
  ];
}

const alphaRow = (a: UnitizingAlpha) =>
  row({ measure: 'unitizing_alpha', value: a.value, units: a.units, coders: a.coders }, a.note);

function breakdown(report: AgreementReport, by: 'byTag' | 'byDocument'): Cell[][] {
  const exact = report.spanF1.exact[by];
  const overlap = report.spanF1.overlap[by];
  const alpha = report.unitizingAlpha[by];
  const keys = [...new Set([...Object.keys(exact), ...Object.keys(alpha)])].sort(compareCodeUnits);
  const spanCells = (measure: string, s: SpanAggregate | undefined): Cell[] | [] =>
    s ? [measure, s.f1, s.tp, s.unmatched, null, null, s.note] : [];
  const rows: Cell[][] = [];
  for (const key of keys) {
    const a = alpha[key];
    for (const cells of [
      spanCells('span_f1_exact', exact[key]),
      spanCells('span_f1_overlap', overlap[key]),
      a ? ['unitizing_alpha', a.value, null, null, a.units, a.coders, a.note] : [],
    ]) {
      if (cells.length > 0) rows.push([key, ...cells]);
    }
  }
  return rows;
}
