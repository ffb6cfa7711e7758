import { useMemo } from 'react';
import { ulid } from 'ulid';
import type { Annotation } from '../../../shared/model/annotation';
import type { ClusterReview } from '../../../shared/model/cluster-review';
import type { DocumentLabel } from '../../../shared/model/document-label';
import { GOLD, sameTagSet } from '../../../shared/review/compare';
import type { ReviewItem, ReviewQueue } from '../../../shared/review/queue';
import { OffsetIndex } from '../../../shared/text/offsets';
import type { ReviewWrite } from '../../db/document-claims';
import { goldClaim } from '../../db/review';
import { useSession } from '../../session/SessionContext';

const now = () => new Date().toISOString();

/** The item's record with its decision set (or taken back), ready to write. */
function decided(
  stored: ClusterReview | undefined,
  item: ReviewItem,
  decision: ClusterReview['decision'],
): ClusterReview {
  return {
    documentId: item.documentId,
    clusterKey: item.key,
    comments: stored?.comments ?? [],
    ...(decision && { decision }),
  };
}

/**
 * Review's decisions, each one write and one undo step of its document (`DocumentClaims.decide`).
 * Deciding an item again replaces its decision: the gold it made is taken back first, so a key
 * pressed twice leaves one gold claim. Review's undo and redo take back its decisions in the order
 * they were made, across documents.
 */
