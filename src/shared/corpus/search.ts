import type { WordIndex } from '../concordance';
import type { SearchHit, SearchOptions, SearchResults } from '../host-api';
import { type Match, SearchIndex } from './search-index';
import { endsWord, snippet, wordPattern, words } from './search-words';

/**
 * The corpus's full-text search, as the document list asks it while the analyst types.
 *
 * Words are matched whole, so that "Makei" finds the articles that name him and not one that only
 * says "make". The last word, while it is still being typed (nothing after it), also matches as
 * the beginning of a word: "Make" finds "Makei" too, "Make " no longer does. Every word of the
 * query must be in the document (title or text). Approximate matching (a word spelt a letter or
 * two differently) is used when the analyst asks for it, or when nothing matches exactly; each
 * hit says whether it needed it. Case and ё/е do not count.
 */

/** How far off an approximate word may be: one letter in 3–7, two in 8–12, at most six. */
const FUZZY = 0.2;
const MAX_EDITS = 6;
/** The shortest beginning of a word that is matched as a beginning while typed. */
const MIN_PREFIX = 3;
/** Hits returned at most; the list shows no more. */
const DEFAULT_LIMIT = 200;
/**
 * How much a longer word that begins with the typed one counts, and an approximate one, against
 * the word itself (1); less the more it differs.
 */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/**
 * Where each document's text is kept to cut snippets from at search time, without reading and
 * decoding files per keystroke: a Map in memory, or the host's text file beside its saved index.
 */
export interface SnippetTexts {
  get(id: string): string | undefined;
  set(id: string, text: string): void;
  delete(id: string): void;
}

export class CorpusSearch {
  readonly #index: SearchIndex;
  readonly #texts: SnippetTexts;

  /** `saved`: what `save()` gave, taken up at once; throws when it is damaged. */
  constructor(texts: SnippetTexts = new Map(), saved?: Uint8Array) {
    this.#texts = texts;
    this.#index = saved ? SearchIndex.load(saved) : new SearchIndex();
  }

  /** The index as bytes, for `new CorpusSearch(texts, saved)` to take up again without indexing anew. */
  save(): Uint8Array {
    return this.#index.save();
  }

  has(id: string): boolean {
    return this.#index.has(id);
  }

  /** Adds a document, or replaces the one with this id. */
  add(id: string, title: string, text: string) {
    this.#index.add(id, words(title), words(text));
    this.#texts.set(id, text);
  }

  /** The index's words and the documents holding them, for a concordance to know where to look. */
  get words(): WordIndex {
    return this.#index;
  }

  /** The text of a document as it was indexed (its served text), for a concordance to search. */
  text(id: string): string | undefined {
    return this.#texts.get(id);
  }

  /** Forgets a document whose file changed or went; its text is no longer needed either. */
  remove(id: string) {
    this.#index.remove(id);
    this.#texts.delete(id);
  }

  /** The best `limit` hits, and how many documents matched in all. */
  search(
    query: string,
    { approximate = false, limit = DEFAULT_LIMIT }: SearchOptions & { limit?: number } = {},
  ): SearchResults {
    const asked = words(query);
    if (asked.length === 0) return { hits: [], total: 0 };
    // The last word is still being typed unless something follows it. Its first letters are read
    // as a whole word: one or two letters begin most words of a language, and on 100,000
    // documents expanding them cost half a second per keystroke (benchmark 10c).
    const last = asked.at(-1) ?? '';
    const typing = !endsWord(query) && [...last].length >= MIN_PREFIX;
    const matches = (word: string, i: number, fuzzy: boolean): Match[] => {
      const found = new Map<string, number>([[word, 1]]);
      if (typing && i === asked.length - 1)
        for (const term of this.#index.prefixed(word))
          if (term !== word)
            found.set(term, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (term.length - word.length)));
      if (fuzzy)
        for (const { term, distance } of this.#index.near(word, Math.min(MAX_EDITS, Math.round(word.length * FUZZY))))
          if (!found.has(term)) found.set(term, (FUZZY_WEIGHT * word.length) / (word.length + distance));
      return [...found].map(([term, weight]) => ({ term, weight }));
    };
    const found = (fuzzy: boolean, most: number) =>
      this.#index.rank(
        asked.map((word, i) => matches(word, i, fuzzy)),
        most,
      );
    const exact = found(false, limit);
    const exactIds = new Set(exact.ranked.map((hit) => hit.id));
    // Asked for approximate matches, or with no exact one, the approximate ones follow the exact
    // ones; they include every exact match, so theirs is the total.
    const approximateToo = approximate || exact.total === 0;
    const near = approximateToo ? found(true, limit + exact.ranked.length) : exact;
    const results = approximateToo
      ? [...exact.ranked, ...near.ranked.filter((hit) => !exactIds.has(hit.id))]
      : exact.ranked;
    const patterns = new Map<string, RegExp | undefined>();
    const hits = results.slice(0, limit).map((result): SearchHit => {
      const key = result.terms.join(' ');
      if (!patterns.has(key)) patterns.set(key, wordPattern(result.terms));
      return {
        id: result.id,
        score: result.score,
        terms: result.terms,
        approximate: !exactIds.has(result.id),
        snippet: snippet(this.#texts.get(result.id) ?? '', patterns.get(key)),
      };
    });
    return { hits, total: near.total };
  }
}
