import { $isMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, $isParagraphNode, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Line } from '../../shared/text/lines';
import { runsByLine, type Span } from '../../shared/text/runs';
import { type ClaimLook, paintRun } from './claim-colours';
import { $fillLine } from './document-state';

interface Paint {
  looks: ReadonlyMap<string, ClaimLook>;
  selectedId: string | null;
}

function paintMark(editor: LexicalEditor, key: NodeKey, ids: readonly string[], { looks, selectedId }: Paint) {
  const element = editor.getElementByKey(key);
  if (!element) return;
  paintRun(element, ids, looks);
  element.classList.toggle('is-selected', selectedId !== null && ids.includes(selectedId));
}

interface Props extends Paint {
  text: string;
  lines: readonly Line[];
  spans: readonly Span[];
}

/**
 * Draws the claims from the database onto the document, never the other way round. Only the
 * paragraphs whose runs changed are rebuilt, so one new claim touches one or two lines. A
 * mutation listener keeps an index from mark node keys to claim ids for painting and selection.
 */
export function ClaimMarksPlugin({ text, lines, spans, looks, selectedId }: Props) {
  const [editor] = useLexicalComposerContext();
  const drawn = useRef<string[]>([]);
  const marks = useRef(new Map<NodeKey, string[]>());
  const latest = useRef({ looks, selectedId });
  latest.current = { looks, selectedId };

  useEffect(() => {
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

  useEffect(() => {
    const runs = runsByLine(lines, spans);
    const signatures = runs.map((line) => line.map((r) => `${r.start}-${r.end}:${r.ids.join(',')}`).join('|'));
    const changed = signatures.flatMap((signature, i) => (signature === drawn.current[i] ? [] : [i]));
    if (changed.length === 0) return;
    editor.update(
      () => {
        const root = $getRoot();
        for (const i of changed) {
          const paragraph = root.getChildAtIndex(i);
          if ($isParagraphNode(paragraph)) $fillLine(paragraph, text, runs[i] ?? []);
        }
      },
      { discrete: true, tag: 'claims' },
    );
    drawn.current = signatures;
  }, [editor, text, lines, spans]);

  useEffect(() => {
    for (const [key, ids] of marks.current) paintMark(editor, key, ids, { looks, selectedId });
  }, [editor, looks, selectedId]);

  return null;
}
