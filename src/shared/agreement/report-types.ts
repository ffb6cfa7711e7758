import type { Annotation } from '../model/annotation';
import type { TagAgreement } from './multi-label';
import type { Coefficient } from './nominal';
import type { SpanF1 } from './span-f1';
import type { UnitizingAlpha } from './unitizing-alpha';

/**
 * What an agreement report takes and gives. Kept apart from `agreementReport` so that what reads
 * a report (its CSV tables, the CLI summary) depends on the shapes only, not on the computation.
 */

/**
 * One annotator's tags for one document: its framing. A `DocumentLabel` is one. The report
 * compares the sets with MASI and tag by tag, and as one nominal category each (`labelValue`).
 */
export interface DocumentTags {
  documentId: string;
  annotator: string;
  /** Codebook tag ids; empty when the annotator cleared them. */
  tags: readonly string[];
}

export interface AgreementInput {
  annotations: readonly Annotation[];
  /** Length of each document's text in UTF-16 code units: the continuum for α_u. */
  documentLengths: Readonly<Record<string, number>>;
  documentLabels?: readonly DocumentTags[];
  /**
   * Who coded each document, including anyone who read it and marked nothing. Without it, an
   * annotator counts as a coder of a document when they have a live claim in it.
   */
  coders?: Readonly<Record<string, readonly string[]>>;
}

export interface PairKappa extends Coefficient {
  a: string;
  b: string;
}

export interface AgreementReport {
  annotators: string[];
  /** Documents with a live claim, a named coder or a label. */
  documents: number;
  spanF1: { exact: SpanF1; overlap: SpanF1 };
  unitizingAlpha: {
    overall: UnitizingAlpha;
    byTag: Record<string, UnitizingAlpha>;
    byDocument: Record<string, UnitizingAlpha>;
  };
  documentLabels: {
    /** Cohen's κ, Fleiss' κ and nominal α with each annotator's tag set as one category. */
    cohenKappa: PairKappa[];
    fleissKappa: Coefficient;
    krippendorffAlpha: Coefficient;
    /** Krippendorff's α over the tag sets with MASI distance: sharing some tags counts. */
    masiAlpha: Coefficient;
    /** Per tag id, the tag as yes/no for every document and annotator. */
    byTag: Record<string, TagAgreement>;
  };
  /** Things about the input a reader should know (clipped claims, missing lengths, caveats). */
  notes: string[];
}
