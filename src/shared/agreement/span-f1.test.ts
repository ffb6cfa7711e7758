import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUnits, type Matching, pairScore, type SpanUnit, spanF1 } from './span-f1';

const unit = (annotator: string, documentId: string, tag: string, start: number, end: number): SpanUnit => ({
  annotator,
  documentId,
  tag,
  start,
  end,
});

describe('pairScore', () => {
  it('takes b as the reference for precision and recall; F1 is 2tp / (|A| + |B|)', () => {
    // a marked 4 units, b 5, 3 match: P = 3/4, R = 3/5, F1 = 6/9 (= 2PR/(P + R) = 0.45/0.675).
    expect(pairScore('a', 'b', { tp: 3, aOnly: 1, bOnly: 2 })).toEqual({
      a: 'a',
      b: 'b',
      tp: 3,
      aOnly: 1,
      bOnly: 2,
      precision: 0.75,
      recall: 0.6,
      f1: 6 / 9,
    });
  });

  it('is undefined when neither annotator has a unit, and 0 when only one does', () => {
    expect(pairScore('a', 'b', { tp: 0, aOnly: 0, bOnly: 0 })).toMatchObject({
      precision: null,
      recall: null,
      f1: null,
      note: expect.stringMatching(/undefined/),
    });
    expect(pairScore('a', 'b', { tp: 0, aOnly: 2, bOnly: 0 })).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });
});

describe('compareUnits', () => {
  const a = [unit('a', 'd1', 'x', 0, 10), unit('a', 'd1', 'x', 20, 30), unit('a', 'd1', 'y', 0, 10)];
  const b = [unit('b', 'd1', 'x', 0, 10), unit('b', 'd1', 'x', 22, 30), unit('b', 'd1', 'y', 40, 50)];

  it('exact matching needs the same document, tag, start and end', () => {
    expect(compareUnits(a, b, 'exact')).toEqual({ tp: 1, aOnly: 2, bOnly: 2 });
  });

  it('overlap matching pairs overlapping spans of the same tag only', () => {
    // x: 0–10 with 0–10, 20–30 with 22–30; y: 0–10 and 40–50 do not overlap.
    expect(compareUnits(a, b, 'overlap')).toEqual({ tp: 2, aOnly: 1, bOnly: 1 });
    // The same spans under different tags never match.
    expect(compareUnits([unit('a', 'd1', 'x', 0, 10)], [unit('b', 'd1', 'y', 0, 10)], 'overlap')).toEqual({
      tp: 0,
      aOnly: 1,
      bOnly: 1,
    });
  });

  it('counts the same span and tag marked twice once, and never matches across documents', () => {
    const twice = [unit('a', 'd1', 'x', 0, 10), unit('a', 'd1', 'x', 0, 10)];
    expect(compareUnits(twice, [unit('b', 'd1', 'x', 0, 10)], 'exact')).toEqual({ tp: 1, aOnly: 0, bOnly: 0 });
    expect(compareUnits(twice, [unit('b', 'd2', 'x', 0, 10)], 'overlap')).toEqual({ tp: 0, aOnly: 1, bOnly: 1 });
  });
});

