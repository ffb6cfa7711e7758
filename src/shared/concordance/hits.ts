import { codePointsAfter, codePointsBefore } from '../text/offsets';
import { type Query, type QueryWord, WORD, wordStart } from './query';
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

const WORD_END = /[\p{L}\p{M}\p{N}]$/u;

function matches(word: TextWord, wanted: QueryWord, stems: Stems): boolean {
  if (wanted.kind === 'form') return word.form === wanted.form;
  if (wanted.kind === 'wildcard') return wanted.pattern.test(word.form);
  return stems.of(word.form) === wanted.stem;
}

/**
 * Where a hit may start: every word of the text, or, when each alternative's first word tells how
 * its words begin, only the words that begin so (found with indexOf in the lower-cased text,
 * which is much faster than cutting the whole text into words).
 */
function startsOf(text: string, lowered: string, query: Extract<Query, { kind: 'words' }>): number[] {
  const beginnings = new Set(query.alternatives.map((alternative) => wordStart(alternative[0] as QueryWord)));
  if (lowered.length !== text.length || beginnings.has(''))
    return [...text.matchAll(WORD)].map((m) => m.index as number);
  const starts = new Set<number>();
  for (const beginning of beginnings) {
    for (let at = lowered.indexOf(beginning); at >= 0; at = lowered.indexOf(beginning, at + 1)) {
      if (!WORD_END.test(lowered.slice(Math.max(0, at - 2), at))) starts.add(at);
    }
  }
  return [...starts].sort((a, b) => a - b);
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
  // Lower case changes the length of a few characters (İ); then each word is lowered alone.
  const lowered = wordForm(text);
  const formOf = (start: number, end: number) =>
    lowered.length === text.length ? lowered.slice(start, end) : wordForm(text.slice(start, end));
  const longest = Math.max(...query.alternatives.map((alternative) => alternative.length));
  const next = new RegExp(WORD.source, 'gu');
  for (const start of startsOf(text, lowered, query)) {
    // The words from this one on, as many as the longest alternative has.
    next.lastIndex = start;
    const words: TextWord[] = [];
    for (let m = next.exec(text); m && words.length < longest; m = next.exec(text)) {
      words.push({ start: m.index, end: m.index + m[0].length, form: formOf(m.index, m.index + m[0].length) });
    }
    let found: Hit | undefined;
    for (const alternative of query.alternatives) {
      if (alternative.length > words.length) continue;
      if (!alternative.every((wanted, k) => matches(words[k] as TextWord, wanted, stems))) continue;
      const end = (words[alternative.length - 1] as TextWord).end;
      if (!found || end > found.end) found = { start, end };
    }
    const last = hits.at(-1);
    if (found && !(last && found.end <= last.end)) hits.push(found);
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
