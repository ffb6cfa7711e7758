import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import { type Codebook, tagById } from '../../../shared/model/codebook';
import type { CorpusDocument, CorpusListing } from '../../../shared/model/document';
import { type Cluster, clusterClaims, GOLD } from '../../../shared/review/compare';
import { disagreementsCsv } from '../../../shared/review/disagreements-csv';
import { OffsetIndex } from '../../../shared/text/offsets';
import { useDocumentClaims } from '../../db/annotations';
import { addGoldClaim, rejectCluster, useRejections } from '../../db/review';
import { useHost } from '../../host/HostContext';
import { useLanguage } from '../../i18n/language';
import { AgreementPanel } from './AgreementPanel';
import { ContextLanes } from './ContextLanes';
import { useReviewMessages } from './messages';

interface Props {
  listing: CorpusListing;
  codebook: Codebook;
  /** The adjudicator: recorded on every decision. */
  me: string;
  documentId: string | undefined;
  onDocument(id: string): void;
  loadDocument(id: string): Promise<CorpusDocument>;
}

const LANE_COLOURS = ['#2e86de', '#e4572e', '#3bb273', '#8e5ad6', '#f2a541', '#d64f9c', '#17a2b8', '#6c757d'];

/**
 * Compare annotators document by document: overlapping claims are grouped, each group marked
 * agreed, partial or single-annotator; the disagreements are walked with the keyboard and settled
 * into a gold layer (accept one annotator's claim, merge them, or reject).
 */
export function ReviewView({ listing, codebook, me, documentId, onDocument, loadDocument }: Props) {
  const host = useHost();
  const m = useReviewMessages();
  const language = useLanguage();
  const claims = useDocumentClaims(documentId);
  const rejected = useRejections(documentId);
  const [doc, setDoc] = useState<CorpusDocument>();
  const [focus, setFocus] = useState(0);
  const [rationale, setRationale] = useState('');

  useEffect(() => {
    if (!documentId) return;
    let current = true;
    loadDocument(documentId).then((d) => current && setDoc(d));
    return () => {
      current = false;
    };
  }, [documentId, loadDocument]);

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

  const accept = (sources: Annotation[]) => {
    if (!index) return;
    addGoldClaim(sources, index, me, rationale.trim() || undefined).then(() => setRationale(''));
  };
  const reject = (cluster: Cluster) => {
    if (!documentId) return;
    rejectCluster(documentId, cluster.key, me, rationale.trim() || undefined).then(() => setRationale(''));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || event.ctrlKey || event.metaKey) return;
      if (!focused) return;
      if (event.key === 'ArrowDown' || event.key === 'j') setFocus(Math.min(focus + 1, disagreements.length - 1));
      else if (event.key === 'ArrowUp' || event.key === 'k') setFocus(Math.max(focus - 1, 0));
      else if (event.key === 'x') reject(focused);
      else if (event.key === 'm' && focused.claims.length > 1) accept(focused.claims);
      else if (/^[1-9]$/.test(event.key)) {
        const claim = focused.claims[Number(event.key) - 1];
        if (claim) accept([claim]);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const tagLabel = (id: string) => tagById(codebook, id)?.label ?? id;
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
        <fieldset className="lanes" aria-label={m.annotatorsCompared}>
          {everyone.map((name) => (
            <button
              key={name}
              type="button"
              className="lane-name"
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
              suggestedName: `${listing.name}-disagreements-${documentId.replace(/[^\p{L}\p{N}_-]+/gu, '-')}.csv`,
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
                <q>{doc?.text.slice(cluster.start, cluster.end)}</q>
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
                        <kbd>{n + 1}</kbd> <strong>{claim.annotator}</strong>: {claim.tags.map(tagLabel).join(', ')}{' '}
                        <q>{claim.target.exact}</q>{' '}
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
                {g.tags.map(tagLabel).join(', ')} <q>{g.target.exact}</q>
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
          <AgreementPanel listing={listing} codebook={codebook} />
        </aside>
      </div>
    </section>
  );
}
