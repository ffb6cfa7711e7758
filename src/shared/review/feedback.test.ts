import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps } from '../agreement/intervals';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { GOLD } from './compare';
import { type AnnotatorFeedback, annotatorFeedback, type FeedbackItem } from './feedback';

const text = 'Russia shows support in virtually everything, and Minsk is meeting Moscow halfway.';
const index = new OffsetIndex(text);
let n = 0;
const nextId = () => `01JDE${String(n++).padStart(21, '0')}`;

interface Options {
  documentId?: string;
  sources?: Annotation[];
  deleted?: boolean;
  /** Which occurrence of the quote, for quotes that repeat. */
  from?: number;
}

function at(annotator: string, start: number, end: number, tags: string[], options: Options = {}): Annotation {
  const made = newClaim({
    id: nextId(),
    documentId: options.documentId ?? 'd1.txt',
    documentSha256: 'a'.repeat(64),
    target: textTarget(index, start, end),
    tagId: tags[0] as string,
    annotator,
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T00:00:00.000Z',
  });
  const out: Annotation = { ...made, tags };
  if (options.sources) {
    out.provenance = {
      decision: options.sources.length > 1 ? 'merged' : 'accepted',
      sources: options.sources.map((s) => ({ id: s.id, annotator: s.annotator })),
      decidedBy: 'Reviewer',
      decidedAt: '2026-11-23T00:00:00.000Z',
    };
  }
  if (options.deleted) out.deletedAt = '2026-11-24T00:00:00.000Z';
  return out;
}

function claim(annotator: string, quote: string, tags: string[], options: Options = {}): Annotation {
  const start = text.indexOf(quote, options.from ?? 0);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return at(annotator, start, start + quote.length, tags, options);
}
const ada = (quote: string, tags: string[], options?: Options) => claim('Ada', quote, tags, options);
const gold = (quote: string, tags: string[], options?: Options) => claim(GOLD, quote, tags, options);

/** Items as [outcome, annotator's quote, gold quote] for reading at a glance. */
const summary = (feedback: AnnotatorFeedback) =>
  feedback.items.map((i) => [i.outcome, i.claim?.target.exact ?? null, i.gold?.target.exact ?? null]);

/** The sums the counts must reach: one-to-one, exactly the claims on each side. */
function expectBalanced(feedback: AnnotatorFeedback) {
  const { kept, moved, retagged, rejected, missed } = feedback.counts;
  const sharedGold = feedback.items.filter((i) => i.shared === 'gold').length;
  const sharedClaim = feedback.items.filter((i) => i.shared === 'claim').length;
  expect(kept + moved + retagged + rejected).toBe(feedback.claims + sharedClaim);
  expect(kept + moved + retagged + missed).toBe(feedback.gold + sharedGold);
  expect(feedback.oneToOne).toBe(sharedGold + sharedClaim === 0);
}

