import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { CorpusDocument } from '../../../shared/model/document';
import { type Cluster, clusterClaims, GOLD } from '../../../shared/review/compare';
import { disagreementsCsv } from '../../../shared/review/disagreements-csv';
import { fileNameSlug } from '../../../shared/text/file-name';
import { OffsetIndex } from '../../../shared/text/offsets';
import { goldClaim, rejectCluster, useRejections } from '../../db/review';
import { useLanguage } from '../../i18n/language';
import { useShortcuts } from '../../keyboard/KeyboardProvider';
import { Quote } from '../../lib/Quote';
import { useCodebook, useCodingLayers, useListedClaims, useSession, useTagBook } from '../../session/SessionContext';
import { useReanchorChangedDocument } from '../../session/use-reanchor';
import { LayerChoice } from '../codebook';
import { AgreementPanel } from './AgreementPanel';
import { ContextLanes } from './ContextLanes';
import { useReviewMessages } from './messages';

interface Props {
  documentId: string | undefined;
  onDocument(id: string): void;
}

const LANE_COLOURS = ['#2e86de', '#e4572e', '#3bb273', '#8e5ad6', '#f2a541', '#d64f9c', '#17a2b8', '#6c757d'];

/**
 * Compare annotators document by document: overlapping claims are grouped, each group marked
 * agreed, partial or single-annotator; the disagreements are walked with the keyboard and settled
 * into a gold layer (accept one annotator's claim, merge them, or reject).
 */
