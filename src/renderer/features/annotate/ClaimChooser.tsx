import type { Annotation } from '../../../shared/model/annotation';
import type { Codebook } from '../../../shared/model/codebook';
import { ClaimSummary } from './ClaimSummary';
import { useAnnotateMessages } from './messages';

interface Props {
  claims: readonly Annotation[];
  codebook: Codebook;
  at: { top: number; left: number };
  onChoose(id: string): void;
}

/** Text covered by several claims: the user picks which one a click meant. */
export function ClaimChooser({ claims, codebook, at, onChoose }: Props) {
  const m = useAnnotateMessages();
  return (
    <div
      className="popover claim-chooser"
      role="menu"
      aria-label={m.claimsHere}
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
