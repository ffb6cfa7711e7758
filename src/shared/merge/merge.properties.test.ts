import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelledJson, labelledJson } from '../formats/labelled-json';
import { compareInstants } from '../text/compare';
import {
  canonicalJson,
  isDeletion,
  type MergeConflict,
  type MergeRecord,
  mergeAnnotations,
  mergeLabelledJson,
} from './merge';
import { fileArb, historyArb, idPoolArb, recordsArb, sidesArb } from './testing';

const swapped = <T extends MergeConflict>(conflicts: T[]): T[] =>
  conflicts.map((c) => ({ ...c, kept: c.kept === 'a' ? 'b' : 'a' }));

/** What a merge decided, without the report of duplicates within an input. */
const outcome = ({ merged, conflicts }: { merged: MergeRecord[]; conflicts: MergeConflict[] }) => ({
  merged,
  conflicts,
});

/** The records a side means: one per id, sorted by id. */
const asSet = (records: readonly MergeRecord[]) => mergeAnnotations(records, []).merged;

const timeOf = (r: MergeRecord) => r.deletedAt ?? (r as { updatedAt: string }).updatedAt;

/** Ids for which one side holds a tombstone at least as new as every live copy on either side. */
function deletedLast(a: readonly MergeRecord[], b: readonly MergeRecord[]): string[] {
  const all = [...a, ...b];
  return [...new Set(all.map((r) => r.id))].filter((id) => {
    const copies = all.filter((r) => r.id === id);
    return copies.some(
      (t) => isDeletion(t) && copies.every((r) => isDeletion(r) || compareInstants(timeOf(t), timeOf(r)) >= 0),
    );
  });
}

const filesArb = idPoolArb.chain((ids) =>
  fc.record({ a: fileArb(recordsArb(ids)), b: fileArb(recordsArb(ids)), base: fileArb(recordsArb(ids)) }),
);

const bytes = (file: LabelledJson) => labelledJson.serialize(file);

