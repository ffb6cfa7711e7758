import type { ConcordanceHit } from '../host-api';

/** How the Search mode lists its hits. */
export type HitOrder = 'document' | 'date' | 'source' | 'left' | 'right';

/** What orders the documents: their place in the corpus, date and source. */
export interface DocumentOrder {
  place: number;
  date?: string;
  source?: string;
}

/** Hits of one document (`document` set), or, in a context order, all hits in one list. */
export interface HitSection {
  document?: string;
  hits: ConcordanceHit[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const wordsOf = (text: string) => text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** The left context's words read from the hit outwards, as a concordance sorts it ("1L, 2L…"). */
const leftKey = (hit: ConcordanceHit) => wordsOf(hit.before).reverse().join(' ');
/** The right context's words, punctuation left out. */
const rightKey = (hit: ConcordanceHit) => wordsOf(hit.after).join(' ');

/**
 * The hits as the analyst asked to see them: grouped by document, the documents in corpus order,
 * by date (undated last) or by source (unknown last); or in one list sorted by the words to the
 * left of the hit, or to its right. Ties keep corpus order.
 */
export function orderHits(
  hits: readonly ConcordanceHit[],
  order: HitOrder,
  documents: ReadonlyMap<string, DocumentOrder>,
): HitSection[] {
  const place = (hit: ConcordanceHit) => documents.get(hit.document)?.place ?? Number.MAX_SAFE_INTEGER;
  const inCorpus = (a: ConcordanceHit, b: ConcordanceHit) => place(a) - place(b) || a.start - b.start;
  if (order === 'left' || order === 'right') {
    const key = order === 'left' ? leftKey : rightKey;
    return [{ hits: [...hits].sort((a, b) => collator.compare(key(a), key(b)) || inCorpus(a, b)) }];
  }
  const sections = new Map<string, ConcordanceHit[]>();
  for (const hit of [...hits].sort(inCorpus)) {
    const list = sections.get(hit.document);
    if (list) list.push(hit);
    else sections.set(hit.document, [hit]);
  }
  const field = (id: string) => (order === 'date' ? documents.get(id)?.date : documents.get(id)?.source);
  const byField = (a: string, b: string) => {
    if (order === 'document') return 0;
    const [x, y] = [field(a), field(b)];
    if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
    return collator.compare(x, y);
  };
  const placeOf = (id: string) => documents.get(id)?.place ?? Number.MAX_SAFE_INTEGER;
  return [...sections.keys()]
    .sort((a, b) => byField(a, b) || placeOf(a) - placeOf(b))
    .map((document) => ({ document, hits: sections.get(document) ?? [] }));
}
