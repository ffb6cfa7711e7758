import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim, type Provenance, textTarget } from '../model/annotation';
import { type ClusterReview, framingKey, reviewKey } from '../model/cluster-review';
import type { DocumentLabel } from '../model/document-label';
import { OffsetIndex } from '../text/offsets';
import { GOLD } from './compare';
import { filterQueue, type QueueInput, type ReviewItem, reviewQueue } from './queue';

const text = 'Russia shows support in virtually everything, and Minsk is meeting Moscow halfway. The West is hostile.';
const index = new OffsetIndex(text);
const annotators = ['Ada', 'Boris', 'Chen'] as const;
const LAYER = new Set(['integration', 'threat-narrative', 'sanctions-pressure']);
const inLayer = (tag: string) => LAYER.has(tag);
const T0 = '2026-11-22T10:00:00.000Z';

let n = 0;
/** ULID-shaped ids, in creation order. */
const nextId = () => `01JDA${String(n++).padStart(21, '0')}`;

interface ClaimOptions {
  documentId?: string;
  deletedAt?: string;
  provenance?: Provenance;
}

function claim(annotator: string, quote: string, tags: string[], options: ClaimOptions = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}" in the text`);
  const made = newClaim({
    id: nextId(),
    documentId: options.documentId ?? 'd1.txt',
    documentSha256: 'a'.repeat(64),
    target: textTarget(index, start, start + quote.length),
    tagId: tags[0] as string,
    annotator,
    codebookId: 'narratives',
    codebookVersion: 1,
    now: T0,
  });
  return {
    ...made,
    tags,
    ...(options.deletedAt && { deletedAt: options.deletedAt }),
    ...(options.provenance && { provenance: options.provenance }),
  };
}

const provenance = (decision: Provenance['decision'], sources: Annotation[]): Provenance => ({
  decision,
  sources: sources.map((s) => ({ id: s.id, annotator: s.annotator })),
  decidedBy: 'Dana',
  decidedAt: '2026-11-23T09:00:00.000Z',
});

const label = (documentId: string, annotator: string, tags: string[]): DocumentLabel => ({
  documentId,
  annotator,
  tags,
  updatedAt: T0,
});

function review(
  documentId: string,
  clusterKey: string,
  kind?: 'rejected' | 'reopened',
  rationale?: string,
): ClusterReview {
  return {
    documentId,
    clusterKey,
    ...(kind && {
      decision: {
        kind,
        decidedBy: 'Dana',
        decidedAt: '2026-11-23T10:00:00.000Z',
        ...(rationale === undefined ? {} : { rationale }),
      },
    }),
    comments: [],
  };
}

const reviewsOf = (...records: ClusterReview[]) => new Map(records.map((r) => [reviewKey(r), r]));

function input(overrides: Partial<QueueInput> = {}): QueueInput {
  return {
    claims: [],
    labels: [],
    reviews: new Map(),
    annotators,
    codebookId: 'narratives',
    inLayer,
    documentOrder: ['d1.txt', 'd2.txt'],
    ...overrides,
  };
}

/** What a test compares of an item: its document, kind, words, annotators and how it is settled. */
const summary = (item: ReviewItem) => [
  item.documentId,
  item.kind,
  item.cluster ? text.slice(item.start, item.end) : item.key,
  item.cluster ? item.cluster.annotators.join('+') : (item.framings ?? []).map((f) => f.annotator).join('+'),
  item.decision?.kind ?? 'open',
];

/**
 * Three annotators over two documents:
 * - d1: an agreed span without gold; a partial one (different tags); a single (Chen's only);
 * - d2: an agreed span made gold from agreement; a partial one (different spans) settled by an
 *   accepted gold claim over part of it; a single (Boris's) that Review rejected.
 */
