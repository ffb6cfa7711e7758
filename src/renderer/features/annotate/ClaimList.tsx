import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { revealRow, useRows } from '../../lib/use-rows';
import { VirtualRows } from '../../lib/VirtualRows';
import { type ClaimFilter, ClaimFilters, matchesFilter, NO_FILTER } from './ClaimFilters';
import { ClaimSummary } from './ClaimSummary';
import { useAnnotateMessages } from './messages';

interface Props {
  claims: readonly Annotation[];
  codebook: Codebook;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Name each claim's annotator: the list shows others' claims too. */
  withAnnotators?: boolean;
}

/**
 * The document's claims in text order; choosing one selects it and scrolls the reader to it.
 * Only the rows in view are in the DOM: a document with thousands of claims opens, and takes a
 * new one, at the cost of a screenful.
 */
export const ClaimList = memo(function ClaimList({
  claims,
  codebook,
  selectedId,
  onSelect,
  withAnnotators = false,
}: Props) {
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const shown = useMemo(() => claims.filter((claim) => matchesFilter(claim, filter)), [claims, filter]);
  const toCheck = claims.filter((c) => c.anchoring).length;
  const m = useAnnotateMessages();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRows({
    count: shown.length,
    scroller,
    estimate: 56,
    key: (index) => shown[index]?.id ?? index,
  });
  const selectedIndex = selectedId === null ? -1 : shown.findIndex((claim) => claim.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) revealRow(rows, selectedIndex);
  }, [rows, selectedIndex]);
  return (
    <section className="claim-list" aria-label={m.claimsInDocument}>
      <h2 className="panel-title">
        {m.claimsTitle}{' '}
        <span className="muted">
          · {shown.length === claims.length ? claims.length : m.ofTotal(shown.length, claims.length)}
        </span>
        {toCheck > 0 && <span className="badge warn">{m.toCheck(toCheck)}</span>}
      </h2>
      {claims.length === 0 ? (
        <p className="muted small">{m.noClaims}</p>
      ) : (
        <>
          <ClaimFilters claims={claims} codebook={codebook} filter={filter} onChange={setFilter} />
          <div className="claim-list-scroll" ref={scroller}>
            <VirtualRows rows={rows} items={shown} keyOf={(claim) => claim.id}>
              {(claim) => (
                <button
                  type="button"
                  aria-current={claim.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(claim.id)}
                >
                  <ClaimSummary claim={claim} withAnnotator={withAnnotators} />
                  {claim.anchoring && <span className="badge warn">{m.checkBadge}</span>}
                </button>
              )}
            </VirtualRows>
          </div>
        </>
      )}
    </section>
  );
});
