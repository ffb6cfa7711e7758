import { MarkNode } from '@lexical/mark';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useEffect, useMemo } from 'react';
import type { Segment } from '../../shared/model/document';
import type { Line } from '../../shared/text/lines';
import type { Span } from '../../shared/text/runs';
import { ClaimMarksPlugin } from './ClaimMarksPlugin';
import type { ClaimLook } from './claim-colours';
import { $createLineParagraphs } from './document-state';
import { registerRootEvents } from './root-events';
import { SegmentsPlugin } from './SegmentsPlugin';
import { selectionToRange, type TextRange } from './selection-offsets';

export interface ReaderEditorProps {
  text: string;
  lines: readonly Line[];
  spans: readonly Span[];
  looks: ReadonlyMap<string, ClaimLook>;
  selectedId: string | null;
  segments: readonly Segment[];
  /** Boilerplate lines are folded away (one clickable line per run). */
  folded: boolean;
  onUnfold(): void;
  /** The selected text as a range of the served text (null when nothing is selected). */
  onTextSelection(range: TextRange | null, anchor: DOMRect | null): void;
  /** A click on highlighted text: the claims covering the clicked run. */
  onClaimsClick(ids: string[], at: { x: number; y: number }): void;
  onBackgroundClick(): void;
}

const theme = { paragraph: 'reader-line', mark: 'claim', markOverlap: 'claim-overlap' };

/** The document, read-only in Lexical: text as text nodes, claims as marks drawn from the database. */
export function ReaderEditor(props: ReaderEditorProps) {
  const { lines } = props;
  const initialConfig = useMemo(
    () => ({
      namespace: 'reader',
      nodes: [MarkNode],
      editable: false,
      theme,
      editorState: () => $createLineParagraphs(lines.length),
      onError: (error: Error) => {
        throw error;
      },
    }),
    [lines],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ContentEditable
        className={props.folded ? 'reader-text folded' : 'reader-text'}
        aria-label="Document text"
        aria-readonly="true"
      />
      <SegmentsPlugin lines={props.lines} segments={props.segments} onUnfold={props.onUnfold} />
      <ClaimMarksPlugin
        text={props.text}
        lines={props.lines}
        spans={props.spans}
        looks={props.looks}
        selectedId={props.selectedId}
      />
      <PointerPlugin {...props} />
    </LexicalComposer>
  );
}

type PointerHandlers = Pick<
  ReaderEditorProps,
  'text' | 'lines' | 'onTextSelection' | 'onClaimsClick' | 'onBackgroundClick'
>;

/** Turns the browser's selection and clicks on the reader into text ranges and claim ids. */
function listenToPointer(root: HTMLElement, handlers: PointerHandlers): () => void {
  const { text, lines, onTextSelection, onClaimsClick, onBackgroundClick } = handlers;
  let dragging = false;
  const report = () => {
    const range = selectionToRange(root, lines, text);
    const selection = window.getSelection();
    const anchor =
      range && selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
    onTextSelection(range, anchor);
  };
  const onPointerDown = () => {
    dragging = true;
  };
  const onPointerUp = () => {
    if (!dragging) return;
    dragging = false;
    report();
  };
  // Keyboard selection and clearing arrive here; a drag is reported once, when it ends.
  const onSelectionChange = () => {
    if (!dragging) report();
  };
  const onClick = (event: MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (event.target as Element).closest?.('mark[data-claim-ids]') as HTMLElement | null;
    if (mark && root.contains(mark)) {
      onClaimsClick((mark.dataset.claimIds ?? '').split(' ').filter(Boolean), { x: event.clientX, y: event.clientY });
    } else onBackgroundClick();
  };
  root.addEventListener('pointerdown', onPointerDown);
  document.addEventListener('pointerup', onPointerUp);
  document.addEventListener('selectionchange', onSelectionChange);
  root.addEventListener('click', onClick);
  return () => {
    root.removeEventListener('pointerdown', onPointerDown);
    document.removeEventListener('pointerup', onPointerUp);
    document.removeEventListener('selectionchange', onSelectionChange);
    root.removeEventListener('click', onClick);
  };
}

function PointerPlugin({
  text,
  lines,
  selectedId,
  folded,
  onUnfold,
  onTextSelection,
  onClaimsClick,
  onBackgroundClick,
}: ReaderEditorProps) {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      registerRootEvents(editor, (root) =>
        listenToPointer(root, { text, lines, onTextSelection, onClaimsClick, onBackgroundClick }),
      ),
    [editor, text, lines, onTextSelection, onClaimsClick, onBackgroundClick],
  );

  useEffect(() => {
    if (!selectedId) return;
    const mark = editor
      .getRootElement()
      ?.querySelector<HTMLElement>(`mark[data-claim-ids~="${CSS.escape(selectedId)}"]`);
    // A claim inside folded boilerplate is shown by unfolding first.
    if (mark && folded && mark.offsetParent === null) onUnfold();
    else mark?.scrollIntoView({ block: 'nearest' });
  }, [editor, selectedId, folded, onUnfold]);

  return null;
}