function corpus() {
  const d1 = {
    agreed: annotators.map((a) => claim(a, 'Russia shows support', ['integration'])),
    partial: [
      claim('Ada', 'Minsk is meeting Moscow halfway', ['integration']),
      claim('Boris', 'Minsk is meeting Moscow halfway', ['threat-narrative']),
    ],
    single: claim('Chen', 'The West is hostile', ['threat-narrative']),
    // Deleted claims are no one's marks: Chen's would have joined the partial cluster.
    deleted: claim('Chen', 'Minsk is meeting', ['sanctions-pressure'], { deletedAt: '2026-11-22T11:00:00.000Z' }),
  };
  const on2 = { documentId: 'd2.txt' };
  const agreed2 = annotators.map((a) => claim(a, 'Russia shows support', ['integration'], on2));
  const partial2 = [
    claim('Ada', 'Minsk is meeting Moscow halfway', ['integration'], on2),
    claim('Chen', 'Minsk is meeting', ['integration'], on2),
  ];
  const d2 = {
    agreed: agreed2,
    agreedGold: claim(GOLD, 'Russia shows support', ['integration'], {
      ...on2,
      provenance: provenance('agreed', agreed2),
    }),
    partial: partial2,
    acceptedGold: claim(GOLD, 'Moscow halfway', ['integration'], {
      ...on2,
      provenance: provenance('accepted', [partial2[0] as Annotation]),
    }),
    single: claim('Boris', 'The West is hostile', ['sanctions-pressure'], on2),
    // A deleted gold claim settles nothing.
    deletedGold: claim(GOLD, 'The West is hostile', ['sanctions-pressure'], {
      ...on2,
      deletedAt: '2026-11-23T11:00:00.000Z',
      provenance: provenance('accepted', []),
    }),
  };
  const claims = [
    ...d1.agreed,
    ...d1.partial,
    d1.single,
    d1.deleted,
    ...d2.agreed,
    d2.agreedGold,
    ...d2.partial,
    d2.acceptedGold,
    d2.single,
    d2.deletedGold,
  ];
  const singleKey2 = `${d2.single.target.start}:${d2.single.id}`;
  const rejected = review('d2.txt', singleKey2, 'rejected', 'not a narrative');
  return { d1, d2, claims, rejected, singleKey2 };
}

