import type { ResolvedTag } from '../../shared/model/tag-book';
import { defineMessages } from '../i18n/language';

const useTagChipMessages = defineMessages(
  {
    tagRetired: 'retired',
    codebookMissing: (id: string) => `codebook “${id}” is not here: import it`,
  },
  {
    tagRetired: 'снята',
    codebookMissing: (id: string) => `кодовой книги «${id}» здесь нет: импортируйте её`,
  },
);

/**
 * A tag as a chip in its colour. A tag its codebook has since removed is marked retired; a claim's
 * tag whose codebook is not here says so, instead of passing its bare id off as a label. A tag
 * known only by its id (`codebookId` absent) shows the id when no codebook has it.
 */
export function TagChip({ tag, codebookId }: { tag: ResolvedTag; codebookId?: string }) {
  const m = useTagChipMessages();
  const note =
    tag.missing && codebookId !== undefined ? m.codebookMissing(codebookId) : tag.retired ? m.tagRetired : undefined;
  return (
    <span
      className={`chip${tag.retired ? ' retired' : ''}${tag.missing ? ' missing' : ''}`}
      style={{ borderColor: tag.colour }}
      title={note ?? tag.description}
      translate="no"
    >
      {tag.label}
      {note && <span className="chip-note"> ({note})</span>}
    </span>
  );
}