describe('annotatorFeedback: outcomes', () => {
  it('keeps a claim gold has with the same span and tags, whatever their order', () => {
    const mine = ada('Russia shows support', ['integration', 'threat-narrative']);
    const g = gold('Russia shows support', ['threat-narrative', 'integration']);
    const feedback = annotatorFeedback([mine], [g]);
    expect(feedback.items).toEqual([
      {
        documentId: 'd1.txt',
        outcome: 'kept',
        claim: mine,
        gold: g,
        via: 'overlap',
        spanChanged: false,
        added: [],
        removed: [],
      },
    ]);
    expect(feedback.counts).toEqual({ kept: 1, moved: 0, retagged: 0, rejected: 0, missed: 0 });
  });

  it('calls a claim gold re-spanned with the same tags moved', () => {
    const feedback = annotatorFeedback(
      [ada('Russia shows support', ['integration'])],
      [gold('Russia shows support in virtually everything', ['integration'])],
    );
    expect(summary(feedback)).toEqual([
      ['moved', 'Russia shows support', 'Russia shows support in virtually everything'],
    ]);
    expect(feedback.items[0]).toMatchObject({ spanChanged: true, added: [], removed: [] });
  });

  it('calls a claim gold tagged differently re-tagged, on the same span or not, with the tags added and removed', () => {
    const feedback = annotatorFeedback(
      [ada('Russia shows support', ['integration', 'economic']), ada('Minsk is meeting Moscow', ['integration'])],
      [
        gold('Russia shows support', ['threat-narrative', 'economic']),
        gold('Minsk is meeting Moscow halfway', ['integration', 'cooperation']),
      ],
    );
    expect(feedback.items.map((i) => [i.outcome, i.spanChanged, i.added, i.removed])).toEqual([
      ['retagged', false, ['threat-narrative'], ['integration']],
      ['retagged', true, ['cooperation'], []],
    ]);
    expect(feedback.counts.retagged).toBe(2);
  });

  it('calls a claim no gold claim overlaps rejected', () => {
    const mine = ada('Russia shows support', ['integration']);
    const feedback = annotatorFeedback([mine], [gold('Minsk is meeting', ['integration'])]);
    expect(feedback.items.find((i) => i.outcome === 'rejected')).toEqual({
      documentId: 'd1.txt',
      outcome: 'rejected',
      claim: mine,
      spanChanged: false,
      added: [],
      removed: [],
    });
  });

  it('calls a gold claim that overlaps none of the annotator’s missed', () => {
    const g = gold('Minsk is meeting', ['integration']);
    const feedback = annotatorFeedback([ada('Russia shows support', ['integration'])], [g]);
    expect(summary(feedback)).toEqual([
      ['rejected', 'Russia shows support', null],
      ['missed', null, 'Minsk is meeting'],
    ]);
    expect(feedback.items[1]).toEqual({
      documentId: 'd1.txt',
      outcome: 'missed',
      gold: g,
      spanChanged: false,
      added: [],
      removed: [],
    });
  });

  it('does not pair spans that only touch', () => {
    // "Russia " ends where "shows" starts.
    const feedback = annotatorFeedback([at('Ada', 0, 7, ['x'])], [at(GOLD, 7, 12, ['x'])]);
    expect(feedback.counts).toEqual({ kept: 0, moved: 0, retagged: 0, rejected: 1, missed: 1 });
  });

  it('counts every outcome, and the counts add up to the claims on each side', () => {
    const feedback = annotatorFeedback(
      [
        ada('Russia', ['integration']),
        ada('shows support', ['integration']),
        ada('virtually everything', ['integration']),
        ada('Minsk', ['integration']),
      ],
      [
        gold('Russia', ['integration']),
        gold('shows support in', ['integration']),
        gold('virtually everything', ['threat-narrative']),
        gold('Moscow halfway', ['integration']),
      ],
    );
    expect(feedback.counts).toEqual({ kept: 1, moved: 1, retagged: 1, rejected: 1, missed: 1 });
    expect(feedback).toMatchObject({ annotator: 'Ada', claims: 4, gold: 4, oneToOne: true, documents: ['d1.txt'] });
    expectBalanced(feedback);
    // In text order, a missed gold claim among the rest.
    expect(summary(feedback).map(([outcome]) => outcome)).toEqual(['kept', 'moved', 'retagged', 'rejected', 'missed']);
  });

  it('reports nothing to compare for no claims at all', () => {
    const feedback = annotatorFeedback([], []);
    expect(feedback).toMatchObject({ annotator: '', documents: [], items: [], claims: 0, gold: 0, oneToOne: true });
    expect(feedback.scores.overall).toMatchObject({ tag: '', n: 0, exact: { f1: null }, overlap: { f1: null } });
    expect(feedback.scores.byTag).toEqual([]);
  });
});

