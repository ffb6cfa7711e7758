import type { ImportReport } from '../../../shared/import/run-import';
import type { Problem } from '../../../shared/result';

function ProblemList({ title, problems }: { title: string; problems: readonly Problem[] }) {
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
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
        {problems.length > 200 && <li>… and {problems.length - 200} more</li>}
      </ul>
    </details>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What each file brought in, what it duplicated, and what failed where. */
export function ImportReportDialog({ reports, onClose }: { reports: readonly ImportReport[]; onClose(): void }) {
  return (
    <div className="modal-backdrop">
      <section className="modal wide" role="dialog" aria-labelledby="import-title" aria-modal="true">
        <h2 id="import-title">Import report</h2>
        {reports.map((report) => (
          <article key={report.source} className={`import-report ${report.status}`} aria-label={report.source}>
            <h3>
              {report.source} {report.format && <span className="muted">· {report.format}</span>}
            </h3>
            {report.status === 'refused' ? (
              <p className="error">Nothing was imported from this file.</p>
            ) : (
              <p>
                {plural(report.added, 'claim imported', 'claims imported')}
                {report.review > 0 && `, ${report.review} to check`},{' '}
                {plural(report.duplicates, 'duplicate', 'duplicates')},{' '}
                {plural(report.orphans, 'claim could not be placed', 'claims could not be placed')}.
              </p>
            )}
            <ProblemList title="Errors" problems={report.errors} />
            <ProblemList title="Not imported, to keep your work" problems={report.conflicts} />
            <ProblemList title="Skipped" problems={report.skipped} />
          </article>
        ))}
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </section>
    </div>
  );
}
