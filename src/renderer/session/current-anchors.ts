import { type Annotation, isLive } from '../../shared/model/annotation';
import { reanchorInWorker } from '../anchoring';
import type { CorpusSession } from './corpus-session';

/**
 * How long the window spends looking for changed words (the approximate search) per document or
 * imported file; claims not found by then wait under "Not placed", saying why.
 */
export const SEARCH_BUDGET_MS = 3_000;

/** The deadline of one document's or one file's approximate searches, starting now. */
export const searchDeadline = () => Date.now() + SEARCH_BUDGET_MS;

export interface AnchorCheck {
  /** Documents whose claims were found again in the file as it is now. */
  reanchored: string[];
  /** Documents whose file could not be read, so their claims could not be checked. */
  unchecked: { id: string; reason: string }[];
}

/**
 * Before claims leave the window (an export, a backup, Review's gold), every document whose file
 * has changed since its claims were made has them found again in the text as it is now, as
 * opening it does: moved claims are marked for a check, lost ones wait under "Not placed". A claim
 * is never written out with a quote the file no longer has at its offsets.
 */
export async function anchorToCurrentTexts(
  session: CorpusSession,
  claims: readonly Annotation[],
): Promise<AnchorCheck> {
  const listed = new Set(session.listing.documents.map((d) => d.id));
  const byDocument = new Map<string, Annotation[]>();
  for (const claim of claims) {
    if (!isLive(claim) || !listed.has(claim.documentId)) continue;
    const list = byDocument.get(claim.documentId) ?? [];
    list.push(claim);
    byDocument.set(claim.documentId, list);
  }
  const check: AnchorCheck = { reanchored: [], unchecked: [] };
  // Every document with claims is read: the listing was made when the corpus opened, and a file
  // edited since is only noticed by reading it.
  for (const [id, documentClaims] of byDocument) {
    try {
      const doc = await session.readDocument(id);
      if (documentClaims.every((claim) => claim.documentSha256 === doc.sha256)) continue;
      await session.claims.of(id).reanchor(await reanchorInWorker(documentClaims, doc, searchDeadline()));
      check.reanchored.push(id);
    } catch (error) {
      check.unchecked.push({ id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return check;
}
