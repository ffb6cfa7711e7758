import type { Annotation } from '../model/annotation';
import type { Coefficient } from './nominal';
import type { SpanF1 } from './span-f1';
import type { UnitizingAlpha } from './unitizing-alpha';

/**
 * What an agreement report takes and gives. Kept apart from `agreementReport` so that what reads
 * a report (its CSV tables, the CLI summary) depends on the shapes only, not on the computation.
 */

/**
 * One annotator's single nominal value for one document, the unit the document-label kappas
 * count: for the app's document labels, the tag set as `nominalLabelOf` reduces it.
 */
export interface NominalLabel {
  documentId: string;
  annotator: string;
  label: string;
}

export interface AgreementInput {
  annotations: readonly Annotation[];
  /** Length of each document's text in UTF-16 code units: the continuum for α_u. */
  documentLengths: Readonly<Record<string, number>>;
  documentLabels?: readonly NominalLabel[];
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
    cohenKappa: PairKappa[];
    fleissKappa: Coefficient;
    krippendorffAlpha: Coefficient;
  };
  /** Things about the input a reader should know (clipped claims, missing lengths, caveats). */
  notes: string[];
}
