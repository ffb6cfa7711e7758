import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, fleissKappaFromCounts, krippendorffAlphaNominal, type Label } from './nominal';

/** Two coders' labels from a square table of counts: cell [i][j] is how often a said i and b said j. */
function fromCrossTable(labels: readonly string[], table: readonly (readonly number[])[]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  table.forEach((row, i) => {
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        a.push(labels[i] as string);
        b.push(labels[j] as string);
      }
    });
  });
  return [a, b];
}

/** An items × coders table from the subjects × categories counts textbooks print. */
function fromCounts(categories: readonly string[], counts: readonly (readonly number[])[]): string[][] {
  return counts.map((row) => row.flatMap((n, j) => Array<string>(n).fill(categories[j] as string)));
}

describe("Cohen's kappa", () => {
  it('reproduces Cohen (1960), p. 45, Table 1: 200 items, 3 categories, p_o = .70, p_c = .41, κ = .492', () => {
    // Proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06 of N = 200 (transcribed as counts in the
    // DKPro Statistics test suite, Cohen1960Test.createExample2).
    const [a, b] = fromCrossTable(
      ['1', '2', '3'],
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
    );
    const kappa = cohenKappa(a, b);
    expect(kappa.items).toBe(200);
    // (0.70 − 0.41) / (1 − 0.41) = 0.29 / 0.59
    expect(kappa.value).toBeCloseTo(0.29 / 0.59, 12);
    expect(kappa.value).toBeCloseTo(0.492, 3);
  });

  it('reproduces the Wikipedia "Cohen\'s kappa" worked example: 50 items, p_o = 0.7, p_e = 0.5, κ = 0.4', () => {
    // Both yes 20, A yes B no 5, A no B yes 10, both no 15.
    const [a, b] = fromCrossTable(
      ['yes', 'no'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    expect(cohenKappa(a, b)).toEqual({ value: expect.closeTo(0.4, 12), items: 50 });
  });

  it('reproduces Krippendorff (2004), p. 246: κ = .258 where Scott’s π is .186 (unequal marginals)', () => {
    // Content Analysis 2nd ed., the second table of the π–κ comparison (transcribed in DKPro
    // Statistics, Krippendorff2004Test.createExample4b).
    const [a, b] = fromCrossTable(
      ['a', 'b', 'c'],
      [
        [12, 18, 18],
        [0, 14, 18],
        [0, 0, 20],
      ],
    );
    expect(cohenKappa(a, b).value).toBeCloseTo(0.258, 3);
  });

  it('is 1 for perfect agreement, −1 for systematic disagreement, 0 at chance (hand-computed)', () => {
    expect(cohenKappa(['x', 'y', 'x', 'z'], ['x', 'y', 'x', 'z']).value).toBe(1);
    // p_o = 0, p_e = .5·.5 + .5·.5 = .5: κ = (0 − .5)/(1 − .5) = −1
    expect(cohenKappa(['x', 'y', 'x', 'y'], ['y', 'x', 'y', 'x']).value).toBe(-1);
    // p_o = .5, p_e = .5: κ = 0
    expect(cohenKappa(['x', 'x', 'y', 'y'], ['x', 'y', 'x', 'y']).value).toBe(0);
  });

  it('uses only the items both coders labelled', () => {
    expect(cohenKappa(['x', null, 'y', 'x'], ['x', 'y', undefined, 'x'])).toEqual({
      value: null,
      items: 2,
      note: expect.stringMatching(/one and the same label/),
    });
    expect(cohenKappa(['x', null], [null, 'y'])).toMatchObject({ value: null, items: 0 });
  });
});

describe("Fleiss' kappa", () => {
  it('reproduces Fleiss (1971), p. 379, Table 1: 30 patients × 6 psychiatrists × 5 diagnoses, κ = .430', () => {
    // P̄ = .5556, P̄_e = .2201 (table transcribed in DKPro Statistics, Fleiss1971Test.createExample).
    const table = [
      [4, 4, 4, 4, 4, 4],
      [2, 2, 2, 5, 5, 5],
      [2, 3, 3, 3, 3, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3],
      [3, 3, 3, 3, 5, 5],
      [1, 1, 3, 3, 3, 4],
      [1, 1, 4, 4, 4, 4],
      [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4],
      [1, 2, 4, 4, 4, 4],
      [2, 2, 2, 3, 3, 3],
      [1, 4, 4, 4, 4, 4],
      [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5],
      [1, 1, 1, 4, 5, 5],
      [1, 1, 1, 1, 1, 2],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 4, 4, 4, 4, 4],
      [2, 2, 4, 5, 5, 5],
      [1, 1, 4, 4, 4, 4],
      [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4],
      [1, 1, 1, 1, 5, 5],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 3, 3, 3],
      [5, 5, 5, 5, 5, 5],
    ].map((row) => row.map(String));
    const kappa = fleissKappa(table);
    expect(kappa.items).toBe(30);
    expect(kappa.note).toBeUndefined();
    expect(kappa.value).toBeCloseTo(0.43, 3);
  });

  it('reproduces the Wikipedia "Fleiss\' kappa" worked example: 10 subjects × 14 raters × 5 categories, κ ≈ 0.210', () => {
    // P̄ = 0.378, P̄_e = 0.213. (Often credited to Fleiss 1971, but the paper's own example is the
    // 30-patient table above.)
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const categories = ['1', '2', '3', '4', '5'];
    const kappa = fleissKappa(fromCounts(categories, counts));
    expect(kappa.items).toBe(10);
    expect(kappa.value).toBeCloseTo(0.2099, 4);
    const fromTable = fleissKappaFromCounts(counts.map((row) => new Map(row.map((n, j) => [categories[j] ?? '', n]))));
    expect(fromTable.value).toBeCloseTo(kappa.value ?? Number.NaN, 12);
  });

  it('is 1, −1 and 0 on hand-computed two-rater cases (where it equals Scott’s π)', () => {
    expect(
      fleissKappa([
        ['x', 'x'],
        ['y', 'y'],
        ['x', 'x'],
      ]).value,
    ).toBe(1);
    // P_i = 0 for every item, p = (.5, .5), P̄_e = .5: κ = −1
    expect(
      fleissKappa([
        ['x', 'y'],
        ['y', 'x'],
      ]).value,
    ).toBe(-1);
    // P_i = 1, 0, 0, 1: P̄ = .5 = P̄_e, κ = 0
    expect(
      fleissKappa([
        ['x', 'x'],
        ['x', 'y'],
        ['y', 'x'],
        ['y', 'y'],
      ]).value,
    ).toBe(0);
  });

  it('restricts itself to the items every coder labelled, and says how many', () => {
    const kappa = fleissKappa([
      ['x', 'x', 'x'],
      ['y', 'y', 'x'],
      ['y', null, 'y'],
      ['x', 'y', undefined],
    ]);
    expect(kappa.items).toBe(2);
    expect(kappa.note).toBe('used the 2 of 4 items that all 3 coders labelled');
    expect(fleissKappa([['x', null]])).toMatchObject({ value: null, items: 0 });
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it('reproduces Krippendorff (2011), §C: 4 coders, 12 units, missing values, α = 0.743', () => {
    // "Computing Krippendorff's Alpha-Reliability", the nominal example with missing data (also
    // Krippendorff 2004, p. 230; R irr::kripp.alpha's example, and DescTools::KrippAlpha).
    // Rows are coders A–D, columns units 1–12, null where a coder gave no value.
    const coders: Label[][] = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, null],
      [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', '3'],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null],
    ];
    const units = coders[0]?.map((_, u) => coders.map((row) => row[u])) ?? [];
    const alpha = krippendorffAlphaNominal(units);
    // Unit 12 has a single value, so 11 units are pairable; n = 40 pairable values.
    expect(alpha.items).toBe(11);
    expect(alpha.value).toBeCloseTo(0.743, 3);
  });

  it('reproduces Krippendorff (2004), p. 224 (two coders, binary: α = .095) and p. 227 (three values: α = .734)', () => {
    // Content Analysis 2nd ed. (transcribed in DKPro Statistics, Krippendorff2004Test).
    const binary = [
      ['1', '0'],
      ['1', '1'],
      ['0', '1'],
      ['0', '0'],
      ['0', '0'],
      ['0', '1'],
      ['0', '0'],
      ['0', '1'],
      ['0', '0'],
      ['0', '0'],
    ];
    expect(krippendorffAlphaNominal(binary).value).toBeCloseTo(0.095, 3);
    const three = [
      ['a', 'a'],
      ['a', 'b'],
      ...Array.from({ length: 4 }, () => ['b', 'b']),
      ['b', 'c'],
      ...Array.from({ length: 5 }, () => ['c', 'c']),
    ];
    expect(krippendorffAlphaNominal(three).value).toBeCloseTo(0.734, 3);
  });

  it('gives hand-computed values for perfect, chance-level and systematic disagreement', () => {
    expect(
      krippendorffAlphaNominal([
        ['x', 'x', 'x'],
        ['y', 'y', null],
      ]).value,
    ).toBe(1);
    // o_xx = o_xy = o_yx = o_yy = 2, n = 8, n_x = n_y = 4:
    // α = 1 − 7·4 / (4·4 + 4·4) = 1 − 28/32 = 0.125 (the (n − 1) small-sample correction, not 0)
    expect(
      krippendorffAlphaNominal([
        ['x', 'x'],
        ['x', 'y'],
        ['y', 'x'],
        ['y', 'y'],
      ]).value,
    ).toBeCloseTo(0.125, 12);
    // o_xy = o_yx = 2, n = 4: α = 1 − 3·4 / (2·2 + 2·2) = −0.5
    expect(
      krippendorffAlphaNominal([
        ['x', 'y'],
        ['x', 'y'],
      ]).value,
    ).toBeCloseTo(-0.5, 12);
  });

  it('is undefined without variation or without pairable units', () => {
    expect(
      krippendorffAlphaNominal([
        ['x', 'x'],
        ['x', null],
      ]),
    ).toMatchObject({ value: null, items: 1 });
    expect(
      krippendorffAlphaNominal([
        ['x', null],
        [null, 'y'],
      ]),
    ).toMatchObject({ value: null, items: 0 });
  });

  it('with two coders and no missing data, equals Scott’s π = Fleiss’ κ corrected for sample size', () => {
    // With n = 2N pairable values, Σ_{c≠k} o_ck = n(1 − P_o) and Σ_{c≠k} n_c n_k = n²(1 − P_e), so
    // α = 1 − ((n − 1)/n)(1 − π); and Fleiss' κ with two raters is Scott's π.
    const table = [
      ['x', 'x'],
      ['x', 'y'],
      ['y', 'y'],
      ['z', 'y'],
      ['z', 'z'],
    ];
    const pi = fleissKappa(table).value ?? Number.NaN;
    const alpha = krippendorffAlphaNominal(table).value ?? Number.NaN;
    const n = 2 * table.length;
    expect(alpha).toBeCloseTo(1 - ((n - 1) / n) * (1 - pi), 12);
  });
});

describe('properties', () => {
  const label = fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null, freq: 5 });
  const table = fc
    .integer({ min: 2, max: 5 })
    .chain((coders) =>
      fc.array(fc.array(label, { minLength: coders, maxLength: coders }), { minLength: 1, maxLength: 30 }),
    );
  const column = (rows: readonly Label[][], i: number) => rows.map((row) => row[i]);

  it('every coefficient is at most 1', () => {
    fc.assert(
      fc.property(table, (rows) => {
        for (const c of [
          cohenKappa(column(rows, 0), column(rows, 1)),
          fleissKappa(rows),
          krippendorffAlphaNominal(rows),
        ]) {
          if (c.value !== null) expect(c.value).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it('identical coders give 1 wherever the coefficient is defined', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 30 }), (labels) => {
        const rows = labels.map((l) => [l, l, l]);
        for (const c of [cohenKappa(labels, labels), fleissKappa(rows), krippendorffAlphaNominal(rows)]) {
          if (c.value !== null) expect(c.value).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('renaming labels consistently changes nothing', () => {
    const rename: Record<string, string> = { a: 'zeta', b: 'alpha', c: 'c', d: 'b' };
    fc.assert(
      fc.property(table, (rows) => {
        const renamed = rows.map((row) => row.map((l) => (l ? rename[l] : l)));
        const pairs: [number | null, number | null][] = [
          [
            cohenKappa(column(rows, 0), column(rows, 1)).value,
            cohenKappa(column(renamed, 0), column(renamed, 1)).value,
          ],
          [fleissKappa(rows).value, fleissKappa(renamed).value],
          [krippendorffAlphaNominal(rows).value, krippendorffAlphaNominal(renamed).value],
        ];
        for (const [x, y] of pairs) {
          if (x === null) expect(y).toBeNull();
          else expect(y).toBeCloseTo(x, 10);
        }
      }),
    );
  });

  it("Cohen's kappa is symmetric in the two coders", () => {
    fc.assert(
      fc.property(table, (rows) => {
        const ab = cohenKappa(column(rows, 0), column(rows, 1)).value;
        const ba = cohenKappa(column(rows, 1), column(rows, 0)).value;
        if (ab === null) expect(ba).toBeNull();
        else expect(ba).toBeCloseTo(ab, 12);
      }),
    );
  });
});
