import type { Codebook } from '../../../shared/model/codebook';
import { useAnnotateMessages } from './messages';

interface Props {
  codebook: Codebook;
  at: { top: number; left: number };
  onChoose(tagId: string): void;
}

/** The tags offered next to a fresh text selection; the selection is kept while choosing. */
export function TagPopover({ codebook, at, onChoose }: Props) {
  const m = useAnnotateMessages();
  return (
    <div
      className="popover tag-popover"
      role="toolbar"
      aria-label={m.tagSelection}
      style={{ top: at.top + 6, left: at.left }}
    >
      {codebook.tags.map((tag) => (
        <button
          key={tag.id}
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(tag.id)}
          title={tag.description}
        >
          <kbd>{tag.hotkey}</kbd>
          <span className="swatch" style={{ backgroundColor: tag.colour }} />
          {tag.label}
        </button>
      ))}
    </div>
  );
}
