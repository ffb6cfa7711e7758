import { useMemo, useState } from 'react';
import { useDocumentOrphans } from '../../db/orphans';
import { searchDeadline } from '../../session/current-anchors';
import { useCodebook, useListedClaims, useSession } from '../../session/SessionContext';
import { ClaimSummary } from './ClaimSummary';
import { useAnnotateMessages } from './messages';
import { OrphanList } from './OrphanList';

interface Props {
  id: string;
  /** Opens the document the claims were moved onto. */
  onReattached(id: string): void;
}

/**
 * A document the corpus's claims point to that is not in the folder: its claims stay in view (and
 * in every export and backup) and can be moved onto the file it became, matched by text or quote.
 */
export function MissingDocument({ id, onReattached }: Props) {
  const session = useSession();
  const codebook = useCodebook();
  const m = useAnnotateMessages();
  const claims = useListedClaims(id) ?? [];
  const orphans = useDocumentOrphans(session, id) ?? [];
  const hashes = useMemo(() => new Set(claims.map((c) => c.documentSha256)), [claims]);
  // A renamed or moved file has the same text: offered first.
  const sameText = session.listing.documents.find((d) => hashes.has(d.sha256));
  const [target, setTarget] = useState(sameText?.id ?? '');
  const [outcome, setOutcome] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const chosen = target || sameText?.id || '';

  async function reattach() {
    try {
      const to = await session.readDocument(chosen);
      const { placed, notPlaced } = await session.claims.reattach(id, to, searchDeadline());
      setOutcome({ kind: 'status', text: m.reattached(placed, notPlaced) });
      onReattached(to.id);
    } catch (error) {
      setOutcome({ kind: 'alert', text: m.reattachFailed(error instanceof Error ? error.message : String(error)) });
    }
  }

  return (
    <section className="missing-document" aria-label={m.missingDocument}>
      <h1>{m.missingTitle(id)}</h1>
      <p className="muted">{m.missingAbout}</p>
      <div className="reattach">
        <label>
          {m.reattachTo}{' '}
          <select value={chosen} onChange={(event) => setTarget(event.target.value)}>
            <option value="">{m.chooseDocument}</option>
            {session.listing.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id === sameText?.id ? m.sameText(d.title) : d.title}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" className="primary" disabled={!chosen} onClick={reattach}>
          {m.reattach}
        </button>
      </div>
      {outcome && (
        <p role={outcome.kind} className={outcome.kind === 'alert' ? 'error' : undefined}>
          {outcome.text}
        </p>
      )}
      <h2 className="panel-title">
        {m.claimsTitle} <span className="muted">· {claims.length}</span>
      </h2>
      <ol className="missing-claims">
        {claims.map((claim) => (
          <li key={claim.id}>
            <ClaimSummary claim={claim} /> <span className="muted small">{claim.annotator}</span>
          </li>
        ))}
      </ol>
      <OrphanList
        orphans={orphans}
        codebook={codebook}
        onDiscard={(orphan) => session.claims.of(id).discardOrphan(orphan)}
      />
    </section>
  );
}
