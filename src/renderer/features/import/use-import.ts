import { useCallback, useState } from 'react';
import { ulid } from 'ulid';
import { formats } from '../../../shared/formats/registry';
import { type ImportReport, refusedReport, runImport } from '../../../shared/import/run-import';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusListing } from '../../../shared/model/document';
import { labelsByKey } from '../../db/document-labels';
import { annotationsById, commitImport } from '../../db/imports';
import { useHost } from '../../host/HostContext';
import { readFiles } from './read-files';

/** The file extensions the import accepts, for the file chooser. */
export const IMPORT_EXTENSIONS = [...new Set(formats.flatMap((f) => f.reads))].join(',');

export function useImport(listing: CorpusListing, codebook: Codebook) {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [reports, setReports] = useState<ImportReport[] | null>(null);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      try {
        const { entries, refused } = await readFiles(files);
        const done = await runImport(entries, {
          documents: listing.documents,
          loadText: (id) => host.getDocument(id),
          existing: annotationsById,
          existingLabels: labelsByKey,
          commit: commitImport,
          fallbackAnnotator: 'imported',
          codebook,
          now: () => new Date().toISOString(),
          newId: ulid,
        });
        setReports([...refused.map((problem) => refusedReport(problem.path, [problem])), ...done]);
      } finally {
        setBusy(false);
      }
    },
    [host, listing, codebook],
  );

  return { busy, reports, importFiles, dismiss: () => setReports(null) };
}
