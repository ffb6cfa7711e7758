import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useEffect, useRef, useState } from 'react';
import type { Line } from '../../shared/text/lines';
import { type Span, spansByLine } from '../../shared/text/runs';
import { snapToWords, type Word } from '../../shared/text/words';
import { ClaimMarksPlugin } from './ClaimMarksPlugin';
import type { ClaimLook } from './claim-colours';
import { ClaimMarkNode, claimMarks } from './claim-mark-node';
import { $createLines } from './document-state';
import { type Fold, keepOutOfFolds, type LineMark } from './folds';
import { registerRootEvents } from './root-events';
import { type FoldLabels, SegmentsPlugin } from './SegmentsPlugin';
import { selectionToRange, selectTextRange, type TextRange } from './selection-offsets';

export interface ReaderEditorProps {
  /** The accessible name of the text. */
  label: string;
  text: string;
  lines: readonly Line[];
  /** The text's words (segmented when first asked for): a mouse selection snaps to them unless Alt is held. */
  words: () => readonly Word[];
  spans: readonly Span[];
  looks: ReadonlyMap<string, ClaimLook>;
  selectedId: string | null;
  /** The segment kind of each line. */
  marks: readonly LineMark[];
  /** The runs of boilerplate lines, each folded away into one clickable line unless it is in `open`. */
  folds: readonly Fold[];
  open: ReadonlySet<number>;
  /** Opens or folds one run: the analyst clicked it, or the cursor or a selected claim reached into it. */
  onFold(index: number, open: boolean): void;
  foldLabels: FoldLabels;
  /** The selected text as a range of the served text (null when nothing is selected). */
  onTextSelection(range: TextRange | null, anchor: DOMRect | null): void;
  /** A click on highlighted text: the claims covering the clicked run. */
  onClaimsClick(ids: string[], at: { x: number; y: number }): void;
  onBackgroundClick(): void;
  /** A range to select, as the keyboard cursor asks: each new object selects and shows it. */
  selectRange: TextRange | null;
}

const theme = { paragraph: 'reader-line' };

/** The document, read-only in Lexical: text as text nodes, claims as marks drawn from the database. */
export function ReaderEditor(props: ReaderEditorProps) {
  // Built once, with the claims there are when the document opens; later claims are drawn line by line.
  const [built] = useState(() => ({
    spans: props.spans,
    config: {
      namespace: 'reader',
      nodes: [ClaimMarkNode],
      editable: false,
      theme,
      editorState: () => $createLines(props.text, props.lines, spansByLine(props.lines, props.spans)),
      onError: (error: Error) => {
        throw error;
      },
    },
  }));
  return (
    <LexicalComposer initialConfig={built.config}>
      {/* Before the text: its effects set the paint the marks are made with when the text is first drawn. */}
      <ClaimMarksPlugin
        text={props.text}
        lines={props.lines}
        spans={props.spans}
        builtWith={built.spans}
        looks={props.looks}
        selectedId={props.selectedId}
      />
      <ContentEditable className="reader-text" aria-label={props.label} aria-readonly="true" />
      <SegmentsPlugin
        marks={props.marks}
        folds={props.folds}
        open={props.open}
        onFold={props.onFold}
        labels={props.foldLabels}
      />
      <PointerPlugin {...props} />
    </LexicalComposer>
  );
}

/** Where the browser's selection is drawn, for the popover that follows it. */
function selectionBox(): DOMRect | null {
  const selection = window.getSelection();
  return selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
}

type PointerHandlers = Pick<
  ReaderEditorProps,
  'text' | 'lines' | 'words' | 'onTextSelection' | 'onClaimsClick' | 'onBackgroundClick'
>;

/** Turns the browser's selection and clicks on the reader into text ranges and claim ids. */
function listenToPointer(root: HTMLElement, handlers: PointerHandlers): () => void {
  const { text, lines, words, onTextSelection, onClaimsClick, onBackgroundClick } = handlers;
  let dragging = false;
  const report = (snap: boolean) => {
    let range = selectionToRange(root, lines, text);
    if (range && snap) {
      const snapped = snapToWords(words(), range);
      if (snapped.start !== range.start || snapped.end !== range.end) {
        // Reported now, not when selectionchange comes: a key pressed right after the drag tags it.
        selectTextRange(root, lines, snapped);
        range = snapped;
      }
    }
    onTextSelection(range, range && selectionBox());
  };
  const onPointerDown = () => {
    dragging = true;
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    report(!event.altKey);
  };
  // Keyboard selection and clearing arrive here; a drag is reported once, when it ends.
  const onSelectionChange = () => {
    if (!dragging) report(false);
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
  words,
  selectRange,
  selectedId,
  spans,
  folds,
  open,
  onFold,
  onTextSelection,
  onClaimsClick,
  onBackgroundClick,
}: ReaderEditorProps) {
  const [editor] = useLexicalComposerContext();
  // Read when the cursor moves or a claim is selected, not watched: folding must not move either.
  const foldState = useRef({ folds, open, onFold });
  foldState.current = { folds, open, onFold };
  // The range last shown, so a step into a fold knows which way it was going.
  const shown = useRef<TextRange | null>(null);

  useEffect(
    () =>
      registerRootEvents(editor, (root) =>
        listenToPointer(root, { text, lines, words, onTextSelection, onClaimsClick, onBackgroundClick }),
      ),
    [editor, text, lines, words, onTextSelection, onClaimsClick, onBackgroundClick],
  );

  /** Opens the closed folds `range` reaches into, then shows `target` once they are drawn. */
  const reveal = (range: TextRange, target: () => Element | null | undefined) => {
    const { folds, open, onFold } = foldState.current;
    let opened = false;
    folds.forEach((fold, index) => {
      if (open.has(index) || fold.start >= range.end || range.start >= fold.end) return;
      onFold(index, true);
      opened = true;
    });
    const scroll = () => target()?.scrollIntoView({ block: 'nearest' });
    if (opened) requestAnimationFrame(scroll);
    else scroll();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the cursor moves when asked to, not when folds open or close
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root || !selectRange) return;
    const { folds, open } = foldState.current;
    const hidden = folds.filter((_, index) => !open.has(index));
    const from = selectionToRange(root, lines, text) ?? shown.current;
    const range = hidden.length === 0 ? selectRange : keepOutOfFolds(words(), selectRange, hidden, from);
    if (!range) return;
    selectTextRange(root, lines, range);
    shown.current = range;
    // Told now: the next key builds on where the cursor landed, even if the selection did not change.
    if (range !== selectRange) onTextSelection(range, selectionBox());
    reveal(range, () => {
      const node = window.getSelection()?.focusNode;
      return node instanceof Element ? node : node?.parentElement;
    });
  }, [editor, lines, selectRange]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a claim is shown when it is selected, not each time claims change
  useEffect(() => {
    const root = editor.getRootElement();
    const span = selectedId === null ? undefined : spans.find((s) => s.id === selectedId);
    if (!root || !span) return;
    shown.current = span;
    // A claim inside folded boilerplate is shown by opening its fold.
    reveal(span, () => claimMarks(root, lines, span)[0]);
  }, [editor, selectedId]);

  return null;
}
