import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from './intervals';
import { combineUnitizingAlpha, delta2, NO_UNITS, TOO_FEW_CODERS, unitizingAlpha } from './unitizing-alpha';

const span = (start: number, end: number): Interval => ({ start, end });

describe('Krippendorff (2004), Content Analysis 2nd ed., p. 254: two observers, categories c and k', () => {
  // The continuum runs from 150 to 450 (L = 300); α_u does not depend on where it starts, so the
  // positions here are shifted by −150. Observer i: c at 225–295 and 370–400, k at 180–240 and
  // 300–350; observer j: c at 220–300, 355–375 and 400–420, k the same as i. (Transcribed, with
  // the book's D_o, D_e and α, in DKPro Statistics' unitizing/Krippendorff2004Test.)
  const c = unitizingAlpha(300, [
    [span(75, 145), span(220, 250)],
    [span(70, 150), span(205, 225), span(250, 270)],
  ]);
  const k = unitizingAlpha(300, [
    [span(30, 90), span(150, 200)],
    [span(30, 90), span(150, 200)],
  ]);

  it('gives c: D_o = .0144, D_e = .0532, α_u = .7286', () => {
    // By hand. Overlapping sections with δ² ≠ 0:
    //   units 225–295 and 220–300: (225 − 220)² + (295 − 300)²  = 50
    //   units 370–400 and 355–375: (370 − 355)² + (400 − 375)²  = 850
    //   j's unit 400–420 inside i's gap 400–450: 20²            = 400
    // D_o = 2 · 1300 / (m(m − 1)L²) = 2600 / (2 · 90000) = 0.014444…
    // Units: lengths 70, 30 (i) and 80, 20, 20 (j), N = 5; gaps 75, 75, 50 (i), 70, 55, 25, 30 (j).
    //   l = 70: (4/3)(2·70³ − 3·70² + 70) = 895160, + 70² · [(75−69) + (75−69) + (70−69)] = 63700
    //   l = 30: (4/3)(51330) = 68440, + 30² · 181 = 162900
    //   l = 80: (4/3)(1004880) = 1339840, no gap of 80 or more
    //   l = 20 (twice): (4/3)(14820) = 19760, + 20² · 247 = 98800
    //   sum = 2767160; × 2/L = 18447.73; / [mL(mL − 1) − Σ l(l − 1)] = / (359400 − 12780)
    // D_e = 18447.73 / 346620 = 0.053222; α_u = 1 − 0.014444 / 0.053222 = 0.7286
    expect(c.observed).toBeCloseTo(2600 / 180000, 12);
    expect(c.expected).toBeCloseTo(((2 / 300) * 2767160) / 346620, 12);
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.value).toBeCloseTo(0.7286, 4);
    expect(c).toMatchObject({ coders: 2, units: 5 });
  });

  it('gives k: D_o = 0, D_e = .0490, α_u = 1', () => {
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.value).toBe(1);
  });

  it('combines the categories by summing disagreements: α_u = 1 − (.0144 + 0)/(.0532 + .0490)', () => {
    // The exact value from these formulas is 0.85867; DKPro Statistics asserts 0.8591 ± 0.0005 for
    // the book's overall figure, which this is within. We could not see the page to say which the
    // book prints.
    const both = combineUnitizingAlpha([c, k]);
    expect(both.value).toBeCloseTo(1 - c.observed / (c.expected + k.expected), 12);
    expect(both.value).toBeCloseTo(0.8591, 3);
    expect(both).toMatchObject({ coders: 2, units: 9 });
  });

  it('has the differences δ² the book lists', () => {
    const unit = (start: number, length: number) => ({ start, end: start + length, unit: true });
    const gap = (start: number, length: number) => ({ start, end: start + length, unit: false });
    expect(delta2(unit(225, 70), unit(220, 80))).toBe(50);
    expect(delta2(unit(370, 30), unit(355, 20))).toBe(850);
    expect(delta2(gap(400, 50), unit(400, 20))).toBe(400);
    expect(delta2(unit(5, 6), unit(4, 2))).toBe(26);
    expect(delta2(unit(5, 6), unit(6, 4))).toBe(2);
    // A unit only partly inside a gap adds nothing; the overlapping unit–unit pair carries it.
    expect(delta2(unit(5, 6), gap(4, 3))).toBe(0);
  });
});

