import { useMemo } from 'react';
import { ulid } from 'ulid';
import { type Annotation, newClaim, textTarget } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusDocument } from '../../../shared/model/document';
import { OffsetIndex } from '../../../shared/text/offsets';
import { addClaim, deleteClaim, setClaimTags } from '../../db/annotations';

export interface ClaimActions {
  create(range: { start: number; end: number }, tagId: string): Promise<string>;
  /** Makes `tagId` the claim's only tag (what a hotkey does to a selected claim). */
  retag(claim: Annotation, tagId: string): Promise<void>;
  /** Adds or removes one tag; a claim keeps at least one. */
  toggleTag(claim: Annotation, tagId: string): Promise<void>;
  remove(claim: Annotation): Promise<void>;
}

export function useClaimActions(doc: CorpusDocument, annotator: string, codebook: Codebook): ClaimActions {
  const index = useMemo(() => new OffsetIndex(doc.text), [doc.text]);
  return useMemo(
    () => ({
      async create(range, tagId) {
        const claim = newClaim({
          id: ulid(),
          documentId: doc.id,
          documentSha256: doc.sha256,
          target: textTarget(index, range.start, range.end),
          tagId,
          annotator,
          codebookId: codebook.id,
          codebookVersion: codebook.version,
          now: new Date().toISOString(),
        });
        await addClaim(claim);
        return claim.id;
      },
      async retag(claim, tagId) {
        if (claim.tags.length === 1 && claim.tags[0] === tagId) return;
        await setClaimTags(claim.id, [tagId]);
      },
      async toggleTag(claim, tagId) {
        const has = claim.tags.includes(tagId);
        if (has && claim.tags.length === 1) return;
        await setClaimTags(claim.id, has ? claim.tags.filter((t) => t !== tagId) : [...claim.tags, tagId]);
      },
      async remove(claim) {
        await deleteClaim(claim.id);
      },
    }),
    [doc.id, doc.sha256, index, annotator, codebook],
  );
}
