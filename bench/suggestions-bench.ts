import { findSuggestions, PhraseBook, PhraseForms, type TaggedText } from '../src/shared/suggestions';
import { findWords } from '../src/shared/text/words';
import { claimSpans, newsArticle, seeded } from './data';
import { type Measurement, measure } from './measure';

/**
 * 12: the suggestions of an article, learned from 10,000 claims over 200 articles, as the reader
 * works them out when a document opens (12a) and after each change to the claims (12b).
 */
export async function suggestionBenchmarks(runs: number): Promise<Measurement[]> {
  const random = seeded(12);
  const tagged: TaggedText[] = [];
  for (let i = 0; i < 200; i++) {
    const text = newsArticle(random, 20_000);
    for (const span of claimSpans(random, text, 50))
      tagged.push({ text: text.slice(span.start, span.end), tagId: span.tag });
  }
  const article = newsArticle(random, 100_000);
  const words = findWords(article);
  const suggest = (forms: PhraseForms) => {
    const found = findSuggestions(article, words, PhraseBook.from(tagged, [], forms), [], new Set());
    if (found.length === 0) throw new Error('nothing was suggested');
    return { suggestions: found.length };
  };
  const segmenting = {
    baseline: async () => {
      let count = findWords(article).length;
      for (const { text } of tagged) count += findWords(text).length;
      return { words: count };
    },
    baselineName: 'segmenting the article and the claims into words (Intl.Segmenter)',
  };
  // After a change, the claims' texts are known from the book before: only new ones are segmented.
  const known = new PhraseForms();
  suggest(known);
  return [
    await measure('12a', 'the suggestions of a 100,000-character article, learned from 10,000 claims', runs, {
      subject: async () => suggest(new PhraseForms()),
      ...segmenting,
    }),
    await measure('12b', 'the same again after a change to the claims, as after each key press', runs, {
      subject: async () => suggest(known),
      ...segmenting,
    }),
  ];
}
