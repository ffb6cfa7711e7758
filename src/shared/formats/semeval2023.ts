/**
 * SemEval-2023 Task 3, "Detecting the category, the framing, and the persuasion techniques in
 * online news in a multi-lingual setup" (propaganda.math.unipd.it/semeval2023task3; the data
 * README of its repository, and its scorers/techniques_subtask3.txt and frames_subtask2.txt).
 * Per language a folder of `article<ID>.txt`, the title on the first line, and:
 *   subtask 3, spans       `article<ID>-labels-subtask-3.txt`: `ID  technique  start  end`, as the PTC's
 *   subtask 3, paragraphs  `<split>-labels-subtask-3.txt`: `ID  paragraph  tech1,tech2,...`
 *   subtask 2, frames      `<split>-labels-subtask-2.txt`: `ID  frame1,frame2,...`
 * Subtask 1's genres (`ID  opinion`) have no place in the app and are skipped.
 *
 * Paragraphs: the task numbers the lines of the article between "\n" characters from 1, empty
 * ones included, and labels only lines that are not empty ("The book is on the table\n\nThe
 * table is under the book" has paragraphs 1 and 3). A line's "\r" stays with it (12,079 rows of
 * the task's .template files, which list each paragraph's text, end in one) but is no part of the
 * paragraph, and no row of them is white space alone, so such a line is no paragraph either.
 *
 * Offset unit: code points, end exclusive, as the PTC's (see ptc.ts, also for the byte order mark).
 *
 * Written: per document `article<ID>.txt` and `article<ID>-labels-subtask-3.txt` (as ptc.ts
 * numbers and writes them), `labels-subtask-3.txt` with a row for every paragraph of every
 * article, naming the techniques of the claims that cover any of its characters (in name order,
 * empty when none), and, when the export has document framing, `labels-subtask-2.txt` with each
 * labelled article's frames: those of every annotator exported, as the file has one line per
 * article. Names come from the tag maps, else a tag's own id. Lost: claim ids, annotators,
 * attributes, times, how claims were made and the codebook.
 *
 * Read: spans as in ptc.ts; a paragraph row is a claim over its paragraph with the row's
 * techniques, unless the article has span lines or a span file, of which its rows are only a
 * summary (the import then notes how many rows it passed over); frames are the article's
 * document framing, by an annotator named after the file, as a file of the task is one
 * annotator's work (or the gold). Names the maps do not list are skipped and reported. Refused,
 * at file and line: a line of the wrong shape, a paragraph number that is not a paragraph of its
 * article, two lines for one article in a frames file, and what ptc.ts refuses.
 */
import type { DocumentLabel } from '../model/document-label';
import { ok, type Problem } from '../result';
import { compareCodeUnits } from '../text/compare';
import { OffsetIndex } from '../text/offsets';
import { InterchangeBuilder } from './common';
import type { ExportSet, FileEntry, InterchangeFormat } from './interchange';
import {
  ARTICLE_FILE,
  type Article,
  articleOf,
  codePointSpan,
  exportedArticles,
  type LabelLine,
  labelLines,
  type Reading,
  readArticles,
  readSpanLine,
  SpanClaims,
  spanLines,
} from './ptc';
import { nameOf, SEMEVAL2023_FRAMES, SEMEVAL2023_TECHNIQUES, type TagMap, tagOf, unmappedReason } from './tag-map';

export interface SemEval2023Maps {
  /** Subtask 3's persuasion techniques. */
  techniques: TagMap;
  /** Subtask 2's frames. */
  frames: TagMap;
}

const SUBTASK_FILE = /labels-subtask-([123])\.txt$/i;
/** A span file named for its article: its article has spans even when the file is empty. */
const ARTICLE_SPANS = /(?:^|\/)article(\d+)-labels-subtask-3\.txt$/i;
const TEMPLATE = /\.template$/i;
/** An unknown time: the task's files date nothing (as qdpx.ts dates a coding without one). */
const UNDATED = new Date(0).toISOString();

/** A paragraph: [start, end) in code points of the text, its "\r" and "\n" outside. */
interface Paragraph {
  start: number;
  end: number;
}

