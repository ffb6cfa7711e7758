import { describe, expect, it } from 'vitest';
import { OffsetIndex } from '../text/offsets';
import { Annotation, compareByPosition, newClaim, textTarget } from './annotation';

describe('textTarget', () => {
  it('keeps 32 code points of context without cutting an emoji in half', () => {
    const text = `${'😀'.repeat(40)}claim${'🇧🇾'.repeat(20)}`;
    const start = text.indexOf('claim');
    const target = textTarget(new OffsetIndex(text), start, start + 5);
    expect(target.exact).toBe('claim');
    expect(Array.from(target.prefix)).toHaveLength(32);
    expect(target.prefix).toBe('😀'.repeat(32));
    expect(Array.from(target.suffix)).toHaveLength(32);
    expect(target.codePointStart).toBe(40);
    expect(target.codePointEnd).toBe(45);
  });
});

describe('Annotation schema', () => {
  const text = 'Russia shows support in virtually everything';
  const valid = newClaim({
    id: '01JDA0000000000000000000A1',
    documentId: 'a/b.txt',
    documentSha256: 'c'.repeat(64),
    target: textTarget(new OffsetIndex(text), 0, 6),
    tagId: 'integration',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T10:00:00.000Z',
  });

  it('accepts a claim made by newClaim', () => {
    expect(Annotation.safeParse(valid).success).toBe(true);
  });

  it('refuses reversed spans, empty tags and document ids that escape the corpus', () => {
    expect(Annotation.safeParse({ ...valid, target: { ...valid.target, start: 6, end: 0 } }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, tags: [] }).success).toBe(false);
    expect(Annotation.safeParse({ ...valid, documentId: '../secret.txt' }).success).toBe(false);
  });

  it('orders claims by start, the enclosing claim first', () => {
    const outer = { ...valid, id: '01JDA0000000000000000000B1', target: textTarget(new OffsetIndex(text), 0, 20) };
    const later = { ...valid, id: '01JDA0000000000000000000B2', target: textTarget(new OffsetIndex(text), 7, 14) };
    expect([later, valid, outer].sort(compareByPosition).map((a) => a.id)).toEqual([outer.id, valid.id, later.id]);
  });
});
