/**
 * The Propaganda Techniques Corpus (PTC) as SemEval-2020 Task 11 distributed it
 * (propaganda.qcri.org/semeval2020-task11; the task's scorers, task-SI_scorer.py and
 * task-TC_scorer.py, and the PTC scorer's README "Data format"): per article `article<ID>.txt`,
 * the text with the title on its first line, and labels files with one span a line, tab-separated:
 *   `ID  technique  start  end`  task TC/FLC: `article<ID>.labels`, `.task-flc-tc.labels`, `.task2-TC.labels`
 *   `ID  start  end`             task SI: `article<ID>.task-si.labels`, `.task1-SI.labels`
 * ID is the article's number. A labels file may hold lines of many articles (the scorers' gold
 * and submission files, `.labels` or `.tsv`): the first column says whose line it is.
 *
 * Offset unit: code points, end exclusive, of the article as the organisers' tools read it
 * (codecs.open in print_spans.py, which keeps line endings): CRLF counts two, and a byte order
 * mark at the start is character 0 (one article of the corpus starts with one, and its offsets
 * count it). The served text has no mark, so such offsets are moved back by one.
 *
 * Written: per document `article<ID>.txt` (its text) and `article<ID>.labels`, a line per tag of
 * each live claim in text order; one span and technique from two claims is one line. ID is the
 * number of a document named `article<ID>.txt`, else the next number not taken, from 1, in
 * document id order (`articleIds`). A tag goes under its name in the tag map, else its own id.
 * Lost: claim ids, annotators, attributes, times, how claims were made, the codebook and document
 * framing; documents whose text the corpus no longer has are left out, as their offsets could not
 * be checked.
 *
 * Read: a line's trailing white space is dropped first, as the scorers' rstrip() does; blank
 * lines are passed over; LF, CRLF and CR end lines, as in Python's universal newlines, which the
 * scorers read with. Lines with one span and several techniques are one claim with several tags.
 * A technique the tag map does not name is skipped and reported, and so is a span-only line unless
 * the map names "propaganda" (what the SI scorer calls every span). Refused, each at its file and
 * line: another number of columns, an offset that is not a whole number, a span that is empty or
 * runs past its text, a line for an article whose text is not among the files or that is not the
 * one its file is named for, and two different texts under one article number.
 */
import { type Annotation, textTarget } from '../model/annotation';
import { compareCodeUnits } from '../text/compare';
import { splitLines } from '../text/lines';
import { OffsetIndex } from '../text/offsets';
import { documentsWithClaims, InterchangeBuilder } from './common';
import type { ClaimRecord, ExportDocument, ExportSet, FileEntry, InterchangeFormat } from './interchange';
import { nameOf, PTC_TECHNIQUES, type TagMap, tagOf, unmappedReason } from './tag-map';

/** An article's text file; the scorers find the ID in a name with `article([0-9]+)`. */
export const ARTICLE_FILE = /(?:^|\/)article(\d+)\.txt$/;
/** A labels file named for one article. */
const ARTICLE_LABELS = /(?:^|\/)article(\d+)\D[^/]*$/;
const LABELS_FILE = /\.(labels|tsv)$/i;
/** A line of a labels file, as the cheap detection peeks at it: ID, maybe a technique, start, end. */
const PTC_LINE = /^\d+\t(?:[^\t\r\n]+\t)?\d+\t\d+[ \t]*(?:\r?\n|$)/;
const WHOLE_NUMBER = /^\d+$/;
/** What the SI scorer names every span; the tag map may give it a tag. */
const SPAN_ONLY = 'propaganda';

/** An article read: its served text and how its offsets count. */
export interface Article {
  /** The article number. */
  id: string;
  /** The file name, which is the document id. */
  name: string;
  /** The text as the offsets count it: the file with any byte order mark. */
  asRead: OffsetIndex;
  /** The text as served (without a byte order mark). */
  served: OffsetIndex;
  /** 1 when a byte order mark starts the file: the offsets are that many code points ahead. */
  skip: number;
}

/** A line of a labels file split into its fields. */
export interface LabelLine {
  fields: string[];
  /** "file:line" for reports. */
  where: string;
}

/**
 * The number of each document in files that need one: its own when it is named `article<ID>.txt`,
 * else the next number no document has, from 1, in document id order; two documents named for
 * one number (in two folders) keep it once, the other takes the next free one.
 */
export function articleIds(documentIds: readonly string[]): Map<string, string> {
  const sorted = [...documentIds].sort(compareCodeUnits);
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const documentId of sorted) {
    const own = ARTICLE_FILE.exec(documentId)?.[1];
    if (own !== undefined && !taken.has(own)) {
      ids.set(documentId, own);
      taken.add(own);
    }
  }
  let next = 1;
  for (const documentId of sorted) {
    if (ids.has(documentId)) continue;
    while (taken.has(String(next))) next++;
    ids.set(documentId, String(next));
    taken.add(String(next));
  }
  return ids;
}

