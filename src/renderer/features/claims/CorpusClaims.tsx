import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { compareByPosition, isLive } from '../../../shared/model/annotation';
import { allClaims } from '../../db/claim-queries';
import { WithNames } from '../../i18n/WithNames';
import { useRows } from '../../lib/use-rows';
import { VirtualRows } from '../../lib/VirtualRows';
import { useCodebook, useSession } from '../../session/SessionContext';
import {
  type ClaimFilter,
  ClaimFilters,
  ClaimSummary,
  matchesFilter,
  NO_FILTER,
  useAnnotateMessages,
} from '../annotate';

interface Props {
  /** Opens the claim's document with the claim selected. */
  onOpen(documentId: string, claimId: string): void;
}

/** Every live claim of the corpus, in corpus order, filtered like a document's claims and by annotator and quote. */
export function CorpusClaims({ onOpen }: Props) {
  const session = useSession();
  const { listing } = session;
  const codebook = useCodebook();
  const order = useMemo(() => new Map(listing.documents.map((d, i) => [d.id, i])), [listing]);
  const titles = useMemo(() => new Map(listing.documents.map((d) => [d.id, d.title])), [listing]);
  const claims = useLiveQuery(async () => {
    const live = (await allClaims(session)).filter(isLive);
    return live.sort(
      (a, b) =>
        (order.get(a.documentId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.documentId) ?? Number.MAX_SAFE_INTEGER) ||
        compareByPosition(a, b),
    );
  }, [order, session]);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const m = useAnnotateMessages();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return (claims ?? []).filter(
      (c) => matchesFilter(c, filter) && (!needle || c.target.exact.toLocaleLowerCase().includes(needle)),
    );
  }, [claims, filter, query]);

  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRows({ count: shown.length, scroller, estimate: 64 });

  if (!claims) return <p className="placeholder">{m.loadingClaims}</p>;
  return (
    <section className="corpus-claims" aria-label={m.corpusClaims}>
      <header className="corpus-claims-header">
        <h1 className="panel-title">
          <WithNames text={m.claimsIn(listing.name)} names={[listing.name]} />{' '}
          <span className="muted">
            · {shown.length === claims.length ? claims.length : m.ofTotal(shown.length, claims.length)}
          </span>
        </h1>
        <input
          type="search"
          aria-label={m.searchQuotes}
          placeholder={m.searchQuotesHint}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <ClaimFilters claims={claims} codebook={codebook} filter={filter} onChange={setFilter} byAnnotator />
      </header>
      <div className="corpus-claims-scroll" ref={scroller}>
        {claims.length === 0 ? (
          <p className="muted">{m.noCorpusClaims}</p>
        ) : (
          <VirtualRows rows={rows} items={shown} keyOf={(claim) => claim.id}>
            {(claim) => (
              <button type="button" onClick={() => onOpen(claim.documentId, claim.id)}>
                <span className="claim-document" translate="no">
                  {titles.get(claim.documentId) ?? claim.documentId} · {claim.annotator}
                </span>
                <ClaimSummary claim={claim} />
              </button>
            )}
          </VirtualRows>
        )}
        {claims.length > 0 && shown.length === 0 && <p className="muted">{m.noMatch}</p>}
      </div>
    </section>
  );
}
