import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/model/document';
import { splitLines } from '../../shared/text/lines';
import { findWords } from '../../shared/text/words';
import { foldsOf, keepOutOfFolds, lineMarks } from './folds';

// Boilerplate at the top (a skip link and a rubric), in the middle, and at the end (a ticker).
const text = [
  'Skip to content',
  'Politics',
  '',
  'Title here',
  '',
  'Body one.',
  'Share this',
  'Body two.',
  'Ticker: more news',
].join('\n');
const lines = splitLines(text);
const segment = (kind: Segment['kind'], from: string, to = from): Segment => ({
  kind,
  start: text.indexOf(from),
  end: text.indexOf(to) + to.length,
});
const segments = [
  segment('boilerplate', 'Skip to content', 'Politics'),
  segment('title', 'Title here'),
  segment('body', 'Body one.'),
  segment('boilerplate', 'Share this'),
  segment('body', 'Body two.'),
  segment('boilerplate', 'Ticker: more news'),
];
const words = findWords(text, 'en');
const folds = foldsOf(lines, lineMarks(lines, segments));
const word = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });

describe('foldsOf', () => {
  it('finds each run of boilerplate lines, taking in the blank lines after it', () => {
    expect(folds.map((f) => [f.firstLine, f.lastLine])).toEqual([
      [0, 2],
      [6, 6],
      [8, 8],
    ]);
    expect(folds.map((f) => text.slice(f.start, f.end))).toEqual([
      'Skip to content\nPolitics\n',
      'Share this',
      'Ticker: more news',
    ]);
  });
});

describe('keepOutOfFolds', () => {
  it('moves a first step from nothing selected past the folded skip link', () => {
    expect(keepOutOfFolds(words, word('Skip'), folds, null)).toEqual(word('Title'));
  });

  it('moves a step back from nothing selected (the last word, in the ticker) to the last word of the body', () => {
    expect(keepOutOfFolds(words, word('news'), folds, null)).toEqual(word('two'));
  });

  it('steps over a fold in the middle, both ways', () => {
    const secondBody = { start: text.indexOf('Body two'), end: text.indexOf('Body two') + 'Body'.length };
    expect(keepOutOfFolds(words, word('Share'), folds, word('one'))).toEqual(secondBody);
    expect(keepOutOfFolds(words, word('this'), folds, word('two'))).toEqual(word('one'));
  });

  it('stays in the body at either end: a step past the last word comes back to it', () => {
    expect(keepOutOfFolds(words, word('Ticker'), folds, word('two'))).toEqual(word('two'));
    expect(keepOutOfFolds(words, word('Politics'), folds, word('Title'))).toEqual(word('Title'));
  });

  it('keeps ranges outside folds, ranges only reaching into one, and everything when nothing is folded', () => {
    expect(keepOutOfFolds(words, word('one'), folds, null)).toEqual(word('one'));
    const reaching = { start: text.indexOf('one'), end: text.indexOf('Share') + 5 };
    expect(keepOutOfFolds(words, reaching, folds, word('one'))).toBe(reaching);
    expect(keepOutOfFolds(words, word('Skip'), [], null)).toEqual(word('Skip'));
  });

  it('has nowhere to go when every word is folded', () => {
    const all = [{ start: 0, end: text.length }];
    expect(keepOutOfFolds(words, word('Skip'), all, null)).toBeNull();
  });
});
