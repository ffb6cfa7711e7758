/**
 * Merging two copies of one annotator's (or team's) work, made on two machines: claims by id,
 * deletions as tombstones, and with a common ancestor a three-way merge as git gives it.
 *
 * Every choice is made by a fixed rule on the data, never by which side an input came from, so
 * merge(a, b) and merge(b, a) give the same records, and merge(a, a) gives a.
 */
import { type LabelledJson, toLabelledJson } from '../formats/labelled-json';
import type { Annotation } from '../model/annotation';
import { type ClusterReview, type ReviewComment, reviewKey } from '../model/cluster-review';
import type { Codebook } from '../model/codebook';
import type { DocumentLabel } from '../model/document-label';
import type { Tombstone } from '../model/tombstone';
import { compareCodeUnits, compareInstants } from '../text/compare';

/** A live claim, or a tombstone in either form; a record with `deletedAt` is a deletion. */
export type MergeRecord = Annotation | Tombstone;

export type Side = 'a' | 'b';

export interface MergeConflict {
  id: string;
  /** Says what happened without naming a side, so that it reads the same whichever file came first. */
  reason: string;
  /** The side whose record is in the result. */
  kept: Side;
}

/** An id one input holds more than once: one record of it is merged, the others are dropped. */
export interface MergeDuplicate {
  /** The input that holds it: side a, side b or the base. */
  input: Side | 'base';
  id: string;
  /** Where in that input, as indexes into the records it was given, ascending. */
  at: number[];
  /**
   * True when every copy is the same record, so nothing is lost by keeping one. False when they
   * differ: the greater by `compareRecords` is merged and the others are lost, which the caller
   * should refuse or report.
   */
  identical: boolean;
}

export interface MergeResult {
  /** Sorted by id. */
  merged: MergeRecord[];
  /** Sorted by id. */
  conflicts: MergeConflict[];
  /** Ids held more than once within one input; sorted by input (a, b, base), then id. */
  duplicates: MergeDuplicate[];
}

export const isDeletion = (record: MergeRecord) => record.deletedAt !== undefined;

/** When the record last changed: its deletion, else its last edit. */
const timeOf = (record: MergeRecord): string => record.deletedAt ?? (record as Annotation).updatedAt;

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => compareCodeUnits(x, y))
      .map(([k, v]) => [k, sortedKeys(v)]),
  );
}

/** JSON with object keys sorted and undefined values left out: equal data, equal string. Arrays keep their order. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortedKeys(value));

/** A claim as the analyst sees it, as a string: everything but when it was last written. */
export const claimContent = ({ updatedAt: _, ...claim }: Annotation): string => canonicalJson(claim);

/**
 * The total order the two-way merge keeps the greater of: the later change wins; at the same
 * instant a deletion beats an edit ("a deletion wins over an older edit", ties included); what is
 * left is decided by the records' canonical JSON, which makes the choice independent of the sides.
 */
export function compareRecords(x: MergeRecord, y: MergeRecord): number {
  return (
    compareInstants(timeOf(x), timeOf(y)) ||
    Number(isDeletion(x)) - Number(isDeletion(y)) ||
    compareCodeUnits(canonicalJson(x), canonicalJson(y))
  );
}

const greater = <T>(x: T, y: T, compare: (x: T, y: T) => number) => (compare(x, y) >= 0 ? x : y);

/** The later of two times; of two spellings of one instant, a fixed one. */
const laterTime = (x: string, y: string) => greater(x, y, (p, q) => compareInstants(p, q) || compareCodeUnits(p, q));

/**
 * One record per id; an input holding an id twice keeps the greater record, and every id it holds
 * more than once is added to `duplicates`, so that no record is dropped without a word.
 */
