/** A claim as the reader paints it. */
export interface ClaimLook {
  /** One colour per tag: a claim with several tags shows them all. */
  colours: readonly string[];
  /** An imported claim whose placement the analyst has not checked yet. */
  needsCheck: boolean;
  /** Which of the corpus's layers the claim is in (0, the first, when it has one): drawn in that layer's line style. */
  layer?: number;
}

const BAND_ALPHA = '4d';

/**
 * A run covered by several claims, or by a claim with several tags, shows all of them: the
 * background is split into one horizontal band per colour, and each adds its own underline, so
 * overlaps stay readable. A run of one
 * claim only names its colour; the stylesheet draws it (a gradient is drawn as an image, for
 * every run, at every repaint).
 */
export function paintRun(element: HTMLElement, ids: readonly string[], looks: ReadonlyMap<string, ClaimLook>) {
  const colours = ids.flatMap((id) => looks.get(id)?.colours ?? ['#888888']);
  if (colours.length === 1) element.style.cssText = `--claim: ${colours[0]}`;
  else {
    const share = 100 / colours.length;
    const bands = colours.map((c, i) => `${c}${BAND_ALPHA} ${i * share}% ${(i + 1) * share}%`);
    const underlines = colours.map((c, i) => `inset 0 -${(i + 1) * 2}px 0 ${c}`);
    element.style.cssText = `background: linear-gradient(to bottom, ${bands.join(', ')}); box-shadow: ${underlines.join(', ')}`;
  }
  element.dataset.claimIds = ids.join(' ');
  // The layers after the first underline in a line style of their own (dotted, then dashed).
  const layer = Math.min(2, Math.max(0, ...ids.map((id) => looks.get(id)?.layer ?? 0)));
  if (layer > 0) element.dataset.layer = String(layer);
  else delete element.dataset.layer;
  element.classList.toggle(
    'needs-check',
    ids.some((id) => looks.get(id)?.needsCheck),
  );
}