describe('reviewQueue over spans', () => {
  it('lists every disagreement of three annotators over two documents, in document then text order', () => {
    const { claims, rejected } = corpus();
    const queue = reviewQueue(input({ claims: [...claims].reverse(), reviews: reviewsOf(rejected) }));
    expect(queue.items.map(summary)).toEqual([
      ['d1.txt', 'partial', 'Minsk is meeting Moscow halfway', 'Ada+Boris', 'open'],
      ['d1.txt', 'single', 'The West is hostile', 'Chen', 'open'],
      ['d2.txt', 'partial', 'Minsk is meeting Moscow halfway', 'Ada+Chen', 'gold'],
      ['d2.txt', 'single', 'The West is hostile', 'Boris', 'rejected'],
    ]);
  });

  it('keys an item by its cluster and lists its live claims in lane order', () => {
    const { d1, claims } = corpus();
    const [partial] = reviewQueue(input({ claims })).items;
    const [ada, boris] = d1.partial as [Annotation, Annotation];
    expect(partial).toMatchObject({
      documentId: 'd1.txt',
      key: `${ada.target.start}:${[ada.id, boris.id].sort().join(',')}`,
      start: ada.target.start,
      end: ada.target.end,
    });
    expect(partial?.cluster?.claims.map((c) => c.id)).toEqual([ada.id, boris.id]);
    expect(partial?.cluster?.claims.some((c) => c.id === d1.deleted.id)).toBe(false);
  });

  it('puts an agreed cluster without gold in agreedOutsideGold, and one with agreed gold not', () => {
    const { d1, claims } = corpus();
    const queue = reviewQueue(input({ claims }));
    expect(queue.agreedOutsideGold.map((c) => [c.claims[0]?.documentId, c.claims.map((x) => x.id)])).toEqual([
      ['d1.txt', d1.agreed.map((c) => c.id)],
    ]);
    expect(queue.counts.agreed).toBe(2);
    expect(queue.counts.goldFromAgreement).toBe(1);
  });

  it('counts what it lists: disagreements, settled, rejected, agreed and gold', () => {
    const { claims, rejected } = corpus();
    const queue = reviewQueue(input({ claims, reviews: reviewsOf(rejected) }));
    expect(queue.counts).toEqual({
      agreed: 2,
      gold: 2,
      goldFromAgreement: 1,
      disagreements: 4,
      settled: 2,
      rejected: 1,
    });
    const { counts, items } = queue;
    expect(counts.disagreements).toBe(items.length);
    expect(counts.settled).toBe(items.filter((i) => i.decision).length);
    expect(counts.settled).toBeLessThanOrEqual(counts.disagreements);
    expect(counts.rejected).toBe(items.filter((i) => i.decision?.kind === 'rejected').length);
    const liveGold = claims.filter((c) => c.annotator === GOLD && !c.deletedAt);
    expect(counts.gold).toBe(liveGold.length);
    expect(counts.gold - counts.goldFromAgreement).toBe(
      liveGold.filter((g) => g.provenance?.decision !== 'agreed').length,
    );
  });

  it('settles an item by the gold claims that overlap it', () => {
    const { d2, claims } = corpus();
    const item = reviewQueue(input({ claims })).items.find((i) => i.documentId === 'd2.txt' && i.kind === 'partial');
    expect(item?.decision).toEqual({ kind: 'gold', gold: [d2.acceptedGold] });
  });

  it('settles an item Review rejected, with who, when and why, and attaches the record', () => {
    const { claims, rejected, singleKey2 } = corpus();
    const item = reviewQueue(input({ claims, reviews: reviewsOf(rejected) })).items.find((i) => i.key === singleKey2);
    expect(item?.decision).toEqual({
      kind: 'rejected',
      decidedBy: 'Dana',
      decidedAt: '2026-11-23T10:00:00.000Z',
      rationale: 'not a narrative',
    });
    expect(item?.review).toBe(rejected);
    const bare = review('d2.txt', singleKey2, 'rejected');
    const withoutWhy = reviewQueue(input({ claims, reviews: reviewsOf(bare) })).items.find((i) => i.key === singleKey2);
    expect(withoutWhy?.decision).toEqual({
      kind: 'rejected',
      decidedBy: 'Dana',
      decidedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('leaves an item open when its rejection was reopened, or the record has only comments', () => {
    const { claims, singleKey2 } = corpus();
    for (const record of [
      review('d2.txt', singleKey2, 'reopened'),
      {
        ...review('d2.txt', singleKey2),
        comments: [{ id: '01JDC0000000000000000000C1', author: 'Ada', at: T0, text: 'Why?' }],
      },
    ]) {
      const queue = reviewQueue(input({ claims, reviews: reviewsOf(record) }));
      const item = queue.items.find((i) => i.key === singleKey2);
      expect(item?.decision).toBeUndefined();
      expect(item?.review).toBe(record);
      expect(queue.counts).toMatchObject({ settled: 1, rejected: 0 });
    }
  });

  it('prefers gold over a rejection of the same cluster', () => {
    const { d1, claims } = corpus();
    const key = `${d1.single.target.start}:${d1.single.id}`;
    const gold = claim(GOLD, 'The West', ['threat-narrative'], { provenance: provenance('edited', [d1.single]) });
    const queue = reviewQueue(
      input({ claims: [...claims, gold], reviews: reviewsOf(review('d1.txt', key, 'rejected')) }),
    );
    expect(queue.items.find((i) => i.key === key)?.decision).toEqual({ kind: 'gold', gold: [gold] });
    expect(queue.counts.rejected).toBe(0);
  });

  it('does not let a review of another cluster, or of the same key in another document, settle an item', () => {
    const { d1, claims, singleKey2 } = corpus();
    const key1 = `${d1.single.target.start}:${d1.single.id}`;
    const queue = reviewQueue(
      input({
        claims,
        reviews: reviewsOf(review('d1.txt', singleKey2, 'rejected'), review('d2.txt', key1, 'rejected')),
      }),
    );
    expect(queue.counts.rejected).toBe(0);
    expect(queue.items.find((i) => i.key === key1)?.review).toBeUndefined();
  });

  it('ignores deleted claims, whoever made them', () => {
    const { claims } = corpus();
    const gone = claims.map((c) => ({ ...c, deletedAt: '2026-11-24T00:00:00.000Z' }));
    expect(reviewQueue(input({ claims: gone }))).toEqual({
      items: [],
      agreedOutsideGold: [],
      framingOutsideGold: [],
      counts: { agreed: 0, gold: 0, goldFromAgreement: 0, disagreements: 0, settled: 0, rejected: 0 },
    });
    // An agreed cluster stays agreed when a fourth, deleted claim lies over it.
    const agreed = annotators.map((a) => claim(a, 'Russia shows support', ['integration']));
    const deleted = claim('Ada', 'Russia', ['threat-narrative'], { deletedAt: '2026-11-24T00:00:00.000Z' });
    expect(reviewQueue(input({ claims: [...agreed, deleted] })).counts).toMatchObject({ agreed: 1, disagreements: 0 });
  });

  it('compares only the annotators given: others’ claims are neither lanes nor gold', () => {
    const claims = [
      ...['Ada', 'Boris'].map((a) => claim(a, 'Russia shows support', ['integration'])),
      claim('Eve', 'Russia shows support', ['threat-narrative']),
    ];
    const queue = reviewQueue(input({ claims, annotators: ['Ada', 'Boris'] }));
    expect(queue.items).toEqual([]);
    expect(queue.counts).toMatchObject({ agreed: 1, gold: 0 });
  });

  it('follows the corpus’s document order, and puts documents it does not list last, by id', () => {
    const single = (documentId: string) => claim('Ada', 'The West', ['integration'], { documentId });
    const claims = ['a.txt', 'z.txt', 'd1.txt', 'b.txt', 'd2.txt'].map(single);
    const queue = reviewQueue(input({ claims, documentOrder: ['z.txt', 'd2.txt', 'd1.txt'] }));
    expect(queue.items.map((i) => i.documentId)).toEqual(['z.txt', 'd2.txt', 'd1.txt', 'a.txt', 'b.txt']);
  });
});

describe('reviewQueue over framing', () => {
  it('makes an item when annotators’ labels differ in the layer’s tags, listing them in lane order', () => {
    const labels = [
      label('d1.txt', 'Boris', ['threat-narrative', 'appeal-to-fear']),
      label('d1.txt', 'Ada', ['integration']),
    ];
    const queue = reviewQueue(input({ labels }));
    expect(queue.items).toEqual([
      expect.objectContaining({
        documentId: 'd1.txt',
        key: framingKey('narratives'),
        kind: 'framing',
        start: -1,
        end: -1,
        framings: [
          { annotator: 'Ada', tags: ['integration'] },
          { annotator: 'Boris', tags: ['threat-narrative'] },
        ],
      }),
    ]);
    expect(queue.items[0]?.decision).toBeUndefined();
    expect(queue.counts).toMatchObject({ disagreements: 1, settled: 0 });
  });

  it('sees no disagreement in tags of other layers, nor with a single annotator’s label', () => {
    const outside = [
      label('d1.txt', 'Ada', ['integration', 'appeal-to-fear']),
      label('d1.txt', 'Boris', ['integration']),
    ];
    expect(reviewQueue(input({ labels: outside })).items).toEqual([]);
    expect(reviewQueue(input({ labels: [label('d1.txt', 'Ada', ['integration'])] })).items).toEqual([]);
    // Gold's label is no annotator's.
    const withGold = [label('d1.txt', 'Ada', ['integration']), label('d1.txt', GOLD, ['threat-narrative'])];
    expect(reviewQueue(input({ labels: withGold })).items).toEqual([]);
  });

  it('counts a label with only other layers’ tags as no framing in this layer, which differs from one', () => {
    const labels = [label('d1.txt', 'Ada', ['integration']), label('d1.txt', 'Boris', ['appeal-to-fear'])];
    expect(reviewQueue(input({ labels })).items[0]?.framings).toEqual([
      { annotator: 'Ada', tags: ['integration'] },
      { annotator: 'Boris', tags: [] },
    ]);
  });

  it('is not about tag order or repeats', () => {
    const labels = annotators.map((a, i) =>
      label(
        'd1.txt',
        a,
        i === 0 ? ['threat-narrative', 'integration'] : ['integration', 'threat-narrative', 'integration'],
      ),
    );
    const queue = reviewQueue(input({ labels }));
    expect(queue.items).toEqual([]);
    expect(queue.framingOutsideGold).toEqual([{ documentId: 'd1.txt', tags: ['threat-narrative', 'integration'] }]);
  });

  it('puts a framing every annotator agrees on in framingOutsideGold, until gold has tags of the layer', () => {
    const agreed = annotators.map((a) =>
      label('d1.txt', a, a === 'Ada' ? ['integration', 'appeal-to-fear'] : ['integration']),
    );
    expect(reviewQueue(input({ labels: agreed })).framingOutsideGold).toEqual([
      { documentId: 'd1.txt', tags: ['integration'] },
    ]);
    const otherLayerGold = [...agreed, label('d1.txt', GOLD, ['appeal-to-fear'])];
    expect(reviewQueue(input({ labels: otherLayerGold })).framingOutsideGold).toHaveLength(1);
    const gold = [...agreed, label('d1.txt', GOLD, ['integration'])];
    const queue = reviewQueue(input({ labels: gold }));
    expect(queue.framingOutsideGold).toEqual([]);
    expect(queue.items).toEqual([]);
  });

  it('leaves nothing to make gold when every annotator agrees the document has no framing in the layer', () => {
    const labels = annotators.map((a) => label('d1.txt', a, a === 'Chen' ? ['appeal-to-fear'] : []));
    const queue = reviewQueue(input({ labels }));
    expect(queue.items).toEqual([]);
    expect(queue.framingOutsideGold).toEqual([]);
  });

  it('is no agreement when an annotator has not labelled the document', () => {
    const labels = ['Ada', 'Boris'].map((a) => label('d1.txt', a, ['integration']));
    const queue = reviewQueue(input({ labels }));
    expect(queue.items).toEqual([]);
    expect(queue.framingOutsideGold).toEqual([]);
  });

  it('is decided by gold’s label tags in the layer, before any rejection', () => {
    const labels = [
      label('d1.txt', 'Ada', ['integration']),
      label('d1.txt', 'Boris', ['threat-narrative']),
      label('d1.txt', GOLD, ['appeal-to-fear', 'threat-narrative']),
    ];
    const reviews = reviewsOf(review('d1.txt', framingKey('narratives'), 'rejected'));
    const queue = reviewQueue(input({ labels, reviews }));
    expect(queue.items[0]?.decision).toEqual({ kind: 'framing', tags: ['threat-narrative'] });
    expect(queue.counts).toMatchObject({ disagreements: 1, settled: 1, rejected: 0 });
  });

  it('is not decided by a gold label without tags of the layer', () => {
    const labels = [
      label('d1.txt', 'Ada', ['integration']),
      label('d1.txt', 'Boris', ['threat-narrative']),
      label('d1.txt', GOLD, ['appeal-to-fear']),
    ];
    expect(reviewQueue(input({ labels })).items[0]?.decision).toBeUndefined();
  });

  it('is settled by a rejection of the layer’s framing key, and reopened by a reopening', () => {
    const labels = [label('d1.txt', 'Ada', ['integration']), label('d1.txt', 'Boris', ['threat-narrative'])];
    const rejected = review('d1.txt', framingKey('narratives'), 'rejected', 'no framing');
    const queue = reviewQueue(input({ labels, reviews: reviewsOf(rejected) }));
    expect(queue.items[0]).toMatchObject({
      decision: { kind: 'rejected', decidedBy: 'Dana', rationale: 'no framing' },
      review: rejected,
    });
    expect(queue.counts).toMatchObject({ settled: 1, rejected: 1 });
    const reopened = review('d1.txt', framingKey('narratives'), 'reopened');
    expect(reviewQueue(input({ labels, reviews: reviewsOf(reopened) })).items[0]?.decision).toBeUndefined();
    // Another layer's framing record is not this one's.
    const other = review('d1.txt', framingKey('persuasion-techniques'), 'rejected');
    expect(reviewQueue(input({ labels, reviews: reviewsOf(other) })).items[0]?.decision).toBeUndefined();
  });

  it('sorts a document’s framing item before its spans, in document order', () => {
    const { claims } = corpus();
    const labels = [
      label('d2.txt', 'Ada', ['integration']),
      label('d2.txt', 'Chen', ['threat-narrative']),
      label('d3.txt', 'Ada', ['integration']),
      label('d3.txt', 'Boris', []),
    ];
    const queue = reviewQueue(input({ claims, labels, documentOrder: ['d3.txt', 'd2.txt', 'd1.txt'] }));
    expect(queue.items.map((i) => [i.documentId, i.kind])).toEqual([
      ['d3.txt', 'framing'],
      ['d2.txt', 'framing'],
      ['d2.txt', 'partial'],
      ['d2.txt', 'single'],
      ['d1.txt', 'partial'],
      ['d1.txt', 'single'],
    ]);
    expect(queue.counts.disagreements).toBe(6);
  });
});

describe('filterQueue', () => {
  const { claims, rejected } = corpus();
  const labels = [label('d1.txt', 'Ada', ['integration']), label('d1.txt', 'Boris', ['sanctions-pressure'])];
  const { items } = reviewQueue(input({ claims, labels, reviews: reviewsOf(rejected) }));
  const show = (list: ReviewItem[]) => list.map((i) => `${i.documentId} ${i.kind}`);

  it('lets everything through with no filter set', () => {
    expect(filterQueue(items, {})).toEqual(items);
    expect(show(items)).toEqual([
      'd1.txt framing',
      'd1.txt partial',
      'd1.txt single',
      'd2.txt partial',
      'd2.txt single',
    ]);
  });

  it('filters by document', () => {
    expect(show(filterQueue(items, { documentId: 'd2.txt' }))).toEqual(['d2.txt partial', 'd2.txt single']);
    expect(filterQueue(items, { documentId: 'missing.txt' })).toEqual([]);
  });

  it('filters by a tag any claim or framing of the item has', () => {
    expect(show(filterQueue(items, { tag: 'threat-narrative' }))).toEqual(['d1.txt partial', 'd1.txt single']);
    expect(show(filterQueue(items, { tag: 'sanctions-pressure' }))).toEqual(['d1.txt framing', 'd2.txt single']);
    expect(show(filterQueue(items, { tag: 'integration' }))).toEqual([
      'd1.txt framing',
      'd1.txt partial',
      'd2.txt partial',
    ]);
  });

  it('filters by kind', () => {
    expect(show(filterQueue(items, { kind: 'single' }))).toEqual(['d1.txt single', 'd2.txt single']);
    expect(show(filterQueue(items, { kind: 'framing' }))).toEqual(['d1.txt framing']);
  });

  it('filters by status', () => {
    expect(show(filterQueue(items, { status: 'settled' }))).toEqual(['d2.txt partial', 'd2.txt single']);
    expect(show(filterQueue(items, { status: 'open' }))).toEqual(['d1.txt framing', 'd1.txt partial', 'd1.txt single']);
  });

  it('filters by a pair: items the two marked differently, at least one of them marking', () => {
    // d1 single is Chen's alone: neither Ada nor Boris marked it.
    expect(show(filterQueue(items, { pair: ['Ada', 'Boris'] }))).toEqual([
      'd1.txt framing',
      'd1.txt partial',
      'd2.txt partial',
      'd2.txt single',
    ]);
    expect(filterQueue(items, { pair: ['Boris', 'Ada'] })).toEqual(filterQueue(items, { pair: ['Ada', 'Boris'] }));
    expect(show(filterQueue(items, { pair: ['Ada', 'Chen'] }))).toEqual([
      'd1.txt framing',
      'd1.txt partial',
      'd1.txt single',
      'd2.txt partial',
    ]);
    expect(filterQueue(items, { pair: ['Eve', 'Fay'] })).toEqual([]);
  });

  it('leaves out of a pair an item the two marked alike, whoever else differs', () => {
    const alike = [
      ...['Ada', 'Boris'].map((a) => claim(a, 'Russia shows support', ['integration'])),
      claim('Chen', 'Russia shows support', ['threat-narrative']),
    ];
    const sameFraming = [
      label('d2.txt', 'Ada', ['integration']),
      label('d2.txt', 'Boris', ['integration', 'appeal-to-fear']),
      label('d2.txt', 'Chen', ['threat-narrative']),
    ];
    const queue = reviewQueue(input({ claims: alike, labels: sameFraming }));
    expect(show(queue.items)).toEqual(['d1.txt partial', 'd2.txt framing']);
    expect(filterQueue(queue.items, { pair: ['Ada', 'Boris'] })).toEqual([]);
    expect(show(filterQueue(queue.items, { pair: ['Boris', 'Chen'] }))).toEqual(['d1.txt partial', 'd2.txt framing']);
  });

  it('tells a pair apart by span as well as by tags', () => {
    const shifted = [
      claim('Ada', 'Russia shows support', ['integration']),
      claim('Boris', 'Russia shows support in virtually everything', ['integration']),
    ];
    const queue = reviewQueue(input({ claims: shifted, annotators: ['Ada', 'Boris'] }));
    expect(filterQueue(queue.items, { pair: ['Ada', 'Boris'] })).toHaveLength(1);
  });

  it('combines filters', () => {
    expect(show(filterQueue(items, { documentId: 'd2.txt', status: 'open' }))).toEqual([]);
    expect(
      show(filterQueue(items, { kind: 'partial', status: 'open', pair: ['Ada', 'Boris'], tag: 'integration' })),
    ).toEqual(['d1.txt partial']);
  });
});