function byId(
  records: readonly MergeRecord[],
  input: MergeDuplicate['input'],
  duplicates: MergeDuplicate[],
): Map<string, MergeRecord> {
  const map = new Map<string, MergeRecord>();
  const places = new Map<string, number[]>();
  records.forEach((record, i) => {
    const seen = map.get(record.id);
    map.set(record.id, seen === undefined ? record : greater(seen, record, compareRecords));
    const at = places.get(record.id);
    if (at) at.push(i);
    else places.set(record.id, [i]);
  });
  for (const [id, at] of [...places].sort(([x], [y]) => compareCodeUnits(x, y))) {
    if (at.length < 2) continue;
    const first = canonicalJson(records[at[0] as number]);
    const identical = at.every((i) => canonicalJson(records[i]) === first);
    duplicates.push({ input, id, at, identical });
  }
  return map;
}

interface Held {
  record: MergeRecord;
  side: Side;
}

interface Outcome {
  record?: MergeRecord;
  conflict?: { reason: string; kept: Side };
}

const held = (record: MergeRecord | undefined, side: Side): Held | undefined =>
  record === undefined ? undefined : { record, side };

/** The two-way rule for an id both sides hold. */
function mergeTwo(x: Held, y: Held): Outcome {
  if (canonicalJson(x.record) === canonicalJson(y.record)) return { record: x.record };
  const [winner, loser] = compareRecords(x.record, y.record) > 0 ? [x, y] : [y, x];
  const w = winner.record;
  const l = loser.record;
  // A deletion newer than (or as new as) the edit it removes, and two deletions, are no conflict.
  if (isDeletion(w)) return { record: w };
  const kept = winner.side;
  const wTime = timeOf(w);
  const lTime = timeOf(l);
  if (isDeletion(l)) {
    return {
      record: w,
      conflict: {
        kept,
        reason: `deleted on one side (deletedAt ${lTime}) but edited later on the other (updatedAt ${wTime}); kept the edit`,
      },
    };
  }
  const reason =
    compareInstants(wTime, lTime) === 0
      ? `edited differently on both sides at the same time (updatedAt ${wTime}); kept one by a fixed rule`
      : `edited on both sides (updatedAt ${wTime} and ${lTime}); kept the later edit`;
  return { record: w, conflict: { kept, reason } };
}

/** One side left the base record as it was, the other changed it (edited, deleted, or dropped it). */
function takeChange(unchanged: Held, change: Held | undefined): Outcome {
  if (change === undefined) return {};
  const u = unchanged.record;
  const c = change.record;
  // Never bring a claim back with an edit older than the deletion that removed it.
  if (isDeletion(u) && !isDeletion(c) && compareInstants(timeOf(c), timeOf(u)) <= 0) {
    return {
      record: u,
      conflict: {
        kept: unchanged.side,
        reason: `deleted (deletedAt ${timeOf(u)}) but restored on one side with an edit no newer than the deletion (updatedAt ${timeOf(c)}); kept the deletion`,
      },
    };
  }
  return { record: c };
}

/** The three-way rule: the base says which side changed what. Without a base record, the two-way rule. */
function mergeThree(x: Held | undefined, y: Held | undefined, base: MergeRecord | undefined): Outcome {
  if (base === undefined) {
    if (x === undefined || y === undefined) return { record: (x ?? y)?.record };
    return mergeTwo(x, y);
  }
  const was = canonicalJson(base);
  const xSame = x !== undefined && canonicalJson(x.record) === was;
  const ySame = y !== undefined && canonicalJson(y.record) === was;
  if (xSame && ySame) return { record: x.record };
  if (xSame) return takeChange(x, y);
  if (ySame) return takeChange(y, x);
  // Changed on both sides. A side without the record dropped it: a deletion of unknown time.
  if (x === undefined && y === undefined) return {};
  if (x === undefined || y === undefined) {
    const present = (x ?? y) as Held;
    if (isDeletion(present.record)) return { record: present.record };
    return {
      record: present.record,
      conflict: {
        kept: present.side,
        reason: `deleted on one side (no tombstone, so no time) and edited on the other (updatedAt ${timeOf(present.record)}); kept the edit`,
      },
    };
  }
  return mergeTwo(x, y);
}

