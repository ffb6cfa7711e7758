import type { Codebook } from '../../../shared/model/codebook';

interface Props {
  codebook: Codebook;
  /** Applies a tag to the selected text or claim; undefined when there is nothing to tag. */
  onApply?: (tagId: string) => void;
}

/** The active codebook beside the reader: each tag with its colour, hotkey and description. */
export function TagList({ codebook, onApply }: Props) {
  return (
    <section className="tag-list" aria-label="Codebook">
      <h2 className="panel-title">
        {codebook.name} <span className="muted">v{codebook.version}</span>
      </h2>
      {codebook.groups.map((group) => (
        <div key={group.id} className="tag-group">
          {codebook.groups.length > 1 && <h3>{group.label}</h3>}
          <ul>
            {codebook.tags
              .filter((tag) => tag.group === group.id)
              .map((tag) => (
                <li key={tag.id}>
                  <button
                    type="button"
                    className="tag-row"
                    disabled={!onApply}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => onApply?.(tag.id)}
                    title={tag.description}
                  >
                    <kbd>{tag.hotkey}</kbd>
                    <span className="swatch" style={{ backgroundColor: tag.colour }} />
                    <span className="tag-text">
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
