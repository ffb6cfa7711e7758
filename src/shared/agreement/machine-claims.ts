import type { Annotation } from '../model/annotation';

/**
 * The claims an agreement is computed on when machine-made claims are left out: those coded from
 * search hits or accepted as suggestions (claims with an `origin`) agree with one another because
 * a query or a suggestion placed them, not because annotators read the text alike. `leftOut`
 * counts the live ones, as a report counts only those.
 */
export function withoutMachineClaims<T extends Pick<Annotation, 'origin' | 'deletedAt'>>(
  claims: readonly T[],
): { claims: T[]; leftOut: number } {
  const kept = claims.filter((claim) => claim.origin === undefined);
  const leftOut = claims.filter((claim) => claim.origin !== undefined && claim.deletedAt === undefined).length;
  return { claims: kept, leftOut };
}
