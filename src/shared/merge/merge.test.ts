import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { labelledJson } from '../formats/labelled-json';
import type { ClusterReview, ReviewComment } from '../model/cluster-review';
import { compareInstants } from '../text/compare';
import { mergeAnnotations, mergeClusterReviews, mergeLabelledJson } from './merge';
import { at, claim, file, SHA_1, SHA_2, tombstone } from './testing';

const ID_1 = '01JDA0000000000000000000C1';
const ID_2 = '01JDA0000000000000000000C2';
const ID_3 = '01JDA0000000000000000000C3';

describe('times', () => {
  it('compares instants, not spellings', () => {
    expect(compareInstants('2026-11-22T10:00:00Z', '2026-11-22T10:00:00.000Z')).toBe(0);
    expect(compareInstants('2026-11-22T10:00:00.5Z', '2026-11-22T10:00:00.25Z')).toBeGreaterThan(0);
    expect(compareInstants('2026-11-22T10:00:00.999Z', '2026-11-22T10:00:01Z')).toBeLessThan(0);
  });
});

describe('mergeAnnotations, two-way', () => {
  it('keeps the union of claims by id, and a claim both sides have once', () => {
    const shared = claim(ID_1);
    const { merged, conflicts } = mergeAnnotations([shared, claim(ID_3)], [claim(ID_2), shared]);
    expect(merged.map((r) => r.id)).toEqual([ID_1, ID_2, ID_3]);
    expect(conflicts).toEqual([]);
  });

  it('keeps the later of two edits and reports the conflict', () => {
    const older = claim(ID_1, { tags: ['integration'], updatedAt: at(5) });
    const newer = claim(ID_1, { note: 'checked', updatedAt: at(7) });
    const ab = mergeAnnotations([older], [newer]);
    expect(ab.merged).toEqual([newer]);
    expect(ab.conflicts).toEqual([{ id: ID_1, kept: 'b', reason: expect.stringContaining('edited on both sides') }]);
    const ba = mergeAnnotations([newer], [older]);
    expect(ba.merged).toEqual([newer]);
    expect(ba.conflicts).toEqual([{ ...ab.conflicts[0], kept: 'a' }]);
  });

  it('decides two different edits at the same instant by a fixed rule, whatever the order', () => {
    const x = claim(ID_1, { note: 'x', updatedAt: at(5) });
    const y = claim(ID_1, { note: 'y', updatedAt: at(5).replace('.000Z', 'Z') });
    const ab = mergeAnnotations([x], [y]);
    const ba = mergeAnnotations([y], [x]);
    expect(ab.merged).toEqual(ba.merged);
    expect(ab.merged).toHaveLength(1);
    expect(ab.conflicts[0]?.reason).toContain('at the same time');
    expect(ab.conflicts[0]?.kept).not.toBe(ba.conflicts[0]?.kept);
  });

  it('lets a deletion win over an older edit without a conflict', () => {
    const deleted = tombstone(ID_1, at(9));
    const { merged, conflicts } = mergeAnnotations([claim(ID_1, { note: 'edited', updatedAt: at(8) })], [deleted]);
    expect(merged).toEqual([deleted]);
    expect(conflicts).toEqual([]);
  });

  it('lets a deletion win over an edit at the same instant', () => {
    const deleted = tombstone(ID_1, at(8));
    expect(mergeAnnotations([deleted], [claim(ID_1, { updatedAt: at(8) })]).merged).toEqual([deleted]);
  });

  it('keeps an edit newer than the deletion and reports it', () => {
    const edit = claim(ID_1, { note: 'edited after', updatedAt: at(10) });
    const { merged, conflicts } = mergeAnnotations([tombstone(ID_1, at(9))], [edit]);
    expect(merged).toEqual([edit]);
    expect(conflicts).toEqual([{ id: ID_1, kept: 'b', reason: expect.stringContaining('edited later') }]);
  });

  it('keeps the later of two deletions without a conflict', () => {
    const later = tombstone(ID_1, at(9));
    const { merged, conflicts } = mergeAnnotations([later], [tombstone(ID_1, at(4))]);
    expect(merged).toEqual([later]);
    expect(conflicts).toEqual([]);
  });

  it('takes the app’s own tombstones, whole annotations with deletedAt', () => {
    const deleted = { ...claim(ID_1, { updatedAt: at(9) }), deletedAt: at(9) };
    expect(mergeAnnotations([claim(ID_1, { updatedAt: at(3) })], [deleted]).merged).toEqual([deleted]);
  });

  it('reads an id given twice on one side as the greater of the two records, and says so', () => {
    const newer = claim(ID_1, { note: 'n', updatedAt: at(6) });
    const result = mergeAnnotations([claim(ID_1, { updatedAt: at(2) }), newer], []);
    expect(result.merged).toEqual([newer]);
    expect(result.duplicates).toEqual([{ input: 'a', id: ID_1, at: [0, 1], identical: false }]);
  });

  it('reports every id an input holds more than once, identical copies or not', () => {
    const same = claim(ID_1);
    const { merged, duplicates } = mergeAnnotations(
      [same, claim(ID_2), same],
      [same, claim(ID_2, { note: 'b' }), tombstone(ID_2, at(1)), claim(ID_3)],
      [same, same],
    );
    expect(merged.map((r) => r.id)).toEqual([ID_1, ID_2, ID_3]);
    expect(duplicates).toEqual([
      { input: 'a', id: ID_1, at: [0, 2], identical: true },
      { input: 'b', id: ID_2, at: [1, 2], identical: false },
      { input: 'base', id: ID_1, at: [0, 1], identical: true },
    ]);
  });
});

