import { wordForm } from '../concordance/stems';
import type { Word } from '../text/words';
import type { PhraseBook, SuggestionSource } from './phrase-book';

/** A place in a document where a text tagged elsewhere recurs, and the tag it suggests. */
export interface Suggestion {
  start: number;
  end: number;
  tagId: string;
  score: number;
  source: SuggestionSource;
}

/** A claim of the document, as far as suggestions care: where it is and its tags. */
export interface PlacedClaim {
  start: number;
  end: number;
  tags: readonly string[];
}

/** How a rejected suggestion is remembered: the same words with the same tag are not offered again. */
export const suggestionKey = (s: { start: number; end: number; tagId: string }): string =>
  `${s.start}:${s.end}:${s.tagId}`;

/**
 * The suggestions for one document: wherever the words of a text in the book recur (the longest
 * one wins, and suggestions never overlap), one per tag the text was given, unless a claim with
 * that tag already covers the words or the analyst rejected it there. A match never runs across
 * a line break.
 */
export function findSuggestions(
  text: string,
  words: readonly Word[],
  book: PhraseBook,
  claims: readonly PlacedClaim[],
  rejected: ReadonlySet<string>,
): Suggestion[] {
  if (book.size === 0) return [];
  const forms = words.map((word) => wordForm(text.slice(word.start, word.end)));
  const suggestions: Suggestion[] = [];
  for (let at = 0; at < words.length; ) {
    const length = book.longestAt(forms, at);
    const first = words[at] as Word;
    const last = length === undefined ? undefined : words[at + length - 1];
    if (length === undefined || !last || text.slice(first.start, last.end).includes('\n')) {
      at++;
      continue;
    }
    const span = { start: first.start, end: last.end };
    for (const { tagId, score, source } of book.tagsOf(forms.slice(at, at + length))) {
      const suggestion = { ...span, tagId, score, source };
      const covered = claims.some((c) => c.tags.includes(tagId) && c.start <= span.start && c.end >= span.end);
      if (!covered && !rejected.has(suggestionKey(suggestion))) suggestions.push(suggestion);
    }
    at += length;
  }
  return suggestions;
}
