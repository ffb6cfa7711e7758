/** A half-open stretch [start, end) of a text, in UTF-16 code units. */
export interface Interval {
  start: number;
  end: number;
}

/** One piece of a coder's segmentation of a continuum: a unit, or the gap between units. */
export interface Section extends Interval {
  unit: boolean;
}

export const byPosition = (a: Interval, b: Interval): number => a.start - b.start || a.end - b.end;

/** Two spans overlap when they share at least one character; spans that only touch do not. */
export const overlaps = (a: Interval, b: Interval): boolean => Math.max(a.start, b.start) < Math.min(a.end, b.end);

export const overlapLength = (a: Interval, b: Interval): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * One coder's units of one tag, made fit for unitizing: clipped to the continuum [0, length),
 * and overlapping units merged into one (a unitizing coefficient needs each coder's units of a
 * category to be disjoint). Units that only touch stay apart: "1 1|1|1" is three units.
 */
export function mergeOverlapping(units: readonly Interval[], length: number): Interval[] {
  const clipped = units
    .map((u) => ({ start: Math.max(0, u.start), end: Math.min(length, u.end) }))
    .filter((u) => u.end > u.start)
    .sort(byPosition);
  const merged: Interval[] = [];
  for (const unit of clipped) {
    const last = merged[merged.length - 1];
    if (last && unit.start < last.end) last.end = Math.max(last.end, unit.end);
    else merged.push({ ...unit });
  }
  return merged;
}

/** Cuts [0, length) into the coder's (disjoint, sorted) units and the gaps between them. */
export function sections(units: readonly Interval[], length: number): Section[] {
  const out: Section[] = [];
  let cursor = 0;
  for (const unit of units) {
    if (unit.start > cursor) out.push({ start: cursor, end: unit.start, unit: false });
    out.push({ start: unit.start, end: unit.end, unit: true });
    cursor = unit.end;
  }
  if (cursor < length) out.push({ start: cursor, end: length, unit: false });
  return out;
}
