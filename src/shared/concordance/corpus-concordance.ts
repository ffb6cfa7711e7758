import type { ConcordanceHit, ConcordanceRequest, ConcordanceResults } from '../host-api';
import { findHits, inContext } from './hits';
import { parseQuery } from './query';
import { Stems } from './stems';

/** Lines a concordance hands back at most; `total` still counts every hit. */
export const MAX_LINES = 2_000;
const DEFAULT_CONTEXT = 40;

/**
 * Every hit of a query in the corpus, document by document in the order given: what the Search
 * mode and the CLI's `search` both show. A query that cannot be searched is said, and nothing is
 * searched.
 */
export function corpusConcordance(
  texts: Iterable<readonly [id: string, text: string]>,
  { query, regex = false, context = DEFAULT_CONTEXT }: ConcordanceRequest,
  { limit = MAX_LINES, stems = new Stems() }: { limit?: number; stems?: Stems } = {},
): ConcordanceResults {
  const parsed = parseQuery(query, stems, { regex });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const hits: ConcordanceHit[] = [];
  let total = 0;
  let documents = 0;
  for (const [document, text] of texts) {
    const found = findHits(text, parsed.value, stems);
    if (found.length === 0) continue;
    documents++;
    total += found.length;
    for (const hit of found.slice(0, Math.max(0, limit - hits.length))) {
      hits.push({ document, ...hit, ...inContext(text, hit, context) });
    }
  }
  return { ok: true, hits, total, documents };
}
