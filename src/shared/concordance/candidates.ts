import { type Query, type QueryWord, wordStart } from './query';
import { type Stems, wordForm } from './stems';

/** What of the corpus's word index a concordance needs to know where to look. */
export interface WordIndex {
  /** The index's words that begin with `start`. */
  prefixed(start: string): string[];
  /** The index's words that `keep` accepts, looked at one by one. */
  termsWhere(keep: (term: string) => boolean): string[];
  documentsWith(terms: Iterable<string>): Set<string>;
}

const PIECE = /[\p{L}\p{M}\p{N}]+/gu;
/** An index word that is more than one concordance word (the index cuts at spaces and punctuation only). */
const MIXED = /[^\p{L}\p{M}\p{N}]/u;

/**
 * The documents a word query can match in, from the corpus's word index, so that only their
 * texts are read; undefined when every document must be read (a regular expression). An index
 * word counts when one of its pieces matches; only the index's words that begin as the query word's
 * words must (wordStart) are tested, with the few that mix letters and other signs.
 */
export function candidateDocuments(query: Query, index: WordIndex, stems: Stems): Set<string> | undefined {
  if (query.kind === 'regex') return undefined;
  let mixed: string[] | undefined;
  const candidatesOf = (word: QueryWord): Set<string> => {
    const start = wordStart(word);
    const matches = (piece: string) =>
      word.kind === 'form'
        ? piece === word.form
        : word.kind === 'wildcard'
          ? word.pattern.test(piece)
          : stems.of(piece) === word.stem;
    const terms = start === '' ? index.termsWhere(() => true) : index.prefixed(start);
    mixed ??= index.termsWhere((term) => MIXED.test(term));
    const matching = [...terms, ...mixed].filter((term) =>
      [...wordForm(term).matchAll(PIECE)].some(([piece]) => matches(piece)),
    );
    return index.documentsWith(matching);
  };
  const found = new Set<string>();
  for (const alternative of query.alternatives) {
    let common: Set<string> | undefined;
    for (const word of alternative) {
      const documents = candidatesOf(word);
      common = common ? new Set([...common].filter((id) => documents.has(id))) : documents;
      if (common.size === 0) break;
    }
    for (const id of common ?? []) found.add(id);
  }
  return found;
}
