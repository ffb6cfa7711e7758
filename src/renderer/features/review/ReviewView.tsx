import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { CorpusDocument } from '../../../shared/model/document';
import { GOLD } from '../../../shared/review/compare';
import { disagreementsCsv } from '../../../shared/review/disagreements-csv';
import { filterQueue, itemId, type QueueFilter, type ReviewItem, reviewQueue } from '../../../shared/review/queue';
import { fileNameSlug } from '../../../shared/text/file-name';
import { allClaims } from '../../db/claim-queries';
import { allDocumentLabels } from '../../db/document-labels';
import { useReviews } from '../../db/review';
import { setGoldFromAgreement, useGoldFromAgreement } from '../../db/settings';
import { useShortcuts } from '../../keyboard/KeyboardProvider';
import { Quote } from '../../lib/Quote';
import { useNotify } from '../../notices';
import { useCodebook, useCodingLayers, useSession, useTagBook } from '../../session/SessionContext';
import { useReanchorChangedDocument } from '../../session/use-reanchor';
import { LayerChoice } from '../codebook';
import { AgreementPanel } from './AgreementPanel';
import { FeedbackPanel } from './FeedbackPanel';
import { GoldPanel } from './GoldPanel';
import { useReviewMessages } from './messages';
import { ReviewItemDetail } from './ReviewItemDetail';
import { useReviewActions } from './use-review-actions';

interface Props {
  documentId: string | undefined;
  onDocument(id: string): void;
}

const LANE_COLOURS = ['#2e86de', '#e4572e', '#3bb273', '#8e5ad6', '#f2a541', '#d64f9c', '#17a2b8', '#6c757d'];

type Tab = 'gold' | 'agreement' | 'feedback';

/** An agreed framing as the automatic acceptance remembers it was taken. */
const framingTaken = (f: { documentId: string; tags: readonly string[] }) => `${f.documentId}\u0000${f.tags.join()}`;

/**
 * Review across the corpus: every disagreement between annotators in one layer (overlapping claims
 * that differ, documents framed differently) in one queue, walked with the keyboard and settled
 * into a gold layer that starts from what everyone agreed on. Each decision can be replaced,
 * reopened, undone and discussed.
 */
