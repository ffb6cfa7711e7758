import { Parser } from 'htmlparser2';
import { outletByUrl } from './outlets';

/** What an HTML page yields: the text served to the analyst and the page's own metadata. */
export interface HtmlExtract {
  /** The visible text; annotation offsets point into it, so it is built once and never rewritten. */
  text: string;
  title?: string;
  url?: string;
  /** YYYY-MM-DD when the page's value could be read as a date, else the value as the page gives it. */
  date?: string;
  author?: string;
  site?: string;
  description?: string;
  language?: string;
}

/**
 * Elements whose content never reaches the text: code, styling, fallbacks for missing features,
 * embedded documents, form controls' values and the head (read for metadata only). svg and math
 * hold drawing instructions and formula markup, not prose.
 */
const SKIPPED = tags(
  'head title script style noscript template svg math iframe object noembed noframes canvas audio video textarea select',
);
/** Blocks separated by a blank line (a single newline inside a list item or table cell). */
const PARAGRAPH_BLOCKS = tags(
  'address article aside blockquote body caption center details dialog div dl fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr html legend main menu nav ol p pre section summary table ul',
);
/** Blocks that are one line each. */
const LINE_BLOCKS = tags('li dt dd tr');
/** Inside these, paragraphs only start a new line, so a nested list does not fall apart. */
const COMPACT_CONTEXTS = tags('li dt dd td th');
const CELLS = tags('td th');
const META_KEYS = tags('og:title og:url og:site_name og:description article:published_time author description');

function tags(names: string): ReadonlySet<string> {
  return new Set(names.split(' '));
}

/**
 * htmlparser2 keeps its open elements with Array#unshift/shift and searches them on end tags: each
 * tag costs O(depth), so 100,000 nested <div>s take seconds and a 20 MB file of them would never
 * finish. Past this depth (browsers cap nesting too: 512 in Chromium) the parser is restarted
 * after the current tag: still-open elements are forgotten and their end tags become strays, which
 * flattens the layout of absurdly deep markup but keeps the whole pass linear.
 */
const MAX_DEPTH = 512;
/** Elements whose content the tokenizer reads as raw text: a restart after one would parse its content as HTML. */
const RAW_TEXT = tags('script style title textarea xmp iframe noembed noframes plaintext');

/**
 * HTML → the text a reader sees, plus metadata. Only parses: nothing is executed or fetched, and
 * attribute values (alt, href, onerror…) never reach the text. One streaming pass with counters
 * instead of a tree: constant work per event, and depth costs no call stack.
 */
export function extractHtml(html: string): HtmlExtract {
  const extractor = new Extractor();
  let rest = html;
  for (;;) {
    let restart = false;
    const parser: Parser = new Parser(
      {
        onopentag(name, attributes) {
          extractor.open(name, attributes);
          if (extractor.depth > MAX_DEPTH && !RAW_TEXT.has(name)) {
            restart = true;
            parser.pause();
          }
        },
        ontext: (text) => extractor.text(text),
        onclosetag: (name) => extractor.close(name),
      },
      { decodeEntities: true },
    );
    parser.write(rest);
    if (!restart) {
      parser.end();
      break;
    }
    // Inside hidden content the rest cannot be placed outside it: stop rather than show it.
    if (extractor.hiding) break;
    extractor.forgetOpenElements();
    rest = rest.slice(parser.startIndex);
  }
  return extractor.result();
}

/** Turns parser events into text and metadata. */
class Extractor {
  /** Open elements, as the current parser sees them. */
  depth = 0;
  private readonly writer = new TextWriter();
  private readonly meta = new Map<string, string>();
  private titleParts: string[] = [];
  /** Depth of the element that hides everything inside it; 0 when nothing is hidden. */
  private skipDepth = 0;
  private preDepth = 0;
  private compactDepth = 0;
  /** Inside svg or math, whose <title> is a tooltip, not the page's title. */
  private foreignDepth = 0;
  private articleDepth = 0;
  private inTitle = false;

  get hiding(): boolean {
    return this.skipDepth > 0;
  }