describe('Krippendorff (1995), "On the reliability of unitizing contiguous data", p. 57: four pairs of coders', () => {
  // Sociological Methodology 25:47–76. Each pair unitizes a 24-place continuum (diagram transcribed
  // in DKPro Statistics' unitizing/Krippendorff1995Test):
  //   A Bertha  0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
  //     Bill    0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
  //   B John    1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1|0 0 0 0 0 0
  //     Jill    1 1|1|1|1|1|1 1 1|1|0 0 0 0 0 0 0 0 0 0 0 0 0 0
  //   C Gerret  0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
  //     Gill    1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
  //   D Heather 1 1|1 1 1 1 1 1 1 1|1 1 1 1|1 1 1 1 1 1|1 1 1 1
  //     Hill    1 1 1 1|1 1 1 1|1 1 1 1 1 1 1|1 1|1 1 1 1 1 1 1
  // Touching units (Jill's, Heather's) stay separate units.
  const examples = (stretch: number) => {
    const u = (begin: number, length: number) => span(begin * stretch, (begin + length) * stretch);
    const length = 24 * stretch;
    return {
      A: unitizingAlpha(length, [
        [u(2, 8), u(14, 6)],
        [u(4, 4), u(15, 2)],
      ]),
      B: unitizingAlpha(length, [[u(0, 18)], [u(0, 2), u(2, 1), u(3, 1), u(4, 1), u(5, 1), u(6, 3), u(9, 1)]]),
      C: unitizingAlpha(length, [
        [u(2, 6), u(10, 2), u(14, 4), u(20, 2)],
        [u(0, 2), u(4, 4), u(10, 4), u(16, 2), u(20, 2)],
      ]),
      D: unitizingAlpha(length, [
        [u(0, 2), u(2, 8), u(10, 4), u(14, 6), u(20, 4)],
        [u(0, 4), u(4, 4), u(8, 7), u(15, 2), u(17, 7)],
      ]),
    };
  };

  it('gives the published observed disagreements D_o = .03125, 2.26736, .02777, .38715', () => {
    const { A, B, C, D } = examples(1);
    // Exactly 18, 1306, 16 and 223 over m(m − 1)L²/2 = 576.
    expect(A.observed).toBeCloseTo(18 / 576, 12);
    expect(B.observed).toBeCloseTo(1306 / 576, 12);
    expect(C.observed).toBeCloseTo(16 / 576, 12);
    expect(D.observed).toBeCloseTo(223 / 576, 12);
    expect([A.observed, B.observed, C.observed, D.observed].map((x) => x.toFixed(5))).toEqual([
      '0.03125',
      '2.26736',
      '0.02778',
      '0.38715',
    ]);
  });

  it('approaches the published α_u = .553, −.926, .679, .066 as the continuum is made fine', () => {
    // The 1995 figures treat the continuum as continuous; the 2004 count over discrete places
    // tends to them as each place is cut finer (×50 000 here), D_o staying the same.
    const { A, B, C, D } = examples(50_000);
    const gap = (x: number | null, published: number) => Math.abs((x ?? Number.NaN) - published);
    // Published D_e: .06990, 1.17731, .08642, .41445.
    expect(gap(A.expected, 0.0699)).toBeLessThan(0.0001);
    expect(gap(D.expected, 0.41445)).toBeLessThan(0.0001);
    expect(gap(B.expected, 1.17731)).toBeLessThan(0.002);
    expect(gap(A.value, 0.553)).toBeLessThan(0.001);
    expect(gap(D.value, 0.066)).toBeLessThan(0.001);
    expect(gap(B.value, -0.926)).toBeLessThan(0.003);
    // C misses by 0.014: the 2004 formula gives D_e = .0905 where the 1995 paper prints .08642.
    // DKPro Statistics, which implements the 2004 formula too, meets the same gap and suspects a
    // misprint in the 1995 expected-disagreement formula ("l + l + 1" for "l − l + 1").
    expect(C.expected).toBeCloseTo(0.0905, 4);
    expect(gap(C.value, 0.679)).toBeLessThan(0.02);
  });
});

