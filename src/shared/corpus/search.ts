import MiniSearch from 'minisearch';
import type { SearchHit, SearchOptions } from '../host-api';
import { endsWord, words as queryWords, searchTerm, snippet, tokenize, wordPattern } from './search-words';

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

/** How far off an approximate word may be: one letter in 3–7, two in 8–12 (MiniSearch's fraction). */
const FUZZY = 0.2;
/** The shortest beginning of a word that is matched as a beginning while typed. */
const MIN_PREFIX = 3;
/** Hits returned at most; the list shows no more. */
const DEFAULT_LIMIT = 200;

interface Entry {
  id: string;
  title: string;
  text: string;
}

/**
 * Where each document's text is kept to cut snippets from at search time, without reading and
 * decoding files per keystroke: a Map in memory, or the host's text file beside its saved index.
 */
export interface SnippetTexts {
  get(id: string): string | undefined;
  set(id: string, text: string): void;
  delete(id: string): void;
}

const OPTIONS = {
  fields: ['title', 'text'],
  tokenize,
  processTerm: searchTerm,
  searchOptions: { boost: { title: 2 } },
};

export class CorpusSearch {
  readonly #index: MiniSearch<Entry>;
  readonly #texts: SnippetTexts;

  /** `saved`: what `save()` gave, taken up at once. */
  constructor(texts: SnippetTexts = new Map(), saved?: string | MiniSearch<Entry>) {
    this.#texts = texts;
    this.#index =
      saved === undefined
        ? new MiniSearch<Entry>(OPTIONS)
        : typeof saved === 'string'
          ? MiniSearch.loadJSON<Entry>(saved, OPTIONS)
          : saved;
  }

  /** Takes up a saved index a part at a time, letting other work run between the parts. */
  static async restore(texts: SnippetTexts, saved: string): Promise<CorpusSearch> {
    return new CorpusSearch(texts, await MiniSearch.loadJSONAsync<Entry>(saved, OPTIONS));
  }

  /** The index as JSON, for `new CorpusSearch(texts, saved)` to take up again without indexing anew. */
  save(): string {
    return JSON.stringify(this.#index);
  }

  has(id: string): boolean {
    return this.#index.has(id);
  }

  add(id: string, title: string, text: string) {
    this.#index.add({ id, title, text });
    this.#texts.set(id, text);
  }

  /** Forgets a document whose file changed or went; its text is no longer needed either. */
  remove(id: string) {
    if (this.#index.has(id)) this.#index.discard(id);
    this.#texts.delete(id);
  }

  search(query: string, { approximate = false, limit = DEFAULT_LIMIT }: SearchOptions & { limit?: number } = {}) {
    const words = queryWords(query);
    if (words.length === 0) return [];
    // The last word is still being typed unless something follows it. Its first letters are read
    // as a whole word: one or two letters begin most words of a language, and on 100,000
    // documents expanding them cost half a second per keystroke (benchmark 10c).
    const last = words.at(-1) ?? '';
    const typing = !endsWord(query) && [...last].length >= MIN_PREFIX;
    const prefix = (_term: string, i: number, terms: string[]) => typing && i === terms.length - 1;
    const found = (fuzzy: number | false) => this.#index.search(query, { combineWith: 'AND', prefix, fuzzy });
    let results = approximate ? [] : found(false);
    let allApproximate = false;
    if (results.length === 0) {
      results = found(FUZZY);
      allApproximate = !approximate;
    }
    const exact = (terms: string[]) =>
      !allApproximate &&
      words.every((word, i) =>
        typing && i === words.length - 1 ? terms.some((t) => t.startsWith(word)) : terms.includes(word),
      );
    // Asked for approximate matches, the exact ones still come first (a stable sort keeps the score order).
    if (approximate) {
      const exactIds = new Set(results.filter((r) => exact(r.terms)).map((r) => r.id));
      results.sort((a, b) => Number(exactIds.has(b.id)) - Number(exactIds.has(a.id)));
    }
    const patterns = new Map<string, RegExp | undefined>();
    return results.slice(0, limit).map((result): SearchHit => {
      const key = result.terms.join(' ');
      if (!patterns.has(key)) patterns.set(key, wordPattern(result.terms));
      return {
        id: String(result.id),
        score: result.score,
        terms: result.terms,
        approximate: !exact(result.terms),
        snippet: snippet(this.#texts.get(String(result.id)) ?? '', patterns.get(key)),
      };
    });
  }
}
