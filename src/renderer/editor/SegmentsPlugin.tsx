import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, ParagraphNode } from 'lexical';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { Segment } from '../../shared/model/document';
import { type Line, lineIndexAt } from '../../shared/text/lines';
import { registerRootEvents } from './root-events';

interface Props {
  lines: readonly Line[];
  segments: readonly Segment[];
  /** Called when the analyst clicks a folded run of boilerplate. */
  onUnfold(): void;
}

/**
 * Marks each line's paragraph with the kind of segment it is in (title, metadata, body,
 * boilerplate), and the first line of each boilerplate run with the run's length, so styles can
 * fold boilerplate into one clickable line without touching the text itself.
 */
export function SegmentsPlugin({ lines, segments, onUnfold }: Props) {
  const [editor] = useLexicalComposerContext();
  const marks = useMemo(() => lineMarks(lines, segments), [lines, segments]);

  // Before the browser paints, so boilerplate never shows unfolded for a frame.
  useLayoutEffect(
    () =>
      editor.registerMutationListener(ParagraphNode, (mutations) => {
        editor.getEditorState().read(() => {
          // One pass over the lines: asking each new paragraph for its index would be quadratic.
          const indexOf = new Map(
            $getRoot()
              .getChildrenKeys()
              .map((key, i) => [key, i]),
          );
          for (const [key, mutation] of mutations) {
            if (mutation !== 'created') continue;
            const index = indexOf.get(key);
            const element = editor.getElementByKey(key);
            const mark = index === undefined ? undefined : marks[index];
            if (!element || !mark) continue;
            element.dataset.kind = mark.kind;
            if (mark.foldedLines) element.dataset.foldStart = String(mark.foldedLines);
          }
        });
      }),
    [editor, marks],
  );

  useEffect(
    () =>
      registerRootEvents(editor, (root) => {
        const onClick = (event: MouseEvent) => {
          if ((event.target as HTMLElement).dataset?.foldStart && root.classList.contains('folded')) onUnfold();
        };
        root.addEventListener('click', onClick);
        return () => root.removeEventListener('click', onClick);
      }),
    [editor, onUnfold],
  );

  return null;
}

interface LineMark {
  kind: Segment['kind'];
  /** On the first line of a boilerplate run: how many lines the run folds. */
  foldedLines?: number;
}

/** The segment kind of every line (blank lines take the kind of the line before them). */
export function lineMarks(lines: readonly Line[], segments: readonly Segment[]): LineMark[] {
  const marks: LineMark[] = lines.map(() => ({ kind: 'body' }));
  for (const segment of segments) {
    if (segment.end <= segment.start) continue;
    const first = lineIndexAt(lines, segment.start);
    const last = lineIndexAt(lines, segment.end - 1);
    for (let i = first; i <= last; i++) marks[i] = { kind: segment.kind };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.end === line.start && !segments.some((s) => s.start <= line.start && s.end > line.start)) {
      marks[i] = { kind: (marks[i - 1] as LineMark).kind };
    }
  }
  for (let i = 0; i < marks.length; i++) {
    if (marks[i]?.kind !== 'boilerplate' || marks[i - 1]?.kind === 'boilerplate') continue;
    let end = i;
    while (marks[end + 1]?.kind === 'boilerplate') end++;
    (marks[i] as LineMark).foldedLines = end - i + 1;
  }
  return marks;
}