/**
 * Merges two sets of claims and tombstones, two-way or, given the common ancestor `base`,
 * three-way:
 *
 * - a claim on one side only is kept; the same record on both sides is kept once;
 * - a deletion wins over an edit it is not older than, without a conflict; an edit newer than the
 *   deletion wins over it, reported;
 * - two different edits: the later `updatedAt` wins (at the same instant, a fixed rule on the
 *   records' canonical JSON), reported;
 * - two deletions: the later one is kept, without a conflict;
 * - an id one input holds more than once counts as its greater record, and is listed in
 *   `duplicates` with where it is and whether the copies differ;
 * - with `base`: a claim unchanged on one side takes the other side's change (edit or deletion)
 *   without a conflict, except that a claim deleted in the base is not brought back by an edit
 *   older than its deletion (reported); a claim in the base that a side no longer has, not even
 *   as a tombstone, counts as deleted there; a claim changed on both sides follows the two-way
 *   rules, and a drop against an edit keeps the edit, reported.
 */
export function mergeAnnotations(
  a: readonly MergeRecord[],
  b: readonly MergeRecord[],
  base?: readonly MergeRecord[],
): MergeResult {
  const duplicates: MergeDuplicate[] = [];
  const as = byId(a, 'a', duplicates);
  const bs = byId(b, 'b', duplicates);
  const os = base === undefined ? undefined : byId(base, 'base', duplicates);
  const ids = [...new Set([...as.keys(), ...bs.keys()])].sort(compareCodeUnits);
  const merged: MergeRecord[] = [];
  const conflicts: MergeConflict[] = [];
  for (const id of ids) {
    const x = held(as.get(id), 'a');
    const y = held(bs.get(id), 'b');
    const outcome = mergeThree(x, y, os?.get(id));
    if (outcome.record !== undefined) merged.push(outcome.record);
    if (outcome.conflict !== undefined) conflicts.push({ id, ...outcome.conflict });
  }
  return { merged, conflicts, duplicates };
}

// --- Labelled JSON files -------------------------------------------------------------------------

export interface FileConflict extends MergeConflict {
  /** What the id names: a claim (ULID), a document (its path) or the codebook. */
  kind: 'claim' | 'document' | 'codebook';
}

/** A claim id a file holds more than once, with the JSON paths of its copies. */
export interface FileDuplicate {
  input: MergeDuplicate['input'];
  id: string;
  /** `$.annotations[i]` or `$.tombstones[i]`, in file order. */
  paths: string[];
  identical: boolean;
}

export interface LabelledJsonMerge {
  /** Canonical, as `toLabelledJson` writes it. */
  merged: LabelledJson;
  /** Sorted by kind, then id. */
  conflicts: FileConflict[];
  /** Sorted by input (a, b, base), then id. */
  duplicates: FileDuplicate[];
}

type ExportedDocument = LabelledJson['documents'][number];

/** The file's claims and tombstones as records. */
function recordsOf(file: LabelledJson): MergeRecord[] {
  return [...file.annotations, ...file.tombstones];
}

/** Which file is the later export: by `exportedAt`, then by a fixed rule on `tiebreak`. */
function laterExport(a: LabelledJson, b: LabelledJson, tiebreak: (file: LabelledJson) => unknown): Side {
  const order =
    compareInstants(a.exportedAt, b.exportedAt) ||
    compareCodeUnits(canonicalJson(tiebreak(a)), canonicalJson(tiebreak(b)));
  return order >= 0 ? 'a' : 'b';
}

