import { tagsInTreeOrder } from '../../../shared/codebooks/edit';
import type { Codebook } from '../../../shared/model/codebook';
import { useCodebookMessages } from './messages';

interface Props {
  codebook: Codebook;
  /** Applies a tag to the selected text or claim; undefined when there is nothing to tag. */
  onApply?: (tagId: string) => void;
}

/** The active codebook beside the reader: each tag with its colour, hotkey and description. */
export function TagList({ codebook, onApply }: Props) {
  const m = useCodebookMessages();
  return (
    <section className="tag-list" aria-label={m.panel}>
      <h2 className="panel-title">
        <span translate="no">{codebook.name}</span> <span className="muted">v{codebook.version}</span>
      </h2>
      {codebook.groups.map((group) => (
        <div key={group.id} className="tag-group">
          {codebook.groups.length > 1 && <h3 translate="no">{group.label}</h3>}
          <ul>
            {tagsInTreeOrder(codebook)
              .filter(({ tag }) => tag.group === group.id)
              .map(({ tag, depth }) => (
                <li key={tag.id} style={depth > 0 ? { paddingLeft: `${depth}rem` } : undefined}>
                  <button
                    type="button"
                    className="tag-row"
                    disabled={!onApply}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onApply?.(tag.id)}
                    title={tag.description}
                  >
                    <kbd className={tag.hotkey ? undefined : 'no-key'}>{tag.hotkey ?? ''}</kbd>
                    <span className="swatch" style={{ backgroundColor: tag.colour }} />
                    <span className="tag-text" translate="no">
                      <span className="tag-label">{tag.label}</span>
                      <span className="tag-description">{tag.description}</span>
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