  open(name: string, attributes: Attributes) {
    this.depth++;
    if (name === 'svg' || name === 'math') this.foreignDepth++;
    if (name === 'article') this.articleDepth++;
    if (name === 'title' && this.foreignDepth === 0 && !this.meta.has('title-element')) {
      this.inTitle = true;
      this.titleParts = [];
    }
    // Read even where text is skipped: most metadata lives in <head>.
    this.readMetadata(name, attributes);
    if (this.skipDepth > 0) return;
    if (SKIPPED.has(name) || isHidden(attributes)) {
      this.skipDepth = this.depth;
      return;
    }
    if (name === 'br') this.writer.lineBreak();
    else if (CELLS.has(name)) this.writer.cellBreak();
    else if (PARAGRAPH_BLOCKS.has(name)) this.paragraphBreak();
    else if (LINE_BLOCKS.has(name)) this.writer.requestBreak(1);
    if (COMPACT_CONTEXTS.has(name)) this.compactDepth++;
    if (name === 'pre') {
      this.preDepth++;
      this.writer.startPreformatted();
    }
  }

  text(text: string) {
    if (this.inTitle) this.titleParts.push(text);
    else if (this.skipDepth > 0) return;
    else if (this.preDepth > 0) this.writer.preformatted(text);
    else this.writer.inline(text);
  }

  close(name: string) {
    if (name === 'svg' || name === 'math') this.foreignDepth--;
    if (name === 'article') this.articleDepth--;
    if (name === 'title' && this.inTitle) {
      this.inTitle = false;
      this.remember('title-element', this.titleParts.join(''));
    }
    if (this.skipDepth > 0) {
      if (this.depth === this.skipDepth) this.skipDepth = 0;
    } else {
      if (COMPACT_CONTEXTS.has(name)) this.compactDepth--;
      if (name === 'pre') this.preDepth--;
      if (PARAGRAPH_BLOCKS.has(name)) this.paragraphBreak();
      else if (LINE_BLOCKS.has(name)) this.writer.requestBreak(1);
    }
    this.depth--;
  }

  /** For a restarted parser, every element is closed (never hidden: see `extractHtml`). */
  forgetOpenElements() {
    this.depth = this.preDepth = this.compactDepth = this.foreignDepth = this.articleDepth = 0;
  }

  result(): HtmlExtract {
    const meta = this.meta;
    const date = meta.get('article:published_time') ?? meta.get('time-in-article') ?? meta.get('time');
    const url = meta.get('canonical') ?? meta.get('og:url');
    return {
      text: this.writer.toString(),
      title: meta.get('og:title') ?? meta.get('title-element'),
      url,
      date: date === undefined ? undefined : isoDate(date),
      author: meta.get('author'),
      // A page without og:site_name is still known by its domain when the outlet is a known one.
      site: meta.get('og:site_name') ?? outletByUrl(url)?.name,
      description: meta.get('og:description') ?? meta.get('description'),
      language: meta.get('lang'),
    };
  }

  private paragraphBreak() {
    this.writer.requestBreak(this.compactDepth > 0 ? 1 : 2);
  }

  /** The first value of each key wins. */
  private remember(key: string, value: string | undefined) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean && !this.meta.has(key)) this.meta.set(key, clean);
  }

  private readMetadata(name: string, attributes: Attributes) {
    if (name === 'html') this.remember('lang', attributes.lang);
    else if (name === 'meta') {
      // Sites mix up property= (Open Graph) and name= (HTML); either is accepted for every key.
      const key = (attributes.property ?? attributes.name ?? '').trim().toLowerCase();
      if (META_KEYS.has(key)) this.remember(key, attributes.content);
    } else if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attributes.rel ?? '')) {
      this.remember('canonical', attributes.href);
    } else if (name === 'time' && attributes.datetime !== undefined) {
      // A <time> in the article is its date; one elsewhere may be today's date in the page header.
      this.remember(this.articleDepth > 0 ? 'time-in-article' : 'time', attributes.datetime);
    }
  }
}

type Attributes = Record<string, string>;

/** Hidden from readers (and from screen readers, for aria-hidden), or styled away inline. */
function isHidden(attributes: Attributes): boolean {
  return (
    attributes.hidden !== undefined ||
    attributes['aria-hidden']?.trim().toLowerCase() === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attributes.style ?? '')
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The calendar date as the page writes it, as YYYY-MM-DD. The date is read, not converted: a
 * publication time of 00:30+03:00 belongs to that day, though it is the day before in UTC.
 * Accepts ISO 8601 (what datetime= and article:published_time hold), 31.12.2021 (common on Russian
 * sites) and English month names (RFC 2822 feeds, "September 10, 2021").
 */
function isoDate(value: string): string {
  const [year, month, day] = dateParts(value) ?? [];
  if (year === undefined || month === undefined || day === undefined) return value.trim();
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March: a date that moved was not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return value.trim();
  }
  return date.toISOString().slice(0, 10);
}

