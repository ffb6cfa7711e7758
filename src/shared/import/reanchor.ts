import { anchorSelector } from '../anchoring/anchor';
import { toClaimRecord } from '../formats/claim-record';
import { type Annotation, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import type { CorpusText, Orphan } from './plan-import';

export interface Reanchoring {
  /** Claims placed in the new text, with its hash; those not found at their old place are marked for a check. */
  updated: Annotation[];
  /** Claims that can no longer be found, with their old quote and context kept. */
  orphaned: Orphan[];
  /** Ids of the claims that became orphans (the caller removes them from the claims). */
  removed: string[];
}

/**
 * A document's text changed on disk since these claims were made (their hash differs). Each claim
 * is found again from its stored quote and context, as an import would place it.
 */
export function reanchorClaims(
  claims: readonly Annotation[],
  doc: CorpusText,
  now: string,
  newId: () => string,
  /** A Date.now() time after which no approximate search starts (see AnchorOptions). */
  deadline?: number,
): Reanchoring {
  const result: Reanchoring = { updated: [], orphaned: [], removed: [] };
  const index = new OffsetIndex(doc.text);
  for (const claim of claims) {
    if (claim.documentSha256 === doc.sha256) continue;
    const record = toClaimRecord(claim, `claim ${claim.id}`);
    const anchored = anchorSelector(doc.text, record.selector, { sameText: false, deadline });
    if (!anchored.placed) {
      result.removed.push(claim.id);
      result.orphaned.push({
        id: newId(),
        documentId: doc.id,
        record,
        reason: `the document changed and ${anchored.reason}`,
        source: 'changed document',
        importedAt: now,
      });
      continue;
    }
    const moved = anchored.method !== 'position';
    result.updated.push({
      ...claim,
      documentSha256: doc.sha256,
      target: textTarget(index, anchored.start, anchored.end),
      updatedAt: moved ? now : claim.updatedAt,
      ...(moved || anchored.ambiguous
        ? {
            anchoring: {
              score: anchored.score,
              method: anchored.method,
              ambiguous: anchored.ambiguous,
              source: 'the changed document',
            },
          }
        : {}),
    });
  }
  return result;
}
