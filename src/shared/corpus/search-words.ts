import type { SearchPart } from '../host-api';

/**
 * Words as the corpus search reads them, for the index (search.ts) and for marking them in a
 * snippet or a title. Apart from the index so that the window can mark words without loading it.
 */

/** Where words are cut: at spaces and punctuation, in the index and in a text. */
const SEPARATOR = '[\\n\\r\\p{Z}\\p{P}]';
const WORD_CHAR = '[^\\n\\r\\p{Z}\\p{P}]';
const SEPARATORS = new RegExp(`${SEPARATOR}+`, 'u');
const ENDS_WITH_SEPARATOR = new RegExp(`${SEPARATOR}$`, 'u');

/**
 * The words of a text or a query as the index holds them: lower case, ё read as е (Russian prints ё
 * as е more often than not). The text is lowered once, not word by word.
 */
export const words = (text: string) => text.toLowerCase().replace(/ё/g, 'е').split(SEPARATORS).filter(Boolean);

/** Whether the query ends with a finished word (a space or punctuation after it). */
export const endsWord = (query: string) => ENDS_WITH_SEPARATOR.test(query);

/** Snippet context in characters before and after the first match, cut back to whole words. */
const BEFORE = 40;
const AFTER = 90;
/**
 * How much of a text is looked through for a snippet: a hit found past it (in a very long
 * document, or only in the title) shows the beginning of the text instead. Bounds the work per hit.
 */
const SNIPPET_SCAN = 200_000;

/** Matches any of `terms` (as `words` gives them) as a whole word of a text, in any case, ё or е. */
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
