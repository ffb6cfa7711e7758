import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../model/document';
import {
  type DocumentClaimSummary,
  type DocumentFilter,
  documentSource,
  filterDocuments,
  NO_DOCUMENT_FILTER,
  tagTree,
  tagWithDescendants,
} from './document-filter';

const doc = (id: string, extra: Partial<DocumentSummary> = {}): DocumentSummary => ({
  id,
  title: id,
  language: 'en',
  sha256: '0'.repeat(64),
  length: 1,
  bytes: 1,
  format: 'text',
  encoding: 'utf-8',
  ...extra,
});

// threat ▸ military ▸ nuclear; integration stands alone.
const TAGS = [
  { id: 'threat' },
  { id: 'military', parent: 'threat' },
  { id: 'nuclear', parent: 'military' },
  { id: 'integration' },
];

const DOCS = [
  doc('a.txt', { date: '2021-09-10', source: 'PolitNavigator' }),
  doc('b.txt', { date: '2022-02-16', url: 'https://www.sputniknews.com/x.html' }),
  doc('c.txt', { language: 'ru', source: 'РБК' }),
  doc('d.txt'),
];
const CLAIMS = new Map<string, DocumentClaimSummary>([
  ['a.txt', { count: 1, tags: new Set(['nuclear']) }],
  ['b.txt', { count: 2, tags: new Set(['integration']) }],
  ['c.txt', { count: 1, tags: new Set(['threat']) }],
]);

const run = (change: Partial<DocumentFilter>, accept?: (d: DocumentSummary) => boolean) => {
  const result = filterDocuments(
    DOCS,
    { ...NO_DOCUMENT_FILTER, ...change },
    {
      claimsOf: (id) => CLAIMS.get(id),
      tags: TAGS,
      ...(accept ? { accept } : {}),
    },
  );
  return { ids: result.shown.map((d) => d.id), undated: result.undated };
};

describe('filterDocuments: dates', () => {
  it('keeps undated documents under a date range unless the analyst excludes them, and counts them', () => {
    expect(run({ from: '2022-01-01' })).toEqual({ ids: ['b.txt', 'c.txt', 'd.txt'], undated: 2 });
    expect(run({ from: '2022-01-01', includeUndated: false })).toEqual({ ids: ['b.txt'], undated: 2 });
    expect(run({ to: '2021-12-31', includeUndated: false })).toEqual({ ids: ['a.txt'], undated: 2 });
    expect(run({ from: '2021-09-10', to: '2021-09-10' }).ids).toEqual(['a.txt', 'c.txt', 'd.txt']);
  });

  it('counts no undated documents without a range, and only those that pass the other filters', () => {
    expect(run({})).toEqual({ ids: ['a.txt', 'b.txt', 'c.txt', 'd.txt'], undated: 0 });
    expect(run({ from: '2022-01-01', language: 'ru' })).toEqual({ ids: ['c.txt'], undated: 1 });
    expect(run({ from: '2022-01-01' }, (d) => d.id !== 'd.txt')).toEqual({ ids: ['b.txt', 'c.txt'], undated: 1 });
  });
});

describe('filterDocuments: tags', () => {
  it('takes a parent tag to mean the claims under any of its descendants too', () => {
    expect(run({ tag: 'threat' }).ids).toEqual(['a.txt', 'c.txt']);
    expect(run({ tag: 'military' }).ids).toEqual(['a.txt']);
    expect(run({ tag: 'nuclear' }).ids).toEqual(['a.txt']);
    expect(run({ tag: 'integration' }).ids).toEqual(['b.txt']);
    expect(run({ tag: 'unknown' }).ids).toEqual([]);
  });

  it('filters documents with and without claims', () => {
    expect(run({ tag: '*' }).ids).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(run({ tag: '-' }).ids).toEqual(['d.txt']);
  });

  it('walks the hierarchy to any depth and survives a cycle', () => {
    expect([...tagWithDescendants(TAGS, 'threat')].sort()).toEqual(['military', 'nuclear', 'threat']);
    const cycle = [
      { id: 'x', parent: 'y' },
      { id: 'y', parent: 'x' },
    ];
    expect([...tagWithDescendants(cycle, 'x')].sort()).toEqual(['x', 'y']);
  });

  it('lists tags in tree order with their depth, losing none', () => {
    const shuffled = [TAGS[2], TAGS[3], TAGS[1], TAGS[0]] as typeof TAGS;
    expect(tagTree(shuffled).map(({ tag, depth }) => `${depth}:${tag.id}`)).toEqual([
      '0:integration',
      '0:threat',
      '1:military',
      '2:nuclear',
    ]);
    const cycle = [
      { id: 'x', parent: 'y' },
      { id: 'y', parent: 'x' },
      { id: 'orphan', parent: 'gone' },
    ];
    expect(tagTree(cycle).map(({ tag }) => tag.id)).toEqual(['orphan', 'x', 'y']);
  });
});

describe('documentSource', () => {
  it('is the named source, else the domain of the URL, else nothing', () => {
    expect(documentSource({ source: 'РБК', url: 'https://www.rbc.ru/a' })).toBe('РБК');
    expect(documentSource({ url: 'https://www.example.com/news/1.html' })).toBe('example.com');
    expect(documentSource({})).toBeUndefined();
  });

  it('filters by the source as listed, domain included', () => {
    expect(run({ source: 'sputniknews.com' }).ids).toEqual(['b.txt']);
    expect(run({ source: 'РБК' }).ids).toEqual(['c.txt']);
  });
});
