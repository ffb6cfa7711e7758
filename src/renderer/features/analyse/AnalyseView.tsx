import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState } from 'react';
import { type CooccurrenceUnit, cooccurrence, cooccurrenceCsv } from '../../../shared/analysis/cooccurrence';
import {
  type CodeMatrix,
  claimsInCell,
  codeMatrix,
  MATRIX_COLUMNS,
  type MatrixCell,
  type MatrixColumns,
  type MatrixDocument,
  matrixCsv,
} from '../../../shared/analysis/matrix';
import { documentSource } from '../../../shared/corpus/document-filter';
import { type Annotation, isLive } from '../../../shared/model/annotation';
import { fileNameSlug } from '../../../shared/text/file-name';
import { allClaims } from '../../db/claim-queries';
import { statusesOf, useDocumentStates } from '../../db/document-states';
import { useHost } from '../../host/HostContext';
import { useRows } from '../../lib/use-rows';
import { VirtualRows } from '../../lib/VirtualRows';
import { useClaimCounts, useCodebook, useSession } from '../../session/SessionContext';
import { CooccurrenceTable } from './CooccurrenceTable';
import { useAnalyseMessages } from './messages';

type Measure = 'claims' | 'documents' | 'share';

/** Units of co-occurrence the window counts; sentences need every text, which the CLI reads. */
type Together = Exclude<CooccurrenceUnit, 'sentence'>;
const TOGETHER: readonly Together[] = ['same-claim', 'overlap', 'document'];
/** The columns: a variable, or the tags again (co-occurrence). */
const TAGS = 'tags';
const MEASURES: readonly Measure[] = ['claims', 'documents', 'share'];

/** Columns drawn at most; a corpus by document has thousands, which the CSV holds. */
const MOST_COLUMNS = 60;

/** How strongly the largest value tints its cell: enough to see, never so much that text fades. */
const MOST_TINT = 45;

interface Props {
  /** Opens the claim's document with the claim selected. */
  onOpen(documentId: string, claimId: string): void;
}

