import { type Annotation, isLive } from '../model/annotation';
import { partitionPoint } from '../partition-point';
import { csvTable } from '../text/csv';
import { splitLines } from '../text/lines';

/** What counts as two tags occurring together. */
export type CooccurrenceUnit = 'same-claim' | 'overlap' | 'sentence' | 'document';

export const COOCCURRENCE_UNITS: readonly CooccurrenceUnit[] = ['same-claim', 'overlap', 'sentence', 'document'];

export interface CooccurrenceCell {
  row: string;
  column: string;
  /** Units holding both tags (on the diagonal: units holding the tag). */
  count: number;
  /** count / units holding either tag; null when no unit holds either. */
  jaccard: number | null;
}

export interface Cooccurrence {
  unit: CooccurrenceUnit;
  tags: string[];
  /** Units holding each tag, in `tags` order. */
  units: number[];
  cells: CooccurrenceCell[];
}

/** A document's text, for cutting it into sentences. */
export interface CooccurrenceText {
  id: string;
  text: string;
  language?: string;
}

/**
 * Where each sentence of a text starts, as Intl.Segmenter cuts sentences for its language; a
 * sentence never runs across a line of the served text (a heading, a byline).
 */
function sentenceStarts(text: string, language: string | undefined): number[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const starts: number[] = [];
  for (const line of splitLines(text)) {
    for (const sentence of segmenter.segment(text.slice(line.start, line.end)))
      starts.push(line.start + sentence.index);
  }
  return starts;
}

/**
 * The units each live claim falls in, by unit: itself; the passage of claims overlapping it (one
 * passage for a chain of overlaps, as Review groups them); each sentence it touches; its document.
 */
function unitsOf(claims: readonly Annotation[], unit: CooccurrenceUnit, texts: ReadonlyMap<string, CooccurrenceText>) {
  const units = new Map<string, Set<string>>();
  const add = (key: string, tags: readonly string[]) => {
    let set = units.get(key);
    if (!set) {
      set = new Set();
      units.set(key, set);
    }
    for (const tag of tags) set.add(tag);
  };
  if (unit === 'same-claim') for (const claim of claims) add(claim.id, claim.tags);
  if (unit === 'document') for (const claim of claims) add(claim.documentId, claim.tags);
  const byDocument = new Map<string, Annotation[]>();
  for (const claim of claims) {
    const list = byDocument.get(claim.documentId);
    if (list) list.push(claim);
    else byDocument.set(claim.documentId, [claim]);
  }
  for (const [documentId, inDocument] of byDocument) {
    if (unit === 'overlap') {
      const sorted = [...inDocument].sort((a, b) => a.target.start - b.target.start);
      let passage = -1;
      let reach = -1;
      for (const claim of sorted) {
        if (claim.target.start >= reach) passage = claim.target.start;
        reach = Math.max(reach, claim.target.end);
        add(`${documentId}\u0000${passage}`, claim.tags);
      }
    }
    if (unit === 'sentence') {
      const text = texts.get(documentId);
      const starts = text ? sentenceStarts(text.text, text.language) : [0];
      for (const claim of inDocument) {
        const first = Math.max(0, partitionPoint(starts, (s) => s <= claim.target.start) - 1);
        const last = Math.max(first, partitionPoint(starts, (s) => s < claim.target.end) - 1);
        for (let i = first; i <= last; i++) add(`${documentId}\u0000${starts[i]}`, claim.tags);
      }
    }
  }
  return units;
}

/**
 * Tags by tags, as ATLAS.ti's Code Co-Occurrence Table counts them: each cell the units (claims,
 * passages of overlapping claims, sentences or documents) holding both tags, with the Jaccard
 * coefficient: those units over the units holding either. The diagonal counts the units holding
 * the tag. Sentences are cut in `texts`; a document without its text is one sentence.
 */
export function cooccurrence(
  claims: readonly Annotation[],
  { unit, tags, texts = [] }: { unit: CooccurrenceUnit; tags: readonly string[]; texts?: readonly CooccurrenceText[] },
): Cooccurrence {
  const units = unitsOf(claims.filter(isLive), unit, new Map(texts.map((t) => [t.id, t])));
  const holding = new Map<string, number>();
  const both = new Map<string, number>();
  for (const set of units.values()) {
    const present = tags.filter((tag) => set.has(tag));
    for (const a of present) {
      holding.set(a, (holding.get(a) ?? 0) + 1);
      for (const b of present) both.set(`${a}\u0000${b}`, (both.get(`${a}\u0000${b}`) ?? 0) + 1);
    }
  }
  const cells: CooccurrenceCell[] = [];
  for (const row of tags) {
    for (const column of tags) {
      const count = both.get(`${row}\u0000${column}`) ?? 0;
      const either =
        (holding.get(row) ?? 0) + (holding.get(column) ?? 0) - (row === column ? (holding.get(row) ?? 0) : count);
      cells.push({ row, column, count, jaccard: either === 0 ? null : count / either });
    }
  }
  return { unit, tags: [...tags], units: tags.map((tag) => holding.get(tag) ?? 0), cells };
}

/** The table as CSV, a line per pair of tags. */
export function cooccurrenceCsv(table: Cooccurrence): string {
  return csvTable(
    ['row', 'column', 'count', 'jaccard'],
    table.cells.map((c) => [c.row, c.column, c.count, c.jaccard]),
  );
}
