import { useMemo } from 'react';
import { ulid } from 'ulid';
import { claimFromOrphan } from '../../../shared/import/claim-from-orphan';
import type { Orphan } from '../../../shared/import/plan-import';
import {
  type Annotation,
  type ClaimAttributes,
  newClaim,
  type Origin,
  textTarget,
  withAttributes,
} from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusDocument } from '../../../shared/model/document';
import { OffsetIndex } from '../../../shared/text/offsets';
import { typingStep } from '../../db/claim-history';
import type { ClaimStores, DocumentClaims } from '../../db/document-claims';
import type { TextRange } from '../../editor/selection-offsets';

/** A claim to make: its words, its tag, and how it was made when not by hand. */
export interface NewClaimAt {
  range: TextRange;
  tagId: string;
  origin?: Origin;
}

export interface ClaimActions {
  create(range: TextRange, tagId: string, origin?: Origin): Promise<string>;
  /** Makes several claims in one write, one step of the document's history (suggestions accepted together). */
  createAll(claims: readonly NewClaimAt[]): Promise<void>;
  /** Makes `tagId` the claim's only tag (what a hotkey does to a selected claim). */
  retag(claim: Annotation, tagId: string): Promise<void>;
  /** Adds or removes one tag; a claim keeps at least one. */
  toggleTag(claim: Annotation, tagId: string): Promise<void>;
  /**
   * Changes the given attributes (undefined clears one) and keeps the others as stored. `typed`
   * edits of one field in a row (the pauses while typing) are one step of the history.
   */
  setAttributes(claim: Annotation, patch: Partial<ClaimAttributes>, typed?: boolean): Promise<void>;
  remove(claim: Annotation): Promise<void>;
  /** The analyst agrees with where an imported or re-found claim was placed. */
  acceptPlacement(claim: Annotation): Promise<void>;
  /** Moves a claim to other text: one whose placement they check, or whose edges they adjust. */
  moveTo(claim: Annotation, range: TextRange): Promise<void>;
  /** Turns an orphan into a claim on the selected text, keeping its tags, attributes and annotator. */
  placeOrphan(orphan: Orphan, range: TextRange): Promise<void>;
  discardOrphan(orphan: Orphan): Promise<void>;
}

/** What the analyst does to the open document's claims, each one write through its claims store. */
export function useClaimActions(
  doc: CorpusDocument,
  stores: ClaimStores,
  store: DocumentClaims,
  annotator: string,
  codebook: Codebook,
): ClaimActions {
  const index = useMemo(() => new OffsetIndex(doc.text), [doc.text]);
  return useMemo(() => {
    const target = (range: TextRange) => textTarget(index, range.start, range.end);
    const build = ({ range, tagId, origin }: NewClaimAt, now: string): Annotation => ({
      ...newClaim({
        id: ulid(),
        documentId: doc.id,
        documentSha256: doc.sha256,
        target: target(range),
        tagId,
        annotator,
        codebookId: codebook.id,
        codebookVersion: codebook.version,
        now,
      }),
      ...(origin && { origin }),
    });
    return {
      async create(range, tagId, origin) {
        const claim = build({ range, tagId, origin }, new Date().toISOString());
        await store.add(claim);
        return claim.id;
      },
      async createAll(claims) {
        const now = new Date().toISOString();
        await stores.addTogether(claims.map((claim) => build(claim, now)));
      },
      // A tag key replaces the claim's tags with one of the codebook coded with now, so the claim
      // moves to that codebook and version: its tags are always read through the codebook it names.
      async retag(claim, tagId) {
        if (claim.tags.length === 1 && claim.tags[0] === tagId && claim.codebookId === codebook.id) return;
        await store.update(claim.id, (stored) => ({
          ...stored,
          tags: [tagId],
          codebookId: codebook.id,
          codebookVersion: codebook.version,
        }));
      },
      async toggleTag(claim, tagId) {
        const has = claim.tags.includes(tagId);
        if (has && claim.tags.length === 1) return;
        const tags = has ? claim.tags.filter((t) => t !== tagId) : [...claim.tags, tagId];
        await store.update(claim.id, (stored) => ({ ...stored, tags }));
      },
      // Merged into the stored attributes inside the write, so that no earlier edit is lost.
      setAttributes: (claim, patch, typed = false) =>
        store.update(
          claim.id,
          (stored) => withAttributes(stored, patch),
          typed ? { mergeKey: typingStep(claim.id, Object.keys(patch).join()) } : {},
        ),
      remove: (claim) => store.remove(claim.id),
      acceptPlacement: (claim) => store.update(claim.id, (stored) => ({ ...stored, anchoring: undefined })),
      moveTo: (claim, range) =>
        store.update(claim.id, (stored) => ({ ...stored, target: target(range), anchoring: undefined })),
      placeOrphan: (orphan, range) =>
        store.placeOrphan(
          orphan,
          claimFromOrphan({
            orphan,
            id: ulid(),
            documentId: doc.id,
            documentSha256: doc.sha256,
            target: target(range),
            fallbackAnnotator: annotator,
            codebook,
            now: new Date().toISOString(),
          }),
        ),
      discardOrphan: (orphan) => store.discardOrphan(orphan),
    };
  }, [doc.id, doc.sha256, index, stores, store, annotator, codebook]);
}
