import { type Annotation, isLive } from '../model/annotation';
import { tagById } from '../model/codebook';
import { inFileOrder } from './common';
import type { ExportSet, InterchangeFormat } from './interchange';

/**
 * One row per live claim, for spreadsheets and statistics packages. Export only: a CSV row has
 * no room for the codebook or tombstones, so it cannot bring work back into the app.
 */

type Cell = string | number;

interface Row {
  claim: Annotation;
  title: string;
  tagLabels: string[];
}

/** Header and cells come from one list, so a column can never shift against its name. */
const columns: [name: string, value: (row: Row) => Cell][] = [
  ['document_id', (r) => r.claim.documentId],
  ['document_title', (r) => r.title],
  ['claim_id', (r) => r.claim.id],
  ['quote', (r) => r.claim.target.exact],
  ['tags', (r) => r.tagLabels.join('; ')],
  ['tag_ids', (r) => r.claim.tags.join(';')],
  ['speaker', (r) => r.claim.attributes.speaker ?? ''],
  ['stance', (r) => r.claim.attributes.stance ?? ''],
  ['confidence', (r) => r.claim.attributes.confidence ?? ''],
  ['note', (r) => r.claim.attributes.note ?? ''],
  ['annotator', (r) => r.claim.annotator],
  ['start_utf16', (r) => r.claim.target.start],
  ['end_utf16', (r) => r.claim.target.end],
  ['start_codepoint', (r) => r.claim.target.codePointStart],
  ['end_codepoint', (r) => r.claim.target.codePointEnd],
  ['codebook_id', (r) => r.claim.codebookId],
  ['codebook_version', (r) => r.claim.codebookVersion],
  ['created_at', (r) => r.claim.createdAt],
  ['updated_at', (r) => r.claim.updatedAt],
];

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV Injection"),
 * so a quote like "=HYPERLINK(...)" from an article could act when the file is opened.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Text cells only: a leading apostrophe makes a spreadsheet show the cell as text. Numbers are
 * never guarded, so offsets stay numeric. A reader wanting the raw text drops one apostrophe that
 * is followed by a trigger character.
 */
function guardFormula(text: string): string {
  return FORMULA_TRIGGERS.some((trigger) => text.startsWith(trigger)) ? `'${text}` : text;
}

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
function field(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const text = guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly Cell[]) => `${cells.map(field).join(',')}\r\n`;

export const csvFormat: InterchangeFormat = {
  id: 'csv',
  name: 'CSV (claims)',
  // Both units are written; UTF-16 is the app's own and comes first.
  offsetUnit: 'utf16',
  reads: [],
  detect: () => false,
  serialize(set: ExportSet) {
    const titles = new Map(set.documents.map((d) => [d.id, d.title]));
    const rows = set.annotations
      .filter(isLive)
      .sort(inFileOrder)
      .map((claim) => ({
        claim,
        title: titles.get(claim.documentId) ?? '',
        // A tag missing from the codebook still shows, by its id, rather than vanishing.
        tagLabels: claim.tags.map((id) => tagById(set.codebook, id)?.label ?? id),
      }));
    const header = line(columns.map(([name]) => name));
    const body = rows.map((row) => line(columns.map(([, value]) => value(row)))).join('');
    // The BOM tells Excel the file is UTF-8; without it Excel guesses a legacy code page and
    // shows Cyrillic as mojibake.
    return [{ name: 'claims.csv', content: `\uFEFF${header}${body}` }];
  },
};
