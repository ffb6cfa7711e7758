/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The repository and format harness: the app's own database, repositories, export and import
 * code (bundled from src/ exactly as the app bundles it) next to the plain calls they rest on,
 * run on the same generated claims in the same page. Each function returns its milliseconds.
 */

import { claimsById } from '../../../src/renderer/db/claim-queries';
import { type StoredAnnotation, WorkbenchDatabase } from '../../../src/renderer/db/database';
import { labelsByKey } from '../../../src/renderer/db/document-labels';
import { SaveTracker } from '../../../src/renderer/db/save-tracker';
import { buildExport, type ExportChoice, exportFromDatabase } from '../../../src/renderer/features/export/build-export';
import { type CorpusSession, openCorpusSession } from '../../../src/renderer/session/corpus-session';
import { narrativesCodebook } from '../../../src/shared/codebooks/narratives';
import { nativeFormat } from '../../../src/shared/formats/native';
import type { HostApi } from '../../../src/shared/host-api';
import { runImport } from '../../../src/shared/import/run-import';
import type { Annotation } from '../../../src/shared/model/annotation';
import type { CorpusListing } from '../../../src/shared/model/document';
import { type BenchDocument, claimCorpus } from '../../data';

const APP = { name: 'Framing Workbench', version: 'bench', host: 'browser' as const };
const CHOICE: ExportChoice = { format: 'native', scope: 'corpus', includeTexts: false, annotator: '', documentIds: [] };

let documents: BenchDocument[] = [];
let annotations: Annotation[] = [];
let stored: StoredAnnotation[] = [];
let listing: CorpusListing;
let session: CorpusSession;
const db = new WorkbenchDatabase();
let exported = '';

const timed = async (work: () => Promise<unknown> | unknown): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

const emptyPlan = (add: Annotation[]) => ({
  add,
  orphans: [],
  duplicates: [],
  replace: [],
  conflicts: [],
  skipped: [],
  documentLabels: [],
  reviews: [],
});

const harness = {
  /** Generates the claims (untimed) and enters a corpus of their documents. Returns the claim count. */
  async setup(documentCount: number, perDocument: number): Promise<number> {
    ({ documents, annotations } = claimCorpus(documentCount, perDocument));
    listing = {
      id: '0123456789abcdef',
      name: 'bench',
      root: '/bench',
      skipped: [],
      documents: documents.map((d) => ({
        id: d.id,
        title: d.id,
        language: 'en',
        sha256: d.sha256,
        length: d.text.length,
        bytes: d.text.length,
        format: 'text',
        encoding: 'utf-8',
      })),
    };
    await db.open();
    await db.annotations.clear();
    session = await openCorpusSession({
      db,
      saves: new SaveTracker(),
      host: { getAppInfo: async () => APP } as unknown as HostApi,
      listing,
      annotator: 'bench',
    });
    stored = annotations.map((a) => ({ ...a, corpusId: listing.id }));
    const file = await buildExport(CHOICE, {
      app: APP,
      listing,
      codebook: narrativesCodebook,
      annotator: 'bench',
      annotations,
      documentLabels: [],
      loadDocument: async () => {
        throw new Error('not needed');
      },
      now: new Date('2026-11-22T10:00:00.000Z'),
    });
    exported = file.content;
    return annotations.length;
  },

  clear: () => db.annotations.clear(),
  fill: () => db.annotations.bulkPut(stored),

  /** 4: the app's bulk write path (the one the Import dialog commits through). */
  writeApp: () => timed(() => session.claims.commitImport(emptyPlan(annotations))),
  writeBaseline: () => timed(() => db.annotations.bulkPut(stored)),

  /** 5: native labelled JSON of the claims in memory, as the Export dialog builds it. */
  exportApp: () =>
    timed(() =>
      buildExport(CHOICE, {
        app: APP,
        listing,
        codebook: narrativesCodebook,
        annotator: 'bench',
        annotations,
        documentLabels: [],
        loadDocument: async () => {
          throw new Error('not needed');
        },
        now: new Date(),
      }),
    ),
  exportBaseline: () => timed(() => JSON.stringify(annotations)),

  /** 5: the same, reading the claims from the database first, as the Export button does. */
  exportFromDatabaseApp: () => timed(() => exportFromDatabase(session, narrativesCodebook, CHOICE)),
  exportFromDatabaseBaseline: () => timed(async () => JSON.stringify(await db.annotations.toArray())),

  /** 5: parse and validate the exported file, as the import does before anything else. */
  parseApp: () =>
    timed(() => {
      const parsed = nativeFormat.parse?.([{ name: 'claims.json', content: exported }]);
      if (!parsed?.ok) throw new Error('the exported file did not validate');
    }),
  parseBaseline: () => timed(() => JSON.parse(exported)),

  /** 5: the whole import of the exported file into an empty database (parse, validate, anchor, write). */
  importApp: () =>
    timed(async () => {
      const texts = new Map(documents.map((d) => [d.id, d]));
      const [report] = await runImport([{ name: 'claims.json', content: exported }], {
        documents: listing.documents,
        loadText: async (id) => texts.get(id) as BenchDocument,
        existing: () => claimsById(db),
        existingLabels: () => labelsByKey(session),
        commit: (plan) => session.claims.commitImport(plan),
        fallbackAnnotator: 'imported',
        codebook: narrativesCodebook,
        now: () => new Date().toISOString(),
        newId: () => {
          throw new Error('every claim has an id');
        },
      });
      if (report?.added !== annotations.length) throw new Error(`imported ${report?.added} of ${annotations.length}`);
    }),
  importBaseline: () =>
    timed(async () => {
      const file = JSON.parse(exported) as { annotations: Annotation[] };
      await db.annotations.bulkPut(file.annotations.map((a) => ({ ...a, corpusId: listing.id })));
    }),
};

(window as unknown as { harness: typeof harness }).harness = harness;
