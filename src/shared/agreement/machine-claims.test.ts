import { describe, expect, it } from 'vitest';
import type { Annotation, Origin } from '../model/annotation';
import { withoutMachineClaims } from './machine-claims';
import { agreementReport } from './report';

type Claim = Pick<Annotation, 'id' | 'origin' | 'deletedAt'>;

const bySearch: Origin = { kind: 'search', query: 'NATO', regex: false, extent: 'sentence' };
const bySuggestion: Origin = { kind: 'suggestion', source: 'repeats', score: 0.9 };

describe('withoutMachineClaims', () => {
  it('keeps claims made by hand, leaves out those coded from search or accepted as suggestions, and counts them', () => {
    const claims: Claim[] = [
      { id: 'hand' },
      { id: 'search', origin: bySearch },
      { id: 'suggestion', origin: bySuggestion },
      { id: 'hand, deleted', deletedAt: '2026-11-22T10:00:00.000Z' },
    ];
    expect(withoutMachineClaims(claims)).toEqual({ claims: [claims[0], claims[3]], leftOut: 2 });
  });

  it('does not count a deleted machine-made claim, which no agreement counts either', () => {
    const claims: Claim[] = [{ id: 'gone', origin: bySearch, deletedAt: '2026-11-22T10:00:00.000Z' }];
    expect(withoutMachineClaims(claims)).toEqual({ claims: [], leftOut: 0 });
  });

  it('leaves nothing out of claims all made by hand', () => {
    const claims: Claim[] = [{ id: 'a' }, { id: 'b' }];
    expect(withoutMachineClaims(claims)).toEqual({ claims, leftOut: 0 });
  });

  it('changes the agreement: two annotators who coded the same search hits agree less on what they read', () => {
    const claim = (annotator: string, start: number, origin?: Origin): Annotation => ({
      id: `${annotator}${start}`,
      documentId: 'a.txt',
      documentSha256: '0'.repeat(64),
      target: {
        start,
        end: start + 4,
        codePointStart: start,
        codePointEnd: start + 4,
        exact: 'NATO',
        prefix: '',
        suffix: '',
      },
      tags: ['threat-narrative'],
      attributes: {},
      annotator,
      codebookId: 'narratives',
      codebookVersion: 1,
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
      ...(origin && { origin }),
    });
    const annotations = [
      claim('A', 0, bySearch),
      claim('B', 0, bySearch),
      claim('A', 10, bySearch),
      claim('B', 10, bySearch),
      claim('A', 20),
      claim('B', 30),
    ];
    const f1 = (claims: readonly Annotation[]) =>
      agreementReport({ annotations: claims, documentLengths: { 'a.txt': 40 } }).spanF1.exact.overall.f1;
    expect(f1(annotations)).toBeCloseTo(2 / 3);
    const { claims, leftOut } = withoutMachineClaims(annotations);
    expect(leftOut).toBe(4);
    expect(f1(claims)).toBe(0);
  });
});
