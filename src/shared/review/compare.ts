import type { Annotation } from '../model/annotation';

/** The adjudicated layer is kept as the claims of this annotator. */
export const GOLD = 'Gold';

export type Agreement = 'agreed' | 'partial' | 'single';

/**
 * Claims of several annotators on one document that overlap one another (directly or through a
 * chain), with how far the annotators agree on it:
 * - agreed: every annotator of the review has exactly one claim here, all with the same span and tags;
 * - partial: more than one annotator marked something here, but spans or tags differ;
 * - single: only one annotator marked it.
 */
export interface Cluster {
  /** Stable across reloads: the span and the ids of its claims. */
  key: string;
  start: number;
  end: number;
  claims: Annotation[];
  annotators: string[];
  agreement: Agreement;
}

const tagSet = (a: Annotation) => [...a.tags].sort().join('\u0000');

export function clusterClaims(claims: readonly Annotation[], annotators: readonly string[]): Cluster[] {
  const sorted = [...claims].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
  const groups: Annotation[][] = [];
  let end = -1;
  for (const claim of sorted) {
    const current = groups[groups.length - 1];
    if (current && claim.target.start < end) {
      current.push(claim);
      end = Math.max(end, claim.target.end);
    } else {
      groups.push([claim]);
      end = claim.target.end;
    }
  }
  return groups.map((group) => {
    const who = [...new Set(group.map((c) => c.annotator))].sort();
    const first = group[0] as Annotation;
    const agreed =
      annotators.length > 1 &&
      group.length === annotators.length &&
      annotators.every((name) => who.includes(name)) &&
      group.every(
        (c) =>
          c.target.start === first.target.start && c.target.end === first.target.end && tagSet(c) === tagSet(first),
      );
    return {
      key: `${Math.min(...group.map((c) => c.target.start))}:${group
        .map((c) => c.id)
        .sort()
        .join(',')}`,
      start: Math.min(...group.map((c) => c.target.start)),
      end: Math.max(...group.map((c) => c.target.end)),
      claims: group,
      annotators: who,
      agreement: agreed ? 'agreed' : who.length > 1 ? 'partial' : 'single',
    };
  });
}