describe('annotatorFeedback: pairing', () => {
  it('pairs by provenance first, even where spans and tags would pair the claims otherwise', () => {
    const first = ada('Russia shows support', ['integration']);
    const second = ada('shows support in virtually', ['integration']);
    // Gold swapped them: each gold claim names the other claim as its source.
    const g1 = gold('Russia shows support', ['integration'], { sources: [second] });
    const g2 = gold('shows support in virtually', ['integration'], { sources: [first] });
    const feedback = annotatorFeedback([first, second], [g1, g2]);
    expect(feedback.items.map((i) => [i.claim?.id, i.gold?.id, i.outcome, i.via])).toEqual([
      [first.id, g2.id, 'moved', 'provenance'],
      [second.id, g1.id, 'moved', 'provenance'],
    ]);
    // Without provenance the same claims are kept.
    const plain = annotatorFeedback(
      [first, second],
      [
        { ...g1, provenance: undefined },
        { ...g2, provenance: undefined },
      ],
    );
    expect(plain.items.map((i) => [i.claim?.id, i.gold?.id, i.outcome, i.via])).toEqual([
      [first.id, g1.id, 'kept', 'overlap'],
      [second.id, g2.id, 'kept', 'overlap'],
    ]);
  });

  it('pairs a claim with the gold claim that names it even when their spans no longer overlap', () => {
    const mine = ada('Russia shows support', ['integration']);
    const g = gold('Minsk is meeting Moscow halfway', ['integration'], { sources: [mine] });
    const feedback = annotatorFeedback([mine], [g]);
    expect(feedback.items).toHaveLength(1);
    expect(feedback.items[0]).toMatchObject({ outcome: 'moved', via: 'provenance', claim: mine, gold: g });
  });

  it('ignores provenance naming other annotators’ claims', () => {
    const boris = claim('Boris', 'Russia shows support', ['economic']);
    const mine = ada('Russia shows support', ['integration']);
    const g = gold('Russia shows support', ['integration'], { sources: [boris] });
    expect(annotatorFeedback([mine], [g]).items[0]).toMatchObject({ outcome: 'kept', via: 'overlap' });
  });

  it('prefers, among the claims a gold claim names, the identical one, then the one it overlaps most', () => {
    const short = ada('Russia', ['integration']);
    const long = ada('Russia shows support in', ['integration']);
    const same = ada('Russia shows support', ['integration']);
    const merged = gold('Russia shows support', ['integration'], { sources: [short, long, same] });
    const feedback = annotatorFeedback([short, long, same], [merged]);
    const paired = feedback.items.find((i) => i.shared === undefined);
    expect(paired).toMatchObject({ claim: same, outcome: 'kept', via: 'provenance' });
    expect(feedback.items.filter((i) => i.shared === 'gold').map((i) => [i.claim?.id, i.outcome, i.via])).toEqual([
      [long.id, 'moved', 'provenance'],
      [short.id, 'moved', 'provenance'],
    ]);
  });

  it('pairs identical claims before overlapping ones, so a longer gold claim does not take a kept one', () => {
    // Ada's "shows" overlaps the long gold claim as much as the identical one.
    const feedback = annotatorFeedback(
      [ada('shows', ['integration']), ada('virtually everything', ['economic'])],
      [gold('Russia shows support in virtually everything', ['economic']), gold('shows', ['integration'])],
    );
    expect(summary(feedback)).toEqual([
      ['kept', 'shows', 'shows'],
      ['moved', 'virtually everything', 'Russia shows support in virtually everything'],
    ]);
    expectBalanced(feedback);
  });

  it('pairs by the largest overlap first', () => {
    const feedback = annotatorFeedback(
      [ada('Russia shows support in virtually', ['integration'])],
      [gold('Russia shows', ['integration']), gold('support in virtually everything', ['economic'])],
    );
    // "support in virtually" (20) overlaps more than "Russia shows" (12), whatever the tags.
    const paired = feedback.items.find((i) => i.shared === undefined && i.claim && i.gold);
    expect(paired?.gold?.target.exact).toBe('support in virtually everything');
    expect(paired?.outcome).toBe('retagged');
  });

  it('finds the most pairs rather than stranding a claim behind a greedy choice', () => {
    // a1 overlaps g1 a lot and g2 a little; a2 overlaps only g1: a1–g2 and a2–g1 pair both.
    const a1 = at('Ada', 0, 20, ['x']);
    const a2 = at('Ada', 18, 30, ['x']);
    const g1 = at(GOLD, 2, 25, ['x']);
    const g2 = at(GOLD, 0, 3, ['x']);
    const feedback = annotatorFeedback([a1, a2], [g1, g2]);
    expect(feedback.items.map((i) => [i.claim?.id, i.gold?.id, i.outcome])).toEqual([
      [a1.id, g2.id, 'moved'],
      [a2.id, g1.id, 'moved'],
    ]);
    expect(feedback.oneToOne).toBe(true);
  });

  it('pairs one-to-one: a second claim on the same gold claim shares it, marked, and is not called rejected', () => {
    const first = ada('Russia shows', ['integration']);
    const second = ada('support in virtually', ['integration']);
    const g = gold('Russia shows support in virtually', ['integration']);
    const feedback = annotatorFeedback([first, second], [g]);
    expect(feedback.items.map((i) => [i.claim?.id, i.outcome, i.shared])).toEqual([
      [first.id, 'moved', undefined],
      [second.id, 'moved', 'gold'],
    ]);
    expect(feedback.counts.rejected).toBe(0);
    expect(feedback.oneToOne).toBe(false);
    expectBalanced(feedback);
  });

  it('calls a gold claim split off an annotator’s claim shared, not missed', () => {
    const mine = ada('Russia shows support in virtually everything', ['integration']);
    const feedback = annotatorFeedback(
      [mine],
      [gold('Russia shows support', ['integration']), gold('virtually everything', ['threat-narrative'])],
    );
    expect(summary(feedback)).toEqual([
      ['moved', 'Russia shows support in virtually everything', 'Russia shows support'],
      ['retagged', 'Russia shows support in virtually everything', 'virtually everything'],
    ]);
    expect(feedback.items.map((i) => i.shared)).toEqual([undefined, 'claim']);
    expect(feedback.counts.missed).toBe(0);
    expectBalanced(feedback);
  });

  it('shares a merged gold claim with each of the annotator’s claims it names', () => {
    const first = ada('Russia shows support', ['integration']);
    const second = ada('Minsk is meeting Moscow', ['economic']);
    const merged = gold('Russia shows support in virtually everything, and Minsk is meeting Moscow', ['integration'], {
      sources: [first, second],
    });
    const feedback = annotatorFeedback([first, second], [merged]);
    expect(feedback.items.map((i) => [i.outcome, i.via, i.shared, i.added, i.removed])).toEqual([
      // The gold claim overlaps the second claim more, so that one is its pair and the first shares it.
      ['moved', 'provenance', 'gold', [], []],
      ['retagged', 'provenance', undefined, ['integration'], ['economic']],
    ]);
    expectBalanced(feedback);
  });
});

