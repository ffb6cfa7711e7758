import search from 'approx-string-match';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OffsetIndex } from '../text/offsets';
import { anchorSelector, CONFIDENT_SCORE, FUZZY_STEPS, FUZZY_STEPS_PER_CLAIM, searchInParts } from './anchor';

// The real search, only recorded: the tests count the characters each claim's search went through.
vi.mock('approx-string-match', async (importOriginal) => {
  const actual = await importOriginal<typeof import('approx-string-match')>();
  return { default: vi.fn(actual.default) };
});

const original =
  'Minsk is meeting Moscow halfway. Russia shows support in virtually everything. ' +
  'Today, relations between the two countries look calibrated, both sides are satisfied.';
const quote = 'Russia shows support in virtually everything';
const start = original.indexOf(quote);
const selector = {
  unit: 'utf16' as const,
  start,
  end: start + quote.length,
  exact: quote,
  prefix: original.slice(start - 32, start),
  suffix: original.slice(start + quote.length, start + quote.length + 32),
};

describe('anchorSelector', () => {
  it('trusts the position when the quote is still there', () => {
    expect(anchorSelector(original, selector, { sameText: false })).toEqual({
      placed: true,
      start,
      end: start + quote.length,
      score: 1,
      method: 'position',
      ambiguous: false,
    });
  });

  it('finds the quote again after text was inserted before it', () => {
    const edited = `BREAKING: a new lead paragraph was added here.\n\n${original}`;
    const result = anchorSelector(edited, selector, { sameText: false });
    expect(result).toMatchObject({ placed: true, method: 'quote', ambiguous: false });
    if (result.placed) {
      expect(edited.slice(result.start, result.end)).toBe(quote);
      expect(result.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
    }
  });

  it('places a quote whose word was changed with a fuzzy match and a lower score', () => {
    const edited = original.replace('virtually everything', 'nearly everything');
    const result = anchorSelector(edited, selector, { sameText: false });
    expect(result).toMatchObject({ placed: true, method: 'fuzzy' });
    if (result.placed) {
      expect(edited.slice(result.start, result.end)).toContain('Russia shows support in nearly everything');
      expect(result.score).toBeLessThan(1);
    }
  });

  it('uses prefix and suffix to choose between two copies of a duplicated sentence', () => {
    const edited = `Agencies repeat: ${quote}. Later on.\n\n${original}`;
    const result = anchorSelector(edited, selector, { sameText: false });
    expect(result).toMatchObject({ placed: true, method: 'quote', ambiguous: false });
    if (result.placed) expect(result.start).toBe(edited.indexOf(`halfway. ${quote}`) + 'halfway. '.length);
  });

  it('calls two places equally good ambiguous instead of guessing', () => {
    const twice = `${quote}\n${quote}`;
    const bare = { unit: 'utf16' as const, exact: quote };
    expect(anchorSelector(twice, bare, { sameText: false })).toMatchObject({ placed: true, ambiguous: true });
  });

  it('converts code-point positions past astral characters', () => {
    const text = `🇧🇾 ${original}`;
    const index = new OffsetIndex(text);
    const at = text.indexOf(quote);
    const result = anchorSelector(
      text,
      { unit: 'codepoint', start: index.toCodePoint(at), end: index.toCodePoint(at + quote.length), exact: quote },
      { sameText: false },
    );
    expect(result).toMatchObject({ placed: true, start: at, end: at + quote.length, method: 'position' });
  });

  it('trusts a bare position only on the same text', () => {
    const bare = { unit: 'utf16' as const, start, end: start + 6 };
    expect(anchorSelector(original, bare, { sameText: true })).toMatchObject({ placed: true, score: 1 });
    expect(anchorSelector(original, bare, { sameText: false })).toMatchObject({ placed: true, score: 0.5 });
  });

  it('leaves a claim it cannot place as an orphan with the reason', () => {
    expect(anchorSelector('Something else entirely.', selector, { sameText: false })).toMatchObject({
      placed: false,
    });
    expect(anchorSelector(original, { unit: 'utf16', start: 5000, end: 5010 }, { sameText: true })).toEqual({
      placed: false,
      reason: 'no position and no quote',
    });
  });
});

/** Deterministic noise, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** `words` picked at random into sentences, until the text has `length` characters. */
function prose(length: number, words: string[], next = random(7)): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const n = 6 + Math.floor(next() * 20);
    const sentence = `${Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ')}. `;
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join('').slice(0, length);
}

const NEWS =
  'the government said on monday that new sanctions would be imposed on exports of steel and oil while ministers in moscow and minsk discussed trade relations between the two countries experts warned prices could rise sharply this year officials declined to comment'.split(
    ' ',
  );
const OTHER =
  'a spokesman for the opposition party insisted that parliament would vote against any such measure before winter'.split(
    ' ',
  );

/** The steps the approximate searches of one claim took, from the calls of `search` since `from`. */
const stepsSince = (from: number) =>
  vi
    .mocked(search)
    .mock.calls.slice(from)
    .reduce((sum, [text, , maxErrors]) => sum + text.length * FUZZY_STEPS(maxErrors), 0);

