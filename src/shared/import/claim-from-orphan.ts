import { type ClaimPlacement, fromClaimRecord } from '../formats/claim-record';
import type { Annotation } from '../model/annotation';
import type { Orphan } from './plan-import';

export interface OrphanPlacement extends ClaimPlacement {
  orphan: Orphan;
}

/**
 * The claim an orphan becomes when the analyst places it on a text range: what its record says
 * (tags mapped to the codebook, attributes, annotator, codebook, creation time) on the new target.
 * Placing it is an edit made now, so `updatedAt` is `now` whatever the record says.
 */
export function claimFromOrphan({ orphan, ...placement }: OrphanPlacement): Annotation {
  return { ...fromClaimRecord(orphan.record, placement), updatedAt: placement.now };
}
