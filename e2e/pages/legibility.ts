import type { Page } from '@playwright/test';

/**
 * Every visible piece of text whose colour, laid over the backgrounds it sits on, has less
 * contrast than WCAG AA asks (4.5:1; 3:1 for large text), one line each. axe leaves text over a
 * translucent backdrop "incomplete" and passes it: this check composites the layers itself, so a
 * white label on a white button in a dialog is found.
 */
export function lowContrastText(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, below: Rgba): Rgba => {
      const a = top[3] + below[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + below[i] * below[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    /** The background an element's text is drawn on: its own and its ancestors' colours, composited. */
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let at: Element | null = element; at; at = at.parentElement) {
        const colour = parse(getComputedStyle(at).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const found: string[] = [];
    const root = document.querySelector(selector);
    if (!root) return [`nothing matches ${selector}`];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || seen.has(element) || !node.textContent?.trim()) continue;
      seen.add(element);
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || style.visibility === 'hidden' || element.closest('[hidden], option')) continue;
      if (element.closest('button:disabled, select:disabled, input:disabled, [aria-disabled="true"]')) continue;
      let opacity = 1;
      for (let at: Element | null = element; at; at = at.parentElement) opacity *= Number(getComputedStyle(at).opacity);
      const background = backgroundOf(element);
      const ink = parse(style.color);
      const text = over([ink[0], ink[1], ink[2], ink[3] * opacity], background);
      const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        found.push(
          `"${node.textContent.trim().slice(0, 40)}" ${ratio.toFixed(2)}:1 (${style.color} on rgb(${background.slice(0, 3).map(Math.round).join(', ')}))`,
        );
      }
    }
    return found;
  }, within);
}

/**
 * Controls and text that stick out of the window or are cut off by their container: one line
 * each, naming the element by its text or label.
 */
export function overflowing(page: Page, within: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const name = (element: Element) =>
      (element.getAttribute('aria-label') ?? element.textContent ?? element.tagName).trim().slice(0, 40);
    for (const root of document.querySelectorAll(selector)) {
      const outer = root.getBoundingClientRect();
      if (outer.bottom > innerHeight + 1 || outer.right > innerWidth + 1 || outer.top < -1 || outer.left < -1) {
        found.push(`${selector} "${name(root)}" runs out of the window`);
      }
      for (const element of root.querySelectorAll('button, select, input, label, a, h1, h2, h3, [role="status"]')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (getComputedStyle(element).visibility === 'hidden') continue;
        // Inside a scrolling list, being scrolled out of view is not being cut off.
        let clipped = false;
        for (let at = element.parentElement; at && at !== root.parentElement; at = at.parentElement) {
          const style = getComputedStyle(at);
          if (/(auto|scroll)/.test(style.overflowY + style.overflowX)) break;
          if (style.overflow === 'visible') continue;
          const clip = at.getBoundingClientRect();
          if (box.right > clip.right + 1 || box.left < clip.left - 1 || box.bottom > clip.bottom + 1) {
            clipped = true;
            break;
          }
        }
        if (clipped) found.push(`"${name(element)}" is cut off by its container`);
        else if (box.right > outer.right + 1 || box.left < outer.left - 1) found.push(`"${name(element)}" sticks out`);
        // A select draws and scrolls its options itself.
        else if (
          element.tagName !== 'SELECT' &&
          element.scrollWidth > element.clientWidth + 1 &&
          getComputedStyle(element).textOverflow !== 'ellipsis'
        )
          found.push(`"${name(element)}" has text wider than itself`);
      }
    }
    return found;
  }, within);
}

/**
 * Visible words in Latin letters outside anything marked `translate="no"` (the corpus's text,
 * titles, names, codebook labels, file names), one line per element: in the Russian interface
 * each is a string that missed the messages. `allowed` lists the few Latin words Russian keeps
 * (format and product names, keys).
 */
export function untranslatedText(page: Page, allowed: readonly string[]): Promise<string[]> {
  return page.evaluate((allowed) => {
    const found: string[] = [];
    const ok = new Set(allowed.map((word) => word.toLowerCase()));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent ?? '';
      if (!element || !/[A-Za-z]{2}/.test(text)) continue;
      if (element.closest('[translate="no"], kbd, code, script, style, option')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      const words = (text.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter(
        (word) => word.length > 1 && !ok.has(word.toLowerCase()),
      );
      if (words.length > 0) found.push(`${element.tagName.toLowerCase()}: "${text.trim().slice(0, 60)}"`);
    }
    return found;
  }, allowed);
}
