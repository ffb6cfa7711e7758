import { Dexie, type EntityTable } from 'dexie';
import type { Orphan } from '../../shared/import/plan-import';
import type { Annotation } from '../../shared/model/annotation';
import type { ClusterReview } from '../../shared/model/cluster-review';
import type { Codebook } from '../../shared/model/codebook';
import type { DocumentLabel } from '../../shared/model/document-label';

export interface Setting {
  key: string;
  value: string;
}

/** Records carry the corpus they belong to: two corpora may both have a "001.txt". */
export type StoredAnnotation = Annotation & { corpusId: string };
export type StoredOrphan = Orphan & { corpusId: string };

export type DocumentStatus = 'not-started' | 'in-progress' | 'done';

/** The analyst's choices for one document of one corpus. */
export interface DocumentState {
  corpusId: string;
  documentId: string;
  status?: DocumentStatus;
  /** The encoding the analyst chose to read the file with, kept so that claims keep their text. */
  encoding?: string;
  updatedAt: string;
}

/** Schema 5–7: an adjudicator's decision to keep none of a disagreement's claims (now a `ClusterReview`). */
interface Rejection {
  corpusId: string;
  documentId: string;
  clusterKey: string;
  decidedBy: string;
  decidedAt: string;
  rationale?: string;
}

export type StoredClusterReview = ClusterReview & { corpusId: string };

/** A suggestion the analyst turned down: the same words are not suggested with that tag again. */
export interface SuggestionRejection {
  corpusId: string;
  documentId: string;
  /** `suggestionKey`: where the words are and the tag. */
  key: string;
  quote: string;
  rejectedBy: string;
  rejectedAt: string;
}

/** Texts and tags the analyst imported for one codebook of a corpus, suggested wherever they occur. */
export interface StoredGazetteer {
  corpusId: string;
  codebookId: string;
  entries: { text: string; tagId: string }[];
  importedAt: string;
}

export type StoredDocumentLabel = DocumentLabel & { corpusId: string };

/** Records from before corpora were told apart, waiting to be claimed by the corpus they match. */
export const UNASSIGNED = '';

/**
 * The analyst's work, in IndexedDB. Each schema version is dated and kept; a later version adds
 * an upgrade beside it and a test that opens a database of the version before.
 */
export class WorkbenchDatabase extends Dexie {
  annotations!: EntityTable<StoredAnnotation, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  orphans!: EntityTable<StoredOrphan, 'id'>;
  documentStates!: Dexie.Table<DocumentState, [string, string]>;
  reviews!: Dexie.Table<StoredClusterReview, [string, string, string]>;
  documentLabels!: Dexie.Table<StoredDocumentLabel, [string, string, string]>;
  codebooks!: Dexie.Table<Codebook, [string, number]>;
  suggestionRejections!: Dexie.Table<SuggestionRejection, [string, string, string]>;
  gazetteers!: Dexie.Table<StoredGazetteer, [string, string]>;

  constructor(name = 'framing-workbench') {
    // Dexie's query cache re-applies every write to every cached result in the writing task, a
    // cost paid in the keystroke that made the claim; the reader shows new claims itself
    // (unconfirmed-claims) and the live queries read again once the write has committed.
    super(name, { cache: 'disabled' });
    // 2026-11-22: claims with tombstones; settings as key/value pairs.
    this.version(1).stores({
      annotations: 'id, documentId, updatedAt',
      settings: 'key',
    });
    // 2026-11-22: imported claims that could not be placed are kept as orphans. A new table
    // only: existing records need no change, so the upgrade has nothing to rewrite.
    this.version(2).stores({ orphans: 'id, documentId' });
    // 2026-11-22: any folder can be a corpus, so claims and orphans record which corpus they are
    // in. Older records cannot know; they are marked unassigned, and the corpus whose documents
    // they match (same id and text hash) takes them when it is opened.
    this.version(3)
      .stores({
        annotations: 'id, documentId, updatedAt, corpusId, [corpusId+documentId]',
        orphans: 'id, documentId, corpusId, [corpusId+documentId]',
      })
      .upgrade(async (tx) => {
        for (const table of ['annotations', 'orphans']) {
          await tx
            .table(table)
            .toCollection()
            .modify((record: { corpusId?: string }) => {
              record.corpusId ??= UNASSIGNED;
            });
        }
      });
    // 2026-11-22: the analyst marks each document not started, in progress or done, and may pick
    // its encoding. A new table only; documents without a record count as not started, or in
    // progress once they have claims, and are read with the detected encoding.
    this.version(4).stores({ documentStates: '[corpusId+documentId], corpusId' });
    // 2026-11-22: adjudication records the disagreements it rejected (accepted ones become gold
    // claims). A new table only.
    this.version(5).stores({ rejections: '[corpusId+clusterKey], [corpusId+documentId]' });
    // 2026-11-22: each annotator's tags for whole documents. A new table only.
    this.version(6).stores({ documentLabels: '[corpusId+documentId+annotator], [corpusId+documentId], corpusId' });
    // 2026-11-22: codebooks the analyst edits or imports, every version kept (claims name the
    // version they were made with); and claims indexed by speaker, for autocompletion. The new
    // index is built by IndexedDB from the records as they are.
    this.version(7).stores({
      annotations: 'id, documentId, updatedAt, corpusId, [corpusId+documentId], attributes.speaker',
      codebooks: '[id+version], id',
    });
    // 2026-12-05: Review's records of a disagreement hold its decision (rejected, or reopened) and
    // its discussion, and travel in annotation files. Each rejection becomes such a record.
    this.version(8)
      .stores({
        reviews: '[corpusId+documentId+clusterKey], [corpusId+documentId], corpusId',
        rejections: null,
      })
      .upgrade(async (tx) => {
        const rejections: Rejection[] = await tx.table('rejections').toArray();
        await tx.table('reviews').bulkPut(
          rejections.map(({ corpusId, documentId, clusterKey, decidedBy, decidedAt, rationale }) => ({
            corpusId,
            documentId,
            clusterKey,
            decision: { kind: 'rejected', decidedBy, decidedAt, ...(rationale ? { rationale } : {}) },
            comments: [],
          })),
        );
      });
    // 2026-12-06: suggestions the analyst rejected, and the gazetteers imported per codebook.
    // New tables only.
    this.version(9).stores({
      suggestionRejections: '[corpusId+documentId+key], [corpusId+documentId]',
      gazetteers: '[corpusId+codebookId]',
    });
  }
}
