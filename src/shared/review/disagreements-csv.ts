import type { Codebook } from '../model/codebook';
import { tagById } from '../model/codebook';
import { csvTable } from '../text/csv';
import type { Cluster } from './compare';

/** One row per disagreement of a document: where it is, how far the annotators differ, what each marked. */
export function disagreementsCsv(
  documentId: string,
  text: string,
  clusters: readonly Cluster[],
  codebook: Codebook,
  settled: (cluster: Cluster) => boolean,
): string {
  const label = (id: string) => tagById(codebook, id)?.label ?? id;
  return csvTable(
    ['document_id', 'start', 'end', 'agreement', 'settled', 'passage', 'annotators', 'claims'],
    clusters
      .filter((c) => c.agreement !== 'agreed')
      .map((c) => [
        documentId,
        c.start,
        c.end,
        c.agreement,
        settled(c) ? 'yes' : 'no',
        text.slice(c.start, c.end),
        c.annotators.join('; '),
        c.claims
          .map((claim) => `${claim.annotator}: ${claim.tags.map(label).join(', ')} "${claim.target.exact}"`)
          .join(' | '),
      ]),
  );
}
