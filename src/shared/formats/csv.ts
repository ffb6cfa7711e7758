import { type Annotation, isLive, type Origin } from '../model/annotation';
import { tagById } from '../model/codebook';
import { csvTable } from '../text/csv';
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

/**
 * How a claim was made, for a reader rather than a program: `search: "sanctions" (sentence)`,
 * `search: /sanction(s|ed)/ (hit)` for a regular expression, `suggestion: repeats 0.83`.
 */
function describeOrigin(origin: Origin): string {
  if (origin.kind === 'suggestion') return `suggestion: ${origin.source} ${origin.score.toFixed(2)}`;
  const query = origin.regex ? `/${origin.query}/` : JSON.stringify(origin.query);
  return `search: ${query} (${origin.extent})`;
}

/**
 * Header and cells come from one list, so a column can never shift against its name. New columns
 * go at the end, so that readers that take columns by position keep working.
 */
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
  ['origin', (r) => (r.claim.origin ? describeOrigin(r.claim.origin) : '')],
];

export const csvFormat: InterchangeFormat = {
  id: 'csv',
  name: 'CSV (claims)',
  leavesOut: ['document-framing'],
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
    const content = csvTable(
      columns.map(([name]) => name),
      rows.map((row) => columns.map(([, value]) => value(row))),
    );
    return [{ name: 'claims.csv', content }];
  },
};