export function ReviewView({ documentId, onDocument }: Props) {
  const session = useSession();
  // The adjudicator, recorded on every decision.
  const { host, listing, annotator: me } = session;
  const codebook = useCodebook();
  const m = useReviewMessages();
  const language = useLanguage();
  const layers = useCodingLayers();
  // With several layers, one layer is reviewed at a time (the one whose keys apply, to start with):
  // claims of different codebooks never agree or disagree with each other.
  const [reviewed, setReviewed] = useState<string>(codebook.id);
  const layerShown = layers.length > 1 ? reviewed : '';
  const documentClaims = useListedClaims(documentId);
  const claims = useMemo(
    () => (layerShown ? documentClaims?.filter((c) => c.codebookId === layerShown) : documentClaims),
    [documentClaims, layerShown],
  );
  const rejected = useRejections(session, documentId);
  const [doc, setDoc] = useState<CorpusDocument>();
  const [focus, setFocus] = useState(0);
  const [rationale, setRationale] = useState('');

  useEffect(() => {
    if (!documentId) return;
    let current = true;
    // The text as the analyst reads it: gold claims are built on the encoding they chose.
    session.readDocument(documentId).then((d) => current && setDoc(d));
    return () => {
      current = false;
    };
  }, [documentId, session]);

  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const everyone = useMemo(
    () => [...new Set((claims ?? []).map((c) => c.annotator))].filter((a) => a !== GOLD).sort(),
    [claims],
  );
  // Layers can be switched off: a review of some annotators only.
  const annotators = useMemo(() => everyone.filter((a) => !hidden.has(a)), [everyone, hidden]);
  const colourOf = (name: string) => LANE_COLOURS[everyone.indexOf(name) % LANE_COLOURS.length] ?? '#888888';
  const gold = useMemo(() => (claims ?? []).filter((c) => c.annotator === GOLD), [claims]);
  const clusters = useMemo(
    () =>
      clusterClaims(
        (claims ?? []).filter((c) => annotators.includes(c.annotator)),
        annotators,
      ),
    [claims, annotators],
  );
  const disagreements = clusters.filter((c) => c.agreement !== 'agreed');
  const settled = (cluster: Cluster) =>
    rejected?.has(cluster.key) || gold.some((g) => g.target.start < cluster.end && g.target.end > cluster.start);
  const open = disagreements.filter((c) => !settled(c));
  const focused = disagreements[Math.min(focus, disagreements.length - 1)];
  const index = useMemo(() => (doc ? new OffsetIndex(doc.text) : undefined), [doc]);
  // Claims made on a file changed since are found again in it before they are compared or accepted.
  const store = useMemo(() => (doc ? session.claims.of(doc.id) : undefined), [session, doc]);
  useReanchorChangedDocument(doc, store, doc?.id === documentId ? claims : undefined);

  const accept = (sources: Annotation[]) => {
    if (!index || !doc) return;
    const gold = goldClaim(sources, { index, sha256: doc.sha256 }, me, rationale.trim() || undefined);
    if (gold)
      session.claims
        .of(doc.id)
        .add(gold)
        .then(() => setRationale(''));
  };
  const reject = (cluster: Cluster) => {
    if (!documentId) return;
    rejectCluster(session, documentId, cluster.key, me, rationale.trim() || undefined).then(() => setRationale(''));
  };

  useShortcuts('review', {
    'step-disagreement': ({ arg }) =>
      setFocus(arg === 1 ? Math.min(focus + 1, disagreements.length - 1) : Math.max(focus - 1, 0)),
    'reject-claims': () => focused && reject(focused),
    'merge-claims': () => focused && focused.claims.length > 1 && accept(focused.claims),
    'accept-claim': ({ arg }) => {
      const claim = focused?.claims[arg ?? -1];
      if (claim) accept([claim]);
    },
  });

  const tagBook = useTagBook();
  const tagLabel = (id: string) => tagBook.anyTag(id, codebook).label;
  const reviewable = listing.documents;

  return (
    <section className="review" aria-label={m.review}>
      <header className="review-header">
        <label>
          {m.document}{' '}
          <select aria-label={m.documentToReview} value={documentId ?? ''} onChange={(e) => onDocument(e.target.value)}>
            {reviewable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
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
        <button
          type="button"
          className="link"
          disabled={!doc || !documentId}
          onClick={() =>
            doc &&
            documentId &&
            host.saveExport({
              suggestedName: `${fileNameSlug(listing.name, 'corpus')}-disagreements-${fileNameSlug(documentId, 'document')}.csv`,
              content: disagreementsCsv(documentId, doc.text, clusters, codebook, settled),
              encoding: 'utf8',
            })
          }
        >
          {m.exportDisagreements}
        </button>
        <span role="status" className="progress">
          {disagreements.length === 0 ? m.allAgreed(clusters.length) : m.left(open.length, disagreements.length)}
        </span>
      </header>
      <div className="review-body">
        <ol className="clusters" aria-label={m.disagreements}>
          {disagreements.map((cluster, i) => (
            <li
              key={cluster.key}
              className={`cluster ${cluster.agreement}${i === focus ? ' focused' : ''}${settled(cluster) ? ' settled' : ''}`}
              aria-current={i === focus ? 'true' : undefined}
            >
              <button type="button" className="cluster-head" onClick={() => setFocus(i)}>
                <span className={`badge ${cluster.agreement}`}>
                  {cluster.agreement === 'partial' ? m.partial : m.single}
                </span>
                <span translate="no">
                  <Quote text={doc?.text.slice(cluster.start, cluster.end) ?? ''} />
                </span>
                {settled(cluster) && <span className="badge done">{m.settled}</span>}
              </button>
              {i === focus && (
                <div className="cluster-detail">
                  {doc && (
                    <ContextLanes text={doc.text} cluster={cluster} annotators={annotators} colourOf={colourOf} />
                  )}
                  <ol className="lanes-detail">
                    {cluster.claims.map((claim, n) => (
                      <li key={claim.id} style={{ borderColor: colourOf(claim.annotator) }}>
                        <kbd>{n + 1}</kbd>{' '}
                        <span translate="no">
                          <strong>{claim.annotator}</strong>: {claim.tags.map(tagLabel).join(', ')}{' '}
                          <Quote text={claim.target.exact} />
                        </span>{' '}
                        <button type="button" onClick={() => accept([claim])}>
                          {m.accept}
                        </button>
                      </li>
                    ))}
                  </ol>
                  <input
                    aria-label={m.rationale}
                    placeholder={m.rationaleHint}
                    value={rationale}
                    onChange={(e) => setRationale(e.target.value)}
                  />
                  <div className="actions">
                    {cluster.claims.length > 1 && (
                      <button type="button" onClick={() => accept(cluster.claims)}>
                        {m.merge} <kbd>m</kbd>
                      </button>
                    )}
                    <button type="button" onClick={() => reject(cluster)}>
                      {m.rejectAll} <kbd>x</kbd>
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
        <aside className="gold" aria-label={m.goldClaims}>
          <h2 className="panel-title">
            {m.gold} <span className="muted">· {gold.length.toLocaleString(language)}</span>
          </h2>
          <ol>
            {gold.map((g) => (
              <li key={g.id}>
                <span translate="no">
                  {g.tags.map(tagLabel).join(', ')} <Quote text={g.target.exact} />
                </span>
                {g.provenance && (
                  <span className="muted small">
                    {' '}
                    {m.decided(
                      g.provenance.decision,
                      g.provenance.sources.map((s) => s.annotator).join(' + '),
                      g.provenance.decidedBy,
                      g.provenance.rationale,
                    )}
                  </span>
                )}
              </li>
            ))}
          </ol>
          <AgreementPanel layer={layerShown} />
        </aside>
      </div>
    </section>
  );
}
