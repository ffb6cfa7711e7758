import type { ConcordanceHit } from '../host-api';
import { type Annotation, isLive, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { type Extent, extentOf } from './extent';

/** A document as the hits are coded in it: its text as the analyst reads it. */
export interface CodedText {
  id: string;
  sha256: string;
  language: string;
  text: string;
}

export interface Coding {
  query: string;
  regex: boolean;
  extent: Extent;
  tagId: string;
  annotator: string;
  codebook: { id: string; version: number };
  now: string;
  newId(): string;
}

/** The claims that coding the hits makes, and the hits it leaves out and why. */
export interface CodingPlan {
  claims: Annotation[];
  /** Already covered by a claim with the tag (or by another hit's claim of this plan). */
  covered: number;
  /** Not where the search found them: the document changed, or is read with another encoding. */
  moved: number;
}

/**
 * The claims that code `hits` with one tag: each hit widened to the extent asked for, in the text
 * as the analyst reads it. A hit that a live claim with the tag already covers is skipped, and so
 * is a second hit that widens to a span already coded; each claim says how it was made (`origin`).
 */
export function planCoding(
  hits: readonly ConcordanceHit[],
  texts: ReadonlyMap<string, CodedText>,
  existing: ReadonlyMap<string, readonly Annotation[]>,
  coding: Coding,
): CodingPlan {
  const plan: CodingPlan = { claims: [], covered: 0, moved: 0 };
  const indexes = new Map<string, OffsetIndex>();
  for (const hit of hits) {
    const document = texts.get(hit.document);
    if (!document || document.text.slice(hit.start, hit.end) !== hit.quote) {
      plan.moved++;
      continue;
    }
    const span = extentOf(document.text, hit, coding.extent, document.language);
    const covers = (claim: Annotation) =>
      claim.documentId === hit.document &&
      claim.tags.includes(coding.tagId) &&
      claim.target.start <= span.start &&
      claim.target.end >= span.end;
    const before = (existing.get(hit.document) ?? []).filter(isLive);
    if (before.some(covers) || plan.claims.some(covers)) {
      plan.covered++;
      continue;
    }
    let index = indexes.get(document.id);
    if (!index) {
      index = new OffsetIndex(document.text);
      indexes.set(document.id, index);
    }
    plan.claims.push({
      ...newClaim({
        id: coding.newId(),
        documentId: document.id,
        documentSha256: document.sha256,
        target: textTarget(index, span.start, span.end),
        tagId: coding.tagId,
        annotator: coding.annotator,
        codebookId: coding.codebook.id,
        codebookVersion: coding.codebook.version,
        now: coding.now,
      }),
      origin: { kind: 'search', query: coding.query, regex: coding.regex, extent: coding.extent },
    });
  }
  return plan;
}
