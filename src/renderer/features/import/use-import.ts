import { useCallback, useRef, useState } from 'react';
import { ulid } from 'ulid';
import { formats } from '../../../shared/formats/registry';
import { ZIP_EXTENSION } from '../../../shared/formats/zip-entries';
import { type ImportProgress, type ImportReport, refusedReport, runImport } from '../../../shared/import/run-import';
import { planImportInWorker } from '../../anchoring';
import { claimsById } from '../../db/claim-queries';
import { saveCodebook, setLayers } from '../../db/codebooks';
import { labelsByKey } from '../../db/document-labels';
import { reviewsByKey } from '../../db/review';
import { useCodebook, useCodingLayers, useSession } from '../../session/SessionContext';
import { readFiles } from './read-files';

/** The file extensions the import accepts, for the file chooser: every format's, and zips of them. */
export const IMPORT_EXTENSIONS = [...new Set([...formats.flatMap((f) => f.reads), ZIP_EXTENSION])].join(',');

/**
 * How long one file's approximate searches may take. They run in a worker, with progress and a
 * Cancel button, so the window never waits; the bound ends an import nobody watches.
 */
const IMPORT_SEARCH_BUDGET_MS = 60_000;

export function useImport() {
  const session = useSession();
  const codebook = useCodebook();
  const layers = useCodingLayers();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [reports, setReports] = useState<ImportReport[] | null>(null);
  const running = useRef<AbortController | null>(null);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || running.current) return;
      const controller = new AbortController();
      running.current = controller;
      setBusy(true);
      try {
        const { entries, refused } = await readFiles(files);
        const done = await runImport(entries, {
          documents: session.listing.documents,
          // The text as the analyst reads it, with the encoding they chose.
          loadText: session.readDocument,
          existing: () => claimsById(session.db),
          existingLabels: () => labelsByKey(session),
          existingReviews: () => reviewsByKey(session),
          commit: (plan) => session.claims.commitImport(plan),
          fallbackAnnotator: 'imported',
          codebook,
          layers: layers.map((layer) => layer.codebook),
          adoptCodebook: async (adopted) => {
            await saveCodebook(session, adopted);
            await setLayers(session, [
              ...layers.map((l) => ({ id: l.codebook.id, shown: l.shown })),
              { id: adopted.id, shown: true },
            ]);
            return [...layers.map((layer) => layer.codebook), adopted];
          },
          now: () => new Date().toISOString(),
          newId: ulid,
          searchBudgetMs: IMPORT_SEARCH_BUDGET_MS,
          plan: (file, context) => planImportInWorker(file, context, { signal: controller.signal }),
          onProgress: setProgress,
          signal: controller.signal,
        });
        setReports([...refused.map((problem) => refusedReport(problem.path, [problem])), ...done]);
      } finally {
        running.current = null;
        setProgress(null);
        setBusy(false);
      }
    },
    [session, codebook, layers],
  );

  const cancel = useCallback(() => running.current?.abort(), []);

  return { busy, progress, reports, importFiles, cancel, dismiss: () => setReports(null) };
}