describe('annotatorFeedback: documents and tombstones', () => {
  it('pairs claims within a document only, and lists the items document by document', () => {
    const feedback = annotatorFeedback(
      [
        ada('Russia shows support', ['integration'], { documentId: 'b.txt' }),
        ada('Russia shows support', ['integration'], { documentId: 'a.txt' }),
        ada('Minsk', ['economic'], { documentId: 'a.txt' }),
      ],
      [
        gold('Russia shows support', ['integration'], { documentId: 'a.txt' }),
        gold('Minsk is meeting', ['economic'], { documentId: 'b.txt' }),
      ],
    );
    expect(feedback.documents).toEqual(['a.txt', 'b.txt']);
    expect(feedback.items.map((i) => [i.documentId, i.outcome])).toEqual([
      ['a.txt', 'kept'],
      ['a.txt', 'rejected'],
      ['b.txt', 'rejected'],
      ['b.txt', 'missed'],
    ]);
    expectBalanced(feedback);
  });

  it('leaves out gold claims on documents the annotator did not work on, unless told they coded them', () => {
    const mine = [ada('Russia', ['integration'], { documentId: 'a.txt' })];
    const golds = [
      gold('Russia', ['integration'], { documentId: 'a.txt' }),
      gold('Minsk', ['integration'], { documentId: 'c.txt' }),
      gold('Moscow', ['integration'], { documentId: 'c.txt' }),
    ];
    const feedback = annotatorFeedback(mine, golds);
    expect(feedback).toMatchObject({ documents: ['a.txt'], gold: 1, goldElsewhere: 2 });
    expect(feedback.counts).toEqual({ kept: 1, moved: 0, retagged: 0, rejected: 0, missed: 0 });
    expect(feedback.scores.overall.exact.f1).toBe(1);

    const coded = annotatorFeedback(mine, golds, { documents: ['c.txt'] });
    expect(coded).toMatchObject({ documents: ['a.txt', 'c.txt'], gold: 3, goldElsewhere: 0 });
    expect(coded.counts).toEqual({ kept: 1, moved: 0, retagged: 0, rejected: 0, missed: 2 });
    expect(coded.scores.overall.exact.f1).toBe(0.5); // 2·1 / (1 + 3)
  });

  it('ignores tombstoned claims on either side', () => {
    const deleted = ada('Russia shows support', ['integration'], { deleted: true });
    const live = ada('Minsk is meeting', ['integration']);
    const deletedGold = gold('Minsk is meeting', ['integration'], { deleted: true, sources: [live] });
    const g = gold('Russia shows support', ['integration'], { sources: [deleted] });
    const feedback = annotatorFeedback([deleted, live], [deletedGold, g]);
    expect(summary(feedback)).toEqual([
      ['missed', null, 'Russia shows support'],
      ['rejected', 'Minsk is meeting', null],
    ]);
    expect(feedback).toMatchObject({ claims: 1, gold: 1 });
    expectBalanced(feedback);
  });

  it('does not count a document where the annotator has only tombstones as their work', () => {
    const feedback = annotatorFeedback(
      [ada('Russia', ['integration'], { documentId: 'a.txt', deleted: true })],
      [gold('Russia', ['integration'], { documentId: 'a.txt' })],
    );
    expect(feedback).toMatchObject({ documents: [], items: [], goldElsewhere: 1 });
  });
});