export function useReviewActions({ goldFraming }: { goldFraming(documentId: string): DocumentLabel | undefined }) {
  const session = useSession();
  const { annotator: me, history } = session;

  return useMemo(() => {
    const write = async (documentId: string, change: ReviewWrite) => {
      await session.claims.of(documentId).decide(change);
      history.recordReview([documentId]);
    };
    /** A reopened record only where a rejection is taken back: a record that never rejected stays as it was. */
    const reopened = (item: ReviewItem): ReviewWrite['review'] =>
      item.decision?.kind === 'rejected'
        ? {
            clusterKey: item.key,
            edit: (stored) => decided(stored, item, { kind: 'reopened', decidedBy: me, decidedAt: now() }),
          }
        : undefined;
    /** The gold framing with the item's layer tags replaced by `tags`; null when nothing is left. */
    const framingWith = (item: ReviewItem, tags: readonly string[]): NonNullable<ReviewWrite['label']> => {
      const layerTags = new Set(item.framings?.flatMap((f) => f.tags));
      const decidedTags = item.decision?.kind === 'framing' ? item.decision.tags : [];
      const otherLayers = (goldFraming(item.documentId)?.tags ?? []).filter(
        (t) => !layerTags.has(t) && !decidedTags.includes(t),
      );
      const next = [...new Set([...otherLayers, ...tags])];
      return { annotator: GOLD, tags: next.length > 0 ? next : null };
    };
    const goldIds = (item: ReviewItem) => item.decision?.gold?.map((g) => g.id) ?? [];

    return {
      /** Gold from one annotator's claim (or several merged into one). */
      async accept(item: ReviewItem, sources: readonly Annotation[], rationale?: string) {
        const current = item.decision?.gold;
        const sourceIds = sources.map((s) => s.id).sort();
        const only = current?.length === 1 ? current[0] : undefined;
        // The same decision again changes nothing, and is no step to undo.
        if (
          only?.provenance &&
          only.provenance.sources
            .map((s) => s.id)
            .sort()
            .join() === sourceIds.join() &&
          (rationale ?? '') === (only.provenance.rationale ?? '')
        )
          return;
        const spans = new Set(sources.map((s) => `${s.target.start}:${s.target.end}`));
        const text =
          spans.size > 1
            ? await session
                .readDocument(item.documentId)
                .then((d) => ({ index: new OffsetIndex(d.text), sha256: d.sha256 }))
            : undefined;
        const gold = goldClaim(sources, { decidedBy: me, ...(rationale && { rationale }) }, text);
        if (!gold) return;
        const review = reopened(item);
        await write(item.documentId, { add: [gold], retire: goldIds(item), ...(review && { review }) });
      },

      /** Nothing of the item kept in gold. */
      async reject(item: ReviewItem, rationale?: string) {
        const framing = item.kind === 'framing' ? framingWith(item, []) : undefined;
        await write(item.documentId, {
          retire: goldIds(item),
          review: {
            clusterKey: item.key,
            edit: (stored) =>
              decided(stored, item, {
                kind: 'rejected',
                decidedBy: me,
                decidedAt: now(),
                ...(rationale && { rationale }),
              }),
          },
          ...(framing && { label: framing }),
        });
      },

      /** The item open again: its gold taken back, a rejection recorded as reopened. */
      async reopen(item: ReviewItem) {
        if (!item.decision) return;
        const framing = item.kind === 'framing' ? framingWith(item, []) : undefined;
        const review = reopened(item);
        await write(item.documentId, {
          retire: goldIds(item),
          ...(review && { review }),
          ...(framing && { label: framing }),
        });
      },

      /** The document's gold framing in the item's layer becomes `tags`. */
      async decideFraming(item: ReviewItem, tags: readonly string[]) {
        if (item.decision?.kind === 'framing' && sameTagSet(item.decision.tags, tags)) return;
        const review = reopened(item);
        await write(item.documentId, { label: framingWith(item, tags), ...(review && { review }) });
      },

      async comment(item: ReviewItem, text: string) {
        const comment = { id: ulid(), author: me, at: now(), text };
        await write(item.documentId, {
          review: {
            clusterKey: item.key,
            edit: (stored) => ({
              documentId: item.documentId,
              clusterKey: item.key,
              ...(stored?.decision && { decision: stored.decision }),
              comments: [...(stored?.comments ?? []), comment],
            }),
          },
        });
      },

      async removeGold(claim: Annotation) {
        await write(claim.documentId, { retire: [claim.id] });
      },

      /** New tags for a gold claim: its decision becomes "edited". */
      async retagGold(claim: Annotation, tags: readonly string[]) {
        if (tags.length === 0 || sameTagSet(tags, claim.tags)) return;
        await session.claims.of(claim.documentId).update(claim.id, (stored) => ({
          ...stored,
          tags: [...tags],
          ...(stored.provenance && {
            provenance: { ...stored.provenance, decision: 'edited', decidedBy: me, decidedAt: now() },
          }),
        }));
        history.recordReview([claim.documentId]);
      },

      /** Gold for every agreed claim and framing not in gold yet. */
      async acceptAgreed(queue: ReviewQueue, { record }: { record: boolean }): Promise<number> {
        const claims = queue.agreedOutsideGold.flatMap(
          (cluster) => goldClaim(cluster.claims, { decidedBy: me, agreed: true }) ?? [],
        );
        const framings = queue.framingOutsideGold.map((f) => ({ ...f, annotator: GOLD }));
        if (claims.length + framings.length === 0) return 0;
        await session.claims.acceptAgreed(claims, framings, { record });
        if (record) history.recordReview([...new Set([...claims, ...framings].map((c) => c.documentId))]);
        return claims.length + framings.length;
      },

      /**
       * Takes back Review's last decision (or, with `redo`, puts back the last taken back). A
       * document whose last step was made in Annotate is left alone: false.
       */
      async undo(redo = false): Promise<boolean> {
        const documents = redo ? history.nextReviewRedo() : history.nextReviewUndo();
        if (!documents) return true;
        const step = (id: string) => (redo ? history.nextRedo(id) : history.nextUndo(id));
        if (!documents.every((id) => step(id)?.review)) return false;
        history.shiftReview(redo ? 1 : -1);
        for (const id of documents) await session.claims.of(id).undo(redo);
        return true;
      },
    };
  }, [session, me, history, goldFraming]);
}
