import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { Annotation, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { claimFromOrphan } from './claim-from-orphan';
import type { Orphan } from './plan-import';

const text = 'Minsk is meeting Moscow halfway. Russia shows support in virtually everything.';
const target = textTarget(new OffsetIndex(text), 0, 'Minsk is meeting Moscow'.length);
const now = '2026-11-22T12:00:00.000Z';

const orphan = (record: Partial<Orphan['record']> = {}): Orphan => ({
  id: '01JDO0000000000000000000O1',
  documentId: 'doc.txt',
  record: {
    id: 'T1',
    documentId: 'old/doc.txt',
    selector: { unit: 'codepoint', start: 400, end: 410, exact: 'gone words' },
    tags: ['Integration'],
    attributes: { speaker: 'Dzermant', note: 'from the old text' },
    annotator: 'Boris',
    codebookId: 'narratives-2025',
    codebookVersion: 3,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
    origin: 'colleague.ann line 1',
    ...record,
  },
  reason: 'the quote is not in the text',
  source: 'colleague.ann',
  importedAt: '2026-11-21T10:00:00.000Z',
});

const place = (o: Orphan) =>
  claimFromOrphan({
    orphan: o,
    id: '01JDP0000000000000000000P1',
    documentId: 'doc.txt',
    documentSha256: 'b'.repeat(64),
    target,
    fallbackAnnotator: 'Ada',
    codebook: narrativesCodebook,
    now,
  });

describe('claimFromOrphan', () => {
  it('keeps the record’s creation time, tags, attributes, annotator and codebook on the new target', () => {
    const claim = place(orphan());
    expect(claim).toEqual({
      id: '01JDP0000000000000000000P1',
      documentId: 'doc.txt',
      documentSha256: 'b'.repeat(64),
      target,
      tags: ['integration'],
      attributes: { speaker: 'Dzermant', note: 'from the old text' },
      annotator: 'Boris',
      codebookId: 'narratives-2025',
      codebookVersion: 3,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: now,
    });
    expect(Annotation.safeParse(claim).success).toBe(true);
  });

  it('falls back to the given annotator and codebook when the record names none', () => {
    const claim = place(
      orphan({ annotator: undefined, codebookId: undefined, codebookVersion: undefined, createdAt: undefined }),
    );
    expect(claim).toMatchObject({
      annotator: 'Ada',
      codebookId: narrativesCodebook.id,
      codebookVersion: narrativesCodebook.version,
      createdAt: now,
    });
  });
});
