import { useMemo, useState } from 'react';
import { withoutMachineClaims } from '../../../shared/agreement/machine-claims';
import type { Coefficient } from '../../../shared/agreement/nominal';
import { agreementReport } from '../../../shared/agreement/report';
import { reportTables } from '../../../shared/agreement/report-tables';
import type { SpanAggregate } from '../../../shared/agreement/span-f1';
import type { UnitizingAlpha } from '../../../shared/agreement/unitizing-alpha';
import type { Annotation } from '../../../shared/model/annotation';
import type { DocumentLabel } from '../../../shared/model/document-label';
import { GOLD } from '../../../shared/review/compare';
import { useLanguage } from '../../i18n/language';
import { useSharedText } from '../../i18n/shared-messages';
import { zipFiles } from '../../lib/zip-files';
import { useCodebook, useSession, useTagBook } from '../../session/SessionContext';
import { useAgreementMessages } from './agreement-messages';
import { useReviewMessages } from './messages';
import { Score } from './Score';

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

/**
 * Numbers the reasons undefined figures give, in the order they are asked for while the tables
 * are built, so each undefined cell points to one line of the list under them.
 */
function footnotes() {
  const notes: string[] = [];
  return {
    notes,
    mark(c: Coefficient): number | undefined {
      if (c.value !== null || !c.note) return undefined;
      const at = notes.indexOf(c.note);
      if (at >= 0) return at + 1;
      notes.push(c.note);
      return notes.length;
    },
  };
}

