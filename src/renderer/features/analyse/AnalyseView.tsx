import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { type CooccurrenceUnit, cooccurrence, cooccurrenceCsv } from '../../../shared/analysis/cooccurrence';
import {
  claimsInCell,
  codeMatrix,
  MATRIX_COLUMNS,
  type MatrixColumns,
  type MatrixDocument,
  matrixCsv,
} from '../../../shared/analysis/matrix';
import { documentSource } from '../../../shared/corpus/document-filter';
import { isLive } from '../../../shared/model/annotation';
import { fileNameSlug } from '../../../shared/text/file-name';
import { allClaims } from '../../db/claim-queries';
import { statusesOf, useDocumentStates } from '../../db/document-states';
import { useHost } from '../../host/HostContext';
import { useClaimCounts, useCodebook, useSession, useTagBook } from '../../session/SessionContext';
import { CellClaims } from './CellClaims';
import { CooccurrenceTable } from './CooccurrenceTable';
import { MatrixTable, type Measure } from './MatrixTable';
import { useAnalyseMessages } from './messages';

/** Units of co-occurrence the window counts; sentences need every text, which the CLI reads. */
type Together = Exclude<CooccurrenceUnit, 'sentence'>;
const TOGETHER: readonly Together[] = ['same-claim', 'overlap', 'document'];
/** The columns: a variable, or the tags again (co-occurrence). */
const TAGS = 'tags';
const MEASURES: readonly Measure[] = ['claims', 'documents', 'share'];

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
  const tagBook = useTagBook();
  const tagOf = (key: string) => tagBook.anyTag(key, codebook);
  const labelOfColumn = (key: string) => (key === '' ? m.none : key);
  // A cell opened under other choices is another cell: the list closes when they change.
  const choices = `${columns}\u0000${whose}\u0000${doneOnly}`;
  const open = cell?.of === choices ? cell : undefined;

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
        <CooccurrenceTable table={table} tagOf={tagOf} />
      ) : (
        <MatrixTable
          matrix={matrix}
          measure={measure}
          sortBy={sortBy}
          onSort={setSortBy}
          open={open}
          onOpen={(chosenCell) => setOpen({ ...chosenCell, of: choices })}
          tagOf={tagOf}
          labelOfColumn={labelOfColumn}
        />
      )}
      {open && !table && (
        <CellClaims
          title={m.behind(tagOf(open.row).label, labelOfColumn(open.column))}
          claims={claimsInCell(chosen, documents, { columns: byVariable, row: open.row, column: open.column })}
          documents={documents}
          onOpen={onOpen}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}