/** The documents an export can write (their texts are known), each with its number and live claims. */
export function exportedArticles(set: ExportSet): { id: string; document: ExportDocument; claims: Annotation[] }[] {
  const present = documentsWithClaims(set).filter(({ document }) => !document.missing);
  const ids = articleIds(present.map(({ document }) => document.id));
  return present.map((entry) => ({ id: ids.get(entry.document.id) as string, ...entry }));
}

/** A claim's span in code points of its document's text. */
export function codePointSpan(index: OffsetIndex, claim: Annotation): { start: number; end: number } {
  return { start: index.toCodePoint(claim.target.start), end: index.toCodePoint(claim.target.end) };
}

/** `ID\ttechnique\tstart\tend` lines for one article's live claims, each written once, in their order. */
export function spanLines(id: string, text: string, claims: readonly Annotation[], map: TagMap): string {
  const index = new OffsetIndex(text);
  const lines = new Set<string>();
  for (const claim of claims) {
    const { start, end } = codePointSpan(index, claim);
    for (const tag of claim.tags) lines.add(`${id}\t${nameOf(map, tag)}\t${start}\t${end}\n`);
  }
  return [...lines].join('');
}

function serialize(map: TagMap, set: ExportSet): FileEntry[] {
  return exportedArticles(set)
    .flatMap(({ id, document, claims }) => [
      { name: `article${id}.txt`, content: document.text },
      { name: `article${id}.labels`, content: spanLines(id, document.text, claims, map) },
    ])
    .sort((a, b) => compareCodeUnits(a.name, b.name));
}

// Reading

/**
 * Every `article<ID>.txt` of the input as a document, by number; the rest of the input is left to
 * the caller. One number with two different texts is a problem.
 */
export function readArticles(files: readonly FileEntry[], builder: InterchangeBuilder): Map<string, Article> {
  const articles = new Map<string, Article>();
  for (const file of [...files].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    const id = ARTICLE_FILE.exec(file.name)?.[1];
    if (id === undefined) continue;
    const seen = articles.get(id);
    if (seen) {
      if (seen.asRead.text !== file.content) {
        builder.problems.push({ path: file.name, message: `article ${id} has another text in ${seen.name}` });
      }
      continue;
    }
    const skip = file.content.startsWith('\uFEFF') ? 1 : 0;
    const served = file.content.slice(skip);
    const title = served.slice(0, served.search(/\r?\n|$/)).trim();
    builder.addDocument({ id: file.name, text: served, ...(title === '' ? {} : { title }) }, file.name);
    articles.set(id, {
      id,
      name: file.name,
      asRead: new OffsetIndex(file.content),
      served: new OffsetIndex(served),
      skip,
    });
  }
  return articles;
}

/** The non-blank lines of a labels file, each without its trailing white space, split at tabs. */
export function labelLines(file: FileEntry): LabelLine[] {
  const content = file.content.replace(/^\uFEFF/, '');
  return splitLines(content).flatMap(({ start, end }, i) => {
    const line = content.slice(start, end).trimEnd();
    return line === '' ? [] : [{ fields: line.split('\t'), where: `${file.name}:${i + 1}` }];
  });
}

/**
 * The article a line names, or why not: it is another than the one its file is named for, or its
 * text is not among the files (said once per file and article: undefined after that).
 */
export function articleOf(
  file: FileEntry,
  line: LabelLine,
  articles: ReadonlyMap<string, Article>,
  reported: Set<string>,
): Article | string | undefined {
  const id = line.fields[0] as string;
  const named = ARTICLE_LABELS.exec(file.name)?.[1];
  if (named !== undefined && named !== id) return `the line is for article ${id}, but the file is article ${named}'s`;
  const article = articles.get(id);
  if (article) return article;
  const key = JSON.stringify([file.name, id]);
  if (reported.has(key)) return undefined;
  reported.add(key);
  return `no article${id}.txt among the files: the offsets of article ${id} cannot be checked without its text`;
}

/** A span's offsets in the article as read, checked as the scorers check them and against the text. */
function readSpan(article: Article, start: string, end: string): { start: number; end: number } | string {
  for (const offset of [start, end]) {
    if (!WHOLE_NUMBER.test(offset)) return `the offset ${JSON.stringify(offset)} is not a whole number`;
  }
  const span = { start: Number(start), end: Number(end) };
  if (span.end <= span.start) return `the span ${start}-${end} is empty or ends before it starts`;
  const length = article.asRead.codePointLength;
  if (span.end > length) return `the span ${start}-${end} runs past the end of ${article.name} (${length} characters)`;
  return span;
}

/**
 * Claims read so far, one per span of a document: a span found again with another technique
 * adds a tag, as the task writes a span with two techniques on two lines.
 */