/** A document-framing figure: its score, or a dash with the number of its reason below. */
function FramingScore({ c, footnote }: { c: Coefficient; footnote: number | undefined }) {
  const shared = useSharedText();
  const m = useReviewMessages();
  if (c.value !== null) return <Score value={c.value} />;
  return <span title={c.note ? shared(c.note) : m.undefined}>—{footnote !== undefined && <sup>{footnote}</sup>}</span>;
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
export function AgreementPanel({
  layer,
  claims,
  labels,
}: {
  /** One layer's codebook id, or '' for every claim. */
  layer: string;
  /** The claims of that layer, as Review reads them. */
  claims: readonly Annotation[];
  labels: readonly DocumentLabel[];
}) {
  const session = useSession();
  const { host, listing } = session;
  const codebook = useCodebook();
  const tagBook = useTagBook();
  const m = useReviewMessages();
  const am = useAgreementMessages();
  const shared = useSharedText();
  const language = useLanguage();
  const [savedTo, setSavedTo] = useState<string>();
  const [countMachine, setCountMachine] = useState(true);
  const { report, leftOut } = useMemo(() => {
    const ofAnnotators = claims.filter((a) => a.annotator !== GOLD);
    const counted = countMachine ? { claims: ofAnnotators, leftOut: 0 } : withoutMachineClaims(ofAnnotators);
    const documentLengths = Object.fromEntries(listing.documents.map((d) => [d.id, d.length]));
    const documentLabels = labels.filter((l) => l.annotator !== GOLD);
    return {
      report: agreementReport({ annotations: counted.claims, documentLengths, documentLabels }),
      leftOut: counted.leftOut,
    };
  }, [claims, labels, listing, countMachine]);
  const machineChoice = (
    <>
      <label className="small" title={am.countMachineTitle}>
        <input type="checkbox" checked={countMachine} onChange={(e) => setCountMachine(e.target.checked)} />
        {am.countMachine}
      </label>
      {!countMachine && (
        <p role="status" className="muted small">
          {am.machineLeftOut(leftOut)}
        </p>
      )}
    </>
  );

  async function save(kind: 'json' | 'csv') {
    const stamp = new Date().toISOString().slice(0, 10);
    // The file's name says when its figures leave machine-made claims out, as the CLI's flag does.
    const name = `${listing.name}-agreement${layer ? `-${layer}` : ''}${countMachine ? '' : '-without-machine'}-${stamp}`;
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
                { name: 'document-labels-by-tag.csv', content: tables.documentLabelsByTag },
              ],
              name,
            ),
            encoding: 'base64',
          });
    setSavedTo(outcome.status === 'saved' ? outcome.location : undefined);
  }

  if (report.annotators.length < 2) {
    // Leaving machine-made claims out can leave one annotator; the choice stays, so it can be undone.
    return (
      <>
        <p className="muted small">{m.needsTwo}</p>
        {!countMachine && machineChoice}
      </>
    );
  }
  const { exact, overlap } = report.spanF1;
  const tags = Object.keys(exact.byTag);
  const titles = new Map(listing.documents.map((d) => [d.id, d.title]));
  const framing = report.documentLabels;
  const framingTags = Object.keys(framing.byTag);
  // With two annotators the tag's κ is their Cohen's κ; with more, Fleiss' κ over all of them.
  const twoAnnotators = framing.cohenKappa.length === 1;
  const reasons = footnotes();
  const count = (c: Coefficient) => <td translate="no">{c.items.toLocaleString(language)}</td>;
  const figure = (c: Coefficient) => (
    <td translate="no">
      <FramingScore c={c} footnote={reasons.mark(c)} />
    </td>
  );
  return (
    <section className="agreement" aria-label={m.agreement}>
      <h2 className="panel-title">{m.agreement}</h2>
      <p className="muted small">
        {report.annotators.join(', ')} · {m.documents(report.documents)}
      </p>
      {machineChoice}
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
        <thead>
          <tr>
            <th scope="col">{am.coefficient}</th>
            <th scope="col">{am.value}</th>
            <th scope="col" title={am.documentsTitle}>
              n
            </th>
          </tr>
        </thead>
        <tbody>
          {framing.cohenKappa.map((pair) => (
            <tr key={`${pair.a}|${pair.b}`}>
              <th scope="row" title={am.setAsCategory}>
                {m.cohen(pair.a, pair.b)}
              </th>
              {figure(pair)}
              {count(pair)}
            </tr>
          ))}
          <tr>
            <th scope="row" title={am.setAsCategory}>
              {m.fleiss}
            </th>
            {figure(framing.fleissKappa)}
            {count(framing.fleissKappa)}
          </tr>
          <tr>
            <th scope="row" title={am.setAsCategory}>
              {m.krippendorff}
            </th>
            {figure(framing.krippendorffAlpha)}
            {count(framing.krippendorffAlpha)}
          </tr>
          <tr>
            <th scope="row" title={am.masiAlphaTitle}>
              {am.masiAlpha}
            </th>
            {figure(framing.masiAlpha)}
            {count(framing.masiAlpha)}
          </tr>
        </tbody>
      </table>
      {framingTags.length > 0 && (
        <table>
          <caption title={am.byTagTitle}>{am.byTag}</caption>
          <thead>
            <tr>
              <th scope="col">{m.tag}</th>
              <th scope="col">{twoAnnotators ? am.cohenKappa : am.fleissKappa}</th>
              <th scope="col" title={am.documentsTitle}>
                n
              </th>
              <th scope="col" title={am.alphaTitle}>
                {am.alpha}
              </th>
              <th scope="col" title={am.documentsTitle}>
                n
              </th>
            </tr>
          </thead>
          <tbody>
            {framingTags.map((tag) => {
              const t = framing.byTag[tag];
              if (!t) return null;
              const kappa = twoAnnotators && t.cohenKappa[0] ? t.cohenKappa[0] : t.fleissKappa;
              const label = tagBook.anyTag(tag, codebook).label;
              return (
                <tr key={tag}>
                  <th scope="row" title={label} translate="no">
                    {label}
                  </th>
                  {figure(kappa)}
                  {count(kappa)}
                  {figure(t.krippendorffAlpha)}
                  {count(t.krippendorffAlpha)}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {reasons.notes.length > 0 && (
        <ol className="muted small" aria-label={am.whyUndefined}>
          {reasons.notes.map((note) => (
            <li key={note}>{shared(note)}</li>
          ))}
        </ol>
      )}
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
            <li key={note}>{shared(note)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
