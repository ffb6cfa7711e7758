import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { CorpusDocument } from '../../../shared/model/document';
import { splitLines } from '../../../shared/text/lines';
import type { Word } from '../../../shared/text/words';
import type { DocumentStatus } from '../../db/document-states';
import type { ClaimLook } from '../../editor/claim-colours';
import { foldsOf, lineMarks } from '../../editor/folds';
import { ReaderEditor } from '../../editor/ReaderEditor';
import type { TextRange } from '../../editor/selection-offsets';
import { useLanguage } from '../../i18n/language';
import { useLanguageName } from '../../i18n/language-names';
import { useStatusLabels } from '../../i18n/status-messages';
import { useDrawnClaims, useFollowing } from '../../session/SessionContext';
import { useReaderMessages } from './messages';
import { useFoundWords } from './use-found-words';
import { useSuggestionMarks } from './use-suggestion-marks';

/** A point in the reader's scrolled content, where overlays (popovers) are placed. */
export interface ContentPoint {
  top: number;
  left: number;
}

interface Props {
  document: CorpusDocument;
  /** A claim's colours, one per tag. */
  coloursOf(claim: Annotation): readonly string[];
  /** The text's words, segmented when first asked for. */
  words: () => readonly Word[];
  selectRange: TextRange | null;
  selectedId: string | null;
  onTextSelection(range: TextRange | null, at: ContentPoint | null): void;
  onClaimsClick(ids: string[], at: ContentPoint): void;
  onBackgroundClick(): void;
  /** The analyst reads the file with another encoding than the detected one. */
  onEncoding(name: string): void;
  status: DocumentStatus;
  onStatus(status: DocumentStatus): void;
  /** Which of the corpus's layers a claim is in, for its line style; the first when absent. */
  layerOf?: (claim: Annotation) => number;
  /** Which claims to draw (whose claims the analyst chose to see); all when absent. */
  showsClaim?: (claim: Annotation) => boolean;
  /** The words the corpus search found in this document, marked in the text. */
  foundWords?: readonly string[];
  /** Suggestions, marked dashed in the text, and the one under the cursor. */
  suggestions?: readonly TextRange[];
  currentSuggestion?: TextRange;
  /** Overlays positioned in content coordinates (they scroll with the text). */
  children?: ReactNode;
}

/** Encodings news sites are saved in, offered when the detected one reads wrong. */
const ENCODINGS = [
  'utf-8',
  'windows-1251',
  'koi8-r',
  'koi8-u',
  'iso-8859-5',
  'ibm866',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'iso-8859-2',
  'windows-1250',
];

const NO_CLAIMS: readonly Annotation[] = [];
const NO_SUGGESTIONS: readonly TextRange[] = [];
const NOTHING_OPEN: ReadonlySet<number> = new Set();

