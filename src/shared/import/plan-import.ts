import { anchorSelector, CONFIDENT_SCORE } from '../anchoring/anchor';
import { fromClaimRecord } from '../formats/claim-record';
import { CUTS_ASTRAL } from '../formats/common';
import type { ClaimRecord, Interchange } from '../formats/interchange';
import { canonicalJson, mergeClusterReviews } from '../merge/merge';
import { Annotation, isLive, textTarget } from '../model/annotation';
import { type ClusterReview, reviewKey } from '../model/cluster-review';
import { type Codebook, codebookTagId } from '../model/codebook';
import type { DocumentLabel } from '../model/document-label';
import type { Problem } from '../result';
import { OffsetIndex, splitsSurrogatePair } from '../text/offsets';

/** A claim from a file that could not be placed in the corpus: kept and shown, never dropped. */
export interface Orphan {
  id: string;
  documentId: string;
  record: ClaimRecord;
  reason: string;
  source: string;
  importedAt: string;
}

export interface CorpusText {
  id: string;
  sha256: string;
  text: string;
}

export interface ImportContext {
  /** The file's name, recorded on every claim placed for review and every orphan. */
  source: string;
  /** Whose claims these are when the file does not say. */
  fallbackAnnotator: string;
  codebook: Codebook;
  /**
   * The corpus's other layers: a claim whose file names no codebook and whose tags are not all
   * `codebook`'s goes to the layer that has them all, not to a codebook that would show bare ids.
   */
  layers?: readonly Codebook[];
  now: string;
  newId(): string;
  /** The corpus documents the file's claims point into (by id), with their served texts. */
  texts: ReadonlyMap<string, CorpusText>;
  /** Every annotation already in the database, by id. */
  existing: ReadonlyMap<string, Annotation>;
  /** Document labels already in the database, by `labelKey`. */
  existingLabels?: ReadonlyMap<string, DocumentLabel>;
  /** Review's records already in the database, by `reviewKey`. */
  existingReviews?: ReadonlyMap<string, ClusterReview>;
  /**
   * A Date.now() time after which no approximate search starts: the claims still unplaced then
   * wait under "Not placed" with that reason, so an import never holds the window for long.
   */
  deadline?: number;
  /** Told how many of the file's claims have been placed (or not), before each next one. */
  onProgress?(done: number, total: number): void;
}

/** Longest quote shown where a claim is named in a report. */
const QUOTE_SHOWN = 60;

/**
 * Where a claim of a file is, in words an analyst recognises: its quote and document, then the
 * place in the file (`colleague.json $.annotations[15]`) for whoever opens the file.
 */
export function claimPlace(record: Pick<ClaimRecord, 'origin' | 'documentId' | 'selector'>): string {
  const exact = record.selector.exact;
  if (!exact) return `${record.origin} (in ${record.documentId})`;
  const quote = exact.length > QUOTE_SHOWN ? `${exact.slice(0, QUOTE_SHOWN)}…` : exact;
  return `“${quote}” in ${record.documentId} (${record.origin})`;
}

/** The codebook a record's claim belongs to: the one coded with, else the layer that has all its tags. */
function codebookFor(record: ClaimRecord, context: ImportContext): Codebook {
  if (record.codebookId !== undefined) return context.codebook;
  const hasAll = (codebook: Codebook) =>
    record.tags.every((tag) => codebook.tags.some((t) => t.id === codebookTagId(codebook, tag)));
  if (hasAll(context.codebook)) return context.codebook;
  return context.layers?.find(hasAll) ?? context.codebook;
}

/** Labels are one per annotator and document. */
export const labelKey = (label: Pick<DocumentLabel, 'documentId' | 'annotator'>) =>
  `${label.documentId}\u0000${label.annotator}`;

export interface ImportPlan {
  /** New claims, placed; those with `anchoring` set wait for the analyst's check. */
  add: Annotation[];
  orphans: Orphan[];
  /** Claims not stored because they are already there: `of` is the claim of the file they repeat, if not one in the database. */
  duplicates: { origin: string; id: string; of?: string }[];
  /**
   * Claims of the file that are newer versions (a later `updatedAt` in the file) of claims already
   * stored under their id: the file's version replaces the stored one, which is kept for undo.
   */
  replace: { before: Annotation; after: Annotation }[];
  /** Claims refused so that no newer work already in the database is overwritten. */
  conflicts: Problem[];
  /** Items of the file the app cannot take, from the parser. */
  skipped: Problem[];
  /** New document labels (an annotator's existing label for a document is never replaced). */
  documentLabels: DocumentLabel[];
  /** Review's records to store: the file's, merged with any the database holds for the same disagreement. */
  reviews: ClusterReview[];
}

