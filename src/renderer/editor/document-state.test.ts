import fc from 'fast-check';
import { $getRoot, $isParagraphNode, createEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../shared/text/lines';
import { lineRuns, type Span } from '../../shared/text/runs';
import { ClaimMarkNode } from './claim-mark-node';
import { $createLines, $fillLine } from './document-state';

const text = 'Moscow calls the sanctions an act of war against the Union State.';
const lines = splitLines(text);
const line = lines[0] as (typeof lines)[number];

/** A headless reader holding `text` as one line drawn with `spans`. */
function reader(spans: readonly Span[]) {
  const editor = createEditor({
    nodes: [ClaimMarkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $createLines(text, lines, [[...spans]]), { discrete: true });
  return editor;
}

interface Shown {
  key: string;
  text: string;
  ids: string[];
}

function children(editor: ReturnType<typeof reader>): Shown[] {
  return editor.getEditorState().read(() => {
    const paragraph = $getRoot().getFirstChild();
    if (!$isParagraphNode(paragraph)) throw new Error('no line');
    return paragraph.getChildren().map((node: LexicalNode) => ({
      key: node.getKey(),
      text: node.getTextContent(),
      ids: node instanceof ClaimMarkNode ? [...node.getIDs()] : [],
    }));
  });
}

function refill(editor: ReturnType<typeof reader>, spans: readonly Span[]) {
  editor.update(
    () => {
      const paragraph = $getRoot().getFirstChild();
      if ($isParagraphNode(paragraph)) $fillLine(paragraph, text, lineRuns(line, spans));
    },
    { discrete: true },
  );
}

const span = (id: string, quote: string): Span => ({
  id,
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
});

describe('$fillLine', () => {
  it('draws a new claim by replacing only the run it cuts, keeping the nodes on either side', () => {
    const before = [span('a', 'Moscow'), span('b', 'an act of war')];
    const editor = reader(before);
    const was = children(editor);
    refill(editor, [...before, span('c', 'Union State')]);
    const now = children(editor);
    expect(now.map((c) => [c.text, c.ids])).toEqual([
      ['Moscow', ['a']],
      [' calls the sanctions ', []],
      ['an act of war', ['b']],
      [' against the ', []],
      ['Union State', ['c']],
      ['.', []],
    ]);
    expect(now.slice(0, 3).map((c) => c.key)).toEqual(was.slice(0, 3).map((c) => c.key));
    expect(now[5]?.key).not.toBe(was[3]?.key);
  });

  it('shows exactly the runs of the new claims, whatever was drawn before', () => {
    const spans = fc
      .array(fc.tuple(fc.nat(text.length), fc.nat(text.length)), { maxLength: 6 })
      .map((pairs) =>
        pairs
          .map(([a, b], i) => ({ id: `c${i}`, start: Math.min(a, b), end: Math.max(a, b) }))
          .filter((s) => s.end > s.start),
      );
    fc.assert(
      fc.property(spans, spans, (before, after) => {
        const editor = reader(before);
        refill(editor, after);
        const expected = lineRuns(line, after).map((r) => [text.slice(r.start, r.end), r.ids]);
        expect(children(editor).map((c) => [c.text, c.ids])).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a claim run's ids when Lexical copies the node to write to it", () => {
    const editor = reader([span('a', 'Moscow')]);
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChild();
        if ($isParagraphNode(paragraph)) paragraph.getFirstChildOrThrow().getWritable();
      },
      { discrete: true },
    );
    expect(children(editor)[0]).toMatchObject({ text: 'Moscow', ids: ['a'] });
  });
});
