import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Annotation, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { ONE_DOCUMENT } from './multi-label';
import { agreementReport, MANY_CODERS_CAVEAT, multiTagNote, NO_LENGTH } from './report';
import { reportTables } from './report-tables';
import type { AgreementInput, DocumentTags } from './report-types';

const TEXT = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6).slice(0, 300);
const index = new OffsetIndex(TEXT);
let serial = 0;

function claim(annotator: string, documentId: string, start: number, end: number, tags: string[]): Annotation {
  serial++;
  return {
    id: `01J${String(serial).padStart(23, '0')}`,
    documentId,
    documentSha256: '0'.repeat(64),
    target: textTarget(index, start, end),
    tags,
    attributes: {},
    annotator,
    codebookId: 'narratives',
    codebookVersion: 1,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** Krippendorff (2004), p. 254, shifted to start at 0 (see unitizing-alpha.test.ts). */
const bookExample = (documentId = 'book.txt') => [
  claim('i', documentId, 75, 145, ['c']),
  claim('i', documentId, 220, 250, ['c']),
  claim('i', documentId, 30, 90, ['k']),
  claim('i', documentId, 150, 200, ['k']),
  claim('j', documentId, 70, 150, ['c']),
  claim('j', documentId, 205, 225, ['c']),
  claim('j', documentId, 250, 270, ['c']),
  claim('j', documentId, 30, 90, ['k']),
  claim('j', documentId, 150, 200, ['k']),
];

describe('agreementReport', () => {
  it('reproduces Krippendorff’s (2004, p. 254) unitizing example from claims', () => {
    const report = agreementReport({ annotations: bookExample(), documentLengths: { 'book.txt': 300 } });
    expect(report.annotators).toEqual(['i', 'j']);
    expect(report.documents).toBe(1);
    expect(report.unitizingAlpha.byTag.c?.value).toBeCloseTo(0.7286, 4);
    expect(report.unitizingAlpha.byTag.k?.value).toBe(1);
    expect(report.unitizingAlpha.overall.value).toBeCloseTo(0.8587, 4);
    expect(report.unitizingAlpha.byDocument['book.txt']).toEqual(report.unitizingAlpha.overall);
    // Exact: both k units match, no c unit does; overlap: 225–295 ~ 220–300 and 370–400 ~ 355–375.
    expect(report.spanF1.exact.overall).toEqual({ tp: 2, unmatched: 5, f1: 4 / 9 });
    expect(report.spanF1.overlap.overall).toEqual({ tp: 4, unmatched: 1, f1: 8 / 9 });
    expect(report.spanF1.overlap.pairs).toEqual([
      { a: 'i', b: 'j', tp: 4, aOnly: 0, bOnly: 1, precision: 1, recall: 0.8, f1: 8 / 9 },
    ]);
    expect(report.notes).toEqual([]);
  });

  it('counts a claim with two tags once per tag, in F1 and in α_u', () => {
    const report = agreementReport({
      annotations: [claim('a', 'd', 0, 10, ['x', 'y']), claim('b', 'd', 0, 10, ['x'])],
      documentLengths: { d: 100 },
    });
    expect(report.spanF1.exact.byTag).toEqual({ x: { tp: 1, unmatched: 0, f1: 1 }, y: { tp: 0, unmatched: 1, f1: 0 } });
    expect(report.unitizingAlpha.byTag.x?.value).toBe(1);
    expect(report.unitizingAlpha.byTag.y?.value).toBeLessThan(0);
  });

  it('skips tombstoned claims', () => {
    const deleted = { ...claim('j', 'book.txt', 0, 20, ['c']), deletedAt: '2024-02-01T00:00:00.000Z' };
    const withDeleted = agreementReport({
      annotations: [...bookExample(), deleted],
      documentLengths: { 'book.txt': 300 },
    });
    const without = agreementReport({ annotations: bookExample(), documentLengths: { 'book.txt': 300 } });
    expect(withDeleted).toEqual(without);
  });

  it('gives the same JSON whatever the order of the input, with sorted keys', () => {
    const annotations = [...bookExample('b.txt'), ...bookExample('a.txt'), claim('zed', 'a.txt', 5, 9, ['Ω'])];
    const input: AgreementInput = { annotations, documentLengths: { 'b.txt': 300, 'a.txt': 300 } };
    const report = agreementReport(input);
    const shuffled = agreementReport({ ...input, annotations: [...annotations].reverse() });
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(report));
    expect(report.annotators).toEqual(['i', 'j', 'zed']);
    expect(Object.keys(report.unitizingAlpha.byDocument)).toEqual(['a.txt', 'b.txt']);
    expect(Object.keys(report.spanF1.exact.byTag)).toEqual(['c', 'k', 'Ω']);
    expect(Object.keys(report)).toEqual([
      'annotators',
      'documents',
      'spanF1',
      'unitizingAlpha',
      'documentLabels',
      'notes',
    ]);
  });

  it('says when a document has no length, a claim runs past its length, or there are many coders', () => {
    const report = agreementReport({
      annotations: [
        claim('a', 'short.txt', 0, 30, ['x']),
        claim('b', 'short.txt', 0, 20, ['x']),
        claim('c', 'short.txt', 0, 20, ['x']),
        claim('a', 'unknown.txt', 0, 5, ['x']),
        claim('b', 'unknown.txt', 0, 5, ['x']),
      ],
      documentLengths: { 'short.txt': 25 },
    });
    expect(report.unitizingAlpha.byDocument['unknown.txt']).toMatchObject({ value: null, note: NO_LENGTH });
    expect(report.notes).toEqual([
      "1 claim(s) end beyond their document's given length; α_u clips them to it",
      '1 document(s) have no length given, so no α_u',
      MANY_CODERS_CAVEAT,
    ]);
    // F1 does not need the length.
    expect(report.spanF1.exact.byDocument['unknown.txt']).toEqual({ tp: 1, unmatched: 0, f1: 1 });
  });

  it('counts an annotator named in `coders` who marked nothing', () => {
    const annotations = [claim('a', 'd', 0, 10, ['x'])];
    const alone = agreementReport({ annotations, documentLengths: { d: 100 } });
    expect(alone.unitizingAlpha.overall).toMatchObject({ value: null, coders: 1 });
    const named = agreementReport({ annotations, documentLengths: { d: 100 }, coders: { d: ['a', 'b'] } });
    expect(named.annotators).toEqual(['a', 'b']);
    expect(named.unitizingAlpha.overall.value).toBeLessThan(0);
    expect(named.spanF1.exact.overall).toEqual({ tp: 0, unmatched: 1, f1: 0 });
  });

  it('computes document-label coefficients: Krippendorff (2011) §C, α = .743', () => {
    // The 4-coder, 12-unit example with missing values, units as documents.
    const data: Record<string, (string | null)[]> = {
      A: ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null],
      B: ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, null],
      C: [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', '3'],
      D: ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null],
    };
    const documentLabels: DocumentTags[] = Object.entries(data).flatMap(([annotator, labels]) =>
      labels.flatMap((label, u) =>
        label === null ? [] : [{ documentId: `doc-${String(u + 1).padStart(2, '0')}`, annotator, tags: [label] }],
      ),
    );
    const report = agreementReport({ annotations: [], documentLengths: {}, documentLabels });
    const { cohenKappa, fleissKappa, krippendorffAlpha, masiAlpha } = report.documentLabels;
    expect(krippendorffAlpha.value).toBeCloseTo(0.743, 3);
    // With one tag per set, MASI is the 0/1 distance and its α the nominal one.
    expect(masiAlpha.value).toBeCloseTo(krippendorffAlpha.value as number, 12);
    expect(masiAlpha.items).toBe(11);
    // Single tags: no caveat about sets.
    expect(report.notes).toEqual([]);
    expect(krippendorffAlpha.items).toBe(11);
    // Units 2–9 are the ones all four coders labelled.
    expect(fleissKappa).toMatchObject({ items: 8, note: 'used the 8 of 12 items that all 4 coders labelled' });
    expect(cohenKappa.map((k) => [k.a, k.b, k.items])).toEqual([
      ['A', 'B', 9],
      ['A', 'C', 8],
      ['A', 'D', 9],
      ['B', 'C', 9],
      ['B', 'D', 10],
      ['C', 'D', 10],
    ]);
    expect(report.annotators).toEqual(['A', 'B', 'C', 'D']);
    expect(report.documents).toBe(12);
  });

  it('counts each tag set as one category: its tags, sorted and joined, in any order', () => {
    const report = agreementReport({
      annotations: [],
      documentLengths: {},
      documentLabels: [
        { documentId: 'd1', annotator: 'a', tags: ['threat', 'integration'] },
        { documentId: 'd1', annotator: 'b', tags: ['integration', 'threat'] },
        { documentId: 'd2', annotator: 'a', tags: ['threat', 'integration'] },
        { documentId: 'd2', annotator: 'b', tags: ['threat'] },
        { documentId: 'd3', annotator: 'a', tags: [] },
        { documentId: 'd3', annotator: 'b', tags: [] },
      ],
    });
    // Categories integration+threat, integration+threat / integration+threat, threat / (none), (none):
    // p_o = 2/3, p_e = (2/3)(1/3) + (1/3)(1/3) = 1/3, κ = (2/3 − 1/3) / (2/3) = 1/2.
    expect(report.documentLabels.cohenKappa).toEqual([{ a: 'a', b: 'b', value: expect.closeTo(0.5, 12), items: 3 }]);
    expect(report.notes).toEqual([multiTagNote(3)]);
  });

  it('treats a document label given two different tag sets by one annotator as missing', () => {
    const report = agreementReport({
      annotations: [],
      documentLengths: {},
      documentLabels: [
        { documentId: 'd1', annotator: 'a', tags: ['x'] },
        { documentId: 'd1', annotator: 'a', tags: ['y'] },
        { documentId: 'd1', annotator: 'b', tags: ['x'] },
        { documentId: 'd2', annotator: 'a', tags: ['x'] },
        { documentId: 'd2', annotator: 'a', tags: ['x'] },
        { documentId: 'd2', annotator: 'b', tags: ['y'] },
        { documentId: 'd3', annotator: 'a', tags: ['x'] },
        { documentId: 'd3', annotator: 'b', tags: ['x'] },
      ],
    });
    // d2 and d3 are left: a says x, x; b says y, x: p_o = 1/2, p_e = (2/2)(1/2) = 1/2, κ = 0.
    expect(report.documentLabels.cohenKappa).toEqual([{ a: 'a', b: 'b', value: 0, items: 2 }]);
    expect(report.documentLabels.byTag.x?.cohenKappa).toEqual([{ a: 'a', b: 'b', value: 0, items: 2 }]);
    expect(report.notes).toEqual([
      '1 document label(s) were given two different values by one annotator and count as missing',
    ]);
  });

  it('gives the issue’s one document, {threat, integration} against {integration, sanctions}, counts and reasons', () => {
    const report = agreementReport({
      annotations: [],
      documentLengths: {},
      documentLabels: [
        { documentId: 'd1', annotator: 'Ada', tags: ['threat', 'integration'] },
        { documentId: 'd1', annotator: 'Boris', tags: ['integration', 'sanctions'] },
      ],
    });
    // Before, κ 0, Fleiss' κ −1 and α 0: what one document forces whenever two sets differ.
    const one = { value: null, items: 1, note: ONE_DOCUMENT };
    const perTag = { cohenKappa: [{ a: 'Ada', b: 'Boris', ...one }], fleissKappa: one, krippendorffAlpha: one };
    expect(report.documentLabels).toEqual({
      cohenKappa: [{ a: 'Ada', b: 'Boris', ...one }],
      fleissKappa: one,
      krippendorffAlpha: one,
      masiAlpha: one,
      byTag: { integration: perTag, sanctions: perTag, threat: perTag },
    });
    expect(report.notes).toEqual([multiTagNote(2)]);
  });

  it('credits shared tags in MASI α and reports each tag', () => {
    // The hand-worked example of multi-label.test.ts: MASI α = 0.318461…
    const report = agreementReport({
      annotations: [],
      documentLengths: {},
      documentLabels: [
        { documentId: 'd1', annotator: 'A', tags: ['threat', 'integration'] },
        { documentId: 'd1', annotator: 'B', tags: ['integration'] },
        { documentId: 'd2', annotator: 'A', tags: ['sanctions'] },
        { documentId: 'd2', annotator: 'B', tags: ['sanctions'] },
        { documentId: 'd3', annotator: 'A', tags: ['threat'] },
        { documentId: 'd3', annotator: 'B', tags: ['integration', 'sanctions'] },
      ],
    });
    const labels = report.documentLabels;
    expect(labels.masiAlpha).toEqual({ value: expect.closeTo(0.3184609087187883, 12), items: 3 });
    expect(Object.keys(labels.byTag)).toEqual(['integration', 'sanctions', 'threat']);
    // sanctions: A no, yes, no; B no, yes, yes. α: o_yy = 2, o_nn = 2, o_yn = o_ny = 1, n_y = 3,
    // n_n = 3: α = 1 − 5·2 / (2·3·3) = 4/9.
    expect(labels.byTag.sanctions?.krippendorffAlpha).toEqual({ value: expect.closeTo(4 / 9, 12), items: 3 });
    expect(labels.byTag.sanctions?.fleissKappa.items).toBe(3);
  });

  it('is null with notes where nothing can be computed', () => {
    const report = agreementReport({ annotations: [], documentLengths: {} });
    expect(report.unitizingAlpha.overall).toMatchObject({ value: null });
    expect(report.spanF1.exact.overall.f1).toBeNull();
    expect(report.documentLabels).toEqual({
      cohenKappa: [],
      fleissKappa: { value: null, items: 0, note: 'no document labels were given' },
      krippendorffAlpha: { value: null, items: 0, note: 'no document labels were given' },
      masiAlpha: { value: null, items: 0, note: 'no document labels were given' },
      byTag: {},
    });
  });
});

