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
  /**
   * How much work the approximate search may do for this claim, in steps (see FUZZY_STEPS); when it
   * would need more, the claim is not placed and the reason says how far the search got.
   * Default FUZZY_STEPS_PER_CLAIM.
   */
  fuzzySteps?: number;
  /**
   * A time on `now`'s clock (by default `Date.now()`) after which no approximate search starts or
   * goes on: the claim is not placed, with the reason. Pass one deadline to every claim of an
   * import to bound the whole import. The position and the exact quote are still tried.
   */
  deadline?: number;
  /** The clock `deadline` is read on; `Date.now` by default. */
  now?: () => number;
  /**
   * Cancels: once aborted, anchorSelector throws the signal's reason (checked on entry and between
   * parts of the approximate search). It can only be aborted while the caller yields, so a caller
   * that anchors claims in one synchronous loop bounds the loop with `deadline` instead.
   */
  signal?: AbortSignal;
}

/** Scores at or above this, and not ambiguous, are placed without asking the analyst. */
export const CONFIDENT_SCORE = 0.8;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Beyond this a fuzzy search costs more than it is worth; the claim becomes an orphan instead. */
const MAX_FUZZY_QUOTE = 2000;

/**
 * The work of the approximate search, in steps: one character of text searched for a pattern that
 * may have `maxErrors` errors costs `FUZZY_STEPS(maxErrors)` steps (the bit-parallel search does
 * one word operation per 32 errors allowed, plus the character itself); a million steps take a few ms.
 */
export const FUZZY_STEPS = (maxErrors: number) => 1 + Math.ceil(maxErrors / 32);
/**
 * The default work allowed per claim, a few milliseconds: the whole text of any news article is
 * searched (up to 111,111 characters for a quote of 512 characters or more, 500,000 for one under
 * 66); a claim whose quote is not in a longer text gives up instead of searching on.
 */
export const FUZZY_STEPS_PER_CLAIM = 1_000_000;
/**
 * The approximate search goes through the text in parts of this many characters (or eight times
 * the overlap of two parts, if more), checking its limits between them.
 */
const FUZZY_PART = 16_384;

export function anchorSelector(text: string, selector: ClaimSelector, options: AnchorOptions): Anchored {
  options.signal?.throwIfAborted();
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
  const work = fuzzy ? new Work(options) : undefined;
  const candidates = work ? boundedSearch(text, exact, Math.min(256, Math.floor(exact.length / 2)), work) : exactHits;
  if ('gaveUp' in candidates) return { placed: false, reason: candidates.gaveUp };
  if (candidates.length === 0) return { placed: false, reason: 'the quote is not in this text, even approximately' };

  const scored: (Match & { score: number })[] = [];
  for (const [i, c] of candidates.entries()) {
    if (work) {
      const progress = `after scoring ${count(i)} of ${count(candidates.length)} places`;
      const stopped = work.stop(progress);
      if (stopped) return { placed: false, reason: stopped };
      if (!work.take(scoringSteps(text, selector, c))) return { placed: false, reason: work.exhausted(progress) };
    }
    scored.push({ ...c, score: score(text, selector, c, hint) });
  }
  scored.sort((a, b) => b.score - a.score || a.start - b.start);
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

export interface Match {
  start: number;
  end: number;
  errors: number;
}

const count = (n: number) => n.toLocaleString('en');

/** The steps an approximate search may still take for one claim, and its deadline and cancel signal. */
class Work {
  private left: number;

  constructor(private readonly options: AnchorOptions) {
    this.left = options.fuzzySteps ?? FUZZY_STEPS_PER_CLAIM;
  }

  /** Takes `steps` if they are left; false (taking none) when they are not. */
  take(steps: number): boolean {
    if (steps > this.left) return false;
    this.left -= steps;
    return true;
  }

  /** Counts steps already taken, even beyond those left: what is left then pays for nothing more. */
  spend(steps: number): void {
    this.left -= steps;
  }

  /** How many characters `steps` per character still pay for. */
  affordable(stepsPerCharacter: number): number {
    return Math.floor(this.left / stepsPerCharacter);
  }

  /** Why the search must stop now (`progress` says how far it got), or undefined to go on; throws when cancelled. */
  stop(progress: string): string | undefined {
    this.options.signal?.throwIfAborted();
    const { deadline, now = Date.now } = this.options;
    if (deadline !== undefined && now() >= deadline) {
      return `the approximate search gave up ${progress}: the time allowed for it ran out`;
    }
    return undefined;
  }

  exhausted(progress: string): string {
    return `the approximate search gave up ${progress}: the work allowed per claim was used up`;
  }
}

/** The matches `search(text, pattern, maxErrors)` finds, found in parts of `part` characters (for tests). */
export function searchInParts(text: string, pattern: string, maxErrors: number, part: number): Match[] {
  const found = boundedSearch(text, pattern, maxErrors, new Work({ sameText: false, fuzzySteps: Infinity }), part);
  if ('gaveUp' in found) throw new Error(found.gaveUp);
  return found;
}

/**
 * `search(text, pattern, maxErrors)`, the same matches, found part by part so that the work and
 * the deadline can stop it. Each part starts `pattern.length + maxErrors` characters before the
 * ends it reports, so every match a part reports is one the whole search would find, with the
 * same start and errors; of all parts', the matches with the fewest errors are kept.
 */
function boundedSearch(
  text: string,
  pattern: string,
  maxErrors: number,
  work: Work,
  part?: number,
): Match[] | { gaveUp: string } {
  const perCharacter = FUZZY_STEPS(maxErrors);
  const reach = pattern.length + maxErrors;
  const size = part ?? Math.max(FUZZY_PART, 8 * reach);
  let best: Match[] = [];
  for (let from = 0; from < text.length; ) {
    const progress = `after ${count(from)} of ${count(text.length)} characters`;
    const stopped = work.stop(progress);
    if (stopped) return { gaveUp: stopped };
    const start = Math.max(0, from - reach);
    const end = Math.min(text.length, from + size, start + work.affordable(perCharacter));
    if (end <= from || !work.take((end - start) * perCharacter)) return { gaveUp: work.exhausted(progress) };
    const found = search(text.slice(start, end), pattern, maxErrors);
    // Each match's start was found by a search back over at most `reach` characters.
    work.spend(found.length * reach * perCharacter);
    for (const m of found) {
      // Ends before `from` were reported, exactly, by the part before; here they may be short of text.
      if (m.end + start <= from) continue;
      if (best.length > 0 && m.errors > (best[0] as Match).errors) continue;
      if (best.length > 0 && m.errors < (best[0] as Match).errors) best = [];
      best.push({ start: m.start + start, end: m.end + start, errors: m.errors });
    }
    from = end;
  }
  return best;
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

/** The steps `score` takes for a candidate: its prefix and suffix are compared by approximate search. */
function scoringSteps(text: string, selector: ClaimSelector, candidate: Match): number {
  const prefix = selector.prefix?.length ?? 0;
  const suffix = selector.suffix?.length ?? 0;
  const before = Math.min(prefix, candidate.start);
  const after = Math.max(0, Math.min(suffix, text.length - candidate.end));
  return before * FUZZY_STEPS(prefix) + after * FUZZY_STEPS(suffix);
}

function score(text: string, selector: ClaimSelector, candidate: Match, hint: number | undefined): number {
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
