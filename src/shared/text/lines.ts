import { partitionPoint } from '../partition-point';

/** A line of a document: [start, end) excludes its line break, which may be \n, \r\n or \r. */
export interface Line {
  start: number;
  end: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** Index of the line containing `offset` (a line break belongs to the line it ends). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  return Math.max(0, partitionPoint(lines, (line) => line.start <= offset) - 1);
}