describe('reportTables', () => {
  /** A strict-enough RFC 4180 reader for the tables (quoted fields, doubled quotes, CRLF). */
  function readCsv(text: string): string[][] {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const body = text.slice(1);
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (quoted) {
        if (ch === '"' && body[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        row.push(field);
        field = '';
      } else if (ch === '\r' && body[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i++;
      } else field += ch;
    }
    expect(field).toBe('');
    return rows;
  }

  it('writes overall, by-tag and by-document tables with one set of columns each', () => {
    const annotations = [...bookExample(), claim('i', '=cmd.txt', 0, 4, ['c']), claim('j', 'a, "b".txt', 0, 4, ['c'])];
    const report = agreementReport({
      annotations,
      documentLengths: { 'book.txt': 300 },
      documentLabels: [
        { documentId: 'book.txt', annotator: 'i', tags: ['pro'] },
        { documentId: 'book.txt', annotator: 'j', tags: ['pro'] },
      ],
    });
    const tables = reportTables(report);
    const overall = readCsv(tables.overall);
    expect(overall[0]).toEqual([
      'measure',
      'annotator_a',
      'annotator_b',
      'value',
      'tp',
      'a_only',
      'b_only',
      'unmatched',
      'precision',
      'recall',
      'units',
      'items',
      'coders',
      'note',
    ]);
    expect(overall.every((r) => r.length === 14)).toBe(true);
    expect(overall.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['measure', 'annotator_a', 'annotator_b'],
      ['span_f1_exact', '', ''],
      ['span_f1_exact', 'i', 'j'],
      ['span_f1_overlap', '', ''],
      ['span_f1_overlap', 'i', 'j'],
      ['unitizing_alpha', '', ''],
      ['cohen_kappa', 'i', 'j'],
      ['fleiss_kappa', '', ''],
      ['krippendorff_alpha_nominal', '', ''],
      ['krippendorff_alpha_masi', '', ''],
    ]);
    const alphaRow = overall.find((r) => r[0] === 'unitizing_alpha') ?? [];
    expect(Number(alphaRow[3])).toBeCloseTo(0.8587, 4);
    expect(alphaRow[10]).toBe('9');
    // An undefined coefficient is an empty cell with its reason in the note.
    const cohen = overall.find((r) => r[0] === 'cohen_kappa') ?? [];
    expect(cohen[3]).toBe('');
    expect(cohen[13]).not.toBe('');

    const byTag = readCsv(tables.byTag);
    expect(byTag[0]).toEqual(['tag', 'measure', 'value', 'tp', 'unmatched', 'units', 'coders', 'note']);
    expect(byTag.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['c', 'span_f1_exact'],
      ['c', 'span_f1_overlap'],
      ['c', 'unitizing_alpha'],
      ['k', 'span_f1_exact'],
      ['k', 'span_f1_overlap'],
      ['k', 'unitizing_alpha'],
    ]);
    expect(byTag.find((r) => r[0] === 'k' && r[1] === 'unitizing_alpha')?.[2]).toBe('1');

    const byDocument = readCsv(tables.byDocument);
    // A document id a spreadsheet would run as a formula is defused.
    expect(byDocument.slice(1).map((r) => r[0])).toContain("'=cmd.txt");
    expect(byDocument.slice(1).map((r) => r[0])).toContain('a, "b".txt');
    expect(tables.byDocument).toContain('"a, ""b"".txt"');
    expect(byDocument.every((r) => r.length === 8)).toBe(true);

    const labelsByTag = readCsv(tables.documentLabelsByTag);
    expect(labelsByTag).toEqual([
      ['tag', 'measure', 'annotator_a', 'annotator_b', 'value', 'items', 'note'],
      ['pro', 'cohen_kappa', 'i', 'j', '', '1', ONE_DOCUMENT],
      ['pro', 'fleiss_kappa', '', '', '', '1', ONE_DOCUMENT],
      ['pro', 'krippendorff_alpha_nominal', '', '', '', '1', ONE_DOCUMENT],
    ]);
    const masi = overall.find((r) => r[0] === 'krippendorff_alpha_masi') ?? [];
    expect([masi[3], masi[11], masi[13]]).toEqual(['', '1', ONE_DOCUMENT]);
  });
});