describe('mergeAnnotations, three-way', () => {
  const original = claim(ID_1, { updatedAt: at(1) });
  const edited = claim(ID_1, { note: 'edited', updatedAt: at(5) });

  it('takes a change made on one side only, without a conflict', () => {
    // Even an edit stamped earlier than the other side's copy: the base shows which side changed.
    const skewed = claim(ID_1, { note: 'skewed clock', updatedAt: at(0) });
    expect(mergeAnnotations([original], [skewed], [original])).toEqual({
      merged: [skewed],
      conflicts: [],
      duplicates: [],
    });
    expect(mergeAnnotations([edited], [original], [original])).toEqual({
      merged: [edited],
      conflicts: [],
      duplicates: [],
    });
  });

  it('deletes a claim deleted on one side and unchanged on the other, without a conflict', () => {
    // The deletion is stamped before the base's last edit (another clock): still no resurrection.
    const deleted = tombstone(ID_1, at(0));
    expect(mergeAnnotations([original], [deleted], [original])).toEqual({
      merged: [deleted],
      conflicts: [],
      duplicates: [],
    });
  });

  it('reads a claim missing from one side (no tombstone) as deleted there', () => {
    expect(mergeAnnotations([], [original], [original])).toEqual({ merged: [], conflicts: [], duplicates: [] });
    expect(mergeAnnotations([original], [], [original])).toEqual({ merged: [], conflicts: [], duplicates: [] });
  });

  it('keeps an edit against a claim dropped on the other side, and reports it', () => {
    const { merged, conflicts } = mergeAnnotations([], [edited], [original]);
    expect(merged).toEqual([edited]);
    expect(conflicts).toEqual([{ id: ID_1, kept: 'b', reason: expect.stringContaining('no tombstone') }]);
  });

  it('keeps a tombstone against a drop', () => {
    const deleted = tombstone(ID_1, at(3));
    expect(mergeAnnotations([deleted], [], [original])).toEqual({ merged: [deleted], conflicts: [], duplicates: [] });
  });

  it('follows the two-way rules for a claim changed on both sides', () => {
    const other = claim(ID_1, { tags: ['integration'], updatedAt: at(7) });
    expect(mergeAnnotations([edited], [other], [original]).conflicts).toEqual([
      { id: ID_1, kept: 'b', reason: expect.stringContaining('edited on both sides') },
    ]);
    expect(mergeAnnotations([edited], [tombstone(ID_1, at(6))], [original])).toEqual({
      merged: [tombstone(ID_1, at(6))],
      conflicts: [],
      duplicates: [],
    });
    const late = mergeAnnotations([edited], [tombstone(ID_1, at(4))], [original]);
    expect(late.merged).toEqual([edited]);
    expect(late.conflicts[0]?.kept).toBe('a');
  });

  it('does not bring back a deleted claim with an edit older than its deletion', () => {
    const deleted = tombstone(ID_1, at(6));
    const restored = claim(ID_1, { updatedAt: at(5) });
    const { merged, conflicts } = mergeAnnotations([deleted], [restored], [deleted]);
    expect(merged).toEqual([deleted]);
    expect(conflicts).toEqual([{ id: ID_1, kept: 'a', reason: expect.stringContaining('restored') }]);
    // A restoring edit newer than the deletion is an ordinary one-sided change.
    const undone = claim(ID_1, { updatedAt: at(7) });
    expect(mergeAnnotations([deleted], [undone], [deleted])).toEqual({
      merged: [undone],
      conflicts: [],
      duplicates: [],
    });
  });

  it('merges claims the base does not have two-way, and keeps claims added on one side', () => {
    const x = claim(ID_2, { note: 'x', updatedAt: at(2) });
    const y = claim(ID_2, { note: 'y', updatedAt: at(3) });
    const { merged, conflicts } = mergeAnnotations([original, x, claim(ID_3)], [original, y], [original]);
    expect(merged).toEqual([original, y, claim(ID_3)]);
    expect(conflicts.map((c) => c.id)).toEqual([ID_2]);
  });
});

