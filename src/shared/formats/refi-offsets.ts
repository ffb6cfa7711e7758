import { partitionPoint } from '../partition-point';
import { OffsetIndex } from '../text/offsets';

/**
 * How a REFI-QDA file counts positions in a text. The standard counts Unicode code points with
 * the end exclusive; NVivo counts UTF-16 code units, and ATLAS.ti counts a CRLF line ending as
 * one character. A file's convention is found from the selections that quote their text (in
 * their `name`), and a selection whose quote does not match its place is never placed there.
 */
export interface Convention {
  unit: 'codepoint' | 'utf16';
  /** True when a CRLF line ending counts as one character. */
  crlfAsOne: boolean;
}

/** The standard's first, so that a file where every convention agrees is read as the standard says. */
export const CONVENTIONS: readonly Convention[] = [
  { unit: 'codepoint', crlfAsOne: false },
  { unit: 'utf16', crlfAsOne: false },
  { unit: 'codepoint', crlfAsOne: true },
  { unit: 'utf16', crlfAsOne: true },
];

export const describeConvention = (c: Convention) =>
  `${c.unit === 'codepoint' ? 'Unicode code points, as the standard counts' : 'UTF-16 code units (as NVivo counts)'}, ${
    c.crlfAsOne ? 'a CRLF line ending as one character (as ATLAS.ti counts)' : 'a CRLF line ending as two characters'
  }`;

/** Converts positions of one text under each convention to the app's UTF-16 offsets. */
export class TextPositions {
  private readonly full: OffsetIndex;
  private readonly collapsed: OffsetIndex;
  /** Where each CRLF's line feed sits in the text with CRLFs collapsed to one character. */
  private readonly collapsedBreaks: number[] = [];

  constructor(readonly text: string) {
    this.full = new OffsetIndex(text);
    const collapsed = text.replace(/\r\n/g, '\n');
    this.collapsed = new OffsetIndex(collapsed);
    for (let i = text.indexOf('\r\n'), k = 0; i !== -1; i = text.indexOf('\r\n', i + 2), k++) {
      this.collapsedBreaks.push(i - k);
    }
  }

  /** True when the conventions can disagree on this text: it has astral characters or CRLFs. */
  get ambiguous(): boolean {
    return this.collapsedBreaks.length > 0 || this.full.codePointLength !== this.text.length;
  }

  /** The UTF-16 offset of `position` as `convention` counts it, or undefined past the text's end. */
  toUtf16(position: number, convention: Convention): number | undefined {
    if (!Number.isSafeInteger(position) || position < 0) return undefined;
    if (!convention.crlfAsOne) return this.within(this.full, position, convention);
    const collapsed = this.within(this.collapsed, position, convention);
    if (collapsed === undefined) return undefined;
    // Every CRLF before it gave back the carriage return the collapsed text left out.
    return collapsed + partitionPoint(this.collapsedBreaks, (at) => at < collapsed);
  }

  private within(index: OffsetIndex, position: number, convention: Convention): number | undefined {
    const length = convention.unit === 'codepoint' ? index.codePointLength : index.text.length;
    if (position > length) return undefined;
    return convention.unit === 'codepoint' ? index.toUtf16(position) : position;
  }

  /** The text between two positions as `convention` counts them, or undefined when they are not a span of it. */
  span(start: number, end: number, convention: Convention): { start: number; end: number } | undefined {
    const from = this.toUtf16(start, convention);
    const to = this.toUtf16(end, convention);
    if (from === undefined || to === undefined || to < from) return undefined;
    return { start: from, end: to };
  }
}

/** Words only: tools shorten, re-space and put ellipses in the names they give selections. */
const words = (text: string) =>
  text
    .normalize('NFC')
    .replace(/(\.\.\.|…)\s*$/u, '')
    .replace(/[\s\u00A0]+/gu, ' ')
    .trim()
    .toLocaleLowerCase();

/** The shortest name that can tell conventions apart: "a" quotes half the words of a text. */
const EVIDENCE = 4;

/**
 * Whether a selection's name quotes the text it selects: `yes` when it does, `no` when it is a
 * quote of something else, `unknown` when it is too short or no quote at all (a label such as
 * "Quote 12"). A name counts as a quote when it is, word for word, the start of the selected text:
 * tools shorten long quotes, and a selection one character off cuts or adds a word.
 */
export function quotes(name: string | undefined, selected: string): 'yes' | 'no' | 'unknown' {
  if (name === undefined) return 'unknown';
  const quote = words(name);
  if (quote.length < EVIDENCE) return 'unknown';
  return words(selected).startsWith(quote) ? 'yes' : 'no';
}
