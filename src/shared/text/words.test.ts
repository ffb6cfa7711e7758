import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWords, moveEdgeByWord, snapToWords, stepWord } from './words';

const text = 'NATO drills, said Lavrov. «Угроза» растёт!';
const words = findWords(text);
const quote = (r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('words', () => {
  it('finds Latin and Cyrillic words, not punctuation', () => {
    expect(words.map(quote)).toEqual(['NATO', 'drills', 'said', 'Lavrov', 'Угроза', 'растёт']);
  });

  it('finds in a long text, a piece at a time, exactly the words one segmenter pass finds', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    const whole = (long: string) =>
      [...segmenter.segment(long)]
        .filter((s) => s.isWordLike)
        .map((s) => ({ start: s.index, end: s.index + s.segment.length }));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('NATO', 'растёт', "don't", 'e-mail', '3.5', ' ', '\n', ', ', '…', '😀'), {
          minLength: 500,
          maxLength: 3000,
        }),
        (parts) => {
          const long = parts.join('');
          expect(findWords(long)).toEqual(whole(long));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('widens a ragged selection to whole words and keeps inner punctuation', () => {
    const start = text.indexOf('rills');
    const end = text.indexOf('aid') + 1;
    expect(quote(snapToWords(words, { start, end }))).toBe('drills, said');
  });

  it('keeps a selection that already ends on word edges, and one over punctuation only', () => {
    const start = text.indexOf('Lavrov');
    expect(snapToWords(words, { start, end: start + 7 })).toEqual({ start, end: start + 7 });
    const comma = text.indexOf(',');
    expect(snapToWords(words, { start: comma, end: comma + 1 })).toEqual({ start: comma, end: comma + 1 });
  });

  it('moves either edge of a claim by one word, outwards and inwards', () => {
    const said = { start: text.indexOf('said'), end: text.indexOf('said') + 4 };
    const longer = moveEdgeByWord(words, said, 'end', true);
    expect(quote(longer)).toBe('said Lavrov');
    expect(quote(moveEdgeByWord(words, longer, 'start', true))).toBe('drills, said Lavrov');
    expect(quote(moveEdgeByWord(words, longer, 'start', false))).toBe('Lavrov');
    expect(quote(moveEdgeByWord(words, longer, 'end', false))).toBe('said');
  });

  it('never shrinks below one word nor moves past the text', () => {
    const first = words[0] as { start: number; end: number };
    expect(moveEdgeByWord(words, first, 'end', false)).toEqual(first);
    expect(moveEdgeByWord(words, first, 'start', false)).toEqual(first);
    expect(moveEdgeByWord(words, first, 'start', true)).toEqual(first);
    const last = words[words.length - 1] as { start: number; end: number };
    expect(moveEdgeByWord(words, last, 'end', true)).toEqual(last);
  });

  it('steps a one-word cursor through the text', () => {
    expect(quote(stepWord(words, null, 1) as { start: number; end: number })).toBe('NATO');
    const said = { start: text.indexOf('said'), end: text.indexOf('said') + 4 };
    expect(quote(stepWord(words, said, 1) as { start: number; end: number })).toBe('Lavrov');
    expect(quote(stepWord(words, said, -1) as { start: number; end: number })).toBe('drills');
  });

  it('snapping contains the selection, starts and ends on word edges or the selection, and is idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: text.length }), (a, b) => {
        const range = { start: Math.min(a, b - 1), end: Math.max(a + 1, b) };
        const snapped = snapToWords(words, range);
        expect(snapped.start).toBeLessThanOrEqual(range.start);
        expect(snapped.end).toBeGreaterThanOrEqual(range.end);
        expect(snapToWords(words, snapped)).toEqual(snapped);
      }),
    );
  });
});
