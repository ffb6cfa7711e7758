import type { IntervalTree, ObservabilitySet } from 'dexie';

/** Walks a range tree of a storage mutation, in key order. */
function* rangesOf(tree: IntervalTree): Generator<{ from: unknown; to: unknown }> {
  if (!('from' in tree)) return;
  if (tree.l) yield* rangesOf(tree.l);
  yield tree;
  if (tree.r) yield* rangesOf(tree.r);
}

/** The ids of the claims a write changed ('all' when it changed a range of them), or none. */
export function claimsWritten(parts: ObservabilitySet): string[] | 'all' {
  const ids: string[] = [];
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.endsWith('/annotations/')) continue;
    for (const { from, to } of rangesOf(tree)) {
      if (typeof from !== 'string' || from !== to) return 'all';
      ids.push(from);
    }
  }
  return ids;
}
