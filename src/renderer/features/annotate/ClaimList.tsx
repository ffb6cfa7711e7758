import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { ClaimSummary } from './ClaimSummary';

interface Props {
  claims: readonly Annotation[];
  codebook: Codebook;
  selectedId: string | null;
  onSelect(id: string): void;
}

/** The document's claims in text order; choosing one selects it and scrolls the reader to it. */
export function ClaimList({ claims, codebook, selectedId, onSelect }: Props) {
  const toCheck = claims.filter((c) => c.anchoring).length;
  return (
    <section className="claim-list" aria-label="Claims in this document">
      <h2 className="panel-title">
        Claims <span className="muted">· {claims.length}</span>
        {toCheck > 0 && <span className="badge warn">{toCheck} to check</span>}
      </h2>
      {claims.length === 0 ? (
        <p className="muted small">Select text in the article and press a tag's key to mark a claim.</p>
      ) : (
        <ol>
          {claims.map((claim) => (
            <li key={claim.id}>
              <button
                type="button"
                aria-current={claim.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(claim.id)}
              >
                <ClaimSummary claim={claim} codebook={codebook} />
                {claim.anchoring && <span className="badge warn">check placement</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
