import { type Annotation, isLive } from '../model/annotation';
import { labelValue } from '../model/document-label';
import { compareCodeUnits } from '../text/compare';
import type { Interval } from './intervals';
import { atLeastTwoItems, krippendorffAlphaSets, type TagSet, tagAgreement } from './multi-label';
import { cohenKappa, fleissKappa, krippendorffAlphaNominal, type Label } from './nominal';
import type { AgreementInput, AgreementReport, DocumentTags, PairKappa } from './report-types';
import { type SpanUnit, spanF1 } from './span-f1';
import { combineUnitizingAlpha, type UnitizingAlpha, unitizingAlpha } from './unitizing-alpha';

/**
 * One report of how far annotators agree: span F1 (exact and overlap), Krippendorff's α_u over
 * the characters of each document, and on the documents' framing (each annotator's tag set per
 * document): Cohen's kappa, Fleiss' kappa and Krippendorff's nominal alpha with each set as one
 * category, Krippendorff's alpha over the sets with MASI distance, and the three per tag, the tag
 * as yes/no (multi-label.ts). A coefficient over a single document is left undefined: it could only
 * be 0 or below, or 0/0. Live claims only (tombstoned ones are skipped).
 *
 * Annotators, tags and documents are sorted by code unit and every object is built in a fixed
 * key order, so the same input always gives the same JSON.
 */

export const NO_LENGTH = 'no document length was given, so α_u cannot be computed';
export const MANY_CODERS_CAVEAT =
  'α_u follows Krippendorff (1995, 2004); Krippendorff et al. (2016) revised it because it misbehaves with more than two coders, and some documents here have more';

/** The caveat when some annotator gave a document more than one tag. */
export const multiTagNote = (labels: number) =>
  `${labels} document label(s) hold more than one tag: Cohen’s κ, Fleiss’ κ and the nominal α count each tag set as one category, so {a, b} against {b, c} is as far apart as {a} against {c}; α with MASI distance and the per-tag figures credit shared tags`;

export function agreementReport(input: AgreementInput): AgreementReport {
  const live = input.annotations.filter(isLive);
  const notes: string[] = [];
  const units = live.flatMap(toUnits);
  const coders = codersByDocument(live, input.coders);
  const labelled = labelTable(input.documentLabels ?? []);
  notes.push(...labelled.notes);

  const spanAnnotators = new Set([...coders.values()].flatMap((set) => [...set]));
  const annotators = [...new Set([...spanAnnotators, ...labelled.annotators])].sort(compareCodeUnits);
  const documents = new Set([...coders.keys(), ...labelled.documents]).size;
  const codersInput = Object.fromEntries([...coders].map(([doc, set]) => [doc, [...set]]));

  const alpha = unitizing(live, coders, input.documentLengths, notes);

  return {
    annotators,
    documents,
    spanF1: {
      exact: spanF1({ units, coders: codersInput }, 'exact'),
      overlap: spanF1({ units, coders: codersInput }, 'overlap'),
    },
    unitizingAlpha: alpha,
    documentLabels: labelCoefficients(labelled),
    notes,
  };
}

/** One unit per distinct tag of a claim. */
function toUnits(claim: Annotation): SpanUnit[] {
  return [...new Set(claim.tags)].map((tag) => ({
    documentId: claim.documentId,
    annotator: claim.annotator,
    tag,
    start: claim.target.start,
    end: claim.target.end,
  }));
}

function codersByDocument(live: readonly Annotation[], named: AgreementInput['coders']): Map<string, Set<string>> {
  const coders = new Map<string, Set<string>>();
  const add = (documentId: string, annotator: string) => {
    const set = coders.get(documentId) ?? new Set<string>();
    set.add(annotator);
    coders.set(documentId, set);
  };
  for (const [documentId, names] of Object.entries(named ?? {})) for (const name of names) add(documentId, name);
  for (const claim of live) add(claim.documentId, claim.annotator);
  return new Map([...coders].sort(([x], [y]) => compareCodeUnits(x, y)));
}