describe('the approximate search, bounded', () => {
  const megabyte = prose(1_000_000, NEWS);

  beforeEach(() => {
    vi.mocked(search).mockClear();
  });

  it('finds in parts exactly the matches one search over the whole text finds', () => {
    const next = random(11);
    const pick = (alphabet: string, length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 400; round++) {
      const alphabet = round % 2 ? 'ab' : 'abc d';
      const text = pick(alphabet, 1 + Math.floor(next() * 300));
      const pattern = pick(alphabet, 1 + Math.floor(next() * 40));
      const maxErrors = Math.floor(next() * (pattern.length + 1));
      const part = 1 + Math.floor(next() * 60);
      expect(searchInParts(text, pattern, maxErrors, part), `${round}: ${pattern} in ${text} by ${part}`).toEqual(
        search(text, pattern, maxErrors),
      );
    }
  });

  it('gives up on each of 300 quotes absent from a 1 MB text within the work allowed, saying so', () => {
    const next = random(3);
    const fuzzySteps = 40_000;
    for (let i = 0; i < 300; i++) {
      const exact = Array.from({ length: 4 + (i % 40) }, () => OTHER[Math.floor(next() * OTHER.length)]).join(' ');
      const before = vi.mocked(search).mock.calls.length;
      const result = anchorSelector(
        megabyte,
        { unit: 'utf16', exact, prefix: 'Officials said: ' },
        {
          sameText: false,
          fuzzySteps,
        },
      );
      expect(result).toEqual({
        placed: false,
        reason: expect.stringMatching(
          /^the approximate search gave up after [\d,]+ of 1,000,000 characters: the work allowed per claim was used up$/,
        ),
      });
      expect(stepsSince(before)).toBeLessThanOrEqual(fuzzySteps);
    }
  });

  it('allows by default a bounded amount of work per claim, well short of a 1 MB text', () => {
    const exact = OTHER.join(' ');
    const result = anchorSelector(megabyte, { unit: 'utf16', exact }, { sameText: false });
    expect(result).toMatchObject({ placed: false, reason: expect.stringMatching(/^the approximate search gave up/) });
    expect(stepsSince(0)).toBeLessThanOrEqual(FUZZY_STEPS_PER_CLAIM);
    expect(stepsSince(0)).toBeGreaterThan(FUZZY_STEPS_PER_CLAIM * 0.9);
  });

  it('gives up within the work allowed on a quote that nearly matches everywhere', () => {
    // Every place is an equally good match, each with a start to find and a prefix and suffix to score.
    const result = anchorSelector(
      'a'.repeat(200_000),
      { unit: 'utf16', exact: `${'a'.repeat(40)}b`, prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) },
      { sameText: false },
    );
    expect(result).toEqual({
      placed: false,
      reason:
        'the approximate search gave up after 16,384 of 200,000 characters: the work allowed per claim was used up',
    });
    expect(vi.mocked(search).mock.calls.length).toBe(1);
  });

  it('still places a quote with a changed word in a text searched in several parts', () => {
    const lead = prose(250_000, NEWS);
    const edited = `${lead}${original.replace('virtually everything', 'nearly everything')} ${prose(50_000, NEWS)}`;
    const moved = { ...selector, start: selector.start + lead.length, end: selector.end + lead.length };
    const result = anchorSelector(edited, moved, { sameText: false });
    expect(result).toMatchObject({ placed: true, method: 'fuzzy', ambiguous: false });
    if (result.placed) {
      expect(result.start).toBe(lead.length + start);
      expect(edited.slice(result.start, result.end)).toContain('Russia shows support in nearly everything');
    }
    expect(vi.mocked(search).mock.calls.filter(([, pattern]) => pattern === quote).length).toBeGreaterThan(1);
  });

  it('stops at the deadline, and still places exact quotes after it', () => {
    const absent = { unit: 'utf16' as const, exact: OTHER.join(' ') };
    expect(anchorSelector(megabyte, absent, { sameText: false, deadline: 0 })).toEqual({
      placed: false,
      reason: 'the approximate search gave up after 0 of 1,000,000 characters: the time allowed for it ran out',
    });
    expect(search).not.toHaveBeenCalled();
    // A clock that moves one tick each time it is read (before each part): three parts, then the deadline.
    let tick = 0;
    const stopped = anchorSelector(megabyte, absent, { sameText: false, deadline: 3, now: () => tick++ });
    expect(stopped).toEqual({
      placed: false,
      reason: 'the approximate search gave up after 49,152 of 1,000,000 characters: the time allowed for it ran out',
    });
    expect(anchorSelector(original, selector, { sameText: false, deadline: 0 })).toMatchObject({ placed: true });
    const moved = `New first line.\n${original}`;
    expect(anchorSelector(moved, selector, { sameText: false, deadline: 0 })).toMatchObject({ method: 'quote' });
  });

  it('throws the reason of an aborted signal, before or during the search', () => {
    const absent = { unit: 'utf16' as const, exact: OTHER.join(' ') };
    const cancelled = new Error('import cancelled');
    expect(() => anchorSelector(original, selector, { sameText: false, signal: AbortSignal.abort(cancelled) })).toThrow(
      cancelled,
    );
    const controller = new AbortController();
    let reads = 0;
    const now = () => {
      if (++reads === 2) controller.abort(cancelled);
      return 0;
    };
    expect(() =>
      anchorSelector(megabyte, absent, {
        sameText: false,
        fuzzySteps: Infinity,
        deadline: Infinity,
        signal: controller.signal,
        now,
      }),
    ).toThrow(cancelled);
    expect(vi.mocked(search).mock.calls.length).toBe(2);
  });
});
