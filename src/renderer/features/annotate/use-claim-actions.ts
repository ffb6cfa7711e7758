import { useMemo } from 'react';
import { ulid } from 'ulid';
import type { Orphan } from '../../../shared/import/plan-import';
import { type Annotation, type ClaimAttributes, newClaim, textTarget } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusDocument } from '../../../shared/model/document';
import { OffsetIndex } from '../../../shared/text/offsets';
import { addClaim, deleteClaim, setClaimAttributes, setClaimTags } from '../../db/annotations';
import { acceptPlacement, discardOrphan, moveClaim, placeOrphan } from '../../db/imports';

export interface ClaimActions {
  create(range: TextRange, tagId: string): Promise<string>;
  /** Makes `tagId` the claim's only tag (what a hotkey does to a selected claim). */
  retag(claim: Annotation, tagId: string): Promise<void>;
  /** Adds or removes one tag; a claim keeps at least one. */
  toggleTag(claim: Annotation, tagId: string): Promise<void>;
  /** Changes the given attributes (undefined clears one) and keeps the others as stored. */
  setAttributes(claim: Annotation, patch: Partial<ClaimAttributes>): Promise<void>;
  remove(claim: Annotation): Promise<void>;
  acceptPlacement(claim: Annotation): Promise<void>;
  moveTo(claim: Annotation, range: TextRange): Promise<void>;
  /** Turns an orphan into a claim on the selected text, keeping its tags, attributes and annotator. */
  placeOrphan(orphan: Orphan, range: TextRange): Promise<void>;
  discardOrphan(orphan: Orphan): Promise<void>;
}

interface TextRange {
  start: number;
  end: number;
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
      async setAttributes(claim, patch) {
        await setClaimAttributes(claim.id, patch);
      },
      async remove(claim) {
        await deleteClaim(claim.id);
      },
      async acceptPlacement(claim) {
        await acceptPlacement(claim.id);
      },
      async moveTo(claim, range) {
        await moveClaim(claim.id, textTarget(index, range.start, range.end));
      },
      async placeOrphan(orphan, range) {
        const now = new Date().toISOString();
        const { record } = orphan;
        const claim = newClaim({
          id: ulid(),
          documentId: doc.id,
          documentSha256: doc.sha256,
          target: textTarget(index, range.start, range.end),
          tagId: record.tags[0] ?? codebook.tags[0]?.id ?? 'untagged',
          annotator: record.annotator ?? annotator,
          codebookId: record.codebookId ?? codebook.id,
          codebookVersion: record.codebookVersion ?? codebook.version,
          now,
        });
        await placeOrphan(orphan.id, { ...claim, tags: [...record.tags], attributes: { ...record.attributes } });
      },
      async discardOrphan(orphan) {
        await discardOrphan(orphan.id);
      },
    }),
    [doc.id, doc.sha256, index, annotator, codebook],
  );
}
