import { useState } from 'react';
import type { ImportReport } from '../../../shared/import/run-import';
import { textsAsCorpus } from '../../../shared/import/texts-as-corpus';
import type { Problem } from '../../../shared/result';
import { fileNameSlug } from '../../../shared/text/file-name';
import { useSharedText } from '../../i18n/shared-messages';
import { zipFiles } from '../../lib/zip-files';
import { useSession } from '../../session/SessionContext';
import { useImportMessages } from './messages';

function ProblemList({ title, problems }: { title: string; problems: readonly Problem[] }) {
  const m = useImportMessages();
  const shared = useSharedText();
  if (problems.length === 0) return null;
  return (
    <details open={problems.length <= 5}>
      <summary>
        {title} ({problems.length})
      </summary>
      <ul className="problems">
        {problems.slice(0, 200).map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
          <li key={i}>
            <code>{p.path}</code>: {shared(p.message)}
          </li>
        ))}
        {problems.length > 200 && <li>{m.more(problems.length - 200)}</li>}
      </ul>
    </details>
  );
}

/** The file's texts of documents the corpus lacks, offered as a zip of a corpus folder. */
function TextsElsewhere({ report }: { report: ImportReport }) {
  const m = useImportMessages();
  const { host } = useSession();
  const [saved, setSaved] = useState<string>();
  const [failed, setFailed] = useState<string>();
  if (report.textsElsewhere.length === 0) return null;
  const folder = fileNameSlug(report.source.replace(/\.[^.]+$/, ''), 'texts');
  const save = () =>
    host
      .saveExport({
        suggestedName: `${folder}-texts.zip`,
        content: zipFiles(textsAsCorpus(report.textsElsewhere), folder),
        encoding: 'base64',
      })
      .then((outcome) => setSaved(outcome.status === 'saved' ? outcome.location : undefined))
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
  return (
    <div className="texts-elsewhere">
      <p>{m.textsElsewhere(report.textsElsewhere.length)}</p>
      <button type="button" onClick={save}>
        {m.saveTexts}
      </button>
      {saved && <p role="status">{m.textsSaved(saved)}</p>}
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
    </div>
  );
}

/** What each file brought in, what it duplicated, and what failed where. */
export function ImportReportDialog({ reports, onClose }: { reports: readonly ImportReport[]; onClose(): void }) {
  const m = useImportMessages();
  const { listing } = useSession();
  const titles = new Map(listing.documents.map((d) => [d.id, d.title]));
  return (
    <div className="modal-backdrop">
      <section className="modal wide" role="dialog" aria-labelledby="import-title" aria-modal="true">
        <h2 id="import-title">{m.title}</h2>
        {reports.map((report) => (
          <article key={report.source} className={`import-report ${report.status}`} aria-label={report.source}>
            <h3 translate="no">
              {report.source} {report.format && <span className="muted">· {report.format}</span>}
            </h3>
            {report.status === 'refused' ? <p className="error">{m.refused}</p> : <p>{m.tally(report)}</p>}
            {report.codebookAdded && <p>{m.codebookAdded(report.codebookAdded)}</p>}
            {report.notPlaced.length > 0 && (
              <div className="not-placed-documents">
                <p>{m.notPlacedIn}</p>
                <ul>
                  {report.notPlaced.slice(0, 50).map(({ documentId, count }) => (
                    <li key={documentId}>
                      <span translate="no">{titles.get(documentId) ?? documentId}</span>{' '}
                      <span className="muted">· {m.waiting(count)}</span>
                    </li>
                  ))}
                  {report.notPlaced.length > 50 && <li>{m.more(report.notPlaced.length - 50)}</li>}
                </ul>
              </div>
            )}
            <TextsElsewhere report={report} />
            <ProblemList title={m.notes} problems={report.notes} />
            <ProblemList title={m.errors} problems={report.errors} />
            <ProblemList title={m.conflicts} problems={report.conflicts} />
            <ProblemList title={m.skipped} problems={report.skipped} />
          </article>
        ))}
        <button type="button" className="primary" onClick={onClose}>
          {m.close}
        </button>
      </section>
    </div>
  );
}
