/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import '../../../src/renderer/styles.css';

/** What the Node side writes for the DOM baseline and the peer library: the document and its claims. */
export interface ReaderPayload {
  title: string;
  text: string;
  lines: { start: number; end: number }[];
  /** Per line, the runs the app draws: a stretch of text and the claims covering it (maybe none). */
  runs: { start: number; end: number; ids: string[] }[][];
  /** Each claim's colour (its first tag's). */
  colours: Record<string, string>;
  /** The claims for the peer library: offsets into the lines' text joined without line breaks. */
  peer: { id: string; start: number; end: number; quote: string; colour: string }[];
}

export const loadPayload = async (): Promise<ReaderPayload> => (await fetch('/data/reader.json')).json();

/**
 * An empty reader with the app's classes and styles, as large as the app's reader (its size
 * comes in the query string), so that text lays out in the same lines.
 */
export function readerFrame(): { scroller: HTMLElement; text: HTMLElement } {
  const query = new URLSearchParams(location.search);
  const scroller = document.createElement('div');
  scroller.className = 'reader-scroll';
  scroller.style.width = `${query.get('width') ?? 800}px`;
  scroller.style.height = `${query.get('height') ?? 700}px`;
  scroller.style.flex = 'none';
  const text = document.createElement('div');
  text.className = 'reader-text';
  text.setAttribute('aria-label', 'Document text');
  scroller.append(text);
  document.getElementById('root')?.replaceChildren(scroller);
  return { scroller, text };
}

export function expose(open: () => Promise<void>): void {
  (window as unknown as { benchOpen(): Promise<void> }).benchOpen = open;
}
