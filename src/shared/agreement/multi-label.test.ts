import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atLeastTwoItems,
  krippendorffAlphaSets,
  masiDistance,
  NO_PAIRABLE_SETS,
  NO_SET_VARIATION,
  ONE_DOCUMENT,
  type TagSet,
  tagAgreement,
} from './multi-label';
import { krippendorffAlphaNominal } from './nominal';

const s = (...tags: string[]) => new Set(tags);

/** Items × coders from coder → item → set (missing where a coder has no entry). */
function table(coders: Record<string, Record<string, string[]>>, items: readonly string[]): TagSet[][] {
  return items.map((item) =>
    Object.values(coders).map((byItem) => {
      const tags = byItem[item];
      return tags ? new Set(tags) : null;
    }),
  );
}

describe('MASI distance', () => {
  it('reproduces NLTK: masi_distance({1, 2}, {1, 2, 3, 4}) = 0.665', () => {
    // nltk/metrics/distance.py, the doctest of masi_distance (NLTK f2a92bd, 2024-01-29):
    // J = 2/4, M = 0.67 (a subset) → 1 − 0.5 · 0.67.
    expect(masiDistance(s('1', '2'), s('1', '2', '3', '4'))).toBeCloseTo(0.665, 12);
    expect(masiDistance(s('1', '2', '3', '4'), s('1', '2'))).toBeCloseTo(0.665, 12);
  });

  it('reproduces NLTK: masi_distance({1, 2, 3, 4}, {3, 4, 5}) = 0.868', () => {
    // nltk/test/metrics.doctest, "Other distance measures" (NLTK f2a92bd): J = 2/5, M = 0.33
    // (they overlap, neither holds the other) → 1 − 0.4 · 0.33.
    expect(masiDistance(s('1', '2', '3', '4'), s('3', '4', '5'))).toBeCloseTo(0.868, 12);
  });

  it('is 0 for equal sets and 1 for disjoint ones', () => {
    expect(masiDistance(s('threat', 'integration'), s('integration', 'threat'))).toBe(0);
    expect(masiDistance(s('threat'), s('integration', 'sanctions'))).toBe(1);
  });

  it('gives the issue’s two framings {threat, integration} and {integration, sanctions} 0.89', () => {
    // J = 1/3, M = 0.33 → 1 − 0.11; NLTK's masi_distance prints 0.89 for the same sets.
    expect(masiDistance(s('threat', 'integration'), s('integration', 'sanctions'))).toBeCloseTo(0.89, 12);
  });

  it('counts two empty sets as the same set (NLTK divides 0 by 0) and empty against tags as 1', () => {
    expect(masiDistance(s(), s())).toBe(0);
    expect(masiDistance(s(), s('threat'))).toBe(1);
    expect(masiDistance(s('threat'), s())).toBe(1);
  });

  it('is symmetric, in [0, 1], and 0 exactly for equal sets', () => {
    const tags = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    fc.assert(
      fc.property(tags, tags, (x, y) => {
        const d = masiDistance(new Set(x), new Set(y));
        expect(d).toBe(masiDistance(new Set(y), new Set(x)));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(d === 0).toBe(new Set(x).size === new Set(y).size && x.every((t) => y.includes(t)));
      }),
    );
  });
});