describe('annotatorFeedback: span F1 against gold', () => {
  it('scores each tag and all tags, exact and overlapping, with the units compared', () => {
    const feedback = annotatorFeedback(
      [
        ada('Russia shows support', ['integration', 'economic']),
        ada('Minsk is meeting', ['integration']),
        ada('halfway', ['threat-narrative']),
      ],
      [gold('Russia shows support', ['integration']), gold('Minsk is meeting Moscow', ['integration'])],
    );
    const row = (tag: string) => {
      const score = tag === '' ? feedback.scores.overall : feedback.scores.byTag.find((s) => s.tag === tag);
      return score && [score.exact.f1, score.overlap.f1, score.n];
    };
    expect(feedback.scores.byTag.map((s) => s.tag)).toEqual(['economic', 'integration', 'threat-narrative']);
    // integration: 2 units each; one exact match, two overlapping.
    expect(row('integration')).toEqual([0.5, 1, 4]);
    expect(row('economic')).toEqual([0, 0, 1]);
    expect(row('threat-narrative')).toEqual([0, 0, 1]);
    // All tags: Ada 4 units, gold 2; exact tp 1, overlap tp 2.
    expect(row('')).toEqual([2 / 6, 4 / 6, 6]);
    // The annotator as a, gold as the reference: precision over their units, recall over gold's.
    expect(feedback.scores.overall.overlap).toMatchObject({ a: 'Ada', b: GOLD, precision: 0.5, recall: 1 });
  });

  it('counts a span marked twice with a tag once, as span F1 does', () => {
    const feedback = annotatorFeedback(
      [ada('Russia', ['integration']), ada('Russia', ['integration'])],
      [gold('Russia', ['integration'])],
    );
    expect(feedback.scores.overall).toMatchObject({ n: 2, exact: { f1: 1 }, overlap: { f1: 1 } });
    // The duplicate shares the gold claim.
    expect(feedback.items.map((i) => [i.outcome, i.shared])).toEqual([
      ['kept', undefined],
      ['kept', 'gold'],
    ]);
  });

  it('scores 0 when the annotator has claims gold has none of, and leaves F1 undefined for none on either side', () => {
    const feedback = annotatorFeedback([ada('Russia', ['integration'])], []);
    expect(feedback.scores.overall).toMatchObject({ n: 1, exact: { f1: 0, recall: null }, overlap: { f1: 0 } });
    expect(feedback.counts.rejected).toBe(1);
  });
});

