import type { CodeMatrix, MatrixCell } from '../../../shared/analysis/matrix';
import type { ResolvedTag } from '../../../shared/model/tag-book';
import { TagChip } from '../../lib/TagChip';
import { heat } from './heat';
import { useAnalyseMessages } from './messages';

export type Measure = 'claims' | 'documents' | 'share';

/** Columns drawn at most; a corpus by document has thousands, which the CSV holds. */
const MOST_COLUMNS = 60;

interface TableProps {
  matrix: CodeMatrix;
  measure: Measure;
  sortBy: string | undefined;
  onSort(column: string): void;
  open: { row: string; column: string } | undefined;
  onOpen(cell: { row: string; column: string }): void;
  tagOf(tag: string): ResolvedTag;
  labelOfColumn(key: string): string;
}

/** The matrix as a heat map: each cell tinted by its value against the largest, a button onto its claims. */
export function MatrixTable({ matrix, measure, sortBy, onSort, open, onOpen, tagOf, labelOfColumn }: TableProps) {
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
                  <TagChip tag={tagOf(row.key)} />
                </th>
                {cellsOf(index).map((cell) => {
                  const isOpen = open?.row === cell.row && open.column === cell.column;
                  return (
                    <td key={cell.column} style={heat(largest === 0 ? 0 : value(cell) / largest)}>
                      {cell.claims > 0 ? (
                        <button
                          type="button"
                          aria-pressed={isOpen}
                          aria-label={m.open(tagOf(cell.row).label, labelOfColumn(cell.column), cell.claims)}
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
