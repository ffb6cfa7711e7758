import type { ImportReport } from '../../../shared/import/run-import';
import type { Problem } from '../../../shared/result';
import { useSharedText } from '../../i18n/shared-messages';
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
