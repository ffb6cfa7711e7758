import type { Annotation } from '../../../shared/model/annotation';
import type { ContentPoint } from '../reader';
import { ClaimSummary } from './ClaimSummary';
import { useAnnotateMessages } from './messages';
import { usePopoverPlacement } from './use-popover-placement';

interface Props {
  claims: readonly Annotation[];
  at: ContentPoint;
  onChoose(id: string): void;
}

/** Text covered by several claims: the user picks which one a click meant. */
export function ClaimChooser({ claims, at, onChoose }: Props) {
  const m = useAnnotateMessages();
  const placed = usePopoverPlacement<HTMLDivElement>(at);
  return (
    <div
      ref={placed}
      className="popover claim-chooser"
      role="menu"
      aria-label={m.claimsHere}
      style={{ position: 'fixed', left: 0, top: 0, visibility: 'hidden' }}
    >
      {claims.map((claim) => (
        <button key={claim.id} type="button" role="menuitem" onClick={() => onChoose(claim.id)}>
          <ClaimSummary claim={claim} />
        </button>
      ))}
    </div>
  );
}