describe('mergeLabelledJson', () => {
  const docA = { id: 'a.txt', title: 'A', language: 'en', sha256: SHA_1 };
  const docB = { id: 'b.txt', title: 'B', language: 'en', sha256: SHA_1 };

  it('writes a canonical file: serialising it changes nothing', () => {
    const a = file({ records: [claim(ID_2), tombstone(ID_1, at(3), 'z.txt'), tombstone(ID_3, at(3))] });
    const b = file({ records: [claim(ID_1, { note: 'n', updatedAt: at(1) })], documents: [docB, docA] });
    const { merged } = mergeLabelledJson(a, b);
    expect(labelledJson.serialize(merged)).toBe(`${JSON.stringify(merged, null, 2)}\n`);
    expect(merged.tombstones.map((t) => t.id)).toEqual([ID_3, ID_1]);
    expect(merged.annotations.map((c) => c.id)).toEqual([ID_2]);
    expect(labelledJson.parse(labelledJson.serialize(merged)).ok).toBe(true);
  });

  it('joins documents by id; a different text is a conflict and the later export’s is kept', () => {
    const a = file({ exportedAt: at(40), documents: [docA, { ...docB, sha256: SHA_2, title: 'B new' }] });
    const b = file({
      exportedAt: at(30),
      documents: [docB, { id: 'c.txt', title: 'C', language: 'ru', sha256: SHA_2 }],
    });
    const { merged, conflicts } = mergeLabelledJson(a, b);
    expect(merged.documents.map((d) => [d.id, d.sha256])).toEqual([
      ['a.txt', SHA_1],
      ['b.txt', SHA_2],
      ['c.txt', SHA_2],
    ]);
    expect(conflicts).toEqual([
      { kind: 'document', id: 'b.txt', kept: 'a', reason: expect.stringContaining('later export') },
    ]);
    expect(mergeLabelledJson(b, a).conflicts).toEqual([{ ...conflicts[0], kept: 'b' }]);
  });

  it('takes a document changed on one side only when given the base', () => {
    const base = file({ documents: [docA] });
    const changed = file({ exportedAt: at(10), documents: [{ ...docA, sha256: SHA_2 }] });
    const { merged, conflicts } = mergeLabelledJson(base, changed, base);
    expect(merged.documents[0]?.sha256).toBe(SHA_2);
    expect(conflicts).toEqual([]);
  });

  it('keeps the later export’s details of the same text, and the text when either file has it', () => {
    const a = file({ exportedAt: at(40), documents: [{ ...docA, title: 'A (renamed)' }] });
    const b = file({ exportedAt: at(30), documents: [{ ...docA, text: 'the text' }] });
    const { merged, conflicts } = mergeLabelledJson(a, b);
    expect(merged.documents).toEqual([{ ...docA, title: 'A (renamed)', text: 'the text' }]);
    expect(conflicts).toEqual([]);
  });

  it('keeps the codebook with the higher version', () => {
    const v2 = { ...narrativesCodebook, version: 2, name: 'Narratives, revised' };
    expect(mergeLabelledJson(file({ codebook: v2 }), file()).merged.codebook).toEqual(v2);
    expect(mergeLabelledJson(file(), file({ codebook: v2 })).merged.codebook).toEqual(v2);
    expect(mergeLabelledJson(file(), file({ codebook: v2 })).conflicts).toEqual([]);
  });

  it('reports two different codebooks of one version, or of different ids', () => {
    const renamed = { ...narrativesCodebook, name: 'Other name' };
    const same = mergeLabelledJson(file({ codebook: renamed }), file());
    expect(same.conflicts).toEqual([
      { kind: 'codebook', id: 'narratives', kept: expect.any(String), reason: expect.any(String) },
    ]);
    expect(mergeLabelledJson(file(), file({ codebook: renamed })).merged).toEqual(same.merged);
    const frames = { ...narrativesCodebook, id: 'frames' };
    expect(mergeLabelledJson(file({ codebook: frames }), file()).conflicts[0]?.reason).toContain('different codebooks');
  });

  it('keeps the later exportedAt and that export’s app, and joins different annotators', () => {
    const a = file({ exportedAt: at(50), annotator: 'Boris', app: { name: 'Framing Workbench', version: '0.2.0' } });
    const b = file({ exportedAt: at(20), annotator: 'Ada' });
    const { merged } = mergeLabelledJson(a, b);
    expect(merged.exportedAt).toBe(at(50));
    expect(merged.app.version).toBe('0.2.0');
    expect(merged.annotator).toBe('Ada, Boris');
    expect(mergeLabelledJson(file({ annotator: 'Ada, Boris' }), file({ annotator: 'Boris' })).merged.annotator).toBe(
      'Ada, Boris',
    );
    expect(mergeLabelledJson(file({ annotator: 'Team' }), file({ annotator: 'Team' })).merged.annotator).toBe('Team');
  });

  it('merges claims and tombstones by the claim rules and reports claim conflicts', () => {
    const a = file({ records: [claim(ID_1, { note: 'a', updatedAt: at(4) }), tombstone(ID_2, at(9))] });
    const b = file({ records: [claim(ID_1, { note: 'b', updatedAt: at(6) }), claim(ID_2, { updatedAt: at(8) })] });
    const { merged, conflicts } = mergeLabelledJson(a, b);
    expect(merged.annotations.map((c) => [c.id, c.attributes.note])).toEqual([[ID_1, 'b']]);
    expect(merged.tombstones.map((t) => t.id)).toEqual([ID_2]);
    expect(conflicts).toEqual([{ kind: 'claim', id: ID_1, kept: 'b', reason: expect.any(String) }]);
  });

  it('keeps the later document label of each annotator, whichever file comes first', () => {
    const label = (tags: string[], updatedAt: string) => ({ documentId: 'a.txt', annotator: 'Ada', tags, updatedAt });
    const a = { ...file({ records: [] }), documentLabels: [label(['integration'], at(2))] };
    const b = { ...file({ records: [] }), documentLabels: [label(['threat-narrative'], at(5))] };
    expect(mergeLabelledJson(a, b).merged.documentLabels).toEqual([label(['threat-narrative'], at(5))]);
    expect(mergeLabelledJson(b, a).merged).toEqual(mergeLabelledJson(a, b).merged);
  });
});

