import { codePointsAfter, codePointsBefore } from '../text/offsets';
import { type Query, type QueryWord, WORD } from './query';
import { type Stems, wordForm } from './stems';

/** One place a query matched: [start, end) in UTF-16 code units of the served text. */
export interface Hit {
  start: number;
  end: number;
}

interface TextWord {
  start: number;
  end: number;
  form: string;
}

function wordsOf(text: string): TextWord[] {
  const found: TextWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index as number;
    found.push({ start, end: start + m[0].length, form: wordForm(m[0]) });
  }
  return found;
}

function matches(word: TextWord, wanted: QueryWord, stems: Stems): boolean {
  if (wanted.kind === 'form') return word.form === wanted.form;
  if (wanted.kind === 'wildcard') return wanted.pattern.test(word.form);
  return stems.of(word.form) === wanted.stem;
}

/**
 * Where `query` matches `text`, in order. Where two hits start at one place the longer is kept,
 * and a hit inside another is dropped: each place is shown once, as the longest match.
 */
export function findHits(text: string, query: Query, stems: Stems): Hit[] {
  const hits: Hit[] = [];
  if (query.kind === 'regex') {
    for (const m of text.matchAll(query.pattern)) {
      if (m[0].length > 0) hits.push({ start: m.index as number, end: (m.index as number) + m[0].length });
    }
    return hits;
  }
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    let longest: Hit | undefined;
    for (const alternative of query.alternatives) {
      if (i + alternative.length > words.length) continue;
      if (!alternative.every((wanted, k) => matches(words[i + k] as TextWord, wanted, stems))) continue;
      const end = (words[i + alternative.length - 1] as TextWord).end;
      if (!longest || end > longest.end) longest = { start: (words[i] as TextWord).start, end };
    }
    const last = hits.at(-1);
    if (longest && !(last && longest.end <= last.end)) hits.push(longest);
  }
  return hits;
}

/** A hit with the text around it, as one keyword-in-context line shows it. */
export interface ContextLine {
  before: string;
  quote: string;
  after: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** `context` code points either side of the hit, with line breaks and runs of spaces shown as one space. */
export function inContext(text: string, hit: Hit, context: number): ContextLine {
  return {
    before: oneLine(codePointsBefore(text, hit.start, context)),
    quote: text.slice(hit.start, hit.end),
    after: oneLine(codePointsAfter(text, hit.end, context)),
  };
}
