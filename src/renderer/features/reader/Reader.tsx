import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { CorpusDocument } from '../../../shared/model/document';
import { splitLines } from '../../../shared/text/lines';
import type { ClaimLook } from '../../editor/claim-colours';
import { ReaderEditor } from '../../editor/ReaderEditor';
import type { TextRange } from '../../editor/selection-offsets';

/** A point in the reader's scrolled content, where overlays (popovers) are placed. */
export interface ContentPoint {
  top: number;
  left: number;
}

interface Props {
  document: CorpusDocument;
  claims: readonly Annotation[];
  colourOf(claim: Annotation): string;
  selectedId: string | null;
  onTextSelection(range: TextRange | null, at: ContentPoint | null): void;
  onClaimsClick(ids: string[], at: ContentPoint): void;
  onBackgroundClick(): void;
  /** Overlays positioned in content coordinates (they scroll with the text). */
  children?: ReactNode;
}

export function Reader({
  document: doc,
  claims,
  colourOf,
  selectedId,
  onTextSelection,
  onClaimsClick,
  onBackgroundClick,
  children,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => splitLines(doc.text), [doc.text]);
  const spans = useMemo(() => claims.map((c) => ({ id: c.id, start: c.target.start, end: c.target.end })), [claims]);
  const looks = useMemo(
    () =>
      new Map<string, ClaimLook>(claims.map((c) => [c.id, { colour: colourOf(c), needsCheck: Boolean(c.anchoring) }])),
    [claims, colourOf],
  );

  const toContent = useCallback((x: number, y: number): ContentPoint => {
    const box = scroller.current?.getBoundingClientRect();
    return box
      ? {
          left: x - box.left + (scroller.current?.scrollLeft ?? 0),
          top: y - box.top + (scroller.current?.scrollTop ?? 0),
        }
      : { left: x, top: y };
  }, []);

  const handleSelection = useCallback(
    (range: TextRange | null, anchor: DOMRect | null) =>
      onTextSelection(range, anchor ? toContent(anchor.left, anchor.bottom) : null),
    [onTextSelection, toContent],
  );
  const handleClaims = useCallback(
    (ids: string[], at: { x: number; y: number }) => onClaimsClick(ids, toContent(at.x, at.y)),
    [onClaimsClick, toContent],
  );

  return (
    <article className="reader" aria-label="Reader">
      <header className="reader-header">
        <h1>{doc.title}</h1>
        <p className="muted">
          {doc.id} · {doc.language} · {doc.length.toLocaleString()} characters · {claims.length}{' '}
          {claims.length === 1 ? 'claim' : 'claims'}
        </p>
      </header>
      <div className="reader-scroll" ref={scroller}>
        <ReaderEditor
          key={doc.id}
          text={doc.text}
          lines={lines}
          spans={spans}
          looks={looks}
          selectedId={selectedId}
          onTextSelection={handleSelection}
          onClaimsClick={handleClaims}
          onBackgroundClick={onBackgroundClick}
        />
        {children}
      </div>
    </article>
  );
}