describe("Krippendorff's α over tag sets (MASI)", () => {
  it('works out a small example by hand, as NLTK’s AnnotationTask(…, masi_distance).alpha() does', () => {
    // d1: A {threat, integration}, B {integration}   d = 1 − (1/2)(0.67) = 0.665
    // d2: A {sanctions},           B {sanctions}     d = 0
    // d3: A {threat},              B {integration, sanctions}   disjoint, d = 1
    // n = 6 values, m_u = 2: D_o = (1/6)(2·0.665 + 0 + 2·1) = 3.33/6 = 0.555.
    // D_e over the 6 values ({i,t}, {i}, {s}, {s}, {t}, {i,s}), unordered pairs:
    //   {i,t}–{i} 0.665, {i,t}–{s} 1 ×2, {i,t}–{t} 0.665, {i,t}–{i,s} 1 − (1/3)(0.33) = 0.89,
    //   {i}–{s} 1 ×2, {i}–{t} 1, {i}–{i,s} 0.665, {s}–{t} 1 ×2, {s}–{i,s} 0.665 ×2, {s}–{s} 0,
    //   {t}–{i,s} 1: sum 12.215; ordered pairs 24.43, D_e = 24.43 / (6·5) = 0.814333…
    // α = 1 − 0.555 / 0.814333… = 0.318461…; NLTK (f2a92bd) gives 0.3184609087187883.
    const data = table(
      {
        A: { d1: ['threat', 'integration'], d2: ['sanctions'], d3: ['threat'] },
        B: { d1: ['integration'], d2: ['sanctions'], d3: ['integration', 'sanctions'] },
      },
      ['d1', 'd2', 'd3'],
    );
    const alpha = krippendorffAlphaSets(data);
    expect(alpha.value).toBeCloseTo(1 - 0.555 / (24.43 / 30), 12);
    expect(alpha.value).toBeCloseTo(0.3184609087187883, 12);
    expect(alpha).toMatchObject({ items: 3 });
    expect(alpha.note).toBeUndefined();
  });

  it('matches NLTK with three coders, missing sets and a unit only one coder labelled', () => {
    // AnnotationTask(data, distance=masi_distance).alpha() over these triples (frozensets), run
    // with NLTK f2a92bd: 0.379567525572964. d6 has one value and is not pairable.
    const data = table(
      {
        A: {
          d1: ['threat', 'integration'],
          d2: ['sanctions'],
          d3: ['threat'],
          d5: ['threat', 'economy', 'integration'],
          d6: ['integration'],
        },
        B: {
          d1: ['integration'],
          d2: ['sanctions'],
          d3: ['integration', 'sanctions'],
          d4: ['economy'],
          d5: ['economy'],
        },
        C: { d1: ['integration', 'threat'], d2: ['sanctions', 'economy'], d4: ['economy'], d5: ['threat', 'economy'] },
      },
      ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'],
    );
    expect(krippendorffAlphaSets(data)).toEqual({ value: expect.closeTo(0.379567525572964, 12), items: 5 });
  });

  it('is nominal α when every set holds one tag: Krippendorff (2011) §C, α = .743', () => {
    // The 4-coder, 12-unit example with missing values (also NLTK's test_disagreement.py,
    // test_advanced: 0.743421052632).
    const coders = {
      A: ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null],
      B: ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, null],
      C: [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', '3'],
      D: ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null],
    };
    const labels = Array.from({ length: 12 }, (_, u) => Object.values(coders).map((column) => column[u] ?? null));
    const sets = labels.map((row) => row.map((label) => (label === null ? null : s(label))));
    const alpha = krippendorffAlphaSets(sets);
    expect(alpha.value).toBeCloseTo(0.743421052632, 12);
    expect(alpha.items).toBe(11);
    expect(alpha.value).toBeCloseTo(krippendorffAlphaNominal(labels).value as number, 12);
  });

  it('reproduces NLTK’s test_easy with one-tag sets: α = −1/3', () => {
    // nltk/test/unit/test_disagreement.py: dress1 YES NO NO, dress2 YES NO, dress3 NO (one coder).
    const sets = [
      [s('YES'), s('NO'), s('NO')],
      [s('YES'), s('NO'), null],
      [null, null, s('NO')],
    ];
    expect(krippendorffAlphaSets(sets)).toEqual({ value: expect.closeTo(-1 / 3, 12), items: 2 });
  });

  it('leaves the issue’s one document undefined: D_e would be D_o and α 0 whatever was chosen', () => {
    // One unit: n = m_u = 2, D_o = 2·0.89 / 2 = 0.89 and D_e = 2·0.89 / (2·1) = 0.89, so α = 0;
    // NLTK returns 0.0 here. It says nothing about agreement, so it is undefined with the reason.
    const alpha = krippendorffAlphaSets([[s('threat', 'integration'), s('integration', 'sanctions')]]);
    expect(alpha).toEqual({ value: null, items: 1, note: ONE_DOCUMENT });
  });

  it('is undefined with a reason when nothing is pairable or nothing varies', () => {
    expect(krippendorffAlphaSets([])).toEqual({ value: null, items: 0, note: NO_PAIRABLE_SETS });
    expect(krippendorffAlphaSets([[s('a'), null]])).toEqual({ value: null, items: 0, note: NO_PAIRABLE_SETS });
    expect(
      krippendorffAlphaSets([
        [s('a', 'b'), s('b', 'a')],
        [s('a', 'b'), s('a', 'b')],
      ]),
    ).toEqual({ value: null, items: 2, note: NO_SET_VARIATION });
  });

  it('counts empty sets as a value: two coders who both cleared a document agree on it', () => {
    // Values {}, {}, {x}, {x}: D_o = 0; D_e = (2·2·1) / (4·3) = 1/3; α = 1.
    expect(
      krippendorffAlphaSets([
        [s(), s()],
        [s('x'), s('x')],
      ]),
    ).toEqual({ value: 1, items: 2 });
  });

  it('is 1 wherever defined when a coder is copied, and never above 1', () => {
    const set = fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }).map((tags) => new Set(tags));
    const rows = fc.array(fc.array(fc.option(set, { nil: null }), { minLength: 3, maxLength: 3 }), { maxLength: 8 });
    fc.assert(
      fc.property(rows, (data) => {
        const alpha = krippendorffAlphaSets(data);
        if (alpha.value !== null) expect(alpha.value).toBeLessThanOrEqual(1 + 1e-12);
        const copied = krippendorffAlphaSets(data.map((row) => [row[0], row[0]]));
        if (copied.value !== null) expect(copied.value).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('per-tag agreement', () => {
  it('splits the issue’s one document into tags, each on one document and so undefined', () => {
    const result = tagAgreement([[s('threat', 'integration'), s('integration', 'sanctions')]], ['Ada', 'Boris']);
    expect(Object.keys(result)).toEqual(['integration', 'sanctions', 'threat']);
    const undefinedOnOne = { value: null, items: 1, note: ONE_DOCUMENT };
    // 'integration': both say yes (κ would be 0/0); 'threat' and 'sanctions': one yes, one no
    // (κ would be 0, Fleiss' κ −1, α 0 — figures a single document forces, whatever was chosen).
    for (const tag of ['integration', 'sanctions', 'threat']) {
      expect(result[tag]).toEqual({
        cohenKappa: [{ a: 'Ada', b: 'Boris', ...undefinedOnOne }],
        fleissKappa: undefinedOnOne,
        krippendorffAlpha: undefinedOnOne,
      });
    }
  });

  it('computes κ and α of each tag as yes/no, by hand', () => {
    // Tag x: A yes yes no no, B yes no no no.
    //   Cohen: p_o = 3/4, p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2, κ = (3/4 − 1/2) / (1/2) = 1/2.
    //   Fleiss: p_yes = 3/8, P̄_e = 9/64 + 25/64 = 34/64, P̄ = 3/4, κ = (48/64 − 34/64) / (30/64) = 7/15.
    //   α: o_yy = 2, o_nn = 4, o_yn = o_ny = 1, n_y = 3, n_n = 5: α = 1 − 7·2 / (2·3·5) = 8/15.
    // Tag z: only in d4, both say yes there and no elsewhere: full agreement.
    const data = table(
      {
        A: { d1: ['x'], d2: ['x'], d3: [], d4: ['z'] },
        B: { d1: ['x'], d2: [], d3: [], d4: ['z'] },
      },
      ['d1', 'd2', 'd3', 'd4'],
    );
    const result = tagAgreement(data, ['A', 'B']);
    expect(result.x?.cohenKappa).toEqual([{ a: 'A', b: 'B', value: expect.closeTo(0.5, 12), items: 4 }]);
    expect(result.x?.fleissKappa).toEqual({ value: expect.closeTo(7 / 15, 12), items: 4 });
    expect(result.x?.krippendorffAlpha).toEqual({ value: expect.closeTo(8 / 15, 12), items: 4 });
    expect(result.z?.cohenKappa[0]?.value).toBe(1);
    expect(result.z?.krippendorffAlpha.value).toBe(1);
  });

  it('treats a missing set as missing, not as “no”, and pairs every two annotators', () => {
    const data = table(
      {
        A: { d1: ['x'], d2: ['x'], d3: [] },
        B: { d1: ['x'], d2: [] },
        C: { d1: [], d2: ['x'], d3: ['x'] },
      },
      ['d1', 'd2', 'd3'],
    );
    const x = tagAgreement(data, ['A', 'B', 'C']).x;
    expect(x?.cohenKappa.map((k) => [k.a, k.b, k.items])).toEqual([
      ['A', 'B', 2],
      ['A', 'C', 3],
      ['B', 'C', 2],
    ]);
    // Fleiss' κ only over d1 and d2, which all three labelled: two yes and one no on each,
    // P̄ = 1/3, P̄_e = (4/6)² + (2/6)² = 5/9, κ = (1/3 − 5/9) / (4/9) = −1/2.
    expect(x?.fleissKappa).toEqual({
      value: expect.closeTo(-0.5, 12),
      items: 2,
      note: 'used the 2 of 3 items that all 3 coders labelled',
    });
    expect(x?.krippendorffAlpha.items).toBe(3);
  });

  it('leaves a coefficient over two or more documents as it is', () => {
    const c = { value: 0.5, items: 2 };
    expect(atLeastTwoItems(c)).toBe(c);
    expect(atLeastTwoItems({ value: null, items: 0, note: 'none' })).toEqual({ value: null, items: 0, note: 'none' });
  });
});
