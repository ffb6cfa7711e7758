import { describe, expect, it } from 'vitest';
import { persuasionTechniquesCodebook } from '../codebooks/persuasion-techniques';
import { policyFramesCodebook } from '../codebooks/policy-frames';
import {
  nameOf,
  PTC_TECHNIQUES,
  SEMEVAL2023_FRAMES,
  SEMEVAL2023_TECHNIQUES,
  TagMap,
  tagOf,
  unmappedReason,
} from './tag-map';

const tagIds = (codebook: { tags: { id: string }[] }) => codebook.tags.map((t) => t.id).sort();

describe('the default tag maps', () => {
  it('map SemEval-2023’s 23 techniques and 14 frames one to one onto the built-in codebooks', () => {
    expect(Object.keys(SEMEVAL2023_TECHNIQUES.toTag)).toHaveLength(23);
    expect(Object.values(SEMEVAL2023_TECHNIQUES.toTag).sort()).toEqual(tagIds(persuasionTechniquesCodebook));
    expect(Object.keys(SEMEVAL2023_TECHNIQUES.toName).sort()).toEqual(tagIds(persuasionTechniquesCodebook));
    expect(Object.keys(SEMEVAL2023_FRAMES.toTag)).toHaveLength(14);
    expect(Object.values(SEMEVAL2023_FRAMES.toTag).sort()).toEqual(tagIds(policyFramesCodebook));
    for (const map of [SEMEVAL2023_TECHNIQUES, SEMEVAL2023_FRAMES]) {
      for (const [name, tag] of Object.entries(map.toTag)) expect(nameOf(map, tag)).toBe(name);
    }
  });

  it('read the PTC’s names only where one tag is meant, and write every tag it has a name for', () => {
    const persuasion = new Set(tagIds(persuasionTechniquesCodebook));
    expect(Object.values(PTC_TECHNIQUES.toTag).every((tag) => persuasion.has(tag))).toBe(true);
    expect(tagOf(PTC_TECHNIQUES, 'Black-and-White_Fallacy')).toBe('false-dilemma');
    expect(tagOf(PTC_TECHNIQUES, 'Whataboutism,Straw_Men,Red_Herring')).toBeUndefined();
    expect(nameOf(PTC_TECHNIQUES, 'strawman')).toBe('Whataboutism,Straw_Men,Red_Herring');
    expect(nameOf(PTC_TECHNIQUES, 'guilt-by-association')).toBe('Bandwagon,Reductio_ad_hitlerum');
    // Every name written is one of the SemEval-2020 list or of the PTC's original 18.
    const known = new Set([
      ...Object.keys(PTC_TECHNIQUES.toTag),
      'Whataboutism,Straw_Men,Red_Herring',
      'Bandwagon,Reductio_ad_hitlerum',
    ]);
    expect(Object.values(PTC_TECHNIQUES.toName).every((name) => known.has(name))).toBe(true);
  });

  it('are valid maps', () => {
    for (const map of [PTC_TECHNIQUES, SEMEVAL2023_TECHNIQUES, SEMEVAL2023_FRAMES]) {
      expect(TagMap.safeParse(map).success).toBe(true);
    }
  });
});

describe('tag maps', () => {
  const map = { toTag: { Doubt: 'doubt' }, toName: { doubt: 'Doubt' } };

  it('take no name from the object prototype', () => {
    expect(tagOf(map, 'constructor')).toBeUndefined();
    expect(tagOf(map, '__proto__')).toBeUndefined();
    expect(nameOf(map, 'toString')).toBe('toString');
  });

  it('write a tag they do not name under its id, made safe for a tab-separated field and a comma list', () => {
    expect(nameOf(map, 'doubt')).toBe('Doubt');
    expect(nameOf(map, 'a\tb,c\nd')).toBe('a_b_c_d');
  });

  it('say which tags a merged name stands for when it is skipped', () => {
    expect(unmappedReason(PTC_TECHNIQUES, 'technique', 'Bandwagon,Reductio_ad_hitlerum')).toBe(
      'the technique "Bandwagon,Reductio_ad_hitlerum" is not in the tag map, so it is not imported; it stands for any of appeal-to-popularity, guilt-by-association: add it to the map to import it',
    );
    expect(unmappedReason(map, 'frame', 'Other')).toBe(
      'the frame "Other" is not in the tag map, so it is not imported: add it to the map to import it',
    );
  });

  it('refuse, as a schema, names a tab-separated field cannot hold', () => {
    expect(TagMap.safeParse({ toTag: { 'a\tb': 'x' }, toName: {} }).success).toBe(false);
    expect(TagMap.safeParse({ toTag: {}, toName: { x: 'line\nbreak' } }).success).toBe(false);
    expect(TagMap.safeParse({ toTag: { '': 'x' }, toName: {} }).success).toBe(false);
    expect(TagMap.safeParse({ toTag: { Doubt: 'doubt' } }).success).toBe(false);
  });
});
