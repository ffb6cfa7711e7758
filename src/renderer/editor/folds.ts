import type { Segment } from '../../shared/model/document';
import { type Line, lineIndexAt } from '../../shared/text/lines';
import type { Range, Word } from '../../shared/text/words';

export interface LineMark {
  kind: Segment['kind'];
}

/** A run of boilerplate lines that folds into one line: lines [firstLine, lastLine], text [start, end). */
export interface Fold {
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
}

/** The segment kind of every line (blank lines take the kind of the line before them). */
export function lineMarks(lines: readonly Line[], segments: readonly Segment[]): LineMark[] {
  const marks: LineMark[] = lines.map(() => ({ kind: 'body' }));
  for (const segment of segments) {
    if (segment.end <= segment.start) continue;
    const first = lineIndexAt(lines, segment.start);
    const last = lineIndexAt(lines, segment.end - 1);
    for (let i = first; i <= last; i++) marks[i] = { kind: segment.kind };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.end === line.start && !segments.some((s) => s.start <= line.start && s.end > line.start)) {
      marks[i] = { kind: (marks[i - 1] as LineMark).kind };
    }
  }
  return marks;
}

/** The runs of boilerplate lines, in text order: each folds and opens on its own. */
export function foldsOf(lines: readonly Line[], marks: readonly LineMark[]): Fold[] {
  const folds: Fold[] = [];
  for (let i = 0; i < marks.length; i++) {
    if (marks[i]?.kind !== 'boilerplate') continue;
    let last = i;
    while (marks[last + 1]?.kind === 'boilerplate') last++;
    folds.push({ firstLine: i, lastLine: last, start: (lines[i] as Line).start, end: (lines[last] as Line).end });
    i = last;
  }
  return folds;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** The nearest word from `offset` on (`+1`) or before it (`-1`) that no hidden range overlaps. */
function wordOutside(
  words: readonly Word[],
  hidden: readonly Range[],
  offset: number,
  direction: 1 | -1,
): Word | undefined {
  let i = direction === 1 ? words.findIndex((w) => w.start >= offset) : words.findLastIndex((w) => w.end <= offset);
  for (; i >= 0 && i < words.length; i += direction) {
    const word = words[i] as Word;
    if (!hidden.some((h) => overlaps(h, word))) return word;
  }
  return undefined;
}

/**
 * Where a range the keyboard stepped to is shown when some text is folded away. A range inside a
 * hidden range (a word step into folded boilerplate) moves on to the nearest word outside, going
 * the way the cursor went from `from` (forward when nothing was selected), and back the other way
 * when nothing is left that way, so steps never land in a fold. Null when no word is outside.
 * Any other range is kept: one that only reaches into a fold (an edge moved by a word) opens it.
 */
export function keepOutOfFolds(
  words: readonly Word[],
  range: Range,
  hidden: readonly Range[],
  from: Range | null,
): Range | null {
  const fold = hidden.find((h) => h.start <= range.start && range.end <= h.end);
  if (!fold) return range;
  const back = Boolean(from && from.start > range.start);
  const word = back
    ? (wordOutside(words, hidden, fold.start, -1) ?? wordOutside(words, hidden, fold.end, 1))
    : (wordOutside(words, hidden, fold.end, 1) ?? wordOutside(words, hidden, fold.start, -1));
  return word ? { start: word.start, end: word.end } : null;
}