/** Analyse: the corpus's tags counted by a variable, each cell opening onto the claims behind it. */
export function AnalyseView({ onOpen }: Props) {
  const session = useSession();
  const { listing } = session;
  const codebook = useCodebook();
  const host = useHost();
  const m = useAnalyseMessages();
  const [columns, setColumns] = useState<MatrixColumns | typeof TAGS>('source');
  const [together, setTogether] = useState<Together>('overlap');
  const [measure, setMeasure] = useState<Measure>('claims');
  const [whose, setWhose] = useState('');
  const [doneOnly, setDoneOnly] = useState(false);
  const [sortBy, setSortBy] = useState<string>();
  const [cell, setOpen] = useState<{ row: string; column: string; of: string }>();
  const [outcome, setOutcome] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const ids = { columns: useId(), measure: useId(), whose: useId(), together: useId() };

  const claims = useLiveQuery(() => allClaims(session), [session]);
  const states = useDocumentStates(session);
  const counts = useClaimCounts();
  const documents = useMemo((): MatrixDocument[] => {
    const statusOf = statusesOf(states, counts);
    return listing.documents
      .filter((d) => !doneOnly || statusOf(d.id) === 'done')
      .map((d) => ({ id: d.id, title: d.title, source: documentSource(d), language: d.language, date: d.date }));
  }, [listing, doneOnly, states, counts]);
  const annotators = useMemo(
    () => [...new Set((claims ?? []).filter(isLive).map((c) => c.annotator))].sort(),
    [claims],
  );
  // The layer coded with, whose claims, in the documents chosen.
  const chosen = useMemo(() => {
    const kept = new Set(documents.map((d) => d.id));
    return (claims ?? []).filter(
      (c) => c.codebookId === codebook.id && (!whose || c.annotator === whose) && kept.has(c.documentId),
    );
  }, [claims, codebook, whose, documents]);
  const byVariable = columns === TAGS ? 'source' : columns;
  const matrix = useMemo(
    () => codeMatrix(chosen, documents, { columns: byVariable, tags: codebook.tags.map((t) => t.id) }),
    [chosen, documents, byVariable, codebook],
  );
  const table = useMemo(
    () =>
      columns === TAGS ? cooccurrence(chosen, { unit: together, tags: codebook.tags.map((t) => t.id) }) : undefined,
    [chosen, columns, together, codebook],
  );
  const tagOf = useMemo(() => new Map(codebook.tags.map((t) => [t.id, t])), [codebook]);
  const labelOfColumn = (key: string) => (key === '' ? m.none : key);
  // A cell opened under other choices is another cell: the list closes when they change.
  const choices = `${columns}\u0000${whose}\u0000${doneOnly}`;
  const open = cell?.of === choices ? cell : undefined;
  const labelOfRow = (key: string) => tagOf.get(key)?.label ?? key;

  async function exportCsv() {
    try {
      const saved = await host.saveExport({
        suggestedName: `${fileNameSlug(listing.name, 'corpus')}-${codebook.id}-by-${table ? `tags-in-${together}` : columns}.csv`,
        content: table ? cooccurrenceCsv(table) : matrixCsv(matrix),
        encoding: 'utf8',
      });
      if (saved.status === 'saved') setOutcome({ kind: 'status', text: m.exported(saved.location) });
    } catch (error) {
      setOutcome({ kind: 'alert', text: m.failed(error instanceof Error ? error.message : String(error)) });
    }
  }

  if (!claims) return <p className="placeholder">{m.loading}</p>;
  return (
    <section className="analyse" aria-label={m.analyse}>
      <header className="analyse-header">
        <h1 className="panel-title analyse-title">{columns === TAGS ? m.pairs : m.matrix}</h1>
        <label htmlFor={ids.columns}>{m.columns}</label>
        <select
          id={ids.columns}
          value={columns}
          onChange={(event) => setColumns(event.target.value as MatrixColumns | typeof TAGS)}
        >
          {MATRIX_COLUMNS.map((each) => (
            <option key={each} value={each}>
              {m.columnNames[each]}
            </option>
          ))}
          <option value={TAGS}>{m.otherTags}</option>
        </select>
        {columns === TAGS ? (
          <>
            <label htmlFor={ids.together}>{m.together}</label>
            <select
              id={ids.together}
              value={together}
              onChange={(event) => setTogether(event.target.value as Together)}
            >
              {TOGETHER.map((each) => (
                <option key={each} value={each}>
                  {m.units[each]}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label htmlFor={ids.measure}>{m.measure}</label>
            <select id={ids.measure} value={measure} onChange={(event) => setMeasure(event.target.value as Measure)}>
              {MEASURES.map((each) => (
                <option key={each} value={each}>
                  {m.measures[each]}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={ids.whose}>{m.whose}</label>
        <select id={ids.whose} value={whose} onChange={(event) => setWhose(event.target.value)}>
          <option value="">{m.everyone}</option>
          {annotators.map((name) => (
            <option key={name} value={name} translate="no">
              {name}
            </option>
          ))}
        </select>
        <label className="small">
          <input type="checkbox" checked={doneOnly} onChange={(event) => setDoneOnly(event.target.checked)} />{' '}
          {m.doneOnly}
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          {m.exportCsv}
        </button>
        {outcome && (
          <span role={outcome.kind} className={outcome.kind === 'alert' ? 'error' : 'muted small'}>
            {outcome.text}
          </span>
        )}
      </header>
      <p className="muted small" role="status">
        {m.summary(matrix.total.claims, matrix.total.documents)} · {table ? m.unitsDefinition : m.definition}
      </p>
      {matrix.total.claims === 0 ? (
        <p className="muted">{m.noClaims}</p>
      ) : table ? (
        <CooccurrenceTable table={table} labelOf={labelOfRow} colourOf={(key) => tagOf.get(key)?.colour} />
      ) : (
        <MatrixTable
          matrix={matrix}
          measure={measure}
          sortBy={sortBy}
          onSort={setSortBy}
          open={open}
          onOpen={(chosenCell) => setOpen({ ...chosenCell, of: choices })}
          labelOfRow={labelOfRow}
          labelOfColumn={labelOfColumn}
          colourOf={(key) => tagOf.get(key)?.colour}
        />
      )}
      {open && !table && (
        <CellClaims
          title={m.behind(labelOfRow(open.row), labelOfColumn(open.column))}
          claims={claimsInCell(chosen, documents, { columns: byVariable, row: open.row, column: open.column })}
          documents={documents}
          onOpen={onOpen}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}

interface TableProps {
  matrix: CodeMatrix;
  measure: Measure;
  sortBy: string | undefined;
  onSort(column: string): void;
  open: { row: string; column: string } | undefined;
  onOpen(cell: { row: string; column: string }): void;
  labelOfRow(key: string): string;
  labelOfColumn(key: string): string;
  colourOf(tag: string): string | undefined;
}

/** The matrix as a heat map: each cell tinted by its value against the largest, a button onto its claims. */
function MatrixTable({
  matrix,
  measure,
  sortBy,
  onSort,
  open,
  onOpen,
  labelOfRow,
  labelOfColumn,
  colourOf,
}: TableProps) {
  const m = useAnalyseMessages();
  const shown = matrix.cols.slice(0, MOST_COLUMNS);
  const width = matrix.cols.length;
  const cellsOf = (row: number) => matrix.cells.slice(row * width, row * width + shown.length);
  const value = (cell: MatrixCell) => (measure === 'share' ? (cell.share ?? 0) : cell[measure]);
  const largest = Math.max(0, ...matrix.cells.map(value));
  const sortAt = sortBy === undefined ? -1 : shown.findIndex((c) => c.key === sortBy);
  const order = matrix.rows.map((_, i) => i);
  if (sortAt >= 0)
    order.sort((a, b) => value(cellsOf(b)[sortAt] as MatrixCell) - value(cellsOf(a)[sortAt] as MatrixCell));
  const show = (cell: MatrixCell) =>
    measure === 'share' ? (cell.share === null ? '—' : `${Math.round(cell.share * 100)} %`) : String(cell[measure]);
  return (
    <div className="matrix-scroll">
      {width > shown.length && <p className="muted small">{m.cut(shown.length, width)}</p>}
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">{m.tag}</th>
            {shown.map((column) => (
              <th key={column.key} scope="col" aria-sort={column.key === sortBy ? 'descending' : undefined}>
                <button
                  type="button"
                  className="link"
                  title={m.sortBy(labelOfColumn(column.key))}
                  onClick={() => onSort(column.key)}
                  translate="no"
                >
                  {labelOfColumn(column.key)}
                </button>
                <span className="muted small matrix-base">{m.base(column.base)}</span>
              </th>
            ))}
            <th scope="col">{m.total}</th>
          </tr>
        </thead>
        <tbody>
          {order.map((index) => {
            const row = matrix.rows[index] as CodeMatrix['rows'][number];
            return (
              <tr key={row.key}>
                <th scope="row" translate="no">
                  <span className="chip" style={{ borderColor: colourOf(row.key) }}>
                    {labelOfRow(row.key)}
                  </span>
                </th>
                {cellsOf(index).map((cell) => {
                  const tint = largest === 0 ? 0 : Math.round((value(cell) / largest) * MOST_TINT);
                  const isOpen = open?.row === cell.row && open.column === cell.column;
                  return (
                    <td
                      key={cell.column}
                      style={{ backgroundColor: `color-mix(in srgb, var(--accent) ${tint}%, transparent)` }}
                    >
                      {cell.claims > 0 ? (
                        <button
                          type="button"
                          aria-pressed={isOpen}
                          aria-label={m.open(labelOfRow(cell.row), labelOfColumn(cell.column), cell.claims)}
                          onClick={() => onOpen({ row: cell.row, column: cell.column })}
                        >
                          {show(cell)}
                        </button>
                      ) : (
                        <span className="muted">{show(cell)}</span>
                      )}
                    </td>
                  );
                })}
                <td className="matrix-total">{measure === 'claims' ? row.claims : row.documents}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            {shown.map((column) => (
              <td key={column.key} className="matrix-total">
                {measure === 'claims' ? column.claims : column.documents}
              </td>
            ))}
            <td className="matrix-total">{measure === 'claims' ? matrix.total.claims : matrix.total.documents}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

interface CellProps {
  title: string;
  claims: readonly Annotation[];
  documents: readonly MatrixDocument[];
  onOpen(documentId: string, claimId: string): void;
  onClose(): void;
}

/** The claims behind a cell as keyword-in-context lines, with their document, source and date. */
function CellClaims({ title, claims, documents, onOpen, onClose }: CellProps) {
  const m = useAnalyseMessages();
  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRows({ count: claims.length, scroller, estimate: 72 });
  return (
    <section className="cell-claims" aria-label={title}>
      <header>
        <h2 className="panel-title" translate="no">
          {title} <span className="muted">· {claims.length.toLocaleString()}</span>
        </h2>
        <button type="button" className="link" onClick={onClose}>
          {m.closeCell}
        </button>
      </header>
      <div className="cell-claims-scroll" ref={scroller}>
        <VirtualRows rows={rows} items={claims} keyOf={(claim) => claim.id}>
          {(claim) => {
            const document = byId.get(claim.documentId);
            return (
              <button type="button" onClick={() => onOpen(claim.documentId, claim.id)}>
                <span className="claim-document" translate="no">
                  {[document?.title ?? claim.documentId, document?.source, document?.date, claim.annotator]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span className="kwic" translate="no">
                  …{claim.target.prefix}
                  <mark>{claim.target.exact}</mark>
                  {claim.target.suffix}…
                </span>
              </button>
            );
          }}
        </VirtualRows>
      </div>
    </section>
  );
}