describe('mergeClusterReviews', () => {
  const KEY = '12:01JDA0000000000000000000C1,01JDA0000000000000000000C2';
  const comment = (id: string, time: string, text = `comment ${id.slice(-2)}`, author = 'Ada'): ReviewComment => ({
    id,
    author,
    at: time,
    text,
  });
  const C1 = comment('01JDA0000000000000000000D1', at(1));
  const C2 = comment('01JDA0000000000000000000D2', at(2), 'the span is too long', 'Boris');
  const C3 = comment('01JDA0000000000000000000D3', at(3));
  const decision = (kind: 'rejected' | 'reopened', decidedAt: string, rationale?: string) => ({
    kind,
    decidedBy: 'Dana',
    decidedAt,
    ...(rationale === undefined ? {} : { rationale }),
  });
  const review = (
    comments: ReviewComment[],
    made?: NonNullable<ClusterReview['decision']>,
    documentId = 'a.txt',
    clusterKey = KEY,
  ): ClusterReview => ({ documentId, clusterKey, ...(made && { decision: made }), comments });

  const samples = [
    review([C1, C3], decision('rejected', at(4), 'not a narrative')),
    review([C2, C3], decision('reopened', at(6))),
    review([C3]),
    review([], decision('rejected', at(6).replace('.000Z', 'Z'), 'same time, other spelling')),
    review([comment(C1.id, C1.at, 'edited text')], decision('reopened', at(4))),
  ];

  it('is commutative', () => {
    for (const a of samples)
      for (const b of samples) expect(mergeClusterReviews(a, b)).toEqual(mergeClusterReviews(b, a));
  });

  it('is idempotent and associative', () => {
    for (const a of samples) {
      const once = mergeClusterReviews(a, a);
      expect(once).toEqual(a);
      for (const b of samples) {
        const ab = mergeClusterReviews(a, b);
        expect(mergeClusterReviews(ab, b)).toEqual(ab);
        expect(mergeClusterReviews(ab, ab)).toEqual(ab);
        for (const c of samples)
          expect(mergeClusterReviews(ab, c)).toEqual(mergeClusterReviews(a, mergeClusterReviews(b, c)));
      }
    }
  });

  it('unites the comments of both by id, in time order', () => {
    const merged = mergeClusterReviews(review([C3, C1]), review([C2, C3]));
    expect(merged.comments).toEqual([C1, C2, C3]);
    expect(merged).not.toHaveProperty('decision');
    expect(merged).toMatchObject({ documentId: 'a.txt', clusterKey: KEY });
  });

  it('orders comments by instant, not by how their times are spelled, then by id', () => {
    const half = comment('01JDA0000000000000000000E1', '2026-11-22T10:00:00.5Z');
    const quarter = comment('01JDA0000000000000000000E2', '2026-11-22T10:00:00.25Z');
    const whole = comment('01JDA0000000000000000000E3', '2026-11-22T10:00:01Z');
    const sameA = comment('01JDA0000000000000000000E5', '2026-11-22T10:00:01.000Z');
    expect(mergeClusterReviews(review([whole, half]), review([sameA, quarter])).comments).toEqual([
      quarter,
      half,
      whole,
      sameA,
    ]);
  });

  it('keeps one of two comments with the same id and different text, whichever side it is on', () => {
    const edited = comment(C1.id, C1.at, 'edited text');
    const ab = mergeClusterReviews(review([C1]), review([edited]));
    expect(ab.comments).toHaveLength(1);
    expect(mergeClusterReviews(review([edited]), review([C1]))).toEqual(ab);
  });

  it('takes the later decision, and a decision over none', () => {
    const rejected = decision('rejected', at(4), 'duplicate');
    const reopened = decision('reopened', at(9));
    expect(mergeClusterReviews(review([], rejected), review([], reopened)).decision).toEqual(reopened);
    expect(mergeClusterReviews(review([], reopened), review([], rejected)).decision).toEqual(reopened);
    const rejectedAgain = decision('rejected', at(12));
    expect(mergeClusterReviews(review([], rejectedAgain), review([], reopened)).decision).toEqual(rejectedAgain);
    expect(mergeClusterReviews(review([C1]), review([], rejected)).decision).toEqual(rejected);
    expect(mergeClusterReviews(review([], rejected), review([C1])).decision).toEqual(rejected);
  });

  it('compares decision times as instants', () => {
    const early = decision('rejected', '2026-11-22T10:00:00.5Z');
    const later = decision('reopened', '2026-11-22T10:00:00.75Z');
    const evenLater = decision('rejected', '2026-11-22T10:00:01Z');
    expect(mergeClusterReviews(review([], early), review([], later)).decision).toEqual(later);
    expect(mergeClusterReviews(review([], evenLater), review([], later)).decision).toEqual(evenLater);
  });

  it('gives the same result in either order for two decisions at the same instant', () => {
    const pairs = [
      [decision('rejected', at(5)), decision('reopened', at(5))],
      [decision('rejected', at(5), 'x'), decision('rejected', at(5), 'y')],
      [decision('rejected', at(5)), decision('reopened', at(5).replace('.000Z', 'Z'))],
      [decision('rejected', at(5)), { ...decision('rejected', at(5)), decidedBy: 'Eve' }],
    ] as const;
    for (const [x, y] of pairs) {
      const xy = mergeClusterReviews(review([C1], x), review([C2], y));
      const yx = mergeClusterReviews(review([C2], y), review([C1], x));
      expect(xy).toEqual(yx);
      expect([x, y]).toContainEqual(xy.decision);
    }
  });
});

