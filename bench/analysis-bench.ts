import { cooccurrence } from '../src/shared/analysis/cooccurrence';
import { codeMatrix, type MatrixDocument } from '../src/shared/analysis/matrix';
import { claimCorpus, TAGS } from './data';
import { type Measurement, measure } from './measure';

const SOURCES = ['BelTA', 'Sputnik', 'Meduza', 'Nasha Niva', 'RIA', 'TASS', 'Zerkalo', 'Onliner'];

/** 13: the Analyse counts over 100,000 claims in 10,000 documents: the matrix by source, co-occurrence by passage. */
export async function analysisBenchmarks(runs: number): Promise<Measurement[]> {
  const { documents, annotations } = claimCorpus(10_000, 10);
  const described: MatrixDocument[] = documents.map((d, i) => ({
    id: d.id,
    source: SOURCES[i % SOURCES.length],
    language: i % 3 === 0 ? 'ru' : 'en',
    date: `20${20 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
  }));
  const sourceOf = new Map(described.map((d) => [d.id, d.source]));
  return [
    await measure('13a', 'tags by source over 100,000 claims in 10,000 documents (the Analyse matrix)', runs, {
      subject: async () => {
        const matrix = codeMatrix(annotations, described, { columns: 'source', tags: TAGS });
        return { cells: matrix.cells.length };
      },
      baseline: async () => {
        // The plain group-by: claims per tag and source, counted in a Map.
        const counts = new Map<string, number>();
        for (const claim of annotations) {
          for (const tag of claim.tags) {
            const key = `${tag}\u0000${sourceOf.get(claim.documentId)}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
        return { cells: counts.size };
      },
      baselineName: 'counting the claims per tag and source in a Map',
    }),
    await measure('13b', 'tags by tags in passages of overlapping claims, over the same claims', runs, {
      subject: async () => {
        const table = cooccurrence(annotations, { unit: 'overlap', tags: TAGS });
        return { cells: table.cells.length };
      },
      baseline: async () => {
        // The plain group-by: claims per document and tag, counted in a Map.
        const counts = new Map<string, number>();
        for (const claim of annotations) {
          for (const tag of claim.tags) {
            const key = `${claim.documentId}\u0000${tag}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
        return { groups: counts.size };
      },
      baselineName: 'counting the claims per document and tag in a Map',
    }),
  ];
}
