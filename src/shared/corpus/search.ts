import MiniSearch from 'minisearch';
import type { SearchHit, SearchOptions, SearchPart } from '../host-api';

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

/** Where MiniSearch's tokenizer cuts words: spaces and punctuation. Kept equal to it on purpose. */
const SEPARATOR = '[\\n\\r\\p{Z}\\p{P}]';
const WORD_CHAR = '[^\\n\\r\\p{Z}\\p{P}]';
const SEPARATORS = new RegExp(`${SEPARATOR}+`, 'u');
const ENDS_WITH_SEPARATOR = new RegExp(`${SEPARATOR}$`, 'u');

/** A word as the index holds it: lower case, ё read as е (Russian prints ё as е more often than not). */
export const searchTerm = (word: string) => word.toLowerCase().replace(/ё/g, 'е');

/** How far off an approximate word may be: one letter in 3–7, two in 8–12 (MiniSearch's fraction). */
const FUZZY = 0.2;
/** Hits returned at most; the list shows no more. */
const DEFAULT_LIMIT = 200;
/** Snippet context in characters before and after the first match, cut back to whole words. */
const BEFORE = 40;
const AFTER = 90;
/**
 * How much of a text is looked through for a snippet: a hit found past it (in a very long
 * document, or only in the title) shows the beginning of the text instead. Bounds the work per hit.
 */
const SNIPPET_SCAN = 200_000;

interface Entry {
  id: string;
  title: string;
  text: string;
}

export class CorpusSearch {
  readonly #index = new MiniSearch<Entry>({
    fields: ['title', 'text'],
    processTerm: searchTerm,
    searchOptions: { boost: { title: 2 } },
  });
  /**
   * Each document's text, to cut snippets from at search time without reading files per
   * keystroke. It costs about the size of the corpus in memory, which the index costs anyway.
   */
  readonly #texts = new Map<string, string>();

  add(id: string, title: string, text: string) {
    this.#index.add({ id, title, text });
    this.#texts.set(id, text);
  }

  search(query: string, { approximate = false, limit = DEFAULT_LIMIT }: SearchOptions & { limit?: number } = {}) {
    const words = query.split(SEPARATORS).map(searchTerm).filter(Boolean);
    if (words.length === 0) return [];
    // The last word is still being typed unless something follows it.
    const typing = !ENDS_WITH_SEPARATOR.test(query);
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

/** Matches any of `terms` (as searchTerm gives them) as a whole word of a text, in any case, ё or е. */
export function wordPattern(terms: readonly string[]): RegExp | undefined {
  const alternatives = [...new Set(terms)]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/е/g, '[её]'));
  if (alternatives.length === 0) return undefined;
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'giu');
}

/** `text` cut into plain and marked parts: the words `pattern` matches are marked. */
export function markWords(text: string, pattern: RegExp | undefined): SearchPart[] {
  if (!pattern) return text ? [{ text, mark: false }] : [];
  const parts: SearchPart[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), mark: false });
    parts.push({ text: match[0], mark: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/**
 * A few words around the first word `pattern` finds in `text`, on one line, with the words marked;
 * the beginning of the text when it finds none.
 */
export function snippet(text: string, pattern: RegExp | undefined): SearchPart[] {
  let first: RegExpExecArray | null = null;
  if (pattern) {
    pattern.lastIndex = 0;
    first = pattern.exec(text.length > SNIPPET_SCAN ? text.slice(0, SNIPPET_SCAN) : text);
    pattern.lastIndex = 0;
  }
  const at = first?.index ?? 0;
  const matchEnd = at + (first?.[0].length ?? 0);
  let start = Math.max(0, at - BEFORE);
  let end = Math.min(text.length, matchEnd + AFTER);
  // Whole words only: move the cuts to the nearest word boundaries inside the window.
  if (start > 0) {
    const space = new RegExp(`${SEPARATOR}+`, 'u').exec(text.slice(start, at));
    start = space ? start + space.index + space[0].length : at;
  }
  if (end < text.length) {
    const tail = text.slice(matchEnd, end);
    const last = tail.search(new RegExp(`${SEPARATOR}${WORD_CHAR}*$`, 'u'));
    if (last >= 0) end = matchEnd + last;
  }
  const parts = markWords(text.slice(start, end), pattern).map((part) => ({
    ...part,
    text: part.text.replace(/\s+/g, ' '),
  }));
  const head = parts[0];
  if (head && !head.mark) head.text = (start > 0 ? '…' : '') + head.text.trimStart();
  else if (start > 0) parts.unshift({ text: '…', mark: false });
  const tail = parts.at(-1);
  if (tail && !tail.mark) tail.text = tail.text.trimEnd() + (end < text.length ? '…' : '');
  else if (end < text.length) parts.push({ text: '…', mark: false });
  return parts.filter((part) => part.text !== '');
}
