import { useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { ReviewItem } from '../../../shared/review/queue';
import { useLanguage } from '../../i18n/language';
import { Quote } from '../../lib/Quote';
import { ContextLanes } from './ContextLanes';
import { useReviewMessages } from './messages';
import { Decided } from './Score';

interface Props {
  item: ReviewItem;
  /** The item's document text, once read. */
  text: string | undefined;
  annotators: readonly string[];
  colourOf(annotator: string): string;
  tagLabel(id: string): string;
  rationale: string;
  onRationale(text: string): void;
  onAccept(sources: readonly Annotation[]): void;
  onFraming(tags: readonly string[]): void;
  onReject(): void;
  onReopen(): void;
  onComment(text: string): void;
}

/**
 * One disagreement opened: the passage once per annotator, each version with its key, the
 * decision taken (with its rationale) and its discussion.
 */
export function ReviewItemDetail(props: Props) {
  const { item, text, annotators, colourOf, tagLabel, rationale, onRationale } = props;
  const m = useReviewMessages();
  const tags = (ids: readonly string[]) => (ids.length > 0 ? ids.map(tagLabel).join(', ') : m.noFraming);
  const framingUnion = [...new Set(item.framings?.flatMap((f) => f.tags) ?? [])];
  const versions = item.cluster?.claims ?? [];
  return (
    <div className="cluster-detail">
      {item.cluster && text !== undefined && (
        <ContextLanes text={text} cluster={item.cluster} annotators={annotators} colourOf={colourOf} />
      )}
      <ol className="lanes-detail">
        {versions.map((claim, n) => (
          <li key={claim.id} style={{ borderColor: colourOf(claim.annotator) }}>
            <kbd>{n + 1}</kbd>{' '}
            <span translate="no">
              <strong>{claim.annotator}</strong>: {tags(claim.tags)} <Quote text={claim.target.exact} />
            </span>{' '}
            <button type="button" onClick={() => props.onAccept([claim])}>
              {m.accept}
            </button>
          </li>
        ))}
        {item.framings?.map((framing, n) => (
          <li key={framing.annotator} style={{ borderColor: colourOf(framing.annotator) }}>
            <kbd>{n + 1}</kbd>{' '}
            <span translate="no">
              <strong>{framing.annotator}</strong>: {tags(framing.tags)}
            </span>{' '}
            <button type="button" onClick={() => props.onFraming(framing.tags)}>
              {m.accept}
            </button>
          </li>
        ))}
      </ol>
      <Decision item={item} tagLabel={tagLabel} onReopen={props.onReopen} />
      <input
        aria-label={m.rationale}
        placeholder={m.rationaleHint}
        value={rationale}
        onChange={(e) => onRationale(e.target.value)}
      />
      <div className="actions">
        {versions.length > 1 && (
          <button type="button" onClick={() => props.onAccept(versions)}>
            {m.merge} <kbd>m</kbd>
          </button>
        )}
        {item.framings && (
          <button type="button" onClick={() => props.onFraming(framingUnion)}>
            {m.union} <kbd>m</kbd>
          </button>
        )}
        <button type="button" onClick={props.onReject}>
          {m.rejectAll} <kbd>x</kbd>
        </button>
      </div>
      <Discussion item={item} onComment={props.onComment} />
    </div>
  );
}

function Decision({ item, tagLabel, onReopen }: Pick<Props, 'item' | 'tagLabel' | 'onReopen'>) {
  const m = useReviewMessages();
  const decision = item.decision;
  if (!decision) return null;
  return (
    <p className="decision" role="note">
      <span className="badge done">{m.settled}</span>{' '}
      {decision.kind === 'rejected' && (
        <span translate="no">{m.rejectedBy(decision.decidedBy, decision.rationale)}</span>
      )}
      {decision.kind === 'framing' && (
        <span>
          {m.framingDecided} <span translate="no">{decision.tags.map(tagLabel).join(', ')}</span>
        </span>
      )}
      {decision.kind === 'gold' &&
        decision.gold.map((g) => (
          <span key={g.id} className="decision-gold" translate="no">
            {g.tags.map(tagLabel).join(', ')} <Quote text={g.target.exact} />
            <Decided claim={g} className="muted" />
          </span>
        ))}{' '}
      <button type="button" onClick={onReopen}>
        {m.reopen} <kbd>o</kbd>
      </button>
    </p>
  );
}

function Discussion({ item, onComment }: Pick<Props, 'item' | 'onComment'>) {
  const m = useReviewMessages();
  const language = useLanguage();
  const [draft, setDraft] = useState('');
  const comments = item.review?.comments ?? [];
  return (
    <section className="discussion" aria-label={m.discussion}>
      {comments.length > 0 && (
        <ol>
          {comments.map((c) => (
            <li key={c.id}>
              <strong translate="no">{c.author}</strong>{' '}
              <time className="muted small" dateTime={c.at}>
                {new Date(c.at).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
              <p translate="no">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      <input
        aria-label={m.comment}
        placeholder={m.commentHint}
        value={draft}
        maxLength={4_000}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || draft.trim() === '') return;
          onComment(draft.trim());
          setDraft('');
        }}
      />
    </section>
  );
}