function mergeDocuments(a: LabelledJson, b: LabelledJson, base: LabelledJson | undefined) {
  const index = (file: LabelledJson) => {
    const map = new Map<string, ExportedDocument>();
    for (const d of file.documents) {
      const seen = map.get(d.id);
      map.set(
        d.id,
        seen === undefined ? d : greater(seen, d, (x, y) => compareCodeUnits(canonicalJson(x), canonicalJson(y))),
      );
    }
    return map;
  };
  const as = index(a);
  const bs = index(b);
  const os = base === undefined ? new Map<string, ExportedDocument>() : index(base);
  const documents: ExportedDocument[] = [];
  const conflicts: FileConflict[] = [];
  for (const id of [...new Set([...as.keys(), ...bs.keys()])].sort(compareCodeUnits)) {
    const x = as.get(id);
    const y = bs.get(id);
    if (x === undefined || y === undefined) {
      documents.push((x ?? y) as ExportedDocument);
      continue;
    }
    const cx = canonicalJson(x);
    const cy = canonicalJson(y);
    const was = os.get(id);
    const cw = was === undefined ? undefined : canonicalJson(was);
    if (cx === cy || cy === cw) {
      documents.push(x);
      continue;
    }
    if (cx === cw) {
      documents.push(y);
      continue;
    }
    const kept = laterExport(a, b, (file) => (file === a ? x : y));
    const [winner, other] = kept === 'a' ? [x, y] : [y, x];
    if (x.sha256 === y.sha256) {
      // The same text: keep the later export's title and language, and the text if either carries it.
      const text = winner.text ?? other.text;
      documents.push(text === undefined ? winner : { ...winner, text });
      continue;
    }
    documents.push(winner);
    const when =
      compareInstants(a.exportedAt, b.exportedAt) === 0
        ? `both exported at ${laterTime(a.exportedAt, b.exportedAt)}; kept one by a fixed rule`
        : `kept the later export's (${kept === 'a' ? a.exportedAt : b.exportedAt})`;
    conflicts.push({
      kind: 'document',
      id,
      kept,
      reason: `the document's text differs (sha256 ${winner.sha256.slice(0, 12)}… and ${other.sha256.slice(0, 12)}…); ${when}`,
    });
  }
  return { documents, conflicts };
}

function mergeCodebooks(
  x: Codebook,
  y: Codebook,
  base: Codebook | undefined,
): { codebook: Codebook; conflict?: FileConflict } {
  const cx = canonicalJson(x);
  const cy = canonicalJson(y);
  const cw = base === undefined ? undefined : canonicalJson(base);
  if (cx === cy || cy === cw) return { codebook: x };
  if (cx === cw) return { codebook: y };
  const kept: Side = (x.version - y.version || compareCodeUnits(cx, cy)) > 0 ? 'a' : 'b';
  const [winner, other] = kept === 'a' ? [x, y] : [y, x];
  if (x.id === y.id && x.version !== y.version) return { codebook: winner };
  const reason =
    x.id === y.id
      ? `codebook "${x.id}" version ${x.version} differs between the files; kept one by a fixed rule`
      : `the files use different codebooks ("${winner.id}" version ${winner.version} and "${other.id}" version ${other.version}); kept "${winner.id}"`;
  return { codebook: winner, conflict: { kind: 'codebook', id: winner.id, kept, reason } };
}

/** Names joined by ", ", as a merge writes them: read back as the set of names. */
function mergeAnnotators(x: string, y: string): string {
  if (x === y) return x;
  const names = new Set([...x.split(', '), ...y.split(', ')].filter((name) => name !== ''));
  return [...names].sort(compareCodeUnits).join(', ');
}

/**
 * One label per annotator and document: the later `updatedAt` wins, and equal times fall to the
 * same fixed rule as claims, so the merge stays commutative.
 */
function mergeDocumentLabels(a: LabelledJson, b: LabelledJson): DocumentLabel[] {
  const chosen = new Map<string, DocumentLabel>();
  for (const label of [...(a.documentLabels ?? []), ...(b.documentLabels ?? [])]) {
    const key = `${label.documentId}\u0000${label.annotator}`;
    const held = chosen.get(key);
    const later =
      !held ||
      compareInstants(label.updatedAt, held.updatedAt) > 0 ||
      (compareInstants(label.updatedAt, held.updatedAt) === 0 &&
        compareCodeUnits(canonicalJson(label), canonicalJson(held)) > 0);
    if (later) chosen.set(key, label);
  }
  return [...chosen.values()];
}

const compareComments = (a: ReviewComment, b: ReviewComment) =>
  compareInstants(a.at, b.at) || compareCodeUnits(a.id, b.id);

type Decision = NonNullable<ClusterReview['decision']>;

