import type { Annotation } from '../../../shared/model/annotation';
import { compareForDisplay } from '../../../shared/text/compare';
import { setWhoseClaims, type WhoseClaims } from '../../db/settings';
import { useSession } from '../../session/SessionContext';
import { useAnnotateMessages } from './messages';

/**
 * Whether Annotate shows a claim, by whose claims the analyst chose to see; "mine" includes the
 * names the analyst went by before.
 */
export const showsClaim = (whose: WhoseClaims, myNames: ReadonlySet<string>) => (claim: Annotation) =>
  whose.kind === 'everyone' || (whose.kind === 'mine' ? myNames.has(claim.annotator) : claim.annotator === whose.name);

/**
 * Mine, everyone's or one colleague's claims: after a colleague's file is imported, Annotate still
 * shows the analyst's own work, and says how many claims of others are there to show.
 */
export function WhoseClaimsChoice({
  whose,
  claims,
  myNames,
}: {
  whose: WhoseClaims;
  claims: readonly Annotation[];
  myNames: ReadonlySet<string>;
}) {
  const session = useSession();
  const m = useAnnotateMessages();
  const me = session.annotator;
  const others = [...new Set(claims.map((c) => c.annotator).filter((name) => !myNames.has(name)))];
  if (whose.kind === 'annotator' && !others.includes(whose.name)) others.push(whose.name);
  if (others.length === 0 && whose.kind === 'mine') return null;
  const hidden = claims.filter((c) => !showsClaim(whose, myNames)(c)).length;
  const value = whose.kind === 'annotator' ? `annotator:${whose.name}` : whose.kind;
  return (
    <div className="whose-claims">
      <label>
        {m.showClaimsOf}{' '}
        <select
          value={value}
          onChange={(event) => {
            const next = event.target.value;
            setWhoseClaims(
              session,
              next.startsWith('annotator:')
                ? { kind: 'annotator', name: next.slice('annotator:'.length) }
                : { kind: next === 'everyone' ? 'everyone' : 'mine' },
            );
          }}
        >
          <option value="mine">{m.mine(me)}</option>
          <option value="everyone">{m.everyone}</option>
          {others.sort(compareForDisplay).map((name) => (
            <option key={name} value={`annotator:${name}`} translate="no">
              {name}
            </option>
          ))}
        </select>
      </label>
      {hidden > 0 && <span className="muted small">{m.hiddenClaims(hidden)}</span>}
    </div>
  );
}