describe('properties', () => {
  const claims = fc.array(
    fc
      .record({
        annotator: fc.constantFrom('a', 'b', 'c'),
        documentId: fc.constantFrom('d1', 'd2'),
        start: fc.integer({ min: 0, max: 80 }),
        length: fc.integer({ min: 1, max: 20 }),
        tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 2 }),
        deleted: fc.boolean(),
      })
      .map(({ annotator, documentId, start, length, tags, deleted }) => {
        const c = claim(annotator, documentId, start, start + length, tags);
        return deleted ? { ...c, deletedAt: '2024-02-01T00:00:00.000Z' } : c;
      }),
    { maxLength: 25 },
  );
  const lengths = { d1: 100, d2: 120 };

  it('renaming tags consistently leaves the overall values unchanged', () => {
    const rename: Record<string, string> = { x: 'y', y: 'zz', z: 'a' };
    fc.assert(
      fc.property(claims, (annotations) => {
        const renamed = annotations.map((c) => ({ ...c, tags: c.tags.map((t) => rename[t] ?? t) }));
        const before = agreementReport({ annotations, documentLengths: lengths });
        const after = agreementReport({ annotations: renamed, documentLengths: lengths });
        expect(after.spanF1.exact.overall).toEqual(before.spanF1.exact.overall);
        expect(after.spanF1.overlap.overall).toEqual(before.spanF1.overlap.overall);
        expect(after.spanF1.overlap.pairs).toEqual(before.spanF1.overlap.pairs);
        const x = before.unitizingAlpha.overall.value;
        const y = after.unitizingAlpha.overall.value;
        if (x === null) expect(y).toBeNull();
        else expect(y).toBeCloseTo(x, 10);
      }),
    );
  });

  it('every value is in range: F1 in [0, 1], α_u ≤ 1', () => {
    fc.assert(
      fc.property(claims, (annotations) => {
        const report = agreementReport({ annotations, documentLengths: lengths });
        for (const f1 of [report.spanF1.exact, report.spanF1.overlap]) {
          for (const score of [f1.overall, ...Object.values(f1.byTag), ...Object.values(f1.byDocument), ...f1.pairs]) {
            if (score.f1 !== null) expect(score.f1).toBeGreaterThanOrEqual(0);
            if (score.f1 !== null) expect(score.f1).toBeLessThanOrEqual(1);
          }
        }
        const alphas = report.unitizingAlpha;
        for (const a of [alphas.overall, ...Object.values(alphas.byTag), ...Object.values(alphas.byDocument)]) {
          if (a.value !== null) expect(a.value).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it('an annotator copied under another name agrees perfectly wherever it is defined', () => {
    fc.assert(
      fc.property(claims, (annotations) => {
        const mine = annotations.filter((c) => c.annotator === 'a');
        const copy = mine.map((c) => ({ ...c, annotator: 'copy' }));
        const report = agreementReport({ annotations: [...mine, ...copy], documentLengths: lengths });
        for (const value of [
          report.spanF1.exact.overall.f1,
          report.spanF1.overlap.overall.f1,
          report.unitizingAlpha.overall.value,
        ]) {
          if (value !== null) expect(value).toBe(1);
        }
      }),
    );
  });
});
