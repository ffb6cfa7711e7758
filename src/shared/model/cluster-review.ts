import { z } from 'zod';
import { DocumentId } from './document';

const isoTime = z.iso.datetime();

/** One remark in the discussion of a disagreement, before (or after) it is settled. */
export const ReviewComment = z.object({
  /** A ULID, so that the same comment read from two files is one comment. */
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  author: z.string().min(1),
  at: isoTime,
  text: z.string().min(1).max(4_000),
});

/**
 * What adjudication recorded about one disagreement apart from gold claims: that none of its
 * claims were kept (rejected) or that an earlier decision was taken back (reopened), by whom and
 * why, and its discussion. Accepting a claim is recorded on the gold claim itself (its provenance).
 */
export const ClusterReview = z.object({
  documentId: DocumentId,
  /**
   * The disagreement it is about: a span cluster's key (its start and its claims' ids), or
   * `framing:<codebook id>` for the document's framing in one codebook.
   */
  clusterKey: z.string().min(1),
  decision: z
    .object({
      kind: z.enum(['rejected', 'reopened']),
      decidedBy: z.string().min(1),
      decidedAt: isoTime,
      rationale: z.string().optional(),
    })
    .optional(),
  comments: z.array(ReviewComment),
});

export type ReviewComment = z.infer<typeof ReviewComment>;
export type ClusterReview = z.infer<typeof ClusterReview>;

/** The key of a document's framing as one item of review, per codebook (layer). */
export const framingKey = (codebookId: string) => `framing:${codebookId}`;

export const reviewKey = (review: Pick<ClusterReview, 'documentId' | 'clusterKey'>) =>
  `${review.documentId}\u0000${review.clusterKey}`;

export const isRejected = (review: ClusterReview | undefined) => review?.decision?.kind === 'rejected';
