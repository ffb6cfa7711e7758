import { z } from 'zod';
import { DocumentId } from './document';

/** An annotator's tags for a whole document: its overall framing. */
export const DocumentLabel = z.object({
  documentId: DocumentId,
  annotator: z.string().min(1),
  /** Codebook tag ids; empty when the annotator cleared them. */
  tags: z.array(z.string().min(1)),
  updatedAt: z.iso.datetime(),
});

export type DocumentLabel = z.infer<typeof DocumentLabel>;

/** One nominal value per annotator and document, for agreement: the tag set, sorted and joined. */
export const labelValue = (label: Pick<DocumentLabel, 'tags'>) => [...label.tags].sort().join('+') || '(none)';
