import type { Segment } from '../model/document';
import { type Line, splitLines } from '../text/lines';
import {
  BOILERPLATE_RULES,
  EarlierLines,
  isNameLine,
  type LineFeatures,
  lineFeatures,
  METADATA_RULES,
} from './line-rules';

type Kind = Segment['kind'];

/** A non-blank line and what the rules see in it. */
interface Unit extends LineFeatures {
  line: Line;
}

/**
 * jusText's classes for a line no explicit rule recognised: long and dense in stop words
 * ('good'), prose-like but not conclusive ('neargood'), too short to judge alone ('short'), or
 * long without function words, like a menu or a headline list ('bad').
 */
type Quality = 'good' | 'neargood' | 'short' | 'bad';

// jusText's length limits; the density limits are lower than its 0.30/0.32 because our stop-word
// lists are short and Russian has no articles.
const SHORT_CHARS = 70;
const LONG_CHARS = 200;
const STOPS_LOW = 0.15;
const STOPS_HIGH = 0.25;
/** Without an article paragraph to anchor on, the title is looked for in this many first lines. */
const TITLE_WINDOW = 5;
const SENTENCE_END = /[.!?…:;»"“”'’)]$/u;

/**
 * Splits `text` into title, metadata, body and boilerplate ranges. The text is never changed.
 *
 * Ranges are made of whole lines: a range starts where its first line starts and ends where its
 * last line ends (before that line's break). Consecutive non-blank lines of one kind form one
 * range, and the line breaks and blank lines between them belong to it; the break after a range's
 * last line and blank lines between ranges of different kinds belong to none. Every non-blank
 * line is in exactly one range; ranges are sorted and disjoint.
 */
export function segmentText(text: string): Segment[] {
  const units: Unit[] = splitLines(text).flatMap((line) => {
    const features = lineFeatures(text.slice(line.start, line.end));
    return features.text ? [{ ...features, line }] : [];
  });
  const kinds = classify(units);
  const segments: Segment[] = [];
  units.forEach((unit, i) => {
    const kind = kinds[i] as Kind;
    const last = segments.at(-1);
    if (last?.kind === kind) last.end = unit.line.end;
    else segments.push({ kind, start: unit.line.start, end: unit.line.end });
  });
  return segments;
}

function classify(units: readonly Unit[]): Kind[] {
  const kinds = explicitKinds(units);
  const quality = units.map(qualityOf);
  const open = (q: Quality) => quality.flatMap((each, i) => (!kinds[i] && each === q ? [i] : []));
  // The article's core: its long prose paragraphs or, on a page of short paragraphs, its prose-like ones.
  const core = open('good').length > 0 ? open('good') : open('neargood');
  const first = core[0];

  // A title heads something, so a text's last line is never its title.
  const title = findTitle(units, kinds, first ?? Math.min(units.length - 1, TITLE_WINDOW));
  if (title !== undefined) kinds[title] = 'title';

  // A short page with no prose to anchor on stays readable rather than hidden.
  if (first === undefined) return kinds.map((kind, i) => kind ?? (quality[i] === 'bad' ? 'boilerplate' : 'body'));

  for (const i of core) kinds[i] = 'body';
  for (const i of open('bad')) kinds[i] = 'boilerplate';
  const byContext = kinds.map((kind) => !kind);
  // jusText's context step: a prose-like line is body next to body; a short one only between body.
  resolveFromNeighbours(kinds, quality, 'neargood', (before, after) => before || after);
  resolveFromNeighbours(kinds, quality, 'short', (before, after) => before && after);
  const decided = kinds as Kind[];
  markBylines(units, decided, byContext);
  return decided;
}

/**
 * A name alone that context decided is a byline when it sits under the headline or next to other
 * metadata, and a signature when it is just outside the article's first or last paragraph. A name
 * between two paragraphs stays body: it is a subheading.
 */
function markBylines(units: readonly Unit[], kinds: Kind[], byContext: readonly boolean[]): void {
  units.forEach((unit, i) => {
    if (!byContext[i] || !isNameLine(unit.text)) return;
    const [before, after] = [kinds[i - 1], kinds[i + 1]];
    const header = before === 'title' || before === 'metadata' || after === 'metadata';
    const signature = kinds[i] === 'boilerplate' && (before === 'body' || after === 'body');
    if (header || signature) kinds[i] = 'metadata';
  });
}

/**
 * Kinds from the explicit rules: metadata first, so that a dated header with a URL is not a link
 * line, except for a second copy of a line: a byline or stamp printed again in the footer adds
 * nothing, and as metadata it would sit between the footer's folds.
 */
function explicitKinds(units: readonly Unit[]): (Kind | undefined)[] {
  const metadata = Object.values(METADATA_RULES);
  const boilerplate = Object.values(BOILERPLATE_RULES);
  const earlier = new EarlierLines();
  return units.map((unit) => {
    let kind: Kind | undefined;
    if (BOILERPLATE_RULES.repeatedLine?.(unit, earlier)) kind = 'boilerplate';
    else if (metadata.some((rule) => rule(unit, earlier))) kind = 'metadata';
    else if (boilerplate.some((rule) => rule(unit, earlier))) kind = 'boilerplate';
    earlier.add(unit);
    return kind;
  });
}

function qualityOf({ text, stopDensity }: LineFeatures): Quality {
  if (text.length < SHORT_CHARS) return 'short';
  if (stopDensity < STOPS_LOW) return 'bad';
  if (text.length >= LONG_CHARS && stopDensity >= STOPS_HIGH) return 'good';
  // Paragraphs end like sentences; a headline in a related-articles list does not, so it needs
  // body on both sides, as a subheading has.
  return SENTENCE_END.test(text) ? 'neargood' : 'short';
}

/**
 * The first line before `limit` that no rule claimed and that reads like a headline: a few words,
 * no closing period or comma, and not a menu (all capitalised words and no function word).
 */
function findTitle(units: readonly Unit[], kinds: readonly (Kind | undefined)[], limit: number): number | undefined {
  for (let i = 0; i < limit; i++) {
    const { text, words, stopDensity } = units[i] as Unit;
    const menu = stopDensity === 0 && !/(?:^|\s)\p{Ll}/u.test(text);
    if (!kinds[i] && words.length >= 3 && words.length <= 30 && !/[.,;:]$/u.test(text) && !menu) return i;
  }
  return undefined;
}

/**
 * Decides every undecided line of `quality` from the nearest decided line on each side; `rule`
 * gets whether each of those belongs to the article. The headline does (so a short standfirst
 * under it is body); the text's edges do not.
 */
function resolveFromNeighbours(
  kinds: (Kind | undefined)[],
  quality: readonly Quality[],
  which: Quality,
  rule: (before: boolean, after: boolean) => boolean,
): void {
  const before: boolean[] = [];
  let body = false;
  kinds.forEach((kind, i) => {
    before[i] = body;
    if (kind) body = kind === 'body' || kind === 'title';
  });
  body = false;
  for (let i = kinds.length - 1; i >= 0; i--) {
    const kind = kinds[i];
    if (!kind && quality[i] === which) kinds[i] = rule(before[i] as boolean, body) ? 'body' : 'boilerplate';
    else if (kind) body = kind === 'body' || kind === 'title';
  }
}