/**
 * Decides, without touching the database, what importing a parsed file means: each claim is
 * matched to its corpus document (by id, else by the file's sha256 of the text, else by the text
 * itself when the file carries it: a doccano line or a Label Studio task under the tool's own id),
 * anchored in the served text, checked against existing work,
 * and sorted into added, for review, orphaned, duplicate or conflicting. Importing someone
 * else's file never overwrites an annotation already present.
 */
export function planImport(file: Interchange, context: ImportContext): ImportPlan {
  const plan: ImportPlan = {
    add: [],
    orphans: [],
    duplicates: [],
    replace: [],
    conflicts: [],
    skipped: [...file.skipped],
    documentLabels: [],
    reviews: [],
  };
  const bySha = new Map([...context.texts.values()].map((d) => [d.sha256, d]));
  /** The corpus documents by their text, for files that carry a document's text under an id of their own. */
  const byText = new Map([...context.texts.values()].map((d) => [d.text, d]));
  const fileDocs = new Map(file.documents.map((d) => [d.id, d]));
  /** The corpus document a file's document is: by id, else by the hash of its text, else by the text it carries. */
  const documentOf = (id: string, sha256 = fileDocs.get(id)?.sha256) => {
    const fileText = fileDocs.get(id)?.text;
    return (
      context.texts.get(id) ??
      (sha256 ? bySha.get(sha256) : undefined) ??
      (fileText === undefined ? undefined : byText.get(fileText))
    );
  };
  /** Each claim's content, with where in the file it was first seen (nothing for the database's). */
  const contentKeys = new Map<string, string | undefined>(
    [...context.existing.values()].filter(isLive).map((a) => [contentKey(a), undefined]),
  );
  const indexes = new Map<string, OffsetIndex>();
  /** The claims of this file by id: a second claim with one id would make the whole write fail. */
  const inFile = new Map<string, { origin: string; key: string }>();

  for (const [done, record] of file.claims.entries()) {
    context.onProgress?.(done, file.claims.length);
    if (record.tags.length === 0) {
      plan.skipped.push({ path: claimPlace(record), message: 'a claim without any tag cannot be imported' });
      continue;
    }
    const declaredSha = record.documentSha256 ?? fileDocs.get(record.documentId)?.sha256;
    const fileText = fileDocs.get(record.documentId)?.text;
    const doc = documentOf(record.documentId, declaredSha);
    if (!doc) {
      plan.orphans.push(orphan(record, context, `no document "${record.documentId}" in this corpus`));
      continue;
    }
    if (record.unplaced !== undefined) {
      plan.orphans.push(orphan({ ...record, documentId: doc.id }, context, record.unplaced));
      continue;
    }
    const sameText = declaredSha === doc.sha256 || fileText === doc.text;
    const anchored = anchorSelector(doc.text, record.selector, { sameText, deadline: context.deadline });
    if (!anchored.placed) {
      plan.orphans.push(orphan({ ...record, documentId: doc.id }, context, anchored.reason));
      continue;
    }
    // The parsers refuse such spans; a fuzzy match or a bare position in another text can still land here.
    if (splitsSurrogatePair(doc.text, anchored.start) || splitsSurrogatePair(doc.text, anchored.end)) {
      plan.orphans.push(orphan({ ...record, documentId: doc.id }, context, CUTS_ASTRAL));
      continue;
    }
    let index = indexes.get(doc.id);
    if (!index) {
      index = new OffsetIndex(doc.text);
      indexes.set(doc.id, index);
    }
    const ownId = record.id !== undefined && Annotation.shape.id.safeParse(record.id).success;
    const claim = fromClaimRecord(record, {
      // A file's own ULID is kept, so that importing the same file again finds the duplicates.
      id: ownId ? (record.id as string) : context.newId(),
      documentId: doc.id,
      documentSha256: doc.sha256,
      target: textTarget(index, anchored.start, anchored.end),
      fallbackAnnotator: context.fallbackAnnotator,
      codebook: codebookFor(record, context),
      now: context.now,
    });
    // A fuzzy match means the claimed words themselves changed: the analyst decides, whatever the score.
    if (anchored.method === 'fuzzy' || anchored.score < CONFIDENT_SCORE || anchored.ambiguous) {
      claim.anchoring = {
        score: anchored.score,
        method: anchored.method,
        ambiguous: anchored.ambiguous,
        source: context.source,
      };
    }
    const key = contentKey(claim);
    const earlier = inFile.get(claim.id);
    if (earlier) {
      if (earlier.key === key) plan.duplicates.push({ origin: record.origin, id: claim.id, of: earlier.origin });
      else
        plan.conflicts.push({
          path: claimPlace(record),
          message: `the id ${claim.id} is already used by another claim of this file (${earlier.origin}); this one was not imported`,
        });
      continue;
    }
    inFile.set(claim.id, { origin: record.origin, key });
    const same = context.existing.get(claim.id);
    if (same) {
      const storedAt = same.deletedAt ?? same.updatedAt;
      if (contentKey(same) === key && !same.deletedAt) plan.duplicates.push({ origin: record.origin, id: claim.id });
      // Only a file that says when its claim was last changed can prove it newer.
      else if (record.updatedAt !== undefined && claim.updatedAt > storedAt)
        plan.replace.push({ before: same, after: claim });
      else {
        plan.conflicts.push({
          path: claimPlace(record),
          message: `the claim with id ${claim.id} in the database (by ${same.annotator}, changed ${storedAt}) differs and is not older; it was kept and this one not imported`,
        });
      }
      continue;
    }
    // A claim with an id of its own is the claim of that id: another with other ids but the same
    // content is a claim of its own (two annotators' agreeing claims, or one whose attributes the
    // format could not carry). Only a claim the file gives no id is known by its content alone.
    if (!ownId && contentKeys.has(key)) {
      const of = contentKeys.get(key);
      plan.duplicates.push({ origin: record.origin, id: claim.id, ...(of === undefined ? {} : { of }) });
      continue;
    }
    if (!contentKeys.has(key)) contentKeys.set(key, record.origin);
    plan.add.push(claim);
  }
  for (const label of file.documentLabels ?? []) {
    const doc = documentOf(label.documentId);
    if (!doc) {
      plan.skipped.push({
        path: context.source,
        message: `document label for "${label.documentId}": not in this corpus`,
      });
      continue;
    }
    const mapped = {
      ...label,
      documentId: doc.id,
      tags: label.tags.map((tag) => codebookTagId(context.codebook, tag)),
    };
    const existing = context.existingLabels?.get(labelKey(mapped));
    if (!existing) plan.documentLabels.push(mapped);
    else if ([...existing.tags].sort().join() === [...mapped.tags].sort().join()) {
      plan.duplicates.push({ origin: `${context.source} document label`, id: labelKey(mapped) });
    } else {
      plan.conflicts.push({
        path: context.source,
        message: `${mapped.annotator}'s document label for "${mapped.documentId}" differs from the one in the database, which was kept`,
      });
    }
  }
  // A file may hold two records of one disagreement (files concatenated by hand): one, merged.
  const fileReviews = new Map<string, ClusterReview>();
  for (const review of file.reviews ?? []) {
    if (!context.texts.has(review.documentId)) {
      plan.skipped.push({ path: context.source, message: `review of "${review.documentId}": not in this corpus` });
      continue;
    }
    const held = fileReviews.get(reviewKey(review));
    fileReviews.set(reviewKey(review), held ? mergeClusterReviews(held, review) : review);
  }
  for (const review of fileReviews.values()) {
    const existing = context.existingReviews?.get(reviewKey(review));
    const merged = existing ? mergeClusterReviews(existing, review) : review;
    if (!existing || canonicalJson(merged) !== canonicalJson(existing)) plan.reviews.push(merged);
  }
  if (file.tombstones.length > 0) {
    plan.skipped.push({
      path: context.source,
      message: `${file.tombstones.length} deletion(s) recorded in the file were not applied: merging deletions comes with team review`,
    });
  }
  return plan;
}

/** Everything of a claim an analyst sees: two claims alike in all of it, one without an id of its own, are duplicates. */
function contentKey(a: Annotation): string {
  return canonicalJson([
    a.documentId,
    a.documentSha256,
    a.target.start,
    a.target.end,
    [...a.tags].sort(),
    a.annotator,
    a.attributes,
  ]);
}

function orphan(record: ClaimRecord, context: ImportContext, reason: string): Orphan {
  return {
    id: context.newId(),
    documentId: record.documentId,
    record,
    reason,
    source: context.source,
    importedAt: context.now,
  };
}
