import search from 'approx-string-match';
import type { ClaimSelector } from '../formats/interchange';
import { OffsetIndex } from '../text/offsets';

/**
 * Places a claim in a text the way Hypothesis anchors annotations: trust the position when the
 * quote is there (or when the text is provably the same), then look for the exact quote, then a
 * fuzzy quote, scoring each candidate on the quote, its prefix and suffix, and closeness to the
 * old position. Two equally good places make the result ambiguous rather than a guess.
 */

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export type Anchored =
  | { placed: true; start: number; end: number; score: number; method: AnchorMethod; ambiguous: boolean }
  | { placed: false; reason: string };

export interface AnchorOptions {
  /** The file says it was made on exactly this text (same sha256), so a bare position is trusted. */
  sameText: boolean;
}

/** Scores at or above this, and not ambiguous, are placed without asking the analyst. */
export const CONFIDENT_SCORE = 0.8;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Beyond this a fuzzy search costs more than it is worth; the claim becomes an orphan instead. */
const MAX_FUZZY_QUOTE = 2000;

export function anchorSelector(text: string, selector: ClaimSelector, options: AnchorOptions): Anchored {
  const span = utf16Span(text, selector);
  const exact = selector.exact;
  if (span && (exact === undefined ? true : text.slice(span.start, span.end) === exact)) {
    const trusted = exact !== undefined || options.sameText;
    return { placed: true, ...span, score: trusted ? 1 : 0.5, method: 'position', ambiguous: false };
  }
  if (!exact) return { placed: false, reason: span ? 'the position is not in this text' : 'no position and no quote' };

  const hint = span?.start;
  const exactHits = occurrences(text, exact).map((start) => ({ start, end: start + exact.length, errors: 0 }));
  const fuzzy = exactHits.length === 0;
  if (fuzzy && exact.length > MAX_FUZZY_QUOTE) return { placed: false, reason: 'the quote is not in this text' };
  const candidates = fuzzy ? search(text, exact, Math.min(256, Math.floor(exact.length / 2))) : exactHits;
  if (candidates.length === 0) return { placed: false, reason: 'the quote is not in this text, even approximately' };

  const scored = candidates
    .map((c) => ({ ...c, score: score(text, selector, c, hint) }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const [best, second] = scored;
  if (!best) return { placed: false, reason: 'the quote is not in this text' };
  const ambiguous = second !== undefined && best.score - second.score < 1e-6 && second.start !== best.start;
  return {
    placed: true,
    start: best.start,
    end: best.end,
    score: best.score,
    method: fuzzy ? 'fuzzy' : 'quote',
    ambiguous,
  };
}

/** The selector's position in UTF-16 code units, if it has a usable one for this text. */
function utf16Span(text: string, selector: ClaimSelector): { start: number; end: number } | undefined {
  const { start, end } = selector;
  if (start === undefined || end === undefined || !(end > start) || start < 0) return undefined;
  if (selector.unit === 'utf16') return end <= text.length ? { start, end } : undefined;
  const index = new OffsetIndex(text);
  return end <= index.codePointLength ? { start: index.toUtf16(start), end: index.toUtf16(end) } : undefined;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** 1 for identical, 0 for nothing alike: the fewest edits that turn `expected` into the end of `window`. */
function similarity(window: string, expected: string): number {
  if (expected.length === 0) return 1;
  const matches = search(window, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return 1 - errors / expected.length;
}

function score(
  text: string,
  selector: ClaimSelector,
  candidate: { start: number; end: number; errors: number },
  hint: number | undefined,
): number {
  const quote = selector.exact ?? '';
  let total = WEIGHTS.quote * (1 - candidate.errors / Math.max(1, quote.length));
  let weight = WEIGHTS.quote;
  if (selector.prefix) {
    const before = text.slice(Math.max(0, candidate.start - selector.prefix.length), candidate.start);
    total += WEIGHTS.prefix * similarity(before, selector.prefix);
    weight += WEIGHTS.prefix;
  }
  if (selector.suffix) {
    const after = text.slice(candidate.end, candidate.end + selector.suffix.length);
    total += WEIGHTS.suffix * similarity(after, selector.suffix);
    weight += WEIGHTS.suffix;
  }
  if (hint !== undefined) {
    total += WEIGHTS.position * (1 - Math.abs(candidate.start - hint) / Math.max(1, text.length));
    weight += WEIGHTS.position;
  }
  return total / weight;
}
