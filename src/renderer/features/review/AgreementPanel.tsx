import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { agreementReport, nominalLabelOf } from '../../../shared/agreement/report';
import { reportTables } from '../../../shared/agreement/report-tables';
import type { SpanAggregate } from '../../../shared/agreement/span-f1';
import type { UnitizingAlpha } from '../../../shared/agreement/unitizing-alpha';
import { GOLD } from '../../../shared/review/compare';
import { allClaims } from '../../db/claim-queries';
import { allDocumentLabels } from '../../db/document-labels';
import { useLanguage } from '../../i18n/language';
import { zipFiles } from '../../lib/zip-files';
import { useCodebook, useSession, useTagBook } from '../../session/SessionContext';
import { useReviewMessages } from './messages';

interface ScoreRow {
  key: string;
  label: string;
  exact: number | null | undefined;
  overlap: number | null | undefined;
  alpha: number | null | undefined;
  /** What the figures rest on: span units compared. */
  items: number;
  /** Why a figure is undefined, when one is. */
  note?: string;
}

/** A table row from the report's parts; n counts the span units compared over all pairs (|A| + |B|). */
function scoreRow(
  key: string,
  label: string,
  exact: SpanAggregate | undefined,
  overlap: SpanAggregate | undefined,
  alpha: UnitizingAlpha | undefined,
): ScoreRow {
  return {
    key,
    label,
    exact: exact?.f1,
    overlap: overlap?.f1,
    alpha: alpha?.value,
    items: (exact?.tp ?? 0) * 2 + (exact?.unmatched ?? 0),
    note: exact?.note ?? alpha?.note,
  };
}

// Like toFixed(3), with the language's decimal mark; no sign on a value that rounds to zero.
const THREE_DECIMALS: Intl.NumberFormatOptions = {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
  signDisplay: 'negative',
};

/** A figure with a bar as long as the value, so a column of them reads as a chart. */
function Score({ value, note }: { value: number | null | undefined; note?: string }) {
  const language = useLanguage();
  const m = useReviewMessages();
  if (value === null || value === undefined) return <span title={note ?? m.undefined}>—</span>;
  return (
    <span className="score">
      <span className="bar" style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
      {value.toLocaleString(language, THREE_DECIMALS)}
    </span>
  );
}

function ScoreTable({ heading, rows }: { heading: string; rows: ScoreRow[] }) {
  const language = useLanguage();
  const m = useReviewMessages();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{m.exactF1}</th>
          <th scope="col">{m.overlapF1}</th>
          <th scope="col">α_u</th>
          <th scope="col" title={m.units}>
            n
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" title={row.label} translate="no">
              {row.label}
            </th>
            <td>
              <Score value={row.exact} note={row.note} />
            </td>
            <td>
              <Score value={row.overlap} note={row.note} />
            </td>
            <td>
              <Score value={row.alpha} note={row.note} />
            </td>
            <td>{row.items.toLocaleString(language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How far the corpus's annotators agree, with the tables to export as CSV or JSON. */
export function AgreementPanel({ layer }: { /** One layer's codebook id, or '' for every claim. */ layer: string }) {
  const session = useSession();
  const { host, listing } = session;
  const codebook = useCodebook();
  const tagBook = useTagBook();
  const m = useReviewMessages();
  const [savedTo, setSavedTo] = useState<string>();
  const annotations = useLiveQuery(() => allClaims(session), [session]);
  const labels = useLiveQuery(() => allDocumentLabels(session), [session]);
  const report = useMemo(() => {
    const claims = (annotations ?? []).filter((a) => a.annotator !== GOLD && (!layer || a.codebookId === layer));
    const documentLengths = Object.fromEntries(listing.documents.map((d) => [d.id, d.length]));
    const documentLabels = (labels ?? []).filter((l) => l.annotator !== GOLD).map(nominalLabelOf);
    return agreementReport({ annotations: claims, documentLengths, documentLabels });
  }, [annotations, labels, listing, layer]);

  async function save(kind: 'json' | 'csv') {
    const stamp = new Date().toISOString().slice(0, 10);
    const name = `${listing.name}-agreement${layer ? `-${layer}` : ''}-${stamp}`;
    const tables = reportTables(report);
    const outcome =
      kind === 'json'
        ? await host.saveExport({
            suggestedName: `${name}.json`,
            content: `${JSON.stringify(report, null, 2)}\n`,
            encoding: 'utf8',
          })
        : await host.saveExport({
            suggestedName: `${name}.zip`,
            content: zipFiles(
              [
                { name: 'overall.csv', content: tables.overall },
                { name: 'by-tag.csv', content: tables.byTag },
                { name: 'by-document.csv', content: tables.byDocument },
              ],
              name,
            ),
            encoding: 'base64',
          });
    setSavedTo(outcome.status === 'saved' ? outcome.location : undefined);
  }

  if (report.annotators.length < 2) {
    return <p className="muted small">{m.needsTwo}</p>;
  }
  const { exact, overlap } = report.spanF1;
  const tags = Object.keys(exact.byTag);
  const titles = new Map(listing.documents.map((d) => [d.id, d.title]));
  return (
    <section className="agreement" aria-label={m.agreement}>
      <h2 className="panel-title">{m.agreement}</h2>
      <p className="muted small">
        {report.annotators.join(', ')} · {m.documents(report.documents)}
      </p>
      <ScoreTable
        heading={m.tag}
        rows={[
          scoreRow('', m.allTags, exact.overall, overlap.overall, report.unitizingAlpha.overall),
          ...tags.map((tag) =>
            scoreRow(
              tag,
              tagBook.anyTag(tag, codebook).label,
              exact.byTag[tag],
              overlap.byTag[tag],
              report.unitizingAlpha.byTag[tag],
            ),
          ),
        ]}
      />
      <ScoreTable
        heading={m.document}
        rows={Object.keys(exact.byDocument).map((id) =>
          scoreRow(
            id,
            titles.get(id) ?? id,
            exact.byDocument[id],
            overlap.byDocument[id],
            report.unitizingAlpha.byDocument[id],
          ),
        )}
      />
      <table>
        <caption>{m.documentFraming}</caption>
        <tbody>
          {report.documentLabels.cohenKappa.map((pair) => (
            <tr key={`${pair.a}|${pair.b}`}>
              <th scope="row">{m.cohen(pair.a, pair.b)}</th>
              <td>
                <Score value={pair.value} note={pair.note} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{m.fleiss}</th>
            <td>
              <Score value={report.documentLabels.fleissKappa.value} note={report.documentLabels.fleissKappa.note} />
            </td>
          </tr>
          <tr>
            <th scope="row">{m.krippendorff}</th>
            <td>
              <Score
                value={report.documentLabels.krippendorffAlpha.value}
                note={report.documentLabels.krippendorffAlpha.note}
              />
            </td>
          </tr>
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => save('csv')}>
          {m.exportTables}
        </button>
        <button type="button" onClick={() => save('json')}>
          {m.exportReport}
        </button>
      </div>
      {savedTo && (
        <p role="status" className="muted small">
          {m.saved(savedTo)}
        </p>
      )}
      {report.notes.length > 0 && (
        <ul className="muted small">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
