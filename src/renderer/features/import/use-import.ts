import { useCallback, useState } from 'react';
import { ulid } from 'ulid';
import { formats } from '../../../shared/formats/registry';
import { type ImportReport, refusedReport, runImport } from '../../../shared/import/run-import';
import { claimsById } from '../../db/claim-queries';
import { labelsByKey } from '../../db/document-labels';
import { SEARCH_BUDGET_MS } from '../../session/current-anchors';
import { useCodebook, useSession } from '../../session/SessionContext';
import { readFiles } from './read-files';

/** The file extensions the import accepts, for the file chooser. */
export const IMPORT_EXTENSIONS = [...new Set(formats.flatMap((f) => f.reads))].join(',');

export function useImport() {
  const session = useSession();
  const codebook = useCodebook();
  const [busy, setBusy] = useState(false);
  const [reports, setReports] = useState<ImportReport[] | null>(null);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      try {
        const { entries, refused } = await readFiles(files);
        const done = await runImport(entries, {
          documents: session.listing.documents,
          // The text as the analyst reads it, with the encoding they chose.
          loadText: session.readDocument,
          existing: () => claimsById(session.db),
          existingLabels: () => labelsByKey(session),
          commit: (plan) => session.claims.commitImport(plan),
          fallbackAnnotator: 'imported',
          codebook,
          now: () => new Date().toISOString(),
          newId: ulid,
          searchBudgetMs: SEARCH_BUDGET_MS,
        });
        setReports([...refused.map((problem) => refusedReport(problem.path, [problem])), ...done]);
      } finally {
        setBusy(false);
      }
    },
    [session, codebook],
  );

  return { busy, reports, importFiles, dismiss: () => setReports(null) };
}
