import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointsAfter, codePointsBefore, OffsetIndex, passageAround, splitsSurrogatePair } from './offsets';

describe('OffsetIndex', () => {
  it('counts an astral character as one code point and two UTF-16 units', () => {
    const text = 'a😀b🇧🇾c'; // 😀 is one astral code point; the Belarus flag is two.
    const index = new OffsetIndex(text);
    expect(text.length).toBe(9);
    expect(index.codePointLength).toBe(6);
    expect(index.toCodePoint(text.indexOf('b'))).toBe(2);
    expect(index.toCodePoint(text.indexOf('c'))).toBe(5);
    expect(index.toUtf16(5)).toBe(text.indexOf('c'));
  });

  it('matches Array.from(text) on any text, and round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), (text, seed) => {
        const index = new OffsetIndex(text);
        const codePoints = Array.from(text);
        expect(index.codePointLength).toBe(codePoints.length);
        const cp = seed % (codePoints.length + 1);
        const utf16 = codePoints.slice(0, cp).join('').length;
        expect(index.toUtf16(cp)).toBe(utf16);
        expect(index.toCodePoint(utf16)).toBe(cp);
      }),
    );
  });

  it('treats a lone surrogate as one code point, as JavaScript and Python do', () => {
    const index = new OffsetIndex('a\ud800b');
    expect(index.codePointLength).toBe(3);
  });
});

describe('context around a span', () => {
  it('never splits a surrogate pair', () => {
    const text = '😀😀😀X😀😀😀';
    const x = text.indexOf('X');
    expect(codePointsBefore(text, x, 2)).toBe('😀😀');
    expect(codePointsAfter(text, x + 1, 2)).toBe('😀😀');
    expect(splitsSurrogatePair(text, 1)).toBe(true);
    expect(splitsSurrogatePair(text, 2)).toBe(false);
  });

  it('stops at the ends of the text', () => {
    expect(codePointsBefore('abc', 1, 32)).toBe('a');
    expect(codePointsAfter('abc', 2, 32)).toBe('c');
  });
});

describe('the passage around a span', () => {
  const text = 'the strengthening of its advanced military presence on the eastern flank';
  const start = text.indexOf('advanced');
  const end = start + 'advanced military'.length;

  it('begins and ends at white space, never inside a word', () => {
    const { from, to } = passageAround(text, start, end, 12);
    expect(text.slice(from, to)).toBe('of its advanced military presence on');
  });

  it('keeps the span whole when no space is within reach, and stops at the ends of the text', () => {
    expect(passageAround(text, start, end, 2)).toEqual({ from: start, to: end });
    expect(passageAround(text, start, end, 500)).toEqual({ from: 0, to: text.length });
  });

  it('takes a word that ends exactly at the reach', () => {
    const { from, to } = passageAround('one two three four', 4, 7, 6);
    expect([from, to]).toEqual([0, 13]);
  });
});
