import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { ClaimSummary } from './ClaimSummary';

interface Props {
  claims: readonly Annotation[];
  codebook: Codebook;
  at: { top: number; left: number };
  onChoose(id: string): void;
}

/** Text covered by several claims: the user picks which one a click meant. */
export function ClaimChooser({ claims, codebook, at, onChoose }: Props) {
  return (
    <div
      className="popover claim-chooser"
      role="menu"
      aria-label="Claims here"
      style={{ top: at.top + 10, left: at.left }}
    >
      {claims.map((claim) => (
        <button key={claim.id} type="button" role="menuitem" onClick={() => onChoose(claim.id)}>
          <ClaimSummary claim={claim} codebook={codebook} />
        </button>
      ))}
    </div>
  );
}
