import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { type Annotation, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { type ClaimPlacement, fromClaimRecord, toClaimRecord } from './claim-record';
import type { ClaimRecord } from './interchange';

const text = 'Minsk is meeting Moscow halfway. Russia shows support in virtually everything.';
const quote = 'Russia shows support';
const at = text.indexOf(quote);
const target = textTarget(new OffsetIndex(text), at, at + quote.length);
const now = '2026-11-22T12:00:00.000Z';

const stored: Annotation = {
  id: '01JDA0000000000000000000A1',
  documentId: 'doc.txt',
  documentSha256: 'a'.repeat(64),
  target,
  tags: ['integration'],
  attributes: { speaker: 'Dzermant', stance: 'endorsed' },
  annotator: 'Boris',
  codebookId: 'narratives',
  codebookVersion: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T09:00:00.000Z',
};

const placement: ClaimPlacement = {
  id: stored.id,
  documentId: stored.documentId,
  documentSha256: stored.documentSha256,
  target,
  fallbackAnnotator: 'imported',
  codebook: { ...narrativesCodebook, id: 'fallback-book', version: 7 },
  now,
};

const bare = (overrides: Partial<ClaimRecord> = {}): ClaimRecord => ({
  documentId: 'doc.txt',
  selector: { unit: 'codepoint', exact: quote },
  tags: ['integration'],
  attributes: {},
  origin: 'file.ann line 1',
  ...overrides,
});

describe('claim records', () => {
  it('selects a stored claim by its UTF-16 offsets, quote and context', () => {
    const record = toClaimRecord(stored, 'claims.json $.annotations[0]');
    expect(record.selector).toEqual({
      unit: 'utf16',
      start: at,
      end: at + quote.length,
      exact: quote,
      prefix: target.prefix,
      suffix: target.suffix,
    });
    expect(record.origin).toBe('claims.json $.annotations[0]');
  });

  it('brings a stored claim back unchanged through a record', () => {
    expect(fromClaimRecord(toClaimRecord(stored, 'x'), placement)).toEqual(stored);
  });

  it('brings back how a claim was made, a coded search hit or an accepted suggestion', () => {
    for (const origin of [
      { kind: 'search', query: 'support', regex: false, extent: 'sentence' },
      { kind: 'suggestion', source: 'gazetteer', score: 0.75 },
    ] as const) {
      const made = { ...stored, origin };
      expect(toClaimRecord(made, 'x').madeBy).toEqual(origin);
      expect(fromClaimRecord(toClaimRecord(made, 'x'), placement)).toEqual(made);
    }
  });

  it('maps tags written as labels or in another case to the codebook ids, and keeps unknown ones', () => {
    const claim = fromClaimRecord(bare({ tags: ['Threat narrative', 'INTEGRATION', 'own-tag'] }), placement);
    expect(claim.tags).toEqual(['threat-narrative', 'integration', 'own-tag']);
  });

  it('fills what the record does not say from the placement', () => {
    const claim = fromClaimRecord(bare(), placement);
    expect(claim).toMatchObject({
      annotator: 'imported',
      codebookId: 'fallback-book',
      codebookVersion: 7,
      createdAt: now,
      updatedAt: now,
    });
  });

  it('normalises times Date can read and replaces the rest', () => {
    const readable = fromClaimRecord(bare({ createdAt: '2026-11-20 09:00Z', updatedAt: 'yesterday' }), placement);
    expect(readable.createdAt).toBe('2026-11-20T09:00:00.000Z');
    expect(readable.updatedAt).toBe('2026-11-20T09:00:00.000Z');
  });
});
