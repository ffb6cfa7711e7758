import type { Annotation, TextTarget } from '../model/annotation';
import { type Codebook, codebookTagId } from '../model/codebook';
import type { ClaimRecord } from './interchange';

/**
 * The one conversion between a claim as the app stores it (an Annotation) and as a file describes
 * it (a ClaimRecord), each way. A record carries no placement the app can trust, so turning it into
 * an annotation takes the place anchoring found; everything else the record says is kept.
 */

/** The fields of a stored claim a record carries: a file's claims have no tombstone or review marks. */
export type RecordedClaim = Pick<
  Annotation,
  | 'id'
  | 'documentId'
  | 'documentSha256'
  | 'target'
  | 'tags'
  | 'attributes'
  | 'annotator'
  | 'codebookId'
  | 'codebookVersion'
  | 'createdAt'
  | 'updatedAt'
  | 'origin'
>;

/**
 * A stored claim as a record, selected by its UTF-16 offsets and its quote with context, so that
 * it can be placed again (in a changed text, say) just as an import places a file's claims.
 * `origin` says where it came from, for reports.
 */
export function toClaimRecord(claim: RecordedClaim, origin: string): ClaimRecord {
  const { start, end, exact, prefix, suffix } = claim.target;
  return {
    id: claim.id,
    documentId: claim.documentId,
    documentSha256: claim.documentSha256,
    selector: { unit: 'utf16', start, end, exact, prefix, suffix },
    tags: claim.tags,
    attributes: claim.attributes,
    annotator: claim.annotator,
    codebookId: claim.codebookId,
    codebookVersion: claim.codebookVersion,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    origin,
    ...(claim.origin && { madeBy: claim.origin }),
  };
}

/** Where a record's claim goes, and what stands in for what the record does not say. */
export interface ClaimPlacement {
  /** The claim's id: the record's own when the caller keeps it, else a new one. */
  id: string;
  documentId: string;
  documentSha256: string;
  target: TextTarget;
  /** Whose claim it is when the record names no annotator. */
  fallbackAnnotator: string;
  /** The codebook whose tag ids the record's tags are mapped to; the claim's own when the record names none. */
  codebook: Pick<Codebook, 'id' | 'version' | 'tags'>;
  /** The time of a record that gives none (or one Date cannot read). */
  now: string;
}

/** A record as a claim placed in the corpus: its tags mapped to the codebook, its times normalised. */
export function fromClaimRecord(record: ClaimRecord, placement: ClaimPlacement): Annotation {
  const { codebook } = placement;
  const createdAt = isoOr(record.createdAt, placement.now);
  return {
    id: placement.id,
    documentId: placement.documentId,
    documentSha256: placement.documentSha256,
    target: placement.target,
    tags: record.tags.map((tag) => codebookTagId(codebook, tag)),
    attributes: { ...record.attributes },
    annotator: record.annotator ?? placement.fallbackAnnotator,
    codebookId: record.codebookId ?? codebook.id,
    codebookVersion: record.codebookVersion ?? codebook.version,
    createdAt,
    updatedAt: isoOr(record.updatedAt, createdAt),
    ...(record.madeBy && { origin: record.madeBy }),
  };
}

/** Foreign tools write times in many shapes; anything Date can read is normalised, the rest replaced. */
function isoOr(value: string | undefined, fallback: string): string {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}