describe('annotatorFeedback: properties', () => {
  const length = text.length;
  const span = fc
    .tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 25 }))
    .map(([start, size]) => [start, Math.min(length, start + size)] as const);
  const spec = fc.record({
    span,
    tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 2 }),
    documentId: fc.constantFrom('a.txt', 'b.txt'),
    deleted: fc.boolean(),
    /** For gold: which of the annotator's claims it names as its source, if any. */
    source: fc.option(fc.nat(), { nil: undefined }),
  });
  const claims = fc.record({ mine: fc.array(spec, { maxLength: 8 }), gold: fc.array(spec, { maxLength: 8 }) });

  it('classifies every live claim exactly once, and shares only where a claim was paired already', () => {
    fc.assert(
      fc.property(claims, (input) => {
        const mine = input.mine.map((s) =>
          at('Ada', s.span[0], s.span[1], s.tags, { documentId: s.documentId, deleted: s.deleted }),
        );
        const golds = input.gold.map((s) => {
          const source = s.source === undefined || mine.length === 0 ? undefined : mine[s.source % mine.length];
          return at(GOLD, s.span[0], s.span[1], s.tags, {
            documentId: s.documentId,
            deleted: s.deleted,
            sources: source ? [source] : undefined,
          });
        });
        const feedback = annotatorFeedback(mine, golds);
        expectBalanced(feedback);

        const subjects = (item: FeedbackItem) =>
          item.shared === 'gold'
            ? [item.claim]
            : item.shared === 'claim'
              ? [item.gold]
              : [item.claim, item.gold].filter(Boolean);
        const classified = feedback.items.flatMap(subjects).map((c) => c?.id);
        const live = [...mine, ...golds].filter((c) => !c.deletedAt && feedback.documents.includes(c.documentId));
        expect([...classified].sort()).toEqual(live.map((c) => c.id).sort());

        const liveMine = mine.filter((c) => !c.deletedAt);
        const liveGold = golds.filter((c) => !c.deletedAt);
        const named = (g: Annotation, a: Annotation) => g.provenance?.sources.some((s) => s.id === a.id);
        const related = (a: Annotation, g: Annotation) =>
          a.documentId === g.documentId && (overlaps(a.target, g.target) || named(g, a));
        for (const item of feedback.items) {
          if (item.outcome === 'rejected')
            expect(liveGold.some((g) => related(item.claim as Annotation, g))).toBe(false);
          if (item.outcome === 'missed') expect(liveMine.some((a) => related(a, item.gold as Annotation))).toBe(false);
          if (item.claim && item.gold) {
            expect(item.claim.documentId).toBe(item.gold.documentId);
            expect(item.outcome === 'retagged').toBe(item.added.length + item.removed.length > 0);
          }
        }
        const primary = feedback.items.filter((i) => !i.shared && i.claim && i.gold);
        expect(new Set(primary.map((i) => i.claim?.id)).size).toBe(primary.length);
        expect(new Set(primary.map((i) => i.gold?.id)).size).toBe(primary.length);
      }),
    );
  });
});