describe('mergeAnnotations properties', () => {
  it('is commutative: the same records, and the same conflicts with the sides swapped', () => {
    fc.assert(
      fc.property(sidesArb, ({ a, b, base }) => {
        for (const o of [undefined, base]) {
          const ab = mergeAnnotations(a, b, o);
          const ba = mergeAnnotations(b, a, o);
          expect(ba.merged).toEqual(ab.merged);
          expect(ba.conflicts).toEqual(swapped(ab.conflicts));
        }
      }),
    );
  });

  it('is commutative on realistic histories too', () => {
    fc.assert(
      fc.property(historyArb, ({ base, a, b }) => {
        const ab = mergeAnnotations(a, b, base);
        const ba = mergeAnnotations(b, a, base);
        expect(ba.merged).toEqual(ab.merged);
        expect(ba.conflicts).toEqual(swapped(ab.conflicts));
      }),
    );
  });

  it('is idempotent: merging a set with itself gives the set, without conflicts', () => {
    fc.assert(
      fc.property(sidesArb, ({ a, base }) => {
        expect(outcome(mergeAnnotations(a, a))).toEqual({ merged: asSet(a), conflicts: [] });
        expect(outcome(mergeAnnotations(a, a, base))).toEqual({ merged: asSet(a), conflicts: [] });
      }),
    );
  });

  it('has the empty set as identity', () => {
    fc.assert(
      fc.property(sidesArb, ({ a }) => {
        expect(outcome(mergeAnnotations(a, []))).toEqual({ merged: asSet(a), conflicts: [] });
        expect(outcome(mergeAnnotations([], a))).toEqual({ merged: asSet(a), conflicts: [] });
        expect(outcome(mergeAnnotations([], a, []))).toEqual({ merged: asSet(a), conflicts: [] });
      }),
    );
  });

  it('is associative two-way: the result does not depend on the grouping', () => {
    fc.assert(
      fc.property(sidesArb, ({ a, b, c }) => {
        const left = mergeAnnotations(mergeAnnotations(a, b).merged, c).merged;
        const right = mergeAnnotations(a, mergeAnnotations(b, c).merged).merged;
        expect(right).toEqual(left);
      }),
    );
  });

  it('never brings back a claim with a tombstone newer than every copy of it', () => {
    fc.assert(
      fc.property(sidesArb, ({ a, b, base }) => {
        const deleted = deletedLast(a, b);
        for (const o of [undefined, base]) {
          const live = mergeAnnotations(a, b, o).merged.filter((r) => !isDeletion(r));
          expect(live.filter((r) => deleted.includes(r.id))).toEqual([]);
        }
      }),
    );
  });

  it('never brings back a deleted claim in realistic histories', () => {
    fc.assert(
      fc.property(historyArb, ({ base, a, b }) => {
        const deleted = deletedLast(a, b);
        const live = mergeAnnotations(a, b, base).merged.filter((r) => !isDeletion(r));
        expect(live.filter((r) => deleted.includes(r.id))).toEqual([]);
      }),
    );
  });

  it('three-way, takes one side’s changes whole when the other side did nothing', () => {
    fc.assert(
      fc.property(historyArb, ({ base, a }) => {
        expect(outcome(mergeAnnotations(base, a, base))).toEqual({ merged: asSet(a), conflicts: [] });
        expect(outcome(mergeAnnotations(a, base, base))).toEqual({ merged: asSet(a), conflicts: [] });
      }),
    );
  });

  it('reports every record it drops within an input, the same with the sides swapped', () => {
    fc.assert(
      fc.property(sidesArb, ({ a, b, base }) => {
        const { duplicates } = mergeAnnotations(a, b, base);
        for (const [input, records] of [
          ['a', a],
          ['b', b],
          ['base', base],
        ] as const) {
          const own = duplicates.filter((d) => d.input === input);
          const dropped = own.reduce((n, d) => n + d.at.length - 1, 0);
          expect(dropped).toBe(records.length - new Set(records.map((r) => r.id)).size);
          for (const d of own) {
            const copies = d.at.map((i) => canonicalJson(records[i]));
            expect(new Set(copies).size === 1).toBe(d.identical);
            expect(d.at.every((i) => records[i]?.id === d.id)).toBe(true);
          }
        }
        const other = { a: 'b', b: 'a', base: 'base' } as const;
        const swappedBack = mergeAnnotations(b, a, base).duplicates.map((d) => ({ ...d, input: other[d.input] }));
        const order = { a: 0, b: 1, base: 2 };
        expect(swappedBack.sort((x, y) => order[x.input] - order[y.input])).toEqual(duplicates);
      }),
    );
  });

  it('keeps every claim that only one side has', () => {
    fc.assert(
      fc.property(sidesArb, ({ a, b }) => {
        const merged = new Map(mergeAnnotations(a, b).merged.map((r) => [r.id, canonicalJson(r)]));
        const bIds = new Set(b.map((r) => r.id));
        for (const r of a.filter((r) => !bIds.has(r.id))) expect(merged.get(r.id)).toBe(canonicalJson(r));
      }),
    );
  });
});

describe('mergeLabelledJson properties', () => {
  it('is commutative: byte-identical files, the same conflicts with the sides swapped', () => {
    fc.assert(
      fc.property(filesArb, ({ a, b, base }) => {
        for (const o of [undefined, base]) {
          const ab = mergeLabelledJson(a, b, o);
          const ba = mergeLabelledJson(b, a, o);
          expect(bytes(ba.merged)).toBe(bytes(ab.merged));
          expect(ba.conflicts).toEqual(swapped(ab.conflicts));
        }
      }),
    );
  });

  it('is idempotent: a file merged with itself is byte-identical, without conflicts', () => {
    fc.assert(
      fc.property(filesArb, ({ a, base }) => {
        for (const o of [undefined, base]) {
          const { merged, conflicts } = mergeLabelledJson(a, a, o);
          expect(bytes(merged)).toBe(bytes(a));
          expect(conflicts).toEqual([]);
        }
      }),
    );
  });

  it('has an empty file of the same export as identity', () => {
    fc.assert(
      fc.property(filesArb, ({ a }) => {
        const empty = { ...a, documents: [], annotations: [], tombstones: [] };
        expect(bytes(mergeLabelledJson(a, empty).merged)).toBe(bytes(a));
        expect(bytes(mergeLabelledJson(empty, a).merged)).toBe(bytes(a));
      }),
    );
  });

  it('writes canonical, valid files', () => {
    fc.assert(
      fc.property(filesArb, ({ a, b, base }) => {
        const { merged } = mergeLabelledJson(a, b, base);
        expect(bytes(merged)).toBe(`${JSON.stringify(merged, null, 2)}\n`);
        expect(labelledJson.parse(bytes(merged)).ok).toBe(true);
      }),
    );
  });
});
