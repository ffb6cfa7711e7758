import { useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { type ClaimFilter, ClaimFilters, matchesFilter, NO_FILTER } from './ClaimFilters';
import { ClaimSummary } from './ClaimSummary';
import { useAnnotateMessages } from './messages';

interface Props {
  claims: readonly Annotation[];
  codebook: Codebook;
  selectedId: string | null;
  onSelect(id: string): void;
}

/** The document's claims in text order; choosing one selects it and scrolls the reader to it. */
export function ClaimList({ claims, codebook, selectedId, onSelect }: Props) {
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const shown = useMemo(() => claims.filter((claim) => matchesFilter(claim, filter)), [claims, filter]);
  const toCheck = claims.filter((c) => c.anchoring).length;
  const m = useAnnotateMessages();
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
          <ol>
            {shown.map((claim) => (
              <li key={claim.id}>
                <button
                  type="button"
                  aria-current={claim.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(claim.id)}
                >
                  <ClaimSummary claim={claim} codebook={codebook} />
                  {claim.anchoring && <span className="badge warn">{m.checkBadge}</span>}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
