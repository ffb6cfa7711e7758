import { describe, expect, it } from 'vitest';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { clusterClaims } from './compare';

const text = 'Russia shows support in virtually everything, and Minsk is meeting Moscow halfway.';
const index = new OffsetIndex(text);
let n = 0;
function claim(annotator: string, quote: string, tags: string[]): Annotation {
  const start = text.indexOf(quote);
  const made = newClaim({
    id: `01JDE${String(n++).padStart(21, '0')}`,
    documentId: 'd.txt',
    documentSha256: 'a'.repeat(64),
    target: textTarget(index, start, start + quote.length),
    tagId: tags[0] as string,
    annotator,
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T00:00:00.000Z',
  });
  return { ...made, tags };
}

describe('clusterClaims', () => {
  const annotators = ['Ada', 'Boris', 'Chen'];

  it('calls a span every annotator marked alike agreed', () => {
    const claims = ['Ada', 'Boris', 'Chen'].map((a) => claim(a, 'Russia shows support', ['integration']));
    expect(clusterClaims(claims, annotators).map((c) => c.agreement)).toEqual(['agreed']);
  });

  it('calls different spans or tags on the same words partial, and a lone claim single', () => {
    const claims = [
      claim('Ada', 'Russia shows support', ['integration']),
      claim('Boris', 'Russia shows support in virtually everything', ['integration']),
      claim('Chen', 'Russia shows support', ['threat-narrative']),
      claim('Ada', 'Minsk is meeting Moscow halfway', ['integration']),
    ];
    const clusters = clusterClaims(claims, annotators);
    expect(clusters.map((c) => [c.agreement, c.annotators.join('+'), text.slice(c.start, c.end)])).toEqual([
      ['partial', 'Ada+Boris+Chen', 'Russia shows support in virtually everything'],
      ['single', 'Ada', 'Minsk is meeting Moscow halfway'],
    ]);
  });

  it('joins claims that overlap through a chain into one cluster', () => {
    const claims = [
      claim('Ada', 'Russia shows support', ['integration']),
      claim('Boris', 'support in virtually', ['integration']),
      claim('Chen', 'virtually everything, and Minsk', ['integration']),
    ];
    expect(clusterClaims(claims, annotators)).toHaveLength(1);
  });

  it('is not agreed when an annotator is missing or marked it twice', () => {
    const two = ['Ada', 'Boris'].map((a) => claim(a, 'Russia shows support', ['integration']));
    expect(clusterClaims(two, annotators)[0]?.agreement).toBe('partial');
    const twice = [
      ...two,
      claim('Chen', 'Russia shows support', ['integration']),
      claim('Chen', 'Russia', ['integration']),
    ];
    expect(clusterClaims(twice, annotators)[0]?.agreement).toBe('partial');
  });
});
