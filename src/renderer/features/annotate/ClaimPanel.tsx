import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';

interface Props {
  claim: Annotation;
  codebook: Codebook;
  onToggleTag(tagId: string): void;
  onDelete(): void;
  onClose(): void;
  onAcceptPlacement(): void;
  /** Moves the claim to the selected text; undefined while no text is selected. */
  onMoveToSelection?: () => void;
}

const methods = { position: 'its position', quote: 'its quote', fuzzy: 'an approximate match of its quote' };

/** The selected claim: its quote, its tags (toggled here, or replaced with a hotkey) and deletion. */
export function ClaimPanel({
  claim,
  codebook,
  onToggleTag,
  onDelete,
  onClose,
  onAcceptPlacement,
  onMoveToSelection,
}: Props) {
  return (
    <section className="claim-panel" aria-label="Selected claim">
      <header>
        <h2 className="panel-title">Selected claim</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Deselect claim">
          Esc
        </button>
      </header>
      <blockquote>{claim.target.exact}</blockquote>
      {claim.anchoring && (
        <fieldset className="placement-check" aria-label="Check placement">
          <p>
            Imported from <strong>{claim.anchoring.source}</strong> and placed by {methods[claim.anchoring.method]}
            {claim.anchoring.ambiguous ? ', but the quote fits more than one place' : ''} (match{' '}
            {Math.round(claim.anchoring.score * 100)}%). Is this the right text?
          </p>
          <div className="actions">
            <button type="button" onClick={onAcceptPlacement}>
              Accept placement
            </button>
            <button
              type="button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={onMoveToSelection}
              disabled={!onMoveToSelection}
            >
              Move to selected text
            </button>
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>Tags</legend>
        {codebook.tags.map((tag) => {
          const checked = claim.tags.includes(tag.id);
          return (
            <label key={tag.id} className="tag-toggle">
              <input
                type="checkbox"
                checked={checked}
                disabled={checked && claim.tags.length === 1}
                onChange={() => onToggleTag(tag.id)}
              />
              <span className="swatch" style={{ backgroundColor: tag.colour }} />
              {tag.label}
            </label>
          );
        })}
      </fieldset>
      <p className="muted small">
        {claim.annotator} · {new Date(claim.createdAt).toLocaleString()} · characters {claim.target.start}–
        {claim.target.end}
      </p>
      <button type="button" className="danger" onClick={onDelete}>
        Delete claim <kbd>Del</kbd>
      </button>
    </section>
  );
}
