import { describe, expect, it } from 'vitest';
import { findWords } from '../text/words';
import { findSuggestions, suggestionKey } from './find-suggestions';
import { PhraseBook } from './phrase-book';

const suggest = (
  text: string,
  book: PhraseBook,
  claims = [] as { start: number; end: number; tags: string[] }[],
  rejected = new Set<string>(),
) =>
  findSuggestions(text, findWords(text), book, claims, rejected).map((s) => ({
    ...s,
    quote: text.slice(s.start, s.end),
  }));

describe('suggestions from repeats', () => {
  it('finds text tagged elsewhere in another case and with ё read as е, scored by how often it carried the tag', () => {
    const book = PhraseBook.from([
      { text: 'расширение НАТО на восток', tagId: 'threat' },
      { text: 'Расширение НАТО на восток', tagId: 'threat' },
      { text: 'расширение  НАТО на восток', tagId: 'integration' },
      { text: 'Всё хорошо', tagId: 'positive' },
    ]);
    const text = 'Москва снова говорит: РАСШИРЕНИЕ НАТО НА ВОСТОК. Все хорошо, сказал он.';
    expect(suggest(text, book)).toEqual([
      { start: 22, end: 47, quote: 'РАСШИРЕНИЕ НАТО НА ВОСТОК', tagId: 'threat', score: 2 / 3, source: 'repeats' },
      { start: 22, end: 47, quote: 'РАСШИРЕНИЕ НАТО НА ВОСТОК', tagId: 'integration', score: 1 / 3, source: 'repeats' },
      { start: 49, end: 59, quote: 'Все хорошо', tagId: 'positive', score: 1, source: 'repeats' },
    ]);
  });

  it('lets the longest match win, and never suggests overlapping words twice', () => {
    const book = PhraseBook.from([
      { text: 'NATO', tagId: 'actor' },
      { text: 'NATO expansion to the east', tagId: 'threat' },
    ]);
    const text = 'They fear NATO expansion to the east, and NATO itself.';
    expect(suggest(text, book).map((s) => [s.quote, s.tagId])).toEqual([
      ['NATO expansion to the east', 'threat'],
      ['NATO', 'actor'],
    ]);
  });

  it('matches whole words only, never across a line break, and not inflected forms', () => {
    const book = PhraseBook.from([
      { text: 'sanction', tagId: 'pressure' },
      { text: 'new sanctions', tagId: 'pressure' },
    ]);
    const text = 'New\nsanctions; sanctioned sanctions. A sanction.';
    expect(suggest(text, book).map((s) => s.quote)).toEqual(['sanction']);
  });

  it('leaves out words a claim with the tag already covers, and suggestions the analyst rejected there', () => {
    const book = PhraseBook.from([{ text: 'economic pressure', tagId: 'pressure' }]);
    const text = 'economic pressure, then economic pressure, then economic pressure again';
    const first = { start: 0, end: 17, tags: ['pressure'] };
    const second = { start: 24, end: 41, tagId: 'pressure' };
    const found = suggest(text, book, [first], new Set([suggestionKey(second)]));
    expect(found.map((s) => s.start)).toEqual([48]);
    // A claim with another tag does not cover it.
    expect(suggest(text, book, [{ ...first, tags: ['other'] }])).toHaveLength(3);
  });

  it('suggests a gazetteer entry nobody claimed with a score of 1, and a claimed one with the claims’ score', () => {
    const book = PhraseBook.from(
      [
        { text: 'Union State', tagId: 'integration' },
        { text: 'Union State', tagId: 'threat' },
      ],
      [
        { text: 'road maps', tagId: 'integration' },
        { text: 'union state', tagId: 'integration' },
      ],
    );
    expect(
      suggest('the Union State and its road maps', book).map((s) => [s.quote, s.tagId, s.score, s.source]),
    ).toEqual([
      ['Union State', 'integration', 0.5, 'repeats'],
      ['Union State', 'threat', 0.5, 'repeats'],
      ['road maps', 'integration', 1, 'gazetteer'],
    ]);
  });

  it('gives the same suggestions whatever order the claims were made in', () => {
    const claims = [
      { text: 'a threat', tagId: 'threat' },
      { text: 'A threat', tagId: 'other' },
      { text: 'the answer', tagId: 'answer' },
      { text: 'a threat', tagId: 'threat' },
    ];
    const text = 'It is a threat, and the answer is a threat too.';
    const forwards = suggest(text, PhraseBook.from(claims));
    expect(suggest(text, PhraseBook.from([...claims].reverse()))).toEqual(forwards);
    expect(forwards).toHaveLength(5);
  });

  it('writes what it learned as a gazetteer, a line per text and tag', () => {
    const book = PhraseBook.from(
      [
        { text: '  NATO  threat ', tagId: 'threat' },
        { text: 'nato threat', tagId: 'threat' },
      ],
      [{ text: 'road maps', tagId: 'integration' }],
    );
    expect(book.entries()).toEqual([
      { text: 'road maps', tagId: 'integration' },
      { text: 'NATO threat', tagId: 'threat' },
    ]);
  });

  it('suggests nothing from an empty book or from text without words', () => {
    expect(suggest('anything at all', PhraseBook.from([]))).toEqual([]);
    expect(PhraseBook.from([{ text: '…!', tagId: 'x' }]).size).toBe(0);
  });
});
