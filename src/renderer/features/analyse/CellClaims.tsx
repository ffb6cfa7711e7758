import { useMemo, useRef } from 'react';
import type { MatrixDocument } from '../../../shared/analysis/matrix';
import type { Annotation } from '../../../shared/model/annotation';
import { useRows } from '../../lib/use-rows';
import { VirtualRows } from '../../lib/VirtualRows';
import { useAnalyseMessages } from './messages';

interface CellProps {
  title: string;
  claims: readonly Annotation[];
  documents: readonly MatrixDocument[];
  onOpen(documentId: string, claimId: string): void;
  onClose(): void;
}

/** The claims behind a cell as keyword-in-context lines, with their document, source and date. */
export function CellClaims({ title, claims, documents, onOpen, onClose }: CellProps) {
  const m = useAnalyseMessages();
  const byId = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useRows({ count: claims.length, scroller, estimate: 72 });
  return (
    <section className="cell-claims" aria-label={title}>
      <header>
        <h2 className="panel-title" translate="no">
          {title} <span className="muted">· {claims.length.toLocaleString()}</span>
        </h2>
        <button type="button" className="link" onClick={onClose}>
          {m.closeCell}
        </button>
      </header>
      <div className="cell-claims-scroll" ref={scroller}>
        <VirtualRows rows={rows} items={claims} keyOf={(claim) => claim.id}>
          {(claim) => {
            const document = byId.get(claim.documentId);
            return (
              <button type="button" onClick={() => onOpen(claim.documentId, claim.id)}>
                <span className="claim-document" translate="no">
                  {[document?.title ?? claim.documentId, document?.source, document?.date, claim.annotator]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span className="kwic" translate="no">
                  …{claim.target.prefix}
                  <mark>{claim.target.exact}</mark>
                  {claim.target.suffix}…
                </span>
              </button>
            );
          }}
        </VirtualRows>
      </div>
    </section>
  );
}
