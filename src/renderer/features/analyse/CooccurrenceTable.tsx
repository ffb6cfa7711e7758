import type { Cooccurrence } from '../../../shared/analysis/cooccurrence';
import type { ResolvedTag } from '../../../shared/model/tag-book';
import { TagChip } from '../../lib/TagChip';
import { heat } from './heat';
import { useAnalyseMessages } from './messages';

interface Props {
  table: Cooccurrence;
  tagOf(tag: string): ResolvedTag;
}

/** Tags by tags: each cell the units holding both, tinted by their Jaccard coefficient. */
export function CooccurrenceTable({ table, tagOf }: Props) {
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
                {tagOf(tag).label}
                <span className="muted small matrix-base">{m.holding(table.units[i] ?? 0)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.tags.map((tag, row) => (
            <tr key={tag}>
              <th scope="row" translate="no">
                <TagChip tag={tagOf(tag)} />
              </th>
              {table.cells.slice(row * width, (row + 1) * width).map((cell) => (
                <td key={cell.column} title={m.jaccard(cell.jaccard)} style={heat(cell.jaccard ?? 0)}>
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