/** [year, month, day] as written in one of the accepted forms. */
function dateParts(value: string): (number | undefined)[] | undefined {
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(value);
  if (iso) return [iso[1], iso[2], iso[3]].map(Number);
  const dotted = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(value);
  if (dotted) return [dotted[3], dotted[2], dotted[1]].map(Number);
  const dayMonth = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(value);
  if (dayMonth) return [Number(dayMonth[3]), monthNumber(dayMonth[2]), Number(dayMonth[1])];
  const monthDay = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(value);
  if (monthDay) return [Number(monthDay[3]), monthNumber(monthDay[1]), Number(monthDay[2])];
  return undefined;
}

function monthNumber(name: string | undefined): number | undefined {
  const index = MONTHS.indexOf(name?.toLowerCase() ?? '');
  return index === -1 ? undefined : index + 1;
}

/**
 * Builds the text the way a browser lays it out, minus styling: inline whitespace collapses to one
 * space, blocks ask for line breaks that are only written once more text follows (so there are no
 * leading, trailing or doubled blank lines), and <pre> text is kept as written.
 */
class TextWriter {
  private readonly parts: string[] = [];
  /** Newlines owed before the next text: 1 ends a line, 2 leaves a blank line. Never more. */
  private breaks = 0;
  private space = false;
  private tab = false;
  private lineHasText = false;
  /**
   * Before a <pre>'s first text, whose first newline HTML drops (and which, after an inner <code>,
   * would otherwise add a blank line).
   */
  private preStart = false;

  requestBreak(count: 1 | 2) {
    if (this.parts.length > 0) this.breaks = Math.max(this.breaks, count);
  }

  /** <br>: each one ends a line, so two leave a blank line. */
  lineBreak() {
    if (this.parts.length > 0) this.breaks = Math.min(this.breaks + 1, 2);
  }

  /** Table cells of a row are separated by a tab, as browsers copy them. */
  cellBreak() {
    if (this.lineHasText) this.tab = true;
  }

  startPreformatted() {
    this.preStart = true;
  }

  inline(text: string) {
    // HTML whitespace only: U+00A0 (&nbsp;) is a character, not layout, and stays.
    const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed.startsWith(' ')) this.space = true;
    let content = collapsed.slice(collapsed.startsWith(' ') ? 1 : 0, collapsed.endsWith(' ') ? -1 : undefined);
    if (content === '') return;
    this.flushBreaks();
    // …but a line does not start with a no-break space either (spacer paragraphs vanish).
    if (!this.lineHasText) content = content.replace(/^\s+/, '');
    if (content === '') return;
    this.write(content);
    this.space = collapsed.endsWith(' ');
  }

  preformatted(text: string) {
    const content = this.preStart ? text.replace(/^\r?\n/, '') : text;
    this.preStart = false;
    if (content === '') return;
    this.flushBreaks();
    this.write(content);
  }

  toString(): string {
    // Only a <pre> can start with blank lines; its indentation is kept.
    return this.parts
      .join('')
      .replace(/^\s*\n/, '')
      .trimEnd();
  }

  private write(content: string) {
    if (this.lineHasText && this.tab) this.parts.push('\t');
    else if (this.lineHasText && this.space) this.parts.push(' ');
    this.parts.push(content);
    this.lineHasText = true;
    this.space = false;
    this.tab = false;
  }

  private flushBreaks() {
    if (this.breaks === 0) return;
    this.trimEnd();
    if (this.parts.length > 0) this.parts.push('\n'.repeat(this.breaks));
    this.breaks = 0;
    this.lineHasText = false;
    this.space = false;
    this.tab = false;
  }

  /** Drops trailing whitespace (and a <pre>'s trailing newlines) before a break is written. */
  private trimEnd() {
    while (this.parts.length > 0) {
      const last = this.parts.length - 1;
      const trimmed = (this.parts[last] ?? '').trimEnd();
      if (trimmed !== '') {
        this.parts[last] = trimmed;
        return;
      }
      this.parts.pop();
    }
  }
}
