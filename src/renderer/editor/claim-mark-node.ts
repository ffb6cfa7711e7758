import { type EditorConfig, type LexicalEditor, type NodeKey, TextNode } from 'lexical';
import { type Line, lineIndexAt } from '../../shared/text/lines';
import type { Span } from '../../shared/text/runs';
import { type ClaimLook, paintRun } from './claim-colours';

/** What an editor's claim marks look like now: each claim's colour, and the claim the analyst selected. */
export interface ClaimPaint {
  looks: ReadonlyMap<string, ClaimLook>;
  selectedId: string | null;
}

const NO_PAINT: ClaimPaint = { looks: new Map(), selectedId: null };
const paints = new WeakMap<LexicalEditor, ClaimPaint>();

/** Sets the paint the editor's marks are drawn with from now on (existing marks: see repaintClaims). */
export function setClaimPaint(editor: LexicalEditor, paint: ClaimPaint): void {
  paints.set(editor, paint);
}

function paintMark(element: HTMLElement, ids: readonly string[], { looks, selectedId }: ClaimPaint): void {
  paintRun(element, ids, looks);
  element.classList.toggle('is-selected', selectedId !== null && ids.includes(selectedId));
}

const NO_IDS: readonly string[] = [];

/**
 * A run of text covered by claims, drawn as one `<mark>` holding its text, carrying the claims'
 * ids. A text node of its own kind rather than a mark element around a text node: the reader
 * makes one element per run instead of two (a long document opens with a third fewer elements),
 * and Lexical never merges it with the plain text beside it. It paints itself as its element is
 * made, before it joins the page: styling an element already on the page makes the browser
 * restyle it again. The reader is read-only, so its text never changes in place: a changed run
 * is made again.
 */
export class ClaimMarkNode extends TextNode {
  __ids: readonly string[];

  override $config() {
    return this.config('claim-mark', { extends: TextNode });
  }

  constructor(text = '', ids: readonly string[] = NO_IDS, key?: NodeKey) {
    super(text, key);
    this.__ids = ids;
  }

  override afterCloneFrom(previous: this): void {
    super.afterCloneFrom(previous);
    this.__ids = previous.__ids;
  }

  getIDs(): readonly string[] {
    return this.getLatest().__ids;
  }

  override createDOM(_config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const element = document.createElement('mark');
    element.className = 'claim';
    element.append(this.__text);
    paintMark(element, this.__ids, (editor && paints.get(editor)) ?? NO_PAINT);
    return element;
  }

  override updateDOM(previous: this): boolean {
    return previous.__ids !== this.__ids || previous.__text !== this.__text;
  }
}

export const $createClaimMarkNode = (text: string, ids: readonly string[]): ClaimMarkNode =>
  new ClaimMarkNode(text, ids);

/** Past this many changed claims, every mark is repainted rather than each claim's looked up. */
const LOOKUP_LIMIT = 16;

/** A claim's mark elements, looked for only in the lines its span covers (the root's children). */
export function claimMarks(root: HTMLElement, lines: readonly Line[], span: Span): HTMLElement[] {
  const first = lineIndexAt(lines, span.start);
  const last = lineIndexAt(lines, Math.max(span.start, span.end - 1));
  const selector = `mark[data-claim-ids~="${CSS.escape(span.id)}"]`;
  const found: HTMLElement[] = [];
  for (let i = first; i <= last; i++) found.push(...(root.children[i]?.querySelectorAll<HTMLElement>(selector) ?? []));
  return found;
}

/**
 * Repaints the marks of the claims whose look differs between two paints, `spans` being where
 * the claims are now. A claim new in `after` is not looked for: its marks are made, and painted,
 * after this, so a new claim costs no repaint at all.
 */
export function repaintClaims(
  root: HTMLElement,
  lines: readonly Line[],
  spans: readonly Span[],
  before: ClaimPaint,
  after: ClaimPaint,
): void {
  const changed = new Set<string>();
  for (const [id, look] of after.looks) {
    const was = before.looks.get(id);
    if (
      was &&
      was !== look &&
      (was.colours.join() !== look.colours.join() || was.needsCheck !== look.needsCheck || was.layer !== look.layer)
    )
      changed.add(id);
  }
  if (before.selectedId !== after.selectedId) {
    for (const id of [before.selectedId, after.selectedId]) if (id !== null && before.looks.has(id)) changed.add(id);
  }
  if (changed.size === 0) return;
  const marks =
    changed.size > LOOKUP_LIMIT
      ? root.querySelectorAll<HTMLElement>('mark[data-claim-ids]')
      : spans.filter((span) => changed.has(span.id)).flatMap((span) => claimMarks(root, lines, span));
  for (const element of marks) paintMark(element, (element.dataset.claimIds ?? '').split(' '), after);
}