describe('spanF1', () => {
  it('counts a claim with two tags once per tag', () => {
    // a's claim 0–10 carries tags x and y; b marked 0–10 with x only.
    const result = spanF1(
      { units: [unit('a', 'd1', 'x', 0, 10), unit('a', 'd1', 'y', 0, 10), unit('b', 'd1', 'x', 0, 10)] },
      'exact',
    );
    expect(result.pairs).toEqual([{ a: 'a', b: 'b', tp: 1, aOnly: 1, bOnly: 0, precision: 0.5, recall: 1, f1: 2 / 3 }]);
    expect(result.byTag).toEqual({
      x: { tp: 1, unmatched: 0, f1: 1 },
      y: { tp: 0, unmatched: 1, f1: 0 },
    });
  });

  it('micro-averages over the pairs of three annotators (hand-computed)', () => {
    // One document, tag x. a: 0–5, 10–15; b: 0–5; c: 0–5, 10–15, 20–25 (exact matching).
    //   a–b: tp 1, aOnly 1, bOnly 0;  a–c: tp 2, aOnly 0, bOnly 1;  b–c: tp 1, aOnly 0, bOnly 2
    //   micro: tp 4, unmatched 1 + 1 + 2 = 4, F1 = 8 / 12 = 0.667
    //   (a macro-average, the mean of the pair F1s 2/3, 4/5 and 1/2, would be 0.656).
    const units = [
      unit('a', 'd', 'x', 0, 5),
      unit('a', 'd', 'x', 10, 15),
      unit('b', 'd', 'x', 0, 5),
      unit('c', 'd', 'x', 0, 5),
      unit('c', 'd', 'x', 10, 15),
      unit('c', 'd', 'x', 20, 25),
    ];
    const result = spanF1({ units }, 'exact');
    expect(result.pairs.map((p) => [p.a, p.b, p.tp, p.aOnly, p.bOnly, p.f1])).toEqual([
      ['a', 'b', 1, 1, 0, 2 / 3],
      ['a', 'c', 2, 0, 1, 0.8],
      ['b', 'c', 1, 0, 2, 0.5],
    ]);
    expect(result.overall).toEqual({ tp: 4, unmatched: 4, f1: 8 / 12 });
    expect(result.byDocument).toEqual({ d: { tp: 4, unmatched: 4, f1: 8 / 12 } });
  });

  it('compares a pair only on documents both coded; `coders` names those who found nothing', () => {
    const units = [unit('a', 'd1', 'x', 0, 5), unit('b', 'd1', 'x', 0, 5), unit('a', 'd2', 'x', 0, 5)];
    // By default b did not code d2, so a's unit there is not held against b.
    expect(spanF1({ units }, 'exact').overall).toEqual({ tp: 1, unmatched: 0, f1: 1 });
    // Told that b read d2 and marked nothing, it is.
    const told = spanF1({ units, coders: { d2: ['a', 'b'] } }, 'exact');
    expect(told.overall).toEqual({ tp: 1, unmatched: 1, f1: 2 / 3 });
    expect(told.byDocument.d2).toEqual({ tp: 0, unmatched: 1, f1: 0 });
  });

  it('says why when a pair shares no document or has no units', () => {
    const result = spanF1({ units: [unit('a', 'd1', 'x', 0, 5), unit('b', 'd2', 'x', 0, 5)] }, 'overlap');
    expect(result.pairs[0]).toMatchObject({ f1: null, note: 'no document was coded by both annotators' });
    expect(result.overall).toMatchObject({ f1: null, note: expect.stringMatching(/undefined/) });
    expect(spanF1({ units: [] }, 'exact')).toEqual({
      overall: { tp: 0, unmatched: 0, f1: null, note: expect.any(String) },
      byTag: {},
      byDocument: {},
      pairs: [],
    });
  });

  it('sorts annotators, tags and documents by code unit, whatever the input order', () => {
    const units = [
      unit('zoe', 'b.txt', 'tag-2', 0, 5),
      unit('Ann', 'a.txt', 'tag-10', 0, 5),
      unit('zoe', 'a.txt', 'tag-10', 0, 5),
      unit('Ann', 'b.txt', 'tag-2', 1, 5),
    ];
    const result = spanF1({ units }, 'overlap');
    expect(Object.keys(result.byTag)).toEqual(['tag-10', 'tag-2']);
    expect(Object.keys(result.byDocument)).toEqual(['a.txt', 'b.txt']);
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual([['Ann', 'zoe']]);
    expect(JSON.stringify(spanF1({ units: [...units].reverse() }, 'overlap'))).toBe(JSON.stringify(result));
  });
});

describe('properties', () => {
  const units = (annotator: string) =>
    fc.array(
      fc
        .record({
          documentId: fc.constantFrom('d1', 'd2'),
          tag: fc.constantFrom('x', 'y', 'z'),
          start: fc.integer({ min: 0, max: 40 }),
          length: fc.integer({ min: 1, max: 10 }),
        })
        .map(({ documentId, tag, start, length }) => unit(annotator, documentId, tag, start, start + length)),
      { maxLength: 12 },
    );
  const matching = fc.constantFrom<Matching>('exact', 'overlap');

  it('F1 is symmetric in the two annotators, lies in [0, 1], and precision and recall swap', () => {
    fc.assert(
      fc.property(units('a'), units('b'), matching, (a, b, m) => {
        const ab = pairScore('a', 'b', compareUnits(a, b, m));
        const ba = pairScore('b', 'a', compareUnits(b, a, m));
        expect(ba.f1).toBe(ab.f1);
        expect(ba.precision).toBe(ab.recall);
        expect(ba.recall).toBe(ab.precision);
        if (ab.f1 !== null) {
          expect(ab.f1).toBeGreaterThanOrEqual(0);
          expect(ab.f1).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('overlap matching finds at least the exact matches', () => {
    fc.assert(
      fc.property(units('a'), units('b'), (a, b) => {
        expect(compareUnits(a, b, 'overlap').tp).toBeGreaterThanOrEqual(compareUnits(a, b, 'exact').tp);
      }),
    );
  });

  it('identical annotations give F1 = 1 wherever it is defined', () => {
    fc.assert(
      fc.property(units('a'), matching, (a, m) => {
        const b = a.map((u) => ({ ...u, annotator: 'b' }));
        const result = spanF1({ units: [...a, ...b] }, m);
        if (result.overall.f1 !== null) expect(result.overall.f1).toBe(1);
        for (const pair of result.pairs) if (pair.f1 !== null) expect(pair.f1).toBe(1);
      }),
    );
  });

  it('renaming tags consistently leaves the overall and per-pair values unchanged', () => {
    const rename: Record<string, string> = { x: 'q', y: 'a', z: 'x' };
    fc.assert(
      fc.property(units('a'), units('b'), units('c'), matching, (a, b, c, m) => {
        const all = [...a, ...b, ...c];
        const renamed = all.map((u) => ({ ...u, tag: rename[u.tag] ?? u.tag }));
        const before = spanF1({ units: all }, m);
        const after = spanF1({ units: renamed }, m);
        expect(after.overall).toEqual(before.overall);
        expect(after.pairs).toEqual(before.pairs);
        for (const [tag, score] of Object.entries(before.byTag)) expect(after.byTag[rename[tag] ?? tag]).toEqual(score);
      }),
    );
  });
});
