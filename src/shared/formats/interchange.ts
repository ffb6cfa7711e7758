import type { Annotation, ClaimAttributes, Origin } from '../model/annotation';
import type { ClusterReview } from '../model/cluster-review';
import type { Codebook } from '../model/codebook';
import type { DocumentLabel } from '../model/document-label';
import type { Tombstone } from '../model/tombstone';
import type { Problem, Result } from '../result';

/**
 * The common ground of every interchange format. Exporting, a format writes an ExportSet (the
 * app's claims with their documents' texts) as files. Importing, it reads files into claim
 * records: claims as the file describes them, before they are anchored to the corpus text
 * (offsets in the unit the format uses, the quote and its context where the format has them).
 */

/** One file of an import or export; `name` is a relative path with forward slashes. */
export interface FileEntry {
  name: string;
  content: string;
}

export type OffsetUnit = 'utf16' | 'codepoint';

/** Where a claim sits, as far as a file says: any of position and quote, never guessed. */
export interface ClaimSelector {
  unit: OffsetUnit;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}

export interface ClaimRecord {
  /** Kept when the file has a usable id, so re-importing the same file finds duplicates. */
  id?: string;
  documentId: string;
  documentSha256?: string;
  selector: ClaimSelector;
  tags: string[];
  attributes: ClaimAttributes;
  annotator?: string;
  codebookId?: string;
  codebookVersion?: number;
  createdAt?: string;
  updatedAt?: string;
  /** Where in the input the claim was found, for reports: "a.ann line 3", "x.json $[2].label[0]". */
  origin: string;
  /** How the claim was made (a stored claim's `origin`: a coded search hit, an accepted suggestion), where the file says. */
  madeBy?: Origin;
  /**
   * Why the claim's place cannot be trusted, when the format itself found out (a REFI-QDA
   * selection whose quote is other words): it waits under Not placed, never placed elsewhere.
   */
  unplaced?: string;
}

export interface DocumentRecord {
  id: string;
  title?: string;
  language?: string;
  sha256?: string;
  /** Present when the file carries the text (brat .txt, doccano, Label Studio, native with texts). */
  text?: string;
}

export interface Interchange {
  documents: DocumentRecord[];
  codebook?: Codebook;
  claims: ClaimRecord[];
  tombstones: Tombstone[];
  /** Annotators' tags for whole documents, where the format has them. */
  documentLabels?: DocumentLabel[];
  /** Review's rejections and discussions, where the format has them. */
  reviews?: ClusterReview[];
  /** Well-formed items the app cannot take (yet), each with where it is and why: the import report lists them. */
  skipped: Problem[];
  /** What the reader found out about the file that the analyst should know, such as how it counts offsets. */
  notes?: Problem[];
}

export interface ExportDocument {
  id: string;
  title: string;
  language: string;
  sha256: string;
  text: string;
  /** A document the corpus folder no longer has: described by its claims, with no text to write. */
  missing?: boolean;
}

export interface ExportSet {
  exportedAt: string;
  app: { name: string; version: string };
  /** Who exported. */
  annotator: string;
  codebook: Codebook;
  /** Every document the claims point into, with its served text. */
  documents: ExportDocument[];
  /** Live claims and tombstones; formats without deletions write the live ones only. */
  annotations: Annotation[];
  /** Native format only: include each document's text so the file stands alone. */
  includeTexts?: boolean;
  /** Annotators' tags for whole documents, for the formats that keep document framing. */
  documentLabels?: DocumentLabel[];
  /** Native format only: Review's rejections and discussions of the documents written. */
  reviews?: ClusterReview[];
  /** The names and colours of tags claims carry from codebooks other than `codebook`. */
  otherTags?: ReadonlyMap<string, { label: string; colour: string }>;
}

export type FormatId =
  | 'native'
  | 'w3c'
  | 'brat'
  | 'doccano'
  | 'labelstudio'
  | 'csv'
  | 'qdpx'
  | 'qdc'
  | 'ptc'
  | 'semeval2023'
  | 'webanno';

/** What a claim or a corpus holds that some formats cannot write. */
/**
 * `other-tags`: tags a shared task's map does not name, which its files hold under their ids and its readers skip.
 * `origin`: how each claim was made, when not by hand (a coded search hit, an accepted suggestion).
 */
export type Kept =
  | 'claims'
  | 'other-tags'
  | 'annotator'
  | 'attributes'
  | 'claim-times'
  | 'codebook'
  | 'document-framing'
  | 'origin';

export interface InterchangeFormat {
  id: FormatId;
  name: string;
  /** What its files cannot hold: the export dialog says so before the file is written. */
  leavesOut: readonly Kept[];
  /** The offset unit the format writes and reads, stated in every report and in docs/. */
  offsetUnit: OffsetUnit;
  /** The file extensions it reads; CSV is export-only and reads none. */
  reads: string[];
  /** Its files travel as one zip with this extension, the files at its root (a REFI-QDA .qdpx). */
  archive?: string;
  /** True when these files look like this format (cheap: a peek at names and the first bytes). */
  detect(files: readonly FileEntry[]): boolean;
  /** Any structural error refuses the whole input; never throws. Absent for export-only formats. */
  parse?(files: readonly FileEntry[]): Result<Interchange, Problem[]>;
  serialize(set: ExportSet): FileEntry[];
}
