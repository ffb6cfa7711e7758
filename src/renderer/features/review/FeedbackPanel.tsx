import { useMemo, useState } from 'react';
import { type Annotation, isLive } from '../../../shared/model/annotation';
import { GOLD } from '../../../shared/review/compare';
import {
  annotatorFeedback,
  FEEDBACK_OUTCOMES,
  type FeedbackItem,
  type FeedbackOutcome,
  type FeedbackScore,
} from '../../../shared/review/feedback';
import { compareForDisplay } from '../../../shared/text/compare';
import { useLanguage } from '../../i18n/language';
import { Quote } from '../../lib/Quote';
import { useCodebook, useSession, useTagBook } from '../../session/SessionContext';
import { useFeedbackMessages } from './feedback-messages';
import { useReviewMessages } from './messages';
import { Score } from './Score';

/** The badge colours the review already has, by what they mean here. */
const BADGE: Record<FeedbackOutcome, string> = {
  kept: 'done',
  moved: 'single',
  retagged: 'partial',
  rejected: 'warn',
  missed: 'warn',
};

/**
 * What the gold layer made of one annotator's work: how many of their claims gold kept, moved,
 * re-tagged or rejected and how many gold claims they missed, their span F1 against gold per tag,
 * and the claims that changed.
 */
export function FeedbackPanel({
  claims: stored,
  undecided,
}: {
  /** The claims of the layer under review, as Review reads them. */
  claims: readonly Annotation[];
  /** Claims in disagreements not settled yet: gold has not judged them, so they are left out. */
  undecided: ReadonlySet<string>;
}) {
  const { listing } = useSession();
  const codebook = useCodebook();
  const tagBook = useTagBook();
  const language = useLanguage();
  const m = useFeedbackMessages();
  const r = useReviewMessages();
  const claims = useMemo(() => stored.filter(isLive), [stored]);
  const gold = useMemo(() => claims.filter((c) => c.annotator === GOLD), [claims]);
  const annotators = useMemo(
    () => [...new Set(claims.map((c) => c.annotator))].filter((a) => a !== GOLD).sort(compareForDisplay),
    [claims],
  );
  const [picked, setPicked] = useState<string>();
  const annotator = picked !== undefined && annotators.includes(picked) ? picked : annotators[0];
  const feedback = useMemo(
    () =>
      annotator === undefined
        ? undefined
        : annotatorFeedback(
            claims.filter((c) => c.annotator === annotator && !undecided.has(c.id)),
            gold,
          ),
    [claims, gold, annotator, undecided],
  );

  const waiting = claims.filter((c) => c.annotator === annotator && undecided.has(c.id)).length;
  const titles = useMemo(() => new Map(listing.documents.map((d) => [d.id, d.title])), [listing]);
  const order = useMemo(() => new Map(listing.documents.map((d, i) => [d.id, i])), [listing]);
  const tagLabel = (id: string) => tagBook.anyTag(id, codebook).label;
  const tagsOf = (tags: readonly string[]) => tags.map(tagLabel).join(', ');
  const number = (n: number) => n.toLocaleString(language);

  if (gold.length === 0) {
    return (
      <section className="agreement feedback" aria-label={m.feedback}>
        <h2 className="panel-title">{m.feedback}</h2>
        <p className="muted small">{m.noGold}</p>
      </section>
    );
  }
  if (annotator === undefined || feedback === undefined) {
    return (
      <section className="agreement feedback" aria-label={m.feedback}>
        <h2 className="panel-title">{m.feedback}</h2>
        <p className="muted small">{m.noAnnotators}</p>
      </section>
    );
  }

  // Documents in the corpus's order; within one, the items' own (text) order.
  const position = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const changed = feedback.items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.outcome !== 'kept')
    .sort((x, y) => position(x.item.documentId) - position(y.item.documentId) || x.i - y.i)
    .map(({ item }) => item);
  const scoreRow = (score: FeedbackScore, label: string) => (
    <tr key={score.tag}>
      <th scope="row" title={label} translate={score.tag ? 'no' : undefined}>
        {label}
      </th>
      <td>
        <Score value={score.exact.f1} note={score.exact.note} />
      </td>
      <td>
        <Score value={score.overlap.f1} note={score.overlap.note} />
      </td>
      <td>{number(score.n)}</td>
    </tr>
  );

  return (
    <section className="agreement feedback" aria-label={m.feedback}>
      <h2 className="panel-title">{m.feedback}</h2>
      <label>
        {m.annotator}{' '}
        <select value={annotator} onChange={(e) => setPicked(e.target.value)}>
          {annotators.map((name) => (
            <option key={name} value={name} translate="no">
              {name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{m.summary(feedback.claims, feedback.gold, feedback.documents.length)}</p>
      {waiting > 0 && <p className="muted small">{m.undecided(waiting)}</p>}
      {feedback.goldElsewhere > 0 && <p className="muted small">{m.goldElsewhere(feedback.goldElsewhere)}</p>}
      {feedback.gold === 0 ? (
        <p className="muted small">{m.noGoldHere}</p>
      ) : (
        <>
          <table className="feedback-counts">
            <caption>{m.outcomes}</caption>
            <tbody>
              {FEEDBACK_OUTCOMES.map((outcome) => (
                <tr key={outcome}>
                  <th scope="row" title={m.outcomeHint[outcome]}>
                    {m.outcome[outcome]}
                  </th>
                  <td>{number(feedback.counts[outcome])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!feedback.oneToOne && <p className="muted small">{m.notOneToOne}</p>}
          <table className="feedback-scores">
            <caption>{m.scores}</caption>
            <thead>
              <tr>
                <th scope="col">{r.tag}</th>
                <th scope="col">{r.exactF1}</th>
                <th scope="col">{r.overlapF1}</th>
                <th scope="col" title={r.units}>
                  n
                </th>
              </tr>
            </thead>
            <tbody>
              {scoreRow(feedback.scores.overall, r.allTags)}
              {feedback.scores.byTag.map((score) => scoreRow(score, tagLabel(score.tag)))}
            </tbody>
          </table>
          <h3 className="panel-title">{m.changes}</h3>
          {changed.length === 0 ? (
            <p className="muted small">{m.noChanges}</p>
          ) : (
            <ol className="feedback-items">
              {changed.map((item) => (
                <ChangedItem
                  key={itemKey(item)}
                  item={item}
                  annotator={annotator}
                  title={titles.get(item.documentId) ?? item.documentId}
                  tagsOf={tagsOf}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

const itemKey = (item: FeedbackItem) => `${item.claim?.id ?? ''}|${item.gold?.id ?? ''}`;

function ChangedItem({
  item,
  annotator,
  title,
  tagsOf,
}: {
  item: FeedbackItem;
  annotator: string;
  title: string;
  tagsOf(tags: readonly string[]): string;
}) {
  const m = useFeedbackMessages();
  const r = useReviewMessages();
  const line = (who: string, claim: Annotation, whoIsData: boolean) => (
    <div>
      <strong translate={whoIsData ? 'no' : undefined}>{who}</strong>:{' '}
      <span translate="no">
        {tagsOf(claim.tags)} <Quote text={claim.target.exact} />
      </span>
    </div>
  );
  return (
    <li className={`feedback-item ${item.outcome}`}>
      <span className={`badge ${BADGE[item.outcome]}`} title={m.outcomeHint[item.outcome]}>
        {m.outcome[item.outcome]}
      </span>{' '}
      <span className="muted small" translate="no">
        {title}
      </span>
      {item.shared && <span className="muted small"> · {item.shared === 'gold' ? m.merged : m.split}</span>}
      {item.claim && line(annotator, item.claim, true)}
      {item.gold && line(r.gold, item.gold, false)}
      {(item.added.length > 0 || item.removed.length > 0) && (
        <div className="small">
          {item.added.length > 0 && (
            <span>
              {m.added}: <span translate="no">{tagsOf(item.added)}</span>
            </span>
          )}
          {item.added.length > 0 && item.removed.length > 0 && '; '}
          {item.removed.length > 0 && (
            <span>
              {m.removed}: <span translate="no">{tagsOf(item.removed)}</span>
            </span>
          )}
        </div>
      )}
    </li>
  );
}
