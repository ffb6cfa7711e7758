import type { Cooccurrence } from '../../../shared/analysis/cooccurrence';
import { useAnalyseMessages } from './messages';

interface Props {
  table: Cooccurrence;
  labelOf(tag: string): string;
  colourOf(tag: string): string | undefined;
}

/** The most a cell is tinted, at a Jaccard coefficient of 1. */
const MOST_TINT = 45;

/** Tags by tags: each cell the units holding both, tinted by their Jaccard coefficient. */
export function CooccurrenceTable({ table, labelOf, colourOf }: Props) {
  const m = useAnalyseMessages();
  const width = table.tags.length;
  return (
    <div className="matrix-scroll">
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">{m.tag}</th>
            {table.tags.map((tag, i) => (
              <th key={tag} scope="col" translate="no">
                {labelOf(tag)}
                <span className="muted small matrix-base">{m.holding(table.units[i] ?? 0)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.tags.map((tag, row) => (
            <tr key={tag}>
              <th scope="row" translate="no">
                <span className="chip" style={{ borderColor: colourOf(tag) }}>
                  {labelOf(tag)}
                </span>
              </th>
              {table.cells.slice(row * width, (row + 1) * width).map((cell) => (
                <td
                  key={cell.column}
                  title={m.jaccard(cell.jaccard)}
                  style={{
                    backgroundColor: `color-mix(in srgb, var(--accent) ${Math.round((cell.jaccard ?? 0) * MOST_TINT)}%, transparent)`,
                  }}
                >
                  {cell.count}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
