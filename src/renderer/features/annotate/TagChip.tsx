import type { ResolvedTag } from '../../../shared/model/tag-book';
import { useAnnotateMessages } from './messages';

/**
 * A tag as a chip in its colour. A tag its codebook has since removed is marked retired; a tag
 * whose codebook is not here says so, instead of passing its bare id off as a label.
 */
export function TagChip({ tag, codebookId }: { tag: ResolvedTag; codebookId: string }) {
  const m = useAnnotateMessages();
  const note = tag.missing ? m.codebookMissing(codebookId) : tag.retired ? m.tagRetired : undefined;
  return (
    <span
      className={`chip${tag.retired ? ' retired' : ''}${tag.missing ? ' missing' : ''}`}
      style={{ borderColor: tag.colour }}
      title={note ?? tag.description}
    >
      {tag.label}
      {note && <span className="chip-note"> ({note})</span>}
    </span>
  );
}
