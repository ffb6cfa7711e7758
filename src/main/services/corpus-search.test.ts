import { describe, expect, it } from 'vitest';
import type { SearchPart } from '../../shared/host-api';
import { openCorpus } from './corpus';

const shown = (parts: readonly SearchPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

// The sample corpus: 003 (English) names Belarus's foreign minister Makei, 001 (Russian) names
// him Макей, and 004 says "make" but never mentions him.
const MAKEI = '003_be10a6a8d7d9bc50.txt';
const MAKEI_RU = '001_cd43f6f3889422fc.txt';
const MAKE = '004_c2f207795f66fbd6.txt';

describe('searching the sample corpus', async () => {
  const corpus = await openCorpus('resources/corpus');
  const ids = (query: string, approximate = false) => corpus.search(query, { approximate }).hits.map((hit) => hit.id);

  it('finds Makei only where he is named', () => {
    expect(ids('Makei')).toEqual([MAKEI]);
    expect(ids('makei ')).toEqual([MAKEI]);
    expect(ids('Макей')).toEqual([MAKEI_RU]);
    expect(ids('МАКЕЙ')).toEqual([MAKEI_RU]);
  });

  it('reads "make" as a whole word once it is typed, as a beginning while it is typed', () => {
    expect(ids('make ')).toEqual([MAKE]);
    expect(ids('make')).toContain(MAKEI);
  });

  it('shows the approximate match only when asked, after the exact one', () => {
    const hits = corpus.search('Makei', { approximate: true }).hits;
    expect(hits.map((hit) => [hit.id, hit.approximate])).toEqual([
      [MAKEI, false],
      [MAKE, true],
    ]);
  });

  it('shows a snippet with the matched word marked', () => {
    const [english] = corpus.search('Makei').hits;
    expect(shown(english?.snippet ?? [])).toContain('Foreign Minister Vladimir [Makei] stated');
    const [russian] = corpus.search('Макей').hits;
    expect(shown(russian?.snippet ?? [])).toContain('Владимир [Макей] в свою очередь');
  });
});
