import { lineIndexAt, splitLines } from '../text/lines';
import type { Hit } from './hits';

/** What of the text around a hit a claim coded from it covers. */
export type Extent = 'hit' | 'sentence' | 'paragraph';

const trimmed = (text: string, start: number, end: number): Hit => {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from] as string)) from++;
  while (to > from && /\s/u.test(text[to - 1] as string)) to--;
  return { start: from, end: to };
};

/**
 * The span a claim made from `hit` covers: the hit itself, the sentence or sentences it lies in
 * (as Intl.Segmenter cuts sentences for the document's language), or its line of the text (the
 * reader's paragraph), without the white space at either end. A hit across several sentences or
 * lines takes them all.
 */
export function extentOf(text: string, hit: Hit, extent: Extent, language?: string): Hit {
  if (extent === 'hit') return hit;
  const lines = splitLines(text);
  const first = lines[lineIndexAt(lines, hit.start)] ?? { start: 0, end: text.length };
  const last = lines[lineIndexAt(lines, Math.max(hit.start, hit.end - 1))] ?? first;
  if (extent === 'paragraph') return trimmed(text, first.start, last.end);
  // Sentences never run across a line break of the served text (a heading, a byline).
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  let start = hit.start;
  let end = hit.end;
  for (const sentence of segmenter.segment(text.slice(first.start, last.end))) {
    const from = first.start + sentence.index;
    const to = from + sentence.segment.length;
    if (to > hit.start && from < hit.end) {
      start = Math.min(start, from);
      end = Math.max(end, to);
    }
  }
  return trimmed(text, start, end);
}
