import type { Annotation, ClaimAttributes } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { useLanguage } from '../../i18n/language';
import { TagChip } from '../../lib/TagChip';
import { useTagBook } from '../../session/SessionContext';
import { ClaimAttributesForm } from './ClaimAttributesForm';
import { useAnnotateMessages } from './messages';

interface Props {
  claim: Annotation;
  codebook: Codebook;
  speakers: readonly string[];
  onToggleTag(tagId: string): void;
  /** Resolves once the change is written. */
  onAttributes(patch: Partial<ClaimAttributes>, typed?: boolean): Promise<void>;
  onDelete(): void;
  onClose(): void;
  onAcceptPlacement(): void;
  /** Moves the claim to the selected text; undefined while no text is selected. */
  onMoveToSelection?: () => void;
}

/** The selected claim: its quote, its tags (toggled here, or replaced with a hotkey), its attributes and deletion. */
export function ClaimPanel({
  claim,
  codebook,
  speakers,
  onToggleTag,
  onAttributes,
  onDelete,
  onClose,
  onAcceptPlacement,
  onMoveToSelection,
}: Props) {
  const m = useAnnotateMessages();
  const language = useLanguage();
  const tagBook = useTagBook();
  return (
    <section className="claim-panel" aria-label={m.selectedClaim}>
      <header>
        <h2 className="panel-title">{m.selectedClaim}</h2>
        {/* At the top, not after the note: a Tab out of the note never lands on Delete. */}
        <button type="button" className="danger small delete-claim" onClick={onDelete}>
          {m.deleteClaim} <kbd>Del</kbd>
        </button>
        <button type="button" className="link" onClick={onClose} aria-label={m.deselect}>
          Esc
        </button>
      </header>
      <blockquote translate="no">{claim.target.exact}</blockquote>
      {claim.anchoring && (
        <fieldset className="placement-check" aria-label={m.checkPlacement}>
          <p>
            {m.placedBy(
              claim.anchoring.source,
              claim.anchoring.method,
              claim.anchoring.ambiguous,
              Math.round(claim.anchoring.score * 100),
            )}
          </p>
          <div className="actions">
            <button type="button" onClick={onAcceptPlacement}>
              {m.acceptPlacement}
            </button>
            <button
              type="button"
              onMouseDown={(event) => event.preventDefault()}
              onClick={onMoveToSelection}
              disabled={!onMoveToSelection}
            >
              {m.moveToSelection}
            </button>
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>{m.tags}</legend>
        {codebook.tags.map((tag) => {
          const checked = claim.tags.includes(tag.id);
          // The only tag stays on, looking on (not greyed out), and says why it cannot be cleared.
          const only = checked && claim.tags.length === 1;
          return (
            <label key={tag.id} className="tag-toggle" title={only ? m.onlyTag : undefined}>
              <input
                type="checkbox"
                checked={checked}
                aria-description={only ? m.onlyTag : undefined}
                onChange={() => !only && onToggleTag(tag.id)}
              />
              <span className="swatch" style={{ backgroundColor: tag.colour }} />
              <span translate="no">{tag.label}</span>
            </label>
          );
        })}
        {/* Tags its codebook has since removed, or whose codebook is not here: still on, and marked. */}
        {claim.tags
          .filter((id) => !codebook.tags.some((tag) => tag.id === id))
          .map((id) => (
            <label key={id} className="tag-toggle">
              <input type="checkbox" checked onChange={() => claim.tags.length > 1 && onToggleTag(id)} />
              <TagChip tag={tagBook.tag(claim, id)} codebookId={claim.codebookId} />
            </label>
          ))}
      </fieldset>
      <ClaimAttributesForm
        key={claim.id}
        claim={claim}
        attributes={claim.attributes}
        codebook={codebook}
        speakers={speakers}
        onChange={onAttributes}
      />
      <p className="muted small">
        <span translate="no">{claim.annotator}</span> ·{' '}
        {m.madeAt(new Date(claim.createdAt).toLocaleString(language), claim.target.start, claim.target.end)}{' '}
        <span translate="no">
          {claim.codebookId} v{claim.codebookVersion}
        </span>
      </p>
    </section>
  );
}