function unitizing(
  live: readonly Annotation[],
  coders: ReadonlyMap<string, ReadonlySet<string>>,
  lengths: AgreementInput['documentLengths'],
  notes: string[],
): AgreementReport['unitizingAlpha'] {
  // document → tag → annotator → spans
  const spans = new Map<string, Map<string, Map<string, Interval[]>>>();
  let clipped = 0;
  for (const claim of live) {
    const length = lengths[claim.documentId];
    if (length !== undefined && claim.target.end > length) clipped++;
    const byTag = spans.get(claim.documentId) ?? new Map<string, Map<string, Interval[]>>();
    spans.set(claim.documentId, byTag);
    for (const tag of new Set(claim.tags)) {
      const byAnnotator = byTag.get(tag) ?? new Map<string, Interval[]>();
      byTag.set(tag, byAnnotator);
      const list = byAnnotator.get(claim.annotator) ?? [];
      list.push({ start: claim.target.start, end: claim.target.end });
      byAnnotator.set(claim.annotator, list);
    }
  }
  if (clipped > 0) notes.push(`${clipped} claim(s) end beyond their document's given length; α_u clips them to it`);

  const partsByTag = new Map<string, UnitizingAlpha[]>();
  const byDocument: Record<string, UnitizingAlpha> = {};
  const all: UnitizingAlpha[] = [];
  let manyCoders = false;
  let missingLengths = 0;

  for (const [documentId, coderSet] of coders) {
    const names = [...coderSet].sort(compareCodeUnits);
    const length = lengths[documentId];
    if (length === undefined || !Number.isFinite(length) || length <= 0) {
      missingLengths++;
      byDocument[documentId] = {
        value: null,
        coders: names.length,
        units: 0,
        observed: 0,
        expected: 0,
        note: NO_LENGTH,
      };
      continue;
    }
    const byTag = spans.get(documentId) ?? new Map<string, Map<string, Interval[]>>();
    const parts: UnitizingAlpha[] = [];
    for (const tag of [...byTag.keys()].sort(compareCodeUnits)) {
      const byAnnotator = byTag.get(tag);
      const part = unitizingAlpha(
        length,
        names.map((name) => byAnnotator?.get(name) ?? []),
      );
      parts.push(part);
      const list = partsByTag.get(tag) ?? [];
      list.push(part);
      partsByTag.set(tag, list);
    }
    if (names.length > 2) manyCoders = true;
    all.push(...parts);
    // With no tag at all, α_u of "nothing marked" says why it is undefined (too few coders, or no units).
    byDocument[documentId] =
      parts.length > 0
        ? combineUnitizingAlpha(parts)
        : unitizingAlpha(
            length,
            names.map(() => []),
          );
  }
  if (missingLengths > 0) notes.push(`${missingLengths} document(s) have no length given, so no α_u`);
  if (manyCoders) notes.push(MANY_CODERS_CAVEAT);

  const byTag = Object.fromEntries(
    [...partsByTag.keys()].sort(compareCodeUnits).map((tag) => [tag, combineUnitizingAlpha(partsByTag.get(tag) ?? [])]),
  );
  return { overall: combineUnitizingAlpha(all), byTag, byDocument };
}

interface LabelTable {
  annotators: string[];
  documents: string[];
  /** documents × annotators: the tag sets */
  sets: TagSet[][];
  /** documents × annotators: each tag set as one nominal value (`labelValue`) */
  rows: Label[][];
  notes: string[];
}

/** Documents × annotators; a cell given two different tag sets is treated as missing. */
function labelTable(labels: readonly DocumentTags[]): LabelTable {
  const annotators = [...new Set(labels.map((l) => l.annotator))].sort(compareCodeUnits);
  const documents = [...new Set(labels.map((l) => l.documentId))].sort(compareCodeUnits);
  const cells = new Map<string, { set: ReadonlySet<string>; label: string } | null>();
  for (const { documentId, annotator, tags } of labels) {
    const key = JSON.stringify([documentId, annotator]);
    const set = new Set(tags);
    const label = labelValue({ tags: [...set] });
    const before = cells.get(key);
    cells.set(key, before === undefined || before?.label === label ? { set, label } : null);
  }
  const values = [...cells.values()];
  const conflicts = values.filter((v) => v === null).length;
  const multiTag = values.filter((v) => v !== null && v.set.size > 1).length;
  const cell = (doc: string, name: string) => cells.get(JSON.stringify([doc, name])) ?? null;
  const sets = documents.map((doc) => annotators.map((name) => cell(doc, name)?.set ?? null));
  const rows = documents.map((doc) => annotators.map((name) => cell(doc, name)?.label ?? null));
  const notes = [
    ...(conflicts > 0
      ? [`${conflicts} document label(s) were given two different values by one annotator and count as missing`]
      : []),
    ...(multiTag > 0 ? [multiTagNote(multiTag)] : []),
  ];
  return { annotators, documents, sets, rows, notes };
}

function labelCoefficients(table: LabelTable): AgreementReport['documentLabels'] {
  if (table.annotators.length === 0) {
    const none = { value: null, items: 0, note: 'no document labels were given' };
    return { cohenKappa: [], fleissKappa: none, krippendorffAlpha: { ...none }, masiAlpha: { ...none }, byTag: {} };
  }
  const column = (i: number) => table.rows.map((row) => row[i]);
  const cohen: PairKappa[] = [];
  table.annotators.forEach((a, i) => {
    table.annotators.slice(i + 1).forEach((b, k) => {
      cohen.push({ a, b, ...atLeastTwoItems(cohenKappa(column(i), column(i + 1 + k))) });
    });
  });
  return {
    cohenKappa: cohen,
    fleissKappa: atLeastTwoItems(fleissKappa(table.rows)),
    krippendorffAlpha: atLeastTwoItems(krippendorffAlphaNominal(table.rows)),
    masiAlpha: krippendorffAlphaSets(table.sets),
    byTag: tagAgreement(table.sets, table.annotators),
  };
}
