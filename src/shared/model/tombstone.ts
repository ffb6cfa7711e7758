import { z } from 'zod';
import { compareCodeUnits } from '../text/compare';
import type { Annotation } from './annotation';
import { DocumentId } from './document';

/**
 * A deleted claim as files, imports and merges carry it: which claim, whose, and when it went, so
 * a merge can tell a deletion from an absence. The database keeps a deletion as the whole
 * annotation with `deletedAt` set; a file keeps only these four fields.
 */
export const Tombstone = z.object({
  id: z.string(),
  documentId: DocumentId,
  annotator: z.string(),
  deletedAt: z.iso.datetime(),
});

export type Tombstone = z.infer<typeof Tombstone>;

/** The tombstone of a claim deleted at `deletedAt`, its keys in the order files write them. */
export const tombstoneOf = (
  claim: Pick<Annotation, 'id' | 'documentId' | 'annotator'>,
  deletedAt: string,
): Tombstone => ({ id: claim.id, documentId: claim.documentId, annotator: claim.annotator, deletedAt });

/** The order files list tombstones in: by document, then by claim id. */
export const compareTombstones = (a: Tombstone, b: Tombstone): number =>
  compareCodeUnits(a.documentId, b.documentId) || compareCodeUnits(a.id, b.id);
