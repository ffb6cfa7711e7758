import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isParagraphNode } from 'lexical';
import { useLayoutEffect, useRef } from 'react';
import type { Line } from '../../shared/text/lines';
import { changedLines, lineRuns, type Span, spansOfLine } from '../../shared/text/runs';
import { type ClaimPaint, repaintClaims, setClaimPaint } from './claim-mark-node';
import { $fillLine } from './document-state';

interface Props extends ClaimPaint {
  text: string;
  lines: readonly Line[];
  spans: readonly Span[];
  /** The spans the document was built with. */
  builtWith: readonly Span[];
}

/**
 * Draws the claims from the database onto the document, never the other way round. It draws in
 * layout effects, before the browser paints: the text never shows with marks not yet coloured. Only the
 * paragraphs whose runs changed are rebuilt, so one new claim touches one or two lines, and only
 * the marks of claims whose colour or selection changed are repainted.
 */
export function ClaimMarksPlugin({ text, lines, spans, builtWith, looks, selectedId }: Props) {
  const [editor] = useLexicalComposerContext();
  const drawn = useRef<readonly Span[]>(builtWith);
  const painted = useRef<ClaimPaint | null>(null);

  // First of the effects, so that marks made by the updates below are painted with this paint.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new paint repaints; new spans are drawn below
  useLayoutEffect(() => {
    const paint = { looks, selectedId };
    setClaimPaint(editor, paint);
    const root = editor.getRootElement();
    if (root && painted.current) repaintClaims(root, lines, spans, painted.current, paint);
    painted.current = paint;
  }, [editor, looks, selectedId]);

  useLayoutEffect(() => {
    const changed = changedLines(lines, drawn.current, spans);
    if (changed.length === 0) return;
    editor.update(
      () => {
        const root = $getRoot();
        for (const i of changed) {
          const paragraph = root.getChildAtIndex(i);
          const line = lines[i];
          if ($isParagraphNode(paragraph) && line)
            $fillLine(paragraph, text, lineRuns(line, spansOfLine(lines, spans, i)));
        }
      },
      { discrete: true, tag: 'claims' },
    );
    drawn.current = spans;
  }, [editor, text, lines, spans]);

  return null;
}