/** The article's paragraphs by the task's number (its line number); empty and blank lines have none. */
export function paragraphs(index: OffsetIndex): Map<number, Paragraph> {
  const found = new Map<number, Paragraph>();
  const { text } = index;
  let start = 0;
  for (let number = 1; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') {
      found.set(number, { start: index.toCodePoint(start), end: index.toCodePoint(start + line.length) });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return found;
}

/** Names listed with commas, each once, in name order. */
const listed = (names: Iterable<string>) => [...new Set(names)].sort(compareCodeUnits).join(',');

function serialize(maps: SemEval2023Maps, set: ExportSet): FileEntry[] {
  const articles = exportedArticles(set);
  const files: FileEntry[] = articles.flatMap(({ id, document, claims }) => [
    { name: `article${id}.txt`, content: document.text },
    { name: `article${id}-labels-subtask-3.txt`, content: spanLines(id, document.text, claims, maps.techniques) },
  ]);
  const rows = articles.flatMap(({ id, document, claims }) => {
    const index = new OffsetIndex(document.text);
    const spans = claims.map((claim) => ({ ...codePointSpan(index, claim), tags: claim.tags }));
    return [...paragraphs(index)].map(([number, paragraph]) => {
      const covering = spans.filter((s) => Math.max(s.start, paragraph.start) < Math.min(s.end, paragraph.end));
      return `${id}\t${number}\t${listed(covering.flatMap((s) => s.tags.map((tag) => nameOf(maps.techniques, tag))))}\n`;
    });
  });
  files.push({ name: 'labels-subtask-3.txt', content: rows.join('') });
  const framing = new Map<string, string[]>();
  for (const label of set.documentLabels ?? []) {
    framing.set(label.documentId, [...(framing.get(label.documentId) ?? []), ...label.tags]);
  }
  const frames = articles.flatMap(({ id, document }) => {
    const tags = framing.get(document.id);
    return tags === undefined ? [] : [`${id}\t${listed(tags.map((tag) => nameOf(maps.frames, tag)))}\n`];
  });
  if (frames.length > 0) files.push({ name: 'labels-subtask-2.txt', content: frames.join('') });
  return files.sort((a, b) => compareCodeUnits(a.name, b.name));
}

// Reading

/** Names in a list field, without the empty ones a trailing comma leaves. */
const namesIn = (field: string | undefined) => (field ?? '').split(',').filter((name) => name !== '');

/** A paragraph row's article and paragraph, or why not; `known` keeps each article's paragraphs once found. */
function rowParagraph(
  reading: Reading,
  file: FileEntry,
  line: LabelLine,
  known: Map<Article, Map<number, Paragraph>>,
): { article: Article; paragraph: Paragraph } | string | undefined {
  const article = articleOf(file, line, reading.articles, reading.reported);
  if (typeof article !== 'object') return article;
  const written = line.fields[1] as string;
  if (!/^\d+$/.test(written)) return `the paragraph number ${JSON.stringify(written)} is not a whole number`;
  const numbered = known.get(article) ?? paragraphs(article.asRead);
  known.set(article, numbered);
  const paragraph = numbered.get(Number(written));
  if (paragraph === undefined) {
    return `line ${written} of ${article.name} is no paragraph: it is empty, white space or past the last line`;
  }
  return { article, paragraph };
}

/** Subtask 3's files: span lines now; paragraph rows once every span is known, unless their article has spans. */
function readSubtask3(reading: Reading, files: readonly FileEntry[]): Problem[] {
  const { builder } = reading;
  const spanned = new Set<string>();
  const rows: { file: FileEntry; line: LabelLine }[] = [];
  for (const file of files) {
    const named = ARTICLE_SPANS.exec(file.name)?.[1];
    if (named !== undefined) spanned.add(named);
    for (const line of labelLines(file)) {
      if (line.fields.length === 4) {
        spanned.add(line.fields[0] as string);
        readSpanLine(reading, file, line);
      } else if (line.fields.length === 2 || line.fields.length === 3) rows.push({ file, line });
      else {
        builder.problems.push({
          path: line.where,
          message: `expected article id, paragraph and techniques (paragraph labels) or article id, technique, start and end (spans), found ${line.fields.length} tab-separated columns`,
        });
      }
    }
  }
  const passedOver = new Map<string, number>();
  const known = new Map<Article, Map<number, Paragraph>>();
  for (const { file, line } of rows) {
    const found = rowParagraph(reading, file, line, known);
    if (typeof found !== 'object') {
      if (found !== undefined) builder.problems.push({ path: line.where, message: found });
      continue;
    }
    if (spanned.has(found.article.id)) {
      passedOver.set(file.name, (passedOver.get(file.name) ?? 0) + 1);
      continue;
    }
    const tags: string[] = [];
    for (const name of namesIn(line.fields[2])) {
      const tag = tagOf(reading.map, name);
      if (tag === undefined)
        builder.skipped.push({ path: line.where, message: unmappedReason(reading.map, 'technique', name) });
      else tags.push(tag);
    }
    if (tags.length > 0) reading.claims.add(found.article, found.paragraph, tags, line.where);
  }
  return [...passedOver].map(([path, count]) => ({
    path,
    message: `${count} paragraph rows were not imported: their articles' span files say the same in more detail`,
  }));
}

/** Subtask 2's frames as document framing, one annotator per file. */
function readFrames(reading: Reading, frames: TagMap, file: FileEntry): DocumentLabel[] {
  const labels = new Map<string, DocumentLabel>();
  for (const line of labelLines(file)) {
    const { fields, where } = line;
    if (fields.length > 2) {
      reading.builder.problems.push({
        path: where,
        message: `expected article id and frames, found ${fields.length} tab-separated columns`,
      });
      continue;
    }
    const article = articleOf(file, line, reading.articles, reading.reported);
    if (typeof article !== 'object') {
      if (article !== undefined) reading.builder.problems.push({ path: where, message: article });
      continue;
    }
    if (labels.has(article.id)) {
      reading.builder.problems.push({ path: where, message: `a second line for article ${article.id}` });
      continue;
    }
    const tags: string[] = [];
    for (const name of namesIn(fields[1])) {
      const tag = tagOf(frames, name);
      if (tag === undefined)
        reading.builder.skipped.push({ path: where, message: unmappedReason(frames, 'frame', name) });
      else if (!tags.includes(tag)) tags.push(tag);
    }
    // A line whose every frame is skipped says nothing the app can keep; an empty line says "none".
    if (tags.length > 0 || namesIn(fields[1]).length === 0) {
      labels.set(article.id, { documentId: article.name, annotator: file.name, tags, updatedAt: UNDATED });
    }
  }
  return [...labels.values()];
}

function parse(maps: SemEval2023Maps, files: readonly FileEntry[]) {
  const builder = new InterchangeBuilder();
  const reading: Reading = {
    map: maps.techniques,
    articles: readArticles(files, builder),
    builder,
    claims: new SpanClaims(),
    reported: new Set(),
  };
  const sorted = [...files].sort((a, b) => compareCodeUnits(a.name, b.name));
  const subtask = (n: string) => sorted.filter((f) => SUBTASK_FILE.exec(f.name)?.[1] === n);
  for (const file of sorted) {
    if (ARTICLE_FILE.test(file.name)) continue;
    const n = SUBTASK_FILE.exec(file.name)?.[1];
    if (n === '1') {
      builder.skipped.push({
        path: file.name,
        message: "subtask 1's genres (opinion, reporting, satire) have no place in the app",
      });
    } else if (TEMPLATE.test(file.name)) {
      builder.skipped.push({
        path: file.name,
        message: 'a template lists the paragraphs to be labelled; it holds no labels',
      });
    } else if (n === undefined) {
      builder.skipped.push({
        path: file.name,
        message:
          'not a file of SemEval-2023 Task 3: articles are article<ID>.txt, labels end in labels-subtask-<N>.txt',
      });
    }
  }
  const notes = readSubtask3(reading, subtask('3'));
  const documentLabels = subtask('2').flatMap((file) => readFrames(reading, maps.frames, file));
  reading.claims.addTo(builder);
  const result = builder.result();
  if (!result.ok) return result;
  return ok({
    ...result.value,
    ...(documentLabels.length > 0 ? { documentLabels } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  });
}

/** SemEval-2023 Task 3's files, with the analyst's tag maps for techniques and frames. */
export function createSemEval2023Format(maps: SemEval2023Maps): InterchangeFormat {
  return {
    id: 'semeval2023',
    name: 'SemEval-2023 Task 3',
    leavesOut: ['other-tags', 'annotator', 'attributes', 'claim-times', 'codebook', 'origin'],
    offsetUnit: 'codepoint',
    reads: ['.txt', '.template'],
    detect: (files) =>
      files.some((f) => SUBTASK_FILE.test(f.name)) && files.every((f) => /\.(txt|template)$/i.test(f.name)),
    parse: (files) => parse(maps, files),
    serialize: (set) => serialize(maps, set),
  };
}

export const semEval2023Format = createSemEval2023Format({
  techniques: SEMEVAL2023_TECHNIQUES,
  frames: SEMEVAL2023_FRAMES,
});
