import { type Line, lineIndexAt } from '../../shared/text/lines';

/**
 * Maps a DOM position inside the reader back to an offset in the served text. Each paragraph
 * element under the root is one line, and the characters before the position inside it are
 * exactly the line's characters, so counting them with a DOM Range is exact.
 */
export function domPositionToOffset(
  root: HTMLElement,
  lines: readonly Line[],
  container: Node,
  offset: number,
): number | undefined {
  if (!root.contains(container)) return undefined;
  if (container === root) {
    const line = lines[Math.min(offset, lines.length - 1)];
    if (!line) return undefined;
    return offset >= lines.length ? (lines[lines.length - 1] as Line).end : line.start;
  }
  let paragraph: Node = container;
  while (paragraph.parentNode !== root) {
    if (!paragraph.parentNode) return undefined;
    paragraph = paragraph.parentNode;
  }
  const index = Array.prototype.indexOf.call(root.childNodes, paragraph) as number;
  const line = lines[index];
  if (!line) return undefined;
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(container, offset);
  return Math.min(line.start + before.toString().length, line.end);
}

export interface TextRange {
  start: number;
  end: number;
}

/** The current DOM selection as a text range, trimmed of surrounding white space; null if none. */
export function selectionToRange(root: HTMLElement, lines: readonly Line[], text: string): TextRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  // A drag that starts or ends outside the reader takes the document from its start or to its end.
  let start = domPositionToOffset(root, lines, range.startContainer, range.startOffset) ?? 0;
  let end = domPositionToOffset(root, lines, range.endContainer, range.endOffset) ?? text.length;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : null;
}

/** The DOM position of a text offset inside the reader: the inverse of domPositionToOffset. */
export function offsetToDomPosition(
  root: HTMLElement,
  lines: readonly Line[],
  offset: number,
): { node: Node; offset: number } | undefined {
  const index = lineIndexAt(lines, offset);
  const paragraph = root.children[index];
  const line = lines[index];
  if (!paragraph || !line) return undefined;
  let remaining = Math.min(offset, line.end) - line.start;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.length) return { node, offset: remaining };
    remaining -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: paragraph, offset: 0 };
}

/** Makes the browser's selection cover a range of the served text (what keyboard selection and snapping show). */
export function selectTextRange(root: HTMLElement, lines: readonly Line[], range: TextRange): void {
  const start = offsetToDomPosition(root, lines, range.start);
  const end = offsetToDomPosition(root, lines, range.end);
  const selection = window.getSelection();
  if (!start || !end || !selection) return;
  selection.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
}