/** The later decision; equal times fall to a fixed rule, so that merging in either order agrees. */
function laterDecision(x: Decision | undefined, y: Decision | undefined): Decision | undefined {
  if (!x || !y) return x ?? y;
  const order = compareInstants(x.decidedAt, y.decidedAt) || compareCodeUnits(canonicalJson(x), canonicalJson(y));
  return order >= 0 ? x : y;
}

/**
 * Two records of the same disagreement (from two annotation files, or a file and the database)
 * as one: every comment of either, once, in time order; the later decision. Commutative and
 * idempotent, so files can be exchanged in any order.
 */
export function mergeClusterReviews(a: ClusterReview, b: ClusterReview): ClusterReview {
  const comments = new Map<string, ReviewComment>();
  for (const comment of [...a.comments, ...b.comments]) {
    const held = comments.get(comment.id);
    // The same id with different text can only come from an edited file: keep one, by a fixed rule.
    if (!held || compareCodeUnits(canonicalJson(comment), canonicalJson(held)) > 0) comments.set(comment.id, comment);
  }
  const decision = laterDecision(a.decision, b.decision);
  return {
    documentId: a.documentId,
    clusterKey: a.clusterKey,
    ...(decision && { decision }),
    comments: [...comments.values()].sort(compareComments),
  };
}

/** One record per disagreement, its comments and decisions merged (`mergeClusterReviews`). */
function mergeReviews(a: LabelledJson, b: LabelledJson): ClusterReview[] {
  const chosen = new Map<string, ClusterReview>();
  for (const review of [...(a.reviews ?? []), ...(b.reviews ?? [])]) {
    const held = chosen.get(reviewKey(review));
    chosen.set(reviewKey(review), held ? mergeClusterReviews(held, review) : review);
  }
  return [...chosen.values()];
}

/**
 * Merges two labelled JSON files, two-way or three-way with the common ancestor `base`:
 *
 * - Review's records of disagreements by `mergeClusterReviews` (comments united, the later decision);
 * - claims and tombstones by `mergeAnnotations`, whose duplicates are given with their JSON paths;
 * - documents: the union by id; the same id with a different `sha256` is a conflict, and the later
 *   export's document is kept (with `base`: a document unchanged on one side takes the other's);
 * - codebook: for the same id the higher version; otherwise a conflict with a fixed choice;
 * - `exportedAt`: the later; `app`: the later export's;
 * - `annotator`: kept when equal, else every name of both, sorted, joined with ", ".
 */
export function mergeLabelledJson(a: LabelledJson, b: LabelledJson, base?: LabelledJson): LabelledJsonMerge {
  const claims = mergeAnnotations(recordsOf(a), recordsOf(b), base === undefined ? undefined : recordsOf(base));
  const { documents, conflicts: documentConflicts } = mergeDocuments(a, b, base);
  const { codebook, conflict: codebookConflict } = mergeCodebooks(a.codebook, b.codebook, base?.codebook);
  const later = laterExport(a, b, (file) => file.app) === 'a' ? a : b;
  const merged = toLabelledJson({
    exportedAt: laterTime(a.exportedAt, b.exportedAt),
    app: later.app,
    annotator: mergeAnnotators(a.annotator, b.annotator),
    codebook,
    documents,
    annotations: claims.merged,
    documentLabels: mergeDocumentLabels(a, b),
    reviews: mergeReviews(a, b),
  });
  const conflicts: FileConflict[] = [
    ...(codebookConflict ? [codebookConflict] : []),
    ...claims.conflicts.map((c): FileConflict => ({ kind: 'claim', ...c })),
    ...documentConflicts,
  ].sort((x, y) => compareCodeUnits(x.kind, y.kind) || compareCodeUnits(x.id, y.id));
  const inputs = { a, b, base };
  const duplicates = claims.duplicates.map(({ input, id, at, identical }): FileDuplicate => {
    const live = (inputs[input] as LabelledJson).annotations.length;
    const paths = at.map((i) => (i < live ? `$.annotations[${i}]` : `$.tombstones[${i - live}]`));
    return { input, id, paths, identical };
  });
  return { merged, conflicts, duplicates };
}
