/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { type ClaimLook, paintRun } from '../../../src/renderer/editor/claim-colours';
import { expose, loadPayload, readerFrame } from './reader-page';

/**
 * The DOM baseline: the same text and the same <mark> elements (classes, data attributes and
 * inline colours the app gives them) written straight into the DOM, one paragraph per line.
 */
expose(async () => {
  const payload = await loadPayload();
  const { text } = readerFrame();
  const looks = new Map<string, ClaimLook>(
    Object.entries(payload.colours).map(([id, colour]) => [id, { colours: [colour], needsCheck: false }]),
  );
  const fragment = document.createDocumentFragment();
  for (const line of payload.runs) {
    const paragraph = document.createElement('p');
    paragraph.className = 'reader-line';
    for (const run of line) {
      const words = payload.text.slice(run.start, run.end);
      if (run.ids.length === 0) {
        paragraph.append(words);
        continue;
      }
      const mark = document.createElement('mark');
      mark.className = 'claim';
      mark.textContent = words;
      paintRun(mark, run.ids, looks);
      paragraph.append(mark);
    }
    if (line.length === 0) paragraph.append(document.createElement('br'));
    fragment.append(paragraph);
  }
  text.append(fragment);
  // Figure 2's floor: the key press wraps the selected words in a new mark, and does nothing else.
  let made = 0;
  window.addEventListener('keydown', (event) => {
    const selection = window.getSelection();
    if (event.key !== '1' || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const id = `new-${++made}`;
    const mark = document.createElement('mark');
    mark.className = 'claim';
    mark.append(range.extractContents());
    paintRun(mark, [id], new Map([[id, { colours: ['#d62728'], needsCheck: false }]]));
    range.insertNode(mark);
    selection.removeAllRanges();
  });
});
