import { segmentText } from '../corpus/segment';
import type { ConcordanceHit, ConcordanceRequest, ConcordanceResults } from '../host-api';
import { partitionPoint } from '../partition-point';
import { findHits, type Hit, inContext } from './hits';
import { parseQuery, type Query } from './query';
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
  request: ConcordanceRequest,
  { limit = MAX_LINES, stems = new Stems() }: { limit?: number; stems?: Stems } = {},
): ConcordanceResults {
  const parsed = parseQuery(request.query, stems, { regex: request.regex });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return hitsInContext(texts, parsed.value, { context: request.context, limit, stems, bodyOnly: request.bodyOnly });
}

/**
 * The hits of a query already read, each with `context` characters either side; with `bodyOnly`,
 * only those in the article's body, as the reader segments it (not its title, metadata or
 * boilerplate).
 */
export function hitsInContext(
  texts: Iterable<readonly [id: string, text: string]>,
  query: Query,
  {
    context = DEFAULT_CONTEXT,
    limit = MAX_LINES,
    stems,
    bodyOnly = false,
  }: { context?: number; limit?: number; stems: Stems; bodyOnly?: boolean },
): ConcordanceResults {
  const hits: ConcordanceHit[] = [];
  let total = 0;
  let documents = 0;
  for (const [document, text] of texts) {
    let found = findHits(text, query, stems);
    if (bodyOnly && found.length > 0) found = inBody(text, found);
    if (found.length === 0) continue;
    documents++;
    total += found.length;
    for (const hit of found.slice(0, Math.max(0, limit - hits.length))) {
      hits.push({ document, ...hit, ...inContext(text, hit, context) });
    }
  }
  return { ok: true, hits, total, documents };
}

/** The hits that lie inside one of the text's body segments. */
function inBody(text: string, hits: readonly Hit[]): Hit[] {
  const body = segmentText(text).filter((segment) => segment.kind === 'body');
  return hits.filter((hit) => {
    const segment = body[partitionPoint(body, (s) => s.end <= hit.start)];
    return segment !== undefined && segment.start <= hit.start && hit.end <= segment.end;
  });
}
