import { partitionPoint } from '../partition-point';

/**
 * Offsets in the app are UTF-16 code units (JavaScript string indices). Python, brat and the W3C
 * Web Annotation model count Unicode code points; these helpers convert between the two without
 * letting astral characters (emoji, flags, mathematical letters) shift a span.
 */

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Sorted UTF-16 indices of the low surrogate of every astral character in `text`. */
function astralLowSurrogates(text: string): number[] {
  const found: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) found.push(i);
  }
  return found;
}

const countBelow = (sorted: number[], limit: number): number => partitionPoint(sorted, (n) => n < limit);

/** Converts offsets of one text in O(log n) each after one pass over the text. */
export class OffsetIndex {
  private readonly lows: number[];
  /** The code-point index of each astral character, ascending. */
  private readonly astralCodePoints: number[];

  constructor(readonly text: string) {
    this.lows = astralLowSurrogates(text);
    this.astralCodePoints = this.lows.map((low, k) => low - 1 - k);
  }

  /** Code points before UTF-16 offset `utf16` (each astral pair counts once). */
  toCodePoint(utf16: number): number {
    return utf16 - countBelow(this.lows, utf16);
  }

  /** UTF-16 offset of code point `codePoint`. */
  toUtf16(codePoint: number): number {
    return codePoint + countBelow(this.astralCodePoints, codePoint);
  }

  get codePointLength(): number {
    return this.toCodePoint(this.text.length);
  }
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Up to `codePoints` whole code points of `text` ending at `end`. */
export function codePointsBefore(text: string, end: number, codePoints: number): string {
  let start = end;
  for (let n = 0; n < codePoints && start > 0; n++) {
    start -= splitsSurrogatePair(text, start - 1) ? 2 : 1;
  }
  return text.slice(start, end);
}

/** Up to `codePoints` whole code points of `text` starting at `start`. */
export function codePointsAfter(text: string, start: number, codePoints: number): string {
  let end = start;
  for (let n = 0; n < codePoints && end < text.length; n++) {
    end += splitsSurrogatePair(text, end + 1) ? 2 : 1;
  }
  return text.slice(start, end);
}

/**
 * The passage reaching about `reach` code units either side of [start, end), cut at white space so
 * that the passage never begins or ends inside a word.
 */
export function passageAround(text: string, start: number, end: number, reach: number): { from: number; to: number } {
  let from = Math.max(0, start - reach);
  if (from > 0 && !/\s/.test(text[from - 1] ?? '')) {
    const space = text.slice(from, start).search(/\s/);
    from = space < 0 ? start : from + space + 1;
  }
  let to = Math.min(text.length, end + reach);
  if (to < text.length && !/\s/.test(text[to] ?? '')) {
    const space = text.slice(end, to).search(/\s\S*$/);
    to = space < 0 ? end : end + space;
  }
  return { from, to };
}
