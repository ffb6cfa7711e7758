import { type Line, lineIndexAt } from './lines';

export interface Span {
  id: string;
  start: number;
  end: number;
}

/** A stretch of one line, in document offsets, covered by exactly the claims in `ids` (maybe none). */
export interface Run {
  start: number;
  end: number;
  ids: string[];
}

/**
 * Cuts each line into flat runs at every span boundary, so overlapping claims become runs that
 * carry several ids (one mark each in the reader). `ids` keep the order of `spans`.
 */
export function runsByLine(lines: readonly Line[], spans: readonly Span[]): Run[][] {
  const perLine = spansByLine(lines, spans);
  return lines.map((line, i) => lineRuns(line, perLine[i] ?? []));
}

/** The spans touching each line, in the order of `spans` (empty spans touch none). */
export function spansByLine(lines: readonly Line[], spans: readonly Span[]): Span[][] {
  const perLine: Span[][] = lines.map(() => []);
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const first = lineIndexAt(lines, span.start);
    const last = lineIndexAt(lines, span.end - 1);
    for (let i = first; i <= last; i++) perLine[i]?.push(span);
  }
  return perLine;
}

/** The spans touching line `index`, in the order of `spans`: the same as spansByLine gives it. */
export function spansOfLine(lines: readonly Line[], spans: readonly Span[], index: number): Span[] {
  const line = lines[index];
  if (!line) return [];
  // Offsets between two lines (the line break) belong to the line before, as in lineIndexAt.
  const next = lines[index + 1]?.start ?? Number.POSITIVE_INFINITY;
  return spans.filter((span) => span.end > span.start && span.start < next && span.end - 1 >= line.start);
}

/**
 * The lines whose runs differ between two sets of spans: the lines of every span added, removed
 * or moved, in order. One new claim redraws its own lines, not the document.
 */
export function changedLines(lines: readonly Line[], before: readonly Span[], after: readonly Span[]): number[] {
  const was = new Map(before.map((span) => [span.id, span]));
  const moved: Span[] = [];
  for (const span of after) {
    const old = was.get(span.id);
    was.delete(span.id);
    if (old?.start === span.start && old.end === span.end) continue;
    moved.push(span);
    if (old) moved.push(old);
  }
  moved.push(...was.values());
  const touched = new Set<number>();
  for (const span of moved) {
    if (span.end <= span.start) continue;
    const last = lineIndexAt(lines, span.end - 1);
    for (let i = lineIndexAt(lines, span.start); i <= last; i++) touched.add(i);
  }
  return [...touched].sort((a, b) => a - b);
}

/** One line's runs, from the spans touching it. */
export function lineRuns(line: Line, spans: readonly Span[]): Run[] {
  if (line.end === line.start) return [];
  const cuts = new Set([line.start, line.end]);
  for (const span of spans) {
    if (span.start > line.start && span.start < line.end) cuts.add(span.start);
    if (span.end > line.start && span.end < line.end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const ids = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const previous = runs[runs.length - 1];
    if (previous && sameIds(previous.ids, ids)) previous.end = end;
    else runs.push({ start, end, ids });
  }
  return runs;
}

/** Whether two runs carry the same claims, in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
