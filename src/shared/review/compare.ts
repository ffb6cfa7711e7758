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
 * Its claims are listed in the order of `annotators` (the review's lanes).
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

/** A tag set as one comparable value: order and repeats aside. */
export const tagSetKey = (tags: readonly string[]) => [...new Set(tags)].sort().join('\u0000');

/** Whether two lists of tags are the same set. */
export const sameTagSet = (a: readonly string[], b: readonly string[]) => tagSetKey(a) === tagSetKey(b);

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
  const lane = (name: string) => {
    const at = annotators.indexOf(name);
    return at < 0 ? annotators.length : at;
  };
  return groups.map((unordered) => {
    // In lane order, so "the first claim" means the first annotator's, whatever was marked first.
    const group = [...unordered].sort(
      (a, b) => lane(a.annotator) - lane(b.annotator) || a.target.start - b.target.start || a.target.end - b.target.end,
    );
    const who = [...new Set(group.map((c) => c.annotator))].sort();
    const first = group[0] as Annotation;
    const agreed =
      annotators.length > 1 &&
      group.length === annotators.length &&
      annotators.every((name) => who.includes(name)) &&
      group.every(
        (c) =>
          c.target.start === first.target.start && c.target.end === first.target.end && sameTagSet(c.tags, first.tags),
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
