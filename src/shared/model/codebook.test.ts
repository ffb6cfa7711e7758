import { describe, expect, it } from 'vitest';
import { persuasionTechniquesCodebook } from '../codebooks/persuasion-techniques';
import { findTags } from './codebook';

const labels = (query: string) => findTags(persuasionTechniquesCodebook.tags, query).map((t) => t.label);

describe('findTags', () => {
  it('offers every tag for an empty query', () => {
    expect(labels('  ')).toHaveLength(persuasionTechniquesCodebook.tags.length);
  });

  it('puts tags named by the words before tags only described by them', () => {
    expect(labels('FEAR')).toEqual(['Appeal to fear/prejudice', 'Name calling / labeling']);
  });

  it('needs every word, in any order, and nothing else', () => {
    expect(labels('prejudice appeal')).toEqual(['Appeal to fear/prejudice']);
    expect(labels('zzz')).toEqual([]);
  });
});
