import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '../text/offsets';
import { anchorSelector, CONFIDENT_SCORE } from './anchor';

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