export class SpanClaims {
  private readonly claims = new Map<string, ClaimRecord>();

  /** Adds `tags` on [start, end) (code points of the article as read); false if nothing is left once the mark is cut. */
  add(article: Article, span: { start: number; end: number }, tags: readonly string[], origin: string): boolean {
    const start = Math.max(0, span.start - article.skip);
    const end = span.end - article.skip;
    if (end <= start) return false;
    const key = JSON.stringify([article.name, start, end]);
    const claim = this.claims.get(key);
    if (claim) {
      for (const tag of tags) if (!claim.tags.includes(tag)) claim.tags.push(tag);
      return true;
    }
    const { served } = article;
    const { exact, prefix, suffix } = textTarget(served, served.toUtf16(start), served.toUtf16(end));
    this.claims.set(key, {
      documentId: article.name,
      selector: { unit: 'codepoint', start, end, exact, prefix, suffix },
      tags: [...tags],
      attributes: {},
      origin,
    });
    return true;
  }

  addTo(builder: InterchangeBuilder): void {
    for (const claim of this.claims.values()) builder.addClaim(claim);
  }
}

/** Why a span that covers nothing but the byte order mark is skipped. */
const ONLY_MARK = 'the span covers only the byte order mark at the start of the text';

/** What reading labels files needs: the map, the articles, and where claims and problems go. */
export interface Reading {
  map: TagMap;
  articles: ReadonlyMap<string, Article>;
  builder: InterchangeBuilder;
  claims: SpanClaims;
  /** Files and articles already reported as missing their text. */
  reported: Set<string>;
}

/** A line of 4 columns (ID, technique, start, end) or 3 (ID, start, end) as a claim, a skip or a problem. */
export function readSpanLine({ map, articles, builder, claims, reported }: Reading, file: FileEntry, line: LabelLine) {
  const { fields, where } = line;
  const article = articleOf(file, line, articles, reported);
  if (typeof article !== 'object') {
    if (article !== undefined) builder.problems.push({ path: where, message: article });
    return;
  }
  const [technique, start, end] = fields.length === 4 ? fields.slice(1) : [SPAN_ONLY, ...fields.slice(1)];
  const span = readSpan(article, start as string, end as string);
  if (typeof span === 'string') {
    builder.problems.push({ path: where, message: span });
    return;
  }
  const tag = tagOf(map, technique as string);
  if (tag === undefined) {
    const message =
      fields.length === 3
        ? `a span without a technique (task SI): map "${SPAN_ONLY}" to a tag to import these`
        : unmappedReason(map, 'technique', technique as string);
    builder.skipped.push({ path: where, message });
  } else if (!claims.add(article, span, [tag], where)) {
    builder.skipped.push({ path: where, message: ONLY_MARK });
  }
}

function parse(map: TagMap, files: readonly FileEntry[]) {
  const builder = new InterchangeBuilder();
  const reading: Reading = {
    map,
    articles: readArticles(files, builder),
    builder,
    claims: new SpanClaims(),
    reported: new Set(),
  };
  for (const file of [...files].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (ARTICLE_FILE.test(file.name)) continue;
    if (LABELS_FILE.test(file.name)) {
      for (const line of labelLines(file)) {
        if (line.fields.length === 3 || line.fields.length === 4) readSpanLine(reading, file, line);
        else {
          builder.problems.push({
            path: line.where,
            message: `expected 4 tab-separated columns (article id, technique, start, end) or 3 (article id, start, end), found ${line.fields.length}`,
          });
        }
      }
    } else {
      builder.skipped.push({
        path: file.name,
        message: 'not a file of the PTC: articles are article<ID>.txt, labels end in .labels or .tsv',
      });
    }
  }
  reading.claims.addTo(builder);
  return builder.result();
}

/** True for a labels file: by name, or a .tsv whose first line is a span line. */
const isLabels = (file: FileEntry) =>
  /\.labels$/i.test(file.name) || (/\.tsv$/i.test(file.name) && PTC_LINE.test(file.content.slice(0, 4096)));

/** The PTC's files, with the analyst's tag map between its technique names and the app's tags. */
export function createPtcFormat(map: TagMap): InterchangeFormat {
  return {
    id: 'ptc',
    name: 'PTC (SemEval-2020 Task 11)',
    leavesOut: ['other-tags', 'annotator', 'attributes', 'claim-times', 'codebook', 'document-framing', 'origin'],
    offsetUnit: 'codepoint',
    reads: ['.txt', '.labels', '.tsv'],
    detect: (files) => files.some(isLabels) && files.every((f) => /\.(txt|labels|tsv)$/i.test(f.name)),
    parse: (files) => parse(map, files),
    serialize: (set) => serialize(map, set),
  };
}

export const ptcFormat = createPtcFormat(PTC_TECHNIQUES);