describe('mergeLabelledJson, reviews', () => {
  const comment = (id: string, minute: number, author: string): ReviewComment => ({
    id,
    author,
    at: at(minute),
    text: `${author} at ${minute}`,
  });
  const rejected = { kind: 'rejected' as const, decidedBy: 'Dana', decidedAt: at(10), rationale: 'no' };
  const reopened = { kind: 'reopened' as const, decidedBy: 'Ada', decidedAt: at(20) };
  const withReviews = (reviews: ClusterReview[], exportedAt = at(30)) => ({ ...file({ exportedAt }), reviews });
  const shared = (comments: ReviewComment[], made?: ClusterReview['decision']): ClusterReview => ({
    documentId: 'a.txt',
    clusterKey: '3:01JDA0000000000000000000C1',
    ...(made && { decision: made }),
    comments,
  });
  const onlyA: ClusterReview = { documentId: 'a.txt', clusterKey: 'framing:narratives', comments: [] };
  const onlyB: ClusterReview = {
    documentId: 'b.txt',
    clusterKey: '0:01JDA0000000000000000000C2',
    decision: rejected,
    comments: [comment('01JDA0000000000000000000F9', 2, 'Chen')],
  };
  const a = withReviews([shared([comment('01JDA0000000000000000000F1', 1, 'Ada')], rejected), onlyA]);
  const b = withReviews([onlyB, shared([comment('01JDA0000000000000000000F2', 3, 'Boris')], reopened)], at(40));

  it('keeps one record per disagreement, with both files’ comments and the later decision', () => {
    const { merged, conflicts } = mergeLabelledJson(a, b);
    expect(conflicts).toEqual([]);
    expect(merged.reviews).toEqual([
      shared(
        [comment('01JDA0000000000000000000F1', 1, 'Ada'), comment('01JDA0000000000000000000F2', 3, 'Boris')],
        reopened,
      ),
      onlyA,
      onlyB,
    ]);
  });

  it('gives the same file in either order, canonical, and read back alike', () => {
    const ab = mergeLabelledJson(a, b).merged;
    expect(mergeLabelledJson(b, a).merged.reviews).toEqual(ab.reviews);
    expect(labelledJson.serialize(ab)).toBe(`${JSON.stringify(ab, null, 2)}\n`);
    const parsed = labelledJson.parse(labelledJson.serialize(ab));
    expect(parsed.ok && parsed.value.reviews).toEqual(ab.reviews);
  });

  it('keeps reviews of one file only, and writes none when neither has any', () => {
    expect(mergeLabelledJson(a, file()).merged.reviews).toEqual(mergeLabelledJson(a, a).merged.reviews);
    expect(mergeLabelledJson(file(), b).merged.reviews).toEqual([
      shared([comment('01JDA0000000000000000000F2', 3, 'Boris')], reopened),
      onlyB,
    ]);
    expect(mergeLabelledJson(file(), file()).merged).not.toHaveProperty('reviews');
  });

  it('merges the reviews of a three-way merge as of a two-way one', () => {
    expect(mergeLabelledJson(a, b, a).merged.reviews).toEqual(mergeLabelledJson(a, b).merged.reviews);
  });

  // "10:00:00Z" and "10:00:00.500Z": a comparison of the strings would put them the wrong way round.
  it('keeps a merged file’s comments in time order whatever the spelling of their times', () => {
    const first = { id: '01JDA0000000000000000000G1', author: 'Ada', at: '2026-11-22T10:00:00Z', text: 'first' };
    const second = {
      id: '01JDA0000000000000000000G2',
      author: 'Boris',
      at: '2026-11-22T10:00:00.500Z',
      text: 'second',
    };
    const { merged } = mergeLabelledJson(withReviews([shared([first])]), withReviews([shared([second])]));
    expect(merged.reviews?.[0]?.comments.map((c) => c.text)).toEqual(['first', 'second']);
  });
});
