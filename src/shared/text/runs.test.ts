import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineIndexAt, splitLines } from './lines';
import { changedLines, runsByLine, spansByLine, spansOfLine } from './runs';

describe('splitLines', () => {
  it('keeps every kind of line break out of the lines and the offsets exact', () => {
    const text = 'one\r\ntwo\nthree\rfour';
    const lines = splitLines(text);
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['one', 'two', 'three', 'four']);
    expect(lines[1]).toEqual({ start: 5, end: 8 });
  });

  it('keeps blank lines and a trailing empty line', () => {
    expect(splitLines('a\n\nb\n').map((l) => l.end - l.start)).toEqual([1, 0, 1, 0]);
  });

  it('finds the line that holds an offset', () => {
    const lines = splitLines('ab\ncd\nef');
    expect(lineIndexAt(lines, 0)).toBe(0);
    expect(lineIndexAt(lines, 2)).toBe(0);
    expect(lineIndexAt(lines, 3)).toBe(1);
    expect(lineIndexAt(lines, 8)).toBe(2);
  });
});

describe('runsByLine', () => {
  const text = 'Russia and Belarus\nare on the same wavelength';
  const lines = splitLines(text);
  const words = (runs: { start: number; end: number; ids: string[] }[]) =>
    runs.map((r) => [text.slice(r.start, r.end), r.ids.join('+')]);

  it('gives a run covered by two overlapping claims both ids', () => {
    const runs = runsByLine(lines, [
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 7, end: 18 },
    ]);
    expect(words(runs[0] ?? [])).toEqual([
      ['Russia ', 'a'],
      ['and', 'a+b'],
      [' Belarus', 'b'],
    ]);
  });

  it('handles nested claims and leaves unclaimed text as plain runs', () => {
    const runs = runsByLine(lines, [
      { id: 'outer', start: 19, end: 45 },
      { id: 'inner', start: 26, end: 30 },
    ]);
    expect(words(runs[1] ?? [])).toEqual([
      ['are on ', 'outer'],
      ['the ', 'outer+inner'],
      ['same wavelength', 'outer'],
    ]);
    expect(words(runs[0] ?? [])).toEqual([['Russia and Belarus', '']]);
  });

  it('splits a claim across lines into a run on each', () => {
    const runs = runsByLine(lines, [{ id: 'x', start: 11, end: 22 }]);
    expect(words(runs[0] ?? [])).toEqual([
      ['Russia and ', ''],
      ['Belarus', 'x'],
    ]);
    expect(words(runs[1] ?? [])).toEqual([
      ['are', 'x'],
      [' on the same wavelength', ''],
    ]);
  });

  it('ignores empty spans', () => {
    expect(runsByLine(lines, [{ id: 'e', start: 3, end: 3 }])[0]).toEqual([{ start: 0, end: 18, ids: [] }]);
  });
});

describe('redrawing lines when claims change', () => {
  const text = 'one line\ntwo line\r\nthree\n\nfive five five';
  const lines = splitLines(text);
  const spanArb = fc
    .tuple(
      fc.integer({ min: 0, max: text.length }),
      fc.integer({ min: 0, max: text.length }),
      fc.constantFrom('a', 'b', 'c', 'd'),
    )
    .map(([x, y, id]) => ({ id, start: Math.min(x, y), end: Math.max(x, y) }));
  const spansArb = fc.uniqueArray(spanArb, { selector: (s) => s.id, maxLength: 4 });

  it('spansOfLine gives each line the spans spansByLine gives it', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const perLine = spansByLine(lines, spans);
        expect(lines.map((_, i) => spansOfLine(lines, spans, i))).toEqual(perLine);
      }),
    );
  });

  it('changedLines names every line whose runs differ, and a claim not moved redraws nothing', () => {
    fc.assert(
      fc.property(spansArb, spansArb, (before, after) => {
        const changed = new Set(changedLines(lines, before, after));
        const was = runsByLine(lines, before);
        const now = runsByLine(lines, after);
        lines.forEach((_, i) => {
          if (!changed.has(i)) expect(now[i]).toEqual(was[i]);
        });
        expect(changedLines(lines, after, after)).toEqual([]);
      }),
    );
  });

  it('a new claim on the second line redraws that line only', () => {
    const claim = { id: 'n', start: text.indexOf('two'), end: text.indexOf('two') + 3 };
    expect(changedLines(lines, [], [claim])).toEqual([1]);
  });
});
