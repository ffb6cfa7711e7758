import { $createParagraphNode, $createTextNode, $getRoot, type ParagraphNode } from 'lexical';
import type { Line } from '../../shared/text/lines';
import { lineRuns, type Run, type Span } from '../../shared/text/runs';
import { $createClaimMarkNode } from './claim-mark-node';

/**
 * The document as Lexical nodes: one paragraph per line of the served text, so line breaks and
 * blank lines are kept and a paragraph's index maps straight back to a text offset. Each line is
 * drawn with the claims it has when the document opens, so that it is built once.
 */
export function $createLines(text: string, lines: readonly Line[], spansOfLine: readonly Span[][]): void {
  const root = $getRoot();
  root.clear();
  root.append(...lines.map((line, i) => $fillLine($createParagraphNode(), text, lineRuns(line, spansOfLine[i] ?? []))));
}

/** Replaces one paragraph's children with the line's runs: plain text, or a mark carrying claim ids. */
export function $fillLine(paragraph: ParagraphNode, text: string, runs: readonly Run[]): ParagraphNode {
  // One splice per paragraph: each append is a splice of its own.
  return paragraph.clear().append(
    ...runs.map((run) => {
      const textNode = $createTextNode(text.slice(run.start, run.end));
      return run.ids.length === 0 ? textNode : $createClaimMarkNode(run.ids).append(textNode);
    }),
  );
}
