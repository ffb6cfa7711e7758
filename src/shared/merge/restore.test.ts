import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { planRestore } from './restore';

const text = 'NATO is a threat. Minsk and Moscow integrate. Sanctions bite.';
const index = new OffsetIndex(text);
const claim = (id: string, quote: string, at = '2026-12-01T10:00:00.000Z'): Annotation =>
  newClaim({
    id,
    documentId: 'a.txt',
    documentSha256: 'a'.repeat(64),
    target: textTarget(index, text.indexOf(quote), text.indexOf(quote) + quote.length),
    tagId: 'threat-narrative',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: at,
  });
const NOW = '2026-12-05T09:00:00.000Z';
const later = '2026-12-02T10:00:00.000Z';

describe('planRestore', () => {
  const kept = claim('01A', 'NATO is a threat');
  const deletedSince = claim('01B', 'Minsk and Moscow');
  const editedSince = claim('01C', 'Sanctions bite');
  const snapshot = {
    annotations: [kept, deletedSince, editedSince],
    tombstones: [{ id: '01D', documentId: 'a.txt', annotator: 'Ada', deletedAt: '2026-12-01T11:00:00.000Z' }],
  };
  const current: Annotation[] = [
    kept,
    { ...deletedSince, deletedAt: later, updatedAt: later },
    { ...editedSince, tags: ['sanctions'], updatedAt: later },
    { ...claim('01D', 'integrate'), updatedAt: later },
    claim('01E', 'bite', later),
  ];

  it('brings back what was deleted since, reverts what was edited, deletes again what the snapshot had deleted', () => {
    const plan = planRestore(current, snapshot, NOW);
    expect(plan.broughtBack.map((c) => c.id)).toEqual(['01B']);
    expect(plan.broughtBack[0]?.deletedAt).toBeUndefined();
    expect(plan.reverted.map((c) => [c.id, c.tags])).toEqual([['01C', ['threat-narrative']]]);
    expect(plan.removed.map((c) => [c.id, c.deletedAt])).toEqual([['01D', NOW]]);
    expect(plan.put.every((c) => c.updatedAt === NOW)).toBe(true);
    expect(plan.put.map((c) => c.id).sort()).toEqual(['01B', '01C', '01D']);
  });

  it('keeps the claims made since the snapshot, and leaves unchanged ones alone', () => {
    const plan = planRestore(current, snapshot, NOW);
    expect(plan.keptSince).toBe(1);
    expect(plan.put.find((c) => c.id === '01A' || c.id === '01E')).toBeUndefined();
  });

  it('restores everything into an emptied database, and nothing onto the same state', () => {
    expect(planRestore([], snapshot, NOW).broughtBack).toHaveLength(3);
    const same = planRestore([kept, deletedSince, editedSince], snapshot, NOW);
    expect(same.put).toEqual([]);
    expect(same.keptSince).toBe(0);
  });
});
