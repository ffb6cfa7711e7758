import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isParagraphNode } from 'lexical';
import { useLayoutEffect, useRef } from 'react';
import type { Line } from '../../shared/text/lines';
import { lineRuns, type Span, spansByLine } from '../../shared/text/runs';
import { type ClaimPaint, repaintClaims, setClaimPaint } from './claim-mark-node';
import { $fillLine, lineSignatures } from './document-state';

interface Props extends ClaimPaint {
  text: string;
  lines: readonly Line[];
  spans: readonly Span[];
  /** The line signatures of the claims the document was built with. */
  builtWith: readonly string[];
}

/**
 * Draws the claims from the database onto the document, never the other way round. It draws in
 * layout effects, before the browser paints: the text never shows with marks not yet coloured. Only the
 * paragraphs whose runs changed are rebuilt, so one new claim touches one or two lines, and only
 * the marks of claims whose colour or selection changed are repainted.
 */
export function ClaimMarksPlugin({ text, lines, spans, builtWith, looks, selectedId }: Props) {
  const [editor] = useLexicalComposerContext();
  const drawn = useRef<readonly string[]>(builtWith);
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
    // A line is cut into runs again only when the spans touching it changed: one new claim
    // costs its own lines, not the document's.
    const perLine = spansByLine(lines, spans);
    const signatures = lineSignatures(perLine);
    const changed = signatures.flatMap((signature, i) => (signature === drawn.current[i] ? [] : [i]));
    if (changed.length === 0) return;
    editor.update(
      () => {
        const root = $getRoot();
        for (const i of changed) {
          const paragraph = root.getChildAtIndex(i);
          const line = lines[i];
          if ($isParagraphNode(paragraph) && line) $fillLine(paragraph, text, lineRuns(line, perLine[i] ?? []));
        }
      },
      { discrete: true, tag: 'claims' },
    );
    drawn.current = signatures;
  }, [editor, text, lines, spans]);

  return null;
}
