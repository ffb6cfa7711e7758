import type { Codebook } from '../../../shared/model/codebook';
import type { DocumentLabel } from '../../../shared/model/document-label';
import { useTagBook } from '../../session/SessionContext';
import { useAnnotateMessages } from './messages';

interface Props {
  codebook: Codebook;
  me: string;
  labels: readonly DocumentLabel[];
  onChange(tags: string[]): void;
}

/** The document's overall framing: the analyst's own tags for it, and what others gave it. */
export function DocumentLabelsPanel({ codebook, me, labels, onChange }: Props) {
  const mine = labels.find((l) => l.annotator === me)?.tags ?? [];
  const others = labels.filter((l) => l.annotator !== me && l.tags.length > 0);
  const m = useAnnotateMessages();
  const tagBook = useTagBook();
  return (
    <section className="document-labels" aria-label={m.documentFraming}>
      <h2 className="panel-title">{m.documentFraming}</h2>
      <div className="chip-toggles">
        {codebook.tags.map((tag) => {
          const on = mine.includes(tag.id);
          return (
            <button
              key={tag.id}
              type="button"
              aria-pressed={on}
              className="chip-toggle"
              translate="no"
              style={{ borderColor: tag.colour }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChange(on ? mine.filter((t) => t !== tag.id) : [...mine, tag.id])}
            >
              {tag.label}
            </button>
          );
        })}
      </div>
      {others.map((label) => (
        <p key={label.annotator} className="muted small">
          {label.annotator}: {label.tags.map((id) => tagBook.anyTag(id, codebook).label).join(', ')}
        </p>
      ))}
    </section>
  );
}
