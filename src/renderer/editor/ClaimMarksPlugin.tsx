import { $isMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, $isParagraphNode, type LexicalEditor, type NodeKey } from 'lexical';
import { useLayoutEffect, useRef } from 'react';
import type { Line } from '../../shared/text/lines';
import { lineRuns, type Span, spansByLine } from '../../shared/text/runs';
import { type ClaimLook, paintRun } from './claim-colours';
import { $fillLine, lineSignatures } from './document-state';

interface Paint {
  looks: ReadonlyMap<string, ClaimLook>;
  selectedId: string | null;
}

/** What each mark element was last painted with, so that a repaint touches only marks that change. */
const paintedAs = new WeakMap<HTMLElement, string>();

function paintMark(editor: LexicalEditor, key: NodeKey, ids: readonly string[], { looks, selectedId }: Paint) {
  const element = editor.getElementByKey(key);
  if (!element) return;
  const selected = selectedId !== null && ids.includes(selectedId);
  const signature = `${selected}${ids.map((id) => {
    const look = looks.get(id);
    return `${id}:${look?.colour}:${look?.needsCheck}`;
  })}`;
  // Writing a style, even the same one, makes the browser restyle and repaint the element.
  if (paintedAs.get(element) === signature) return;
  paintedAs.set(element, signature);
  paintRun(element, ids, looks);
  element.classList.toggle('is-selected', selected);
}

interface Props extends Paint {
  text: string;
  lines: readonly Line[];
  spans: readonly Span[];
  /** The line signatures of the claims the document was built with. */
  builtWith: readonly string[];
}

/**
 * Draws the claims from the database onto the document, never the other way round. It draws in
 * layout effects, before the browser paints: the text never shows with marks not yet coloured. Only the
 * paragraphs whose runs changed are rebuilt, so one new claim touches one or two lines. A
 * mutation listener keeps an index from mark node keys to claim ids for painting and selection.
 */
export function ClaimMarksPlugin({ text, lines, spans, builtWith, looks, selectedId }: Props) {
  const [editor] = useLexicalComposerContext();
  const drawn = useRef<readonly string[]>(builtWith);
  const marks = useRef(new Map<NodeKey, string[]>());
  const latest = useRef({ looks, selectedId });
  latest.current = { looks, selectedId };

  useLayoutEffect(() => {
    return editor.registerMutationListener(MarkNode, (mutations) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            marks.current.delete(key);
            continue;
          }
          const node = $getNodeByKey(key);
          if (!$isMarkNode(node)) continue;
          const ids = node.getIDs();
          marks.current.set(key, ids);
          paintMark(editor, key, ids, latest.current);
        }
      });
    });
  }, [editor]);

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

  useLayoutEffect(() => {
    for (const [key, ids] of marks.current) paintMark(editor, key, ids, { looks, selectedId });
  }, [editor, looks, selectedId]);

  return null;
}
