import { $createMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createTextNode, $getRoot, type ParagraphNode } from 'lexical';
import type { Run } from '../../shared/text/runs';

/**
 * The document as Lexical nodes: one paragraph per line of the served text, so line breaks and
 * blank lines are kept and a paragraph's index maps straight back to a text offset. The
 * paragraphs start empty; ClaimMarksPlugin fills each with its runs.
 */
export function $createLineParagraphs(count: number): void {
  const root = $getRoot();
  root.clear();
  for (let i = 0; i < count; i++) root.append($createParagraphNode());
}

/** Replaces one paragraph's children with the line's runs: plain text, or a mark carrying claim ids. */
export function $fillLine(paragraph: ParagraphNode, text: string, runs: readonly Run[]): void {
  paragraph.clear();
  for (const run of runs) {
    const textNode = $createTextNode(text.slice(run.start, run.end));
    if (run.ids.length === 0) paragraph.append(textNode);
    else paragraph.append($createMarkNode(run.ids).append(textNode));
  }
}
