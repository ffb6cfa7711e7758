import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ParagraphNode } from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Fold, LineMark } from './folds';
import { registerRootEvents } from './root-events';

export interface FoldLabels {
  /** The one line a folded run shows, which opens it. */
  folded(lines: number): string;
  /** The header of an opened run, which folds it again. */
  opened(lines: number): string;
}

interface Props {
  marks: readonly LineMark[];
  folds: readonly Fold[];
  /** The folds shown, by index in `folds`; the others are folded away. */
  open: ReadonlySet<number>;
  /** Opens or folds one run, as the analyst clicks its fold line or presses Enter on it. */
  onFold(index: number, open: boolean): void;
  labels: FoldLabels;
}

/**
 * Marks each line's paragraph with the kind of segment it is in (title, metadata, body,
 * boilerplate), every line of a folded run with data-folded, and the first line of each run with
 * its length and label, so styles can fold each run into one line without touching the text. A
 * folded run's line is a button: the text stays in the DOM for offsets to count.
 */
export function SegmentsPlugin({ marks, folds, open, onFold, labels }: Props) {
  const [editor] = useLexicalComposerContext();
  // What paragraphs made later (none are, today: the text is built once) are marked with.
  const latest = useRef({ marks, folds, open, labels });
  latest.current = { marks, folds, open, labels };

  // Before the browser paints, so boilerplate never shows unfolded for a frame.
  useLayoutEffect(
    () =>
      editor.registerMutationListener(ParagraphNode, (mutations) => {
        const root = editor.getRootElement();
        if (root && [...mutations.values()].includes('created')) markLines(root, latest.current);
      }),
    [editor],
  );
  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (root) markLines(root, { marks, folds, open, labels });
  }, [editor, marks, folds, open, labels]);

  useEffect(
    () =>
      registerRootEvents(editor, (root) => {
        const foldAt = (target: EventTarget | null) => {
          const line = (target as Element | null)?.closest?.('[data-fold-index]') as HTMLElement | null;
          return line && root.contains(line) ? { line, index: Number(line.dataset.foldIndex) } : null;
        };
        const onClick = (event: MouseEvent) => {
          const at = foldAt(event.target);
          if (!at || !window.getSelection()?.isCollapsed) return;
          if (at.line.hasAttribute('data-folded')) onFold(at.index, true);
          // An open run folds again from its header, drawn above the text of its first line.
          else if (event.clientY < textTop(at.line)) onFold(at.index, false);
        };
        const onKeyDown = (event: KeyboardEvent) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          const at = foldAt(event.target);
          if (!at?.line.hasAttribute('data-folded')) return;
          event.preventDefault();
          onFold(at.index, true);
        };
        root.addEventListener('click', onClick);
        root.addEventListener('keydown', onKeyDown);
        return () => {
          root.removeEventListener('click', onClick);
          root.removeEventListener('keydown', onKeyDown);
        };
      }),
    [editor, onFold],
  );

  return null;
}

/** Where the text of a line starts on screen (below any header drawn before it). */
function textTop(line: HTMLElement): number {
  const range = document.createRange();
  range.selectNodeContents(line);
  const first = range.getClientRects()[0];
  return first ? first.top : line.getBoundingClientRect().bottom;
}

function markLines(root: HTMLElement, { marks, folds, open, labels }: Omit<Props, 'onFold'>): void {
  // Each paragraph under the root is one line, in order.
  const paragraphs = root.children;
  marks.forEach((mark, i) => {
    const element = paragraphs[i] as HTMLElement | undefined;
    if (element) element.dataset.kind = mark.kind;
  });
  folds.forEach((fold, index) => {
    const folded = !open.has(index);
    for (let i = fold.firstLine; i <= fold.lastLine; i++) paragraphs[i]?.toggleAttribute('data-folded', folded);
    const first = paragraphs[fold.firstLine] as HTMLElement | undefined;
    if (!first) return;
    const count = fold.lastLine - fold.firstLine + 1;
    first.dataset.foldIndex = String(index);
    first.dataset.foldStart = String(count);
    first.dataset.foldLabel = folded ? labels.folded(count) : labels.opened(count);
    // Folded, the line is a button named by its label; open, it is the text it holds.
    if (folded) {
      first.setAttribute('role', 'button');
      first.setAttribute('tabindex', '0');
      first.setAttribute('aria-expanded', 'false');
      first.setAttribute('aria-label', labels.folded(count));
    } else {
      for (const name of ['role', 'tabindex', 'aria-expanded', 'aria-label']) first.removeAttribute(name);
    }
  });
}
