import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import type { ReviewQueue } from '../../../shared/review/queue';
import { useLanguage } from '../../i18n/language';
import { Quote } from '../../lib/Quote';
import { useReviewMessages } from './messages';
import { Decided } from './Score';

interface Props {
  counts: ReviewQueue['counts'];
  /** The gold claims of the document under review. */
  gold: readonly Annotation[];
  codebook: Codebook;
  tagLabel(id: string): string;
  onRemove(claim: Annotation): void;
  onRetag(claim: Annotation, tags: string[]): void;
}

/**
 * The gold layer: how many claims, and how they add up (from agreement + adjudicated), and the
 * gold claims of the document under review, each removable and re-taggable.
 */
export function GoldPanel({ counts, gold, codebook, tagLabel, onRemove, onRetag }: Props) {
  const m = useReviewMessages();
  const language = useLanguage();
  return (
    <section aria-label={m.goldClaims}>
      <h2 className="panel-title">
        {m.gold} <span className="muted">· {counts.gold.toLocaleString(language)}</span>
      </h2>
      <p className="muted small" role="status" aria-label={m.gold}>
        {m.goldSum(counts.gold, counts.goldFromAgreement, counts.gold - counts.goldFromAgreement)}
      </p>
      <h3 className="panel-subtitle">{m.goldOfDocument}</h3>
      <ol className="gold-claims">
        {gold.map((g) => (
          <li key={g.id}>
            <span translate="no">
              {g.tags.map(tagLabel).join(', ')} <Quote text={g.target.exact} />
            </span>
            <Decided claim={g} className="muted small" />
            <div className="gold-actions">
              <details>
                <summary>{m.editTags}</summary>
                <fieldset className="chip-toggles" aria-label={m.editTagsOf}>
                  {codebook.tags.map((tag) => {
                    const on = g.tags.includes(tag.id);
                    return (
                      <button
                        key={tag.id}
                        type="button"
                        className="chip-toggle"
                        translate="no"
                        aria-pressed={on}
                        style={{ borderColor: tag.colour }}
                        onClick={() => onRetag(g, on ? g.tags.filter((t) => t !== tag.id) : [...g.tags, tag.id])}
                      >
                        {tag.label}
                      </button>
                    );
                  })}
                </fieldset>
              </details>
              <button type="button" className="link" onClick={() => onRemove(g)}>
                {m.removeGold}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