describe('hand-computed cases', () => {
  it('is 1 when the coders agree, whatever the units', () => {
    const units = [span(0, 3), span(3, 4), span(8, 10)];
    expect(unitizingAlpha(10, [units, units, units]).value).toBe(1);
  });

  it('scores two shifted units: L = 10, [2, 6) against [3, 7)', () => {
    // Sections: i = gap 0–2, unit 2–6, gap 6–10; j = gap 0–3, unit 3–7, gap 7–10.
    // Only the two units give δ²: (2 − 3)² + (6 − 7)² = 2. D_o = 2·2 / (2·1·10²) = 0.02.
    // Units: 4, 4 (N = 2); gaps 2, 4, 3, 3. Per unit: (1/3)(2·64 − 3·16 + 4) = 28, plus
    // 4² · (4 − 4 + 1) = 16 for the one gap that can hold it: 44; both units: 88.
    // D_e = (2/10) · 88 / (20·19 − 2·4·3) = 17.6 / 356 = 0.049438…
    // α_u = 1 − 0.02 / 0.049438 = 0.595455
    const alpha = unitizingAlpha(10, [[span(2, 6)], [span(3, 7)]]);
    expect(alpha.observed).toBeCloseTo(0.02, 12);
    expect(alpha.expected).toBeCloseTo(17.6 / 356, 12);
    expect(alpha.value).toBeCloseTo(1 - 0.02 / (17.6 / 356), 12);
    expect(alpha.value).toBeCloseTo(0.5955, 4);
  });

  it('goes well below 0 for systematic disagreement: L = 10, [0, 5) against [5, 10)', () => {
    // Each unit lies inside the other coder's gap: δ² = 25 + 25. D_o = 2·50 / (2·100) = 0.5.
    // Per unit: (1/3)(250 − 75 + 5) = 60, plus 5² · (1 + 1) = 50 for the two gaps of 5: 110.
    // D_e = (2/10) · 220 / (20·19 − 2·5·4) = 44 / 340; α_u = 1 − 0.5 / (44/340) = −2.8636
    const alpha = unitizingAlpha(10, [[span(0, 5)], [span(5, 10)]]);
    expect(alpha.value).toBeCloseTo(1 - 0.5 / (44 / 340), 12);
    expect(alpha.value).toBeCloseTo(-2.8636, 4);
  });

  it('merges a coder’s overlapping units first, and clips units to the continuum', () => {
    const merged = unitizingAlpha(10, [[span(2, 4), span(3, 6)], [span(3, 7)]]);
    expect(merged).toEqual(unitizingAlpha(10, [[span(2, 6)], [span(3, 7)]]));
    expect(merged.units).toBe(2);
    expect(unitizingAlpha(10, [[span(2, 6)], [span(3, 12)]])).toEqual(
      unitizingAlpha(10, [[span(2, 6)], [span(3, 10)]]),
    );
  });

  it('is undefined with fewer than two coders, or when nobody marked anything', () => {
    expect(unitizingAlpha(10, [[span(2, 6)]])).toMatchObject({ value: null, note: TOO_FEW_CODERS });
    expect(unitizingAlpha(10, [[], []])).toMatchObject({ value: null, units: 0, note: NO_UNITS });
    expect(combineUnitizingAlpha([])).toMatchObject({ value: null });
  });

  it('counts one coder’s unit against a coder who marked nothing', () => {
    // δ² = 4² (unit 2–6 inside the other's gap 0–10) = 16; D_o = 2·16 / (2·100) = 0.16.
    // N = 1: only the gap term, 4² · [(10 − 4 + 1) + (4 − 4 + 1)] = 16 · 8 (gaps 10, 2, 4).
    // D_e = (2/10) · 128 / (20·19 − 12) = 25.6 / 368; α_u = 1 − 0.16 · 368 / 25.6 = −1.3
    expect(unitizingAlpha(10, [[span(2, 6)], []]).value).toBeCloseTo(-1.3, 12);
  });
});

describe('properties', () => {
  const units = (length: number) =>
    fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }))
        .map(([start, size]) => span(start, Math.min(length, start + size))),
      { maxLength: 5 },
    );
  const study = fc
    .integer({ min: 1, max: 60 })
    .chain((length) => fc.tuple(fc.constant(length), fc.array(units(length), { minLength: 2, maxLength: 4 })));

  it('α_u ≤ 1, and D_o, D_e ≥ 0', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const alpha = unitizingAlpha(length, coders);
        expect(alpha.observed).toBeGreaterThanOrEqual(0);
        expect(alpha.expected).toBeGreaterThanOrEqual(0);
        if (alpha.value !== null) expect(alpha.value).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('identical coders give 1 wherever α_u is defined', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 4 }), (length, m) => {
        fc.assert(
          fc.property(units(length), (marked) => {
            const alpha = unitizingAlpha(
              length,
              Array.from({ length: m }, () => marked),
            );
            if (alpha.value !== null) expect(alpha.value).toBe(1);
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of the coders', () => {
    fc.assert(
      fc.property(study, ([length, coders]) => {
        const forward = unitizingAlpha(length, coders);
        const backward = unitizingAlpha(length, [...coders].reverse());
        expect(backward.observed).toBeCloseTo(forward.observed, 12);
        expect(backward.expected).toBeCloseTo(forward.expected, 12);
      }),
    );
  });
});
