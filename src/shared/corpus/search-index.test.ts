import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index';
import { words } from './search-words';

const DOCUMENTS: Record<string, [string, string]> = {
  a: ['Sanctions on potash', 'The minister spoke of sanctions and potash exports.'],
  b: ['Integration road maps', 'Minsk and Moscow signed the road maps; sanctions were not named.'],
  c: ['Weather', 'Rain in Minsk.'],
};

function build(ids = Object.keys(DOCUMENTS)): SearchIndex {
  const index = new SearchIndex();
  for (const id of ids) {
    const [title, text] = DOCUMENTS[id] ?? ['', ''];
    index.add(id, words(title), words(text));
  }
  return index;
}

/** The ids a query of whole words finds, best first. */
const ranked = (index: SearchIndex, query: string, limit = 10) =>
  index.rank(
    words(query).map((term) => [{ term, weight: 1 }]),
    limit,
  ).ranked;
const ids = (index: SearchIndex, query: string, limit?: number) => ranked(index, query, limit).map((hit) => hit.id);

describe('SearchIndex', () => {
  it('finds the documents holding every word, a word in the title counting more', () => {
    const index = build();
    expect(ids(index, 'sanctions')).toEqual(['a', 'b']);
    expect(ids(index, 'minsk sanctions')).toEqual(['b']);
    expect(ids(index, 'potash minsk')).toEqual([]);
    expect(ranked(index, 'sanctions')[0]?.terms).toEqual(['sanctions']);
  });

  it('keeps the best when there are more hits than the limit, ties in the order added', () => {
    const index = new SearchIndex();
    for (let i = 0; i < 50; i++) index.add(`d${i}`, [], i === 30 ? ['minsk', 'minsk'] : ['minsk', 'rain']);
    expect(ids(index, 'minsk', 3)).toEqual(['d30', 'd0', 'd1']);
  });

  it('forgets a removed document, and finds it again under its new words when it is added back', () => {
    const index = build();
    index.remove('a');
    expect(index.has('a')).toBe(false);
    expect(ids(index, 'sanctions')).toEqual(['b']);
    index.add('a', ['potash'], ['sanctions']);
    expect(ids(index, 'sanctions').sort()).toEqual(['a', 'b']);
    expect(ids(index, 'minister')).toEqual([]);
  });

  it('lists the words that begin with a prefix, and those a few edits away', () => {
    const index = build();
    expect(index.prefixed('sanc')).toEqual(['sanctions']);
    expect(index.prefixed('m').sort()).toEqual(['maps', 'minister', 'minsk', 'moscow']);
    expect(index.near('minsterr', 2)).toEqual([{ term: 'minister', distance: 2 }]);
  });

  it('is saved and taken up again with the same answers, without the removed documents', () => {
    const index = build();
    index.remove('c');
    const loaded = SearchIndex.load(index.save());
    expect(loaded.size).toBe(2);
    expect(loaded.has('c')).toBe(false);
    for (const query of ['sanctions', 'minsk', 'rain', 'road maps'])
      expect(ranked(loaded, query)).toEqual(ranked(index, query));
    expect(loaded.prefixed('ma')).toEqual(['maps']);
    // Taken up, it still learns: a new document and new words, and the saved words' lists grow.
    loaded.add('d', ['rain'], ['sanctions', 'hail']);
    expect(ids(loaded, 'sanctions').sort()).toEqual(['a', 'b', 'd']);
    expect(ids(loaded, 'hail')).toEqual(['d']);
    expect(ranked(SearchIndex.load(loaded.save()), 'sanctions')).toEqual(ranked(loaded, 'sanctions'));
  });

  it('refuses bytes that are not an index, are cut off or name documents it does not have', () => {
    const bytes = build().save();
    expect(() => SearchIndex.load(new TextEncoder().encode('{"index":{}}'))).toThrow(/damaged: not an index/);
    expect(() => SearchIndex.load(bytes.subarray(0, bytes.length - 3))).toThrow(/damaged: cut off/);
    // The first word's first document, made to point past the last document.
    const forged = SearchIndex.load(rewriteFirstPosting(bytes, 100));
    expect(ids(forged, 'rain')).toEqual(['c']);
    expect(() => ids(forged, 'and')).toThrow(/damaged: a word’s list names no document/);
  });
});

/** `bytes` with the first word's first document gap set to `gap` (a one-byte varint). */
function rewriteFirstPosting(bytes: Uint8Array, gap: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  const postings = 8 + headerLength + 4 * (2 * header.ids.length + header.terms.length);
  const copy = bytes.slice();
  copy[postings] = gap;
  return copy;
}