export function ReviewView({ documentId, onDocument }: Props) {
  const session = useSession();
  const { host, listing } = session;
  const codebook = useCodebook();
  const m = useReviewMessages();
  const notify = useNotify();
  const layers = useCodingLayers();
  const tagBook = useTagBook();
  // With several layers, one layer is reviewed at a time: claims of different codebooks never
  // agree or disagree with each other.
  const [reviewed, setReviewed] = useState<string>(codebook.id);
  const layerShown = layers.length > 1 ? reviewed : '';
  const layerCodebook = layers.find((l) => l.codebook.id === reviewed)?.codebook ?? codebook;
  const tagLabel = useCallback((id: string) => tagBook.anyTag(id, layerCodebook).label, [tagBook, layerCodebook]);

  const stored = useLiveQuery(() => allClaims(session), [session]);
  const labels = useLiveQuery(() => allDocumentLabels(session), [session]);
  const reviews = useReviews(session);
  const agreementMode = useGoldFromAgreement(session);

  const claims = useMemo(
    () => (layerShown ? stored?.filter((c) => c.codebookId === layerShown) : stored),
    [stored, layerShown],
  );
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const everyone = useMemo(
    () =>
      [...new Set((claims ?? []).filter((c) => !c.deletedAt).map((c) => c.annotator))].filter((a) => a !== GOLD).sort(),
    [claims],
  );
  // Lanes can be switched off: a review of some annotators only.
  const annotators = useMemo(() => everyone.filter((a) => !hidden.has(a)), [everyone, hidden]);
  const colourOf = (name: string) => LANE_COLOURS[everyone.indexOf(name) % LANE_COLOURS.length] ?? '#888888';

  const queue = useMemo(() => {
    if (!claims || !labels || !reviews) return undefined;
    const layerTags = new Set(layerCodebook.tags.map((t) => t.id));
    return reviewQueue({
      claims,
      labels,
      reviews,
      annotators,
      codebookId: layerCodebook.id,
      inLayer: (tag) => !layerShown || layerTags.has(tag),
      documentOrder: listing.documents.map((d) => d.id),
    });
  }, [claims, labels, reviews, annotators, layerCodebook, layerShown, listing]);

  const [filter, setFilter] = useState<QueueFilter>({});
  const items = useMemo(() => (queue ? filterQueue(queue.items, filter) : []), [queue, filter]);
  const [focusId, setFocusId] = useState<string>();
  const focused = items.find((item) => itemId(item) === focusId) ?? items[0];
  const focusedIndex = focused ? items.indexOf(focused) : -1;
  const goldFraming = useCallback(
    (id: string) => labels?.find((l) => l.documentId === id && l.annotator === GOLD),
    [labels],
  );
  const actions = useReviewActions({ goldFraming });

  // The document under review follows the queue, so Annotate opens where Review was.
  const reviewedDocument = focused?.documentId ?? documentId;
  const [doc, setDoc] = useState<CorpusDocument>();
  useEffect(() => {
    if (!reviewedDocument) return;
    let current = true;
    // The text as the analyst reads it: gold claims are built on the encoding they chose.
    session.readDocument(reviewedDocument).then((d) => current && setDoc(d));
    if (reviewedDocument !== documentId) onDocument(reviewedDocument);
    return () => {
      current = false;
    };
  }, [reviewedDocument, documentId, onDocument, session]);
  const documentClaims = useMemo(
    () => (claims ?? []).filter((c) => !c.deletedAt && c.documentId === doc?.id),
    [claims, doc],
  );
  // Claims made on a file changed since are found again in it before they are compared or accepted.
  const store = useMemo(() => (doc ? session.claims.of(doc.id) : undefined), [session, doc]);
  useReanchorChangedDocument(doc, store, documentClaims);

  // Gold starts from agreement: on its own, or when the analyst asks (their choice, per corpus).
  const acceptedAgreed = useRef(new Set<string>());
  useEffect(() => {
    if (agreementMode !== 'auto' || hidden.size > 0 || !queue) return;
    // A write in flight is not read back yet: what it took is not taken twice.
    const fresh = {
      ...queue,
      agreedOutsideGold: queue.agreedOutsideGold.filter((c) => !acceptedAgreed.current.has(c.key)),
      framingOutsideGold: queue.framingOutsideGold.filter((f) => !acceptedAgreed.current.has(framingTaken(f))),
    };
    for (const c of fresh.agreedOutsideGold) acceptedAgreed.current.add(c.key);
    for (const f of fresh.framingOutsideGold) acceptedAgreed.current.add(framingTaken(f));
    actions
      .acceptAgreed(fresh, { record: false })
      .then(
        (n) => n > 0 && notify({ kind: 'done', text: (language) => useReviewMessages.of(language).acceptedAgreed(n) }),
      )
      .catch((error: unknown) => notify({ kind: 'error', text: String(error) }));
  }, [agreementMode, hidden, queue, actions, notify]);

  const [rationale, setRationale] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  /** After a decision: the next open item after this one (wrapping), focused and in view. */
  const advance = (from: ReviewItem) => {
    const at = items.indexOf(from);
    const after = [...items.slice(at + 1), ...items.slice(0, at)].find((i) => !i.decision);
    setRationale('');
    if (after) focus(after);
  };
  const focus = (item: ReviewItem) => {
    setFocusId(itemId(item));
    requestAnimationFrame(() => {
      const heads = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-item]') ?? [];
      const head = [...heads].find((button) => button.dataset.item === itemId(item));
      head?.focus({ preventScroll: true });
      head?.scrollIntoView({ block: 'nearest' });
    });
  };
  const failed = (error: unknown) =>
    notify({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
  // An analyst who has moved on while the write was saving keeps the item they moved to.
  const focusedNow = useRef<string | undefined>(undefined);
  focusedNow.current = focused && itemId(focused);
  const decide = (item: ReviewItem, action: () => Promise<unknown>) => {
    action().then(() => focusedNow.current === itemId(item) && advance(item), failed);
  };
  const why = () => rationale.trim() || undefined;
  const accept = (item: ReviewItem, sources: readonly Annotation[]) =>
    decide(item, () => actions.accept(item, sources, why()));
  const framing = (item: ReviewItem, tags: readonly string[]) => decide(item, () => actions.decideFraming(item, tags));
  const reject = (item: ReviewItem) => decide(item, () => actions.reject(item, why()));
  /** Reopened, the item's rationale comes back into the field, for the decision that replaces it. */
  const reopen = (item: ReviewItem) => {
    const decision = item.decision;
    const earlier = decision?.kind === 'rejected' ? decision.rationale : decision?.gold?.[0]?.provenance?.rationale;
    actions.reopen(item).then(() => setRationale(earlier ?? ''), failed);
  };
  const undo = (redo: boolean) =>
    actions
      .undo(redo)
      .then(
        (done) => done || notify({ kind: 'error', text: (language) => useReviewMessages.of(language).undoneElsewhere }),
        failed,
      );

  const stepDocument = (direction: 1 | -1) => {
    if (!focused) return;
    const order = direction === 1 ? items.slice(focusedIndex + 1) : items.slice(0, focusedIndex).reverse();
    const other = order.find((i) => i.documentId !== focused.documentId);
    if (!other) return;
    // The first open item of that document, else its first.
    const ofDocument = items.filter((i) => i.documentId === other.documentId);
    focus(ofDocument.find((i) => !i.decision) ?? (ofDocument[0] as ReviewItem));
  };

  useShortcuts('review', {
    'step-disagreement': ({ arg }) => {
      const next = items[Math.max(0, Math.min(items.length - 1, focusedIndex + (arg === 1 ? 1 : -1)))];
      if (next) focus(next);
    },
    'step-document': ({ arg }) => stepDocument(arg === 1 ? 1 : -1),
    'reject-claims': () => focused && reject(focused),
    'merge-claims': () => {
      if (!focused) return;
      if (focused.framings) framing(focused, [...new Set(focused.framings.flatMap((f) => f.tags))]);
      else if (focused.cluster && focused.cluster.claims.length > 1) accept(focused, focused.cluster.claims);
    },
    'accept-claim': ({ arg }) => {
      if (!focused) return;
      const claim = focused.cluster?.claims[arg ?? -1];
      const framed = focused.framings?.[arg ?? -1];
      if (claim) accept(focused, [claim]);
      if (framed) framing(focused, framed.tags);
    },
    reopen: () => focused && reopen(focused),
    'review-undo': () => void undo(false),
    'review-redo': () => void undo(true),
  });

  const documents = useMemo(() => new Map(listing.documents.map((d) => [d.id, d.title])), [listing]);
  const pairs = everyone.flatMap((a, i) => everyone.slice(i + 1).map((b) => [a, b] as const));
  const queueTags = useMemo(
    () => [
      ...new Set(
        queue?.items.flatMap((i) => [
          ...(i.cluster?.claims ?? []).flatMap((c) => c.tags),
          ...(i.framings ?? []).flatMap((f) => f.tags),
        ]) ?? [],
      ),
    ],
    [queue],
  );
  const [tab, setTab] = useState<Tab>('gold');
  const undecided = useMemo(
    () => new Set(queue?.items.flatMap((i) => (i.decision ? [] : (i.cluster?.claims.map((c) => c.id) ?? []))) ?? []),
    [queue],
  );
  const counts = queue?.counts;

  return (
    <section className="review" aria-label={m.review}>
      <header className="review-header">
        <LayerChoice value={reviewed} onChange={setReviewed} />
        <fieldset className="lanes" aria-label={m.annotatorsCompared}>
          {everyone.map((name) => (
            <button
              key={name}
              type="button"
              className="lane-name"
              translate="no"
              aria-pressed={!hidden.has(name)}
              style={{ borderColor: colourOf(name) }}
              onClick={() => {
                const next = new Set(hidden);
                if (!next.delete(name)) next.add(name);
                setHidden(next);
              }}
            >
              {name}
            </button>
          ))}
        </fieldset>
        <label>
          {m.fromAgreement}{' '}
          <select
            value={agreementMode ?? 'auto'}
            onChange={(e) => setGoldFromAgreement(session, e.target.value === 'ask' ? 'ask' : 'auto')}
          >
            <option value="auto">{m.fromAgreementAuto}</option>
            <option value="ask">{m.fromAgreementAsk}</option>
          </select>
        </label>
        {agreementMode === 'ask' && queue && queue.agreedOutsideGold.length + queue.framingOutsideGold.length > 0 && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              actions
                .acceptAgreed(queue, { record: true })
                .then(
                  (n) => notify({ kind: 'done', text: (language) => useReviewMessages.of(language).acceptedAgreed(n) }),
                  failed,
                )
            }
          >
            {m.acceptAgreed(queue.agreedOutsideGold.length + queue.framingOutsideGold.length)}
          </button>
        )}
        <button
          type="button"
          className="link"
          disabled={!doc}
          onClick={() => {
            if (!doc || !queue) return;
            const clusters = queue.items.flatMap((i) => (i.documentId === doc.id && i.cluster ? [i.cluster] : []));
            const settledKeys = new Set(queue.items.filter((i) => i.decision).map((i) => i.key));
            host.saveExport({
              suggestedName: `${fileNameSlug(listing.name, 'corpus')}-disagreements-${fileNameSlug(doc.id, 'document')}.csv`,
              content: disagreementsCsv(doc.id, doc.text, clusters, layerCodebook, (c) => settledKeys.has(c.key)),
              encoding: 'utf8',
            });
          }}
        >
          {m.exportDisagreements}
        </button>
        <span role="status" className="progress">
          {counts &&
            (counts.disagreements === 0
              ? m.noDisagreements(counts.agreed)
              : m.progress(counts.settled, counts.disagreements))}
        </span>
      </header>
      <fieldset className="review-filters" aria-label={m.filters}>
        <select
          aria-label={m.document}
          value={filter.documentId ?? ''}
          onChange={(e) => setFilter({ ...filter, documentId: e.target.value || undefined })}
        >
          <option value="">{m.allDocuments}</option>
          {[...new Set(queue?.items.map((i) => i.documentId))].map((id) => (
            <option key={id} value={id} translate="no">
              {documents.get(id) ?? id}
            </option>
          ))}
        </select>
        <select
          aria-label={m.tag}
          value={filter.tag ?? ''}
          onChange={(e) => setFilter({ ...filter, tag: e.target.value || undefined })}
        >
          <option value="">{m.allTags}</option>
          {queueTags.map((id) => (
            <option key={id} value={id} translate="no">
              {tagLabel(id)}
            </option>
          ))}
        </select>
        {pairs.length > 1 && (
          <select
            aria-label={m.pair}
            value={filter.pair?.join('\u0000') ?? ''}
            onChange={(e) => {
              const [a, b] = e.target.value.split('\u0000');
              setFilter({ ...filter, pair: a && b ? [a, b] : undefined });
            }}
          >
            <option value="">{m.allPairs}</option>
            {pairs.map(([a, b]) => (
              <option key={`${a}\u0000${b}`} value={`${a}\u0000${b}`} translate="no">
                {a} / {b}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label={m.kind}
          value={filter.kind ?? ''}
          onChange={(e) => setFilter({ ...filter, kind: (e.target.value || undefined) as QueueFilter['kind'] })}
        >
          <option value="">{m.allKinds}</option>
          <option value="partial">{m.partial}</option>
          <option value="single">{m.single}</option>
          <option value="framing">{m.framing}</option>
        </select>
        <select
          aria-label={m.status}
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ ...filter, status: (e.target.value || undefined) as QueueFilter['status'] })}
        >
          <option value="">{m.all}</option>
          <option value="open">{m.open}</option>
          <option value="settled">{m.settledOnes}</option>
        </select>
      </fieldset>
      <div className="review-body">
        <ol className="clusters" aria-label={m.queue} ref={listRef}>
          {queue && items.length === 0 && <li className="muted">{m.nothingHere}</li>}
          {items.map((item, i) => {
            const isFocused = item === focused;
            const firstOfDocument = items[i - 1]?.documentId !== item.documentId;
            return (
              <li
                key={itemId(item)}
                className={`cluster ${item.kind}${isFocused ? ' focused' : ''}${item.decision ? ' settled' : ''}`}
                aria-current={isFocused ? 'true' : undefined}
              >
                {firstOfDocument && (
                  <span className="queue-document" translate="no">
                    {documents.get(item.documentId) ?? item.documentId}
                  </span>
                )}
                <button
                  type="button"
                  className="cluster-head"
                  data-item={itemId(item)}
                  onClick={() => setFocusId(itemId(item))}
                >
                  <span className={`badge ${item.kind}`}>
                    {item.kind === 'partial' ? m.partial : item.kind === 'single' ? m.single : m.framing}
                  </span>
                  {item.cluster && (
                    <span translate="no">
                      <Quote text={item.cluster.claims[0]?.target.exact ?? ''} />
                    </span>
                  )}
                  {item.framings && (
                    <span translate="no">
                      {[...new Set(item.framings.map((f) => f.tags.map(tagLabel).join(', ') || m.noFraming))].join(
                        ' · ',
                      )}
                    </span>
                  )}
                  {item.decision && <span className="badge done">{m.settled}</span>}
                  {(item.review?.comments.length ?? 0) > 0 && (
                    <span className="badge" title={m.discussion}>
                      {m.comments(item.review?.comments.length ?? 0)}
                    </span>
                  )}
                </button>
                {isFocused && (
                  <ReviewItemDetail
                    item={item}
                    text={doc?.id === item.documentId ? doc.text : undefined}
                    annotators={annotators}
                    colourOf={colourOf}
                    tagLabel={tagLabel}
                    rationale={rationale}
                    onRationale={setRationale}
                    onAccept={(sources) => accept(item, sources)}
                    onFraming={(tags) => framing(item, tags)}
                    onReject={() => reject(item)}
                    onReopen={() => reopen(item)}
                    onComment={(text) => actions.comment(item, text).catch(failed)}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <aside className="gold" aria-label={m.tabs}>
          <div className="tabs" role="tablist" aria-label={m.tabs}>
            {(
              [
                ['gold', m.gold],
                ['agreement', m.agreement],
                ['feedback', m.feedback],
              ] as const
            ).map(([id, label]) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
                {label}
              </button>
            ))}
          </div>
          {tab === 'gold' && counts && (
            <GoldPanel
              counts={counts}
              gold={documentClaims.filter((c) => c.annotator === GOLD)}
              codebook={layerCodebook}
              tagLabel={tagLabel}
              onRemove={(claim) => actions.removeGold(claim).catch(failed)}
              onRetag={(claim, tags) => actions.retagGold(claim, tags).catch(failed)}
            />
          )}
          {tab === 'agreement' && <AgreementPanel layer={layerShown} claims={claims ?? []} labels={labels ?? []} />}
          {tab === 'feedback' && <FeedbackPanel claims={claims ?? []} undecided={undecided} />}
        </aside>
      </div>
    </section>
  );
}
