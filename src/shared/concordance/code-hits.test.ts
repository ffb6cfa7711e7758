import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { type CodedText, type Coding, corpusConcordance, planCoding } from './index';

const minsk: CodedText = {
  id: 'minsk.txt',
  sha256: 'a'.repeat(64),
  language: 'ru',
  text: 'Санкции 🇪🇺 против Минска. Новые санкции введены вчера, санкции продлены.\nМинск молчит о санкциях.',
};
const texts = new Map([[minsk.id, minsk]]);

let ids = 0;
const coding = (over: Partial<Coding> = {}): Coding => ({
  query: 'санкции',
  regex: false,
  extent: 'hit',
  tagId: 'sanctions',
  annotator: 'Ada',
  codebook: { id: 'narratives', version: 1 },
  now: '2026-12-06T10:00:00.000Z',
  newId: () => `01J${String(++ids).padStart(23, '0')}`,
  ...over,
});

const hitsOf = (query: string) => {
  const found = corpusConcordance([[minsk.id, minsk.text]], { query });
  if (!found.ok) throw new Error(found.error);
  return found.hits;
};

const quotes = (claims: readonly Annotation[]) => claims.map((claim) => claim.target.exact);

describe('coding every hit', () => {
  it('makes one claim a hit, at the right place after astral characters, saying how it was made', () => {
    const plan = planCoding(hitsOf('санкции'), texts, new Map(), coding());
    expect(quotes(plan.claims)).toEqual(['Санкции', 'санкции', 'санкции', 'санкциях']);
    const [first, second] = plan.claims;
    expect(second?.target.start).toBe(minsk.text.indexOf('санкции'));
    expect((second?.target.start ?? 0) - (second?.target.codePointStart ?? 0)).toBe(2);
    expect(first?.origin).toEqual({ kind: 'search', query: 'санкции', regex: false, extent: 'hit' });
    expect(first?.tags).toEqual(['sanctions']);
  });

  it('codes a sentence once, however many hits it holds', () => {
    const plan = planCoding(hitsOf('санкции'), texts, new Map(), coding({ extent: 'sentence' }));
    expect(quotes(plan.claims)).toEqual([
      'Санкции 🇪🇺 против Минска.',
      'Новые санкции введены вчера, санкции продлены.',
      'Минск молчит о санкциях.',
    ]);
    expect(plan.covered).toBe(1);
  });

  it('skips a hit a claim with the tag already covers, and one whose text is no longer there', () => {
    const index = new OffsetIndex(minsk.text);
    const start = minsk.text.indexOf('Новые');
    const existing: Annotation = newClaim({
      id: '01JEXISTING0000000000000000'.slice(0, 26),
      documentId: minsk.id,
      documentSha256: minsk.sha256,
      target: textTarget(index, start, minsk.text.indexOf('.', start) + 1),
      tagId: 'sanctions',
      annotator: 'Boris',
      codebookId: 'narratives',
      codebookVersion: 1,
      now: '2026-12-06T09:00:00.000Z',
    });
    const otherTag = { ...existing, id: '01JOTHERTAG000000000000000'.slice(0, 26), tags: ['integration'] };
    const hits = hitsOf('санкции');
    const changed = new Map([[minsk.id, { ...minsk, text: minsk.text.replace('Санкции', 'Запреты') }]]);
    expect(planCoding(hits, changed, new Map(), coding()).moved).toBe(1);
    const plan = planCoding(hits, texts, new Map([[minsk.id, [existing, otherTag]]]), coding());
    expect(quotes(plan.claims)).toEqual(['Санкции', 'санкциях']);
    expect(plan.covered).toBe(2);
  });
});
