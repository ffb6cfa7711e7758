/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import '@recogito/text-annotator/text-annotator.css';
import { type Color, createTextAnnotator, type TextAnnotation } from '@recogito/text-annotator';
import { expose, loadPayload, readerFrame } from './reader-page';

/**
 * The peer library, @recogito/text-annotator: the same text, one paragraph per line, and the same
 * claims loaded through its API, each in its tag's colour. It draws the highlights in view.
 */
expose(async () => {
  const payload = await loadPayload();
  const { text } = readerFrame();
  const fragment = document.createDocumentFragment();
  for (const line of payload.lines) {
    const paragraph = document.createElement('p');
    paragraph.className = 'reader-line';
    paragraph.textContent = payload.text.slice(line.start, line.end);
    fragment.append(paragraph);
  }
  text.append(fragment);
  const colours = new Map(payload.peer.map((claim) => [claim.id, claim.colour]));
  const annotator = createTextAnnotator(text, {
    style: (annotation) => ({ fill: (colours.get(annotation.id) ?? '#888888') as Color, fillOpacity: 0.3 }),
  });
  const annotations = payload.peer.map(
    (claim): TextAnnotation =>
      ({
        id: claim.id,
        bodies: [],
        target: { annotation: claim.id, selector: [{ quote: claim.quote, start: claim.start, end: claim.end }] },
      }) as unknown as TextAnnotation,
  );
  annotator.setAnnotations(annotations);
});
