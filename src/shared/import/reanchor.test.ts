import { describe, expect, it } from 'vitest';
import { newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { reanchorClaims } from './reanchor';

const before = 'Minsk is meeting Moscow halfway. Russia shows support in virtually everything.';
const claimOn = (quote: string, id: string) => {
  const start = before.indexOf(quote);
  return newClaim({
    id,
    documentId: 'doc.txt',
    documentSha256: 'a'.repeat(64),
    target: textTarget(new OffsetIndex(before), start, start + quote.length),
    tagId: 'integration',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-01T00:00:00.000Z',
  });
};

describe('reanchorClaims', () => {
  const claims = [
    claimOn('Minsk is meeting Moscow', '01JDA0000000000000000000A1'),
    claimOn('Russia shows support', '01JDA0000000000000000000A2'),
  ];
  let n = 0;
  const newId = () => `01JDC${String(n++).padStart(21, '0')}`;

  it('moves claims to where their quotes now are and marks them for a check', () => {
    const after = `Update at 10:00. ${before}`;
    const result = reanchorClaims(claims, { id: 'doc.txt', sha256: 'b'.repeat(64), text: after }, 'now', newId);
    expect(result.removed).toEqual([]);
    expect(result.updated.map((c) => after.slice(c.target.start, c.target.end))).toEqual([
      'Minsk is meeting Moscow',
      'Russia shows support',
    ]);
    expect(result.updated.every((c) => c.documentSha256 === 'b'.repeat(64) && c.anchoring?.method === 'quote')).toBe(
      true,
    );
  });

  it('keeps a claim still at its place without asking, and orphans one whose words are gone', () => {
    const after = 'Minsk is meeting Moscow halfway. The rest of the article was rewritten entirely by editors.';
    const result = reanchorClaims(claims, { id: 'doc.txt', sha256: 'c'.repeat(64), text: after }, 'now', newId);
    expect(result.updated).toHaveLength(1);
    expect(result.updated[0]?.anchoring).toBeUndefined();
    expect(result.removed).toEqual(['01JDA0000000000000000000A2']);
    expect(result.orphaned[0]?.record.selector.exact).toBe('Russia shows support');
    expect(result.orphaned[0]?.reason).toMatch(/^the document changed and/);
  });

  it('leaves claims made on the current text alone', () => {
    const result = reanchorClaims(claims, { id: 'doc.txt', sha256: 'a'.repeat(64), text: before }, 'now', newId);
    expect(result).toEqual({ updated: [], orphaned: [], removed: [] });
  });
});
