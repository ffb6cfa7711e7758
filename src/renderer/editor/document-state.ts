import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';
import type { Line } from '../../shared/text/lines';
import { lineRuns, type Run, type Span, sameIds } from '../../shared/text/runs';
import { $createClaimMarkNode, ClaimMarkNode } from './claim-mark-node';

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

/**
 * Makes one paragraph's children the line's runs: plain text, or a mark carrying claim ids. The
 * children already showing the runs at either end are kept, so a new claim in a line with many
 * replaces only the runs it cuts, and the browser lays out and paints only those.
 */
export function $fillLine(paragraph: ParagraphNode, text: string, runs: readonly Run[]): ParagraphNode {
  const children = paragraph.getChildren();
  const shows = (node: LexicalNode | undefined, run: Run | undefined) =>
    node !== undefined &&
    run !== undefined &&
    (node instanceof ClaimMarkNode ? sameIds(node.getIDs(), run.ids) : run.ids.length === 0 && $isTextNode(node)) &&
    node.getTextContent() === text.slice(run.start, run.end);
  let head = 0;
  while (shows(children[head], runs[head])) head++;
  let tail = 0;
  const kept = Math.min(children.length, runs.length) - head;
  while (tail < kept && shows(children[children.length - 1 - tail], runs[runs.length - 1 - tail])) tail++;
  // One splice per paragraph: each append is a splice of its own.
  return paragraph.splice(
    head,
    children.length - head - tail,
    runs.slice(head, runs.length - tail).map((run) => {
      const words = text.slice(run.start, run.end);
      return run.ids.length === 0 ? $createTextNode(words) : $createClaimMarkNode(words, run.ids);
    }),
  );
}