export function Reader({
  document: doc,
  coloursOf,
  words,
  selectRange,
  selectedId,
  onTextSelection,
  onClaimsClick,
  onBackgroundClick,
  onEncoding,
  status,
  onStatus,
  foundWords,
  suggestions = NO_SUGGESTIONS,
  currentSuggestion,
  showsClaim,
  layerOf,
  children,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  useFoundWords(scroller, foundWords);
  const m = useReaderMessages();
  const languageName = useLanguageName();
  const statusLabels = useStatusLabels();
  const language = useLanguage();
  const lines = useMemo(() => splitLines(doc.text), [doc.text]);
  useSuggestionMarks(scroller, lines, suggestions, currentSuggestion);
  const marks = useMemo(() => lineMarks(lines, doc.segments), [lines, doc.segments]);
  const folds = useMemo(() => foldsOf(lines, marks), [lines, marks]);
  // The folds shown, by index; every fold starts folded, and again when the text changes.
  const [shown, setShown] = useState({ folds, open: new Set<number>() as ReadonlySet<number> });
  const open = shown.folds === folds ? shown.open : NOTHING_OPEN;
  const closed = folds.length - open.size;
  const fold = useCallback(
    (index: number, show: boolean) =>
      setShown((current) => {
        const next = new Set(current.folds === folds ? current.open : NOTHING_OPEN);
        if (show) next.add(index);
        else next.delete(index);
        return { folds, open: next };
      }),
    [folds],
  );
  const foldAll = (show: boolean) => setShown({ folds, open: show ? new Set(folds.keys()) : NOTHING_OPEN });
  const foldLabels = useMemo(() => ({ folded: m.foldedLine, opened: m.openedLine }), [m]);
  // The reader takes the claims as written, so a new claim is drawn in the frame of its key press;
  // the rest of the window takes them a frame later.
  const all = useDrawnClaims(doc.id) ?? NO_CLAIMS;
  const drawn = useMemo(() => (showsClaim ? all.filter(showsClaim) : all), [all, showsClaim]);
  // The count in the header is the rest of the window: it follows the frame that draws a new claim.
  const counted = useFollowing(drawn.length);
  // One span and one look per stored claim, kept while the claim is: a new claim costs the
  // reader one new span and look, and the marks of the others are seen as unchanged at once.
  const spanOf = useMemo(() => perClaim((c) => ({ id: c.id, start: c.target.start, end: c.target.end })), []);
  const lookOf = useMemo(
    () =>
      perClaim((c): ClaimLook => ({ colours: coloursOf(c), needsCheck: Boolean(c.anchoring), layer: layerOf?.(c) })),
    [coloursOf, layerOf],
  );
  const spans = useMemo(() => drawn.map(spanOf), [drawn, spanOf]);
  const looks = useMemo(() => new Map<string, ClaimLook>(drawn.map((c) => [c.id, lookOf(c)])), [drawn, lookOf]);

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
    <article className="reader" aria-label={m.reader}>
      <header className="reader-header">
        <h1 translate="no" title={doc.title}>
          {doc.title}
        </h1>
        {/* What the document is on one line; what the analyst sets about it on the next. */}
        <p className="muted document-facts">
          {[doc.source, doc.author, doc.date].filter(Boolean).map((fact) => (
            <span key={fact} translate="no">
              {fact}
            </span>
          ))}
          <span>{languageName(doc.language)}</span>
          <span>{m.characters(doc.length.toLocaleString(language))}</span>
          <span className="file" translate="no" title={doc.url ?? doc.id}>
            {doc.id}
            {doc.url && ` · ${doc.url}`}
          </span>
        </p>
        <p className="muted document-controls">
          <label>
            {m.encoding}{' '}
            <select aria-label={m.encoding} value={doc.encoding} onChange={(event) => onEncoding(event.target.value)}>
              {[...new Set([doc.encoding, ...ENCODINGS])].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <span>{m.claims(counted)}</span>
          <label>
            {m.status}{' '}
            <select
              aria-label={m.documentStatus}
              value={status}
              onChange={(event) => onStatus(event.target.value as DocumentStatus)}
            >
              {Object.entries(statusLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {folds.length > 0 && (
            <button type="button" className="link" onClick={() => foldAll(closed > 0)}>
              {closed > 0 ? m.showBoilerplate(closed) : m.foldBoilerplate}
            </button>
          )}
        </p>
      </header>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling article must be reachable by keyboard to scroll it */}
      <div className="reader-scroll" ref={scroller} tabIndex={0} translate="no">
        <ReaderEditor
          // Another encoding is another text: the reader is built again.
          key={`${doc.id}:${doc.sha256}`}
          label={m.documentText}
          text={doc.text}
          lines={lines}
          words={words}
          selectRange={selectRange}
          spans={spans}
          looks={looks}
          selectedId={selectedId}
          marks={marks}
          folds={folds}
          open={open}
          onFold={fold}
          foldLabels={foldLabels}
          onTextSelection={handleSelection}
          onClaimsClick={handleClaims}
          onBackgroundClick={onBackgroundClick}
        />
        {children}
      </div>
    </article>
  );
}

/** `make` of each claim, made once per stored claim object (an edited claim is a new object). */
function perClaim<T>(make: (claim: Annotation) => T): (claim: Annotation) => T {
  const made = new WeakMap<Annotation, T>();
  return (claim) => {
    let value = made.get(claim);
    if (value === undefined) {
      value = make(claim);
      made.set(claim, value);
    }
    return value;
  };
}
