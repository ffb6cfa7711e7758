import { wordForm } from '../concordance/stems';
import { partitionPoint } from '../partition-point';
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
  const covered = coverage(claims);
  const suggestions: Suggestion[] = [];
  for (let at = 0; at < words.length; ) {
    const match = book.longestAt(forms, at);
    const first = words[at] as Word;
    const last = match && (words[at + match.length - 1] as Word);
    if (!match || !last || text.slice(first.start, last.end).includes('\n')) {
      at++;
      continue;
    }
    for (const { tagId, score, source } of match.tags) {
      const suggestion = { start: first.start, end: last.end, tagId, score, source };
      if (!covered(suggestion) && !rejected.has(suggestionKey(suggestion))) suggestions.push(suggestion);
    }
    at += match.length;
  }
  return suggestions;
}

/** Whether a claim with the tag covers a span: per tag, claims by start with the furthest end so far. */
function coverage(claims: readonly PlacedClaim[]): (span: { start: number; end: number; tagId: string }) => boolean {
  const byTag = new Map<string, { starts: number[]; reach: number[] }>();
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  for (const claim of sorted) {
    for (const tagId of claim.tags) {
      let list = byTag.get(tagId);
      if (!list) {
        list = { starts: [], reach: [] };
        byTag.set(tagId, list);
      }
      list.starts.push(claim.start);
      list.reach.push(Math.max(claim.end, list.reach[list.reach.length - 1] ?? 0));
    }
  }
  return ({ start, end, tagId }) => {
    const list = byTag.get(tagId);
    if (!list) return false;
    // The claims starting at or before the span: the furthest any of them reaches.
    const before = partitionPoint(list.starts, (s) => s <= start);
    return before > 0 && (list.reach[before - 1] as number) >= end;
  };
}
