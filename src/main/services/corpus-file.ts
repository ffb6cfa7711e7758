import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, relative, sep } from 'node:path';
import { analyseText } from '../../shared/corpus/analyse';
import { extractHtml } from '../../shared/corpus/html';
import { type JsonArticle, type JsonFieldNames, jsonlArticles, readJsonCorpus } from '../../shared/corpus/json-corpus';
import type { DocumentSummary, Segment, SkippedFile } from '../../shared/model/document';
import type { Problem } from '../../shared/result';
import { decodeBytes } from './decode';
import { jsonlLines, readRange } from './jsonl-lines';

/**
 * Reading one corpus file into its documents: decoding, HTML extraction, JSON and JSONL
 * records, and each document's summary (title, language, metadata, hash) and segments. Pure of
 * any corpus-wide state, so that worker threads run it in parallel (corpus-reader.worker.ts).
 */

/** A longer article is refused rather than read into memory: no news article is this long. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/**
 * A JSON array is parsed whole, so a larger one is refused with the advice to write it as JSONL,
 * which is read a line at a time whatever its size.
 */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;
const TOO_LONG = `an article larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`;

/** A JSONL file is read a line at a time, whatever its size. */
export const isJsonl = (file: string) => extname(file).toLowerCase() === '.jsonl';

export const OUTSIDE = 'a link that leads outside the corpus folder';

export const KINDS: Record<string, DocumentSummary['format']> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'json',
};

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Source {
  /** Absolute path of the file the document comes from. */
  file: string;
  format: DocumentSummary['format'];
  /** For a JSON corpus: the article's key within the file. */
  key?: string;
  /** For a JSONL article: its line's bytes, valid while the file is still `version`. */
  line?: { offset: number; length: number; number: number; version: string };
}

export interface LoadedDocument {
  /** Where the document comes from, for the skipped list: the file's name, or a JSON record's place in it. */
  path: string;
  summary: DocumentSummary;
  text: string;
  segments: Segment[];
  source: Source;
}

/** What reading a file gives, one at a time: its documents, and what of it is not served and why. */
export type Read = { document: LoadedDocument } | { skipped: SkippedFile };
/** The same, with a JSONL article that is still to be analysed when reading with `unanalysed`. */
export type Scanned = Read | { article: Article };

/**
 * The file as it is on disk now (its real path, size and times), or undefined when it cannot be
 * told; a document is served from memory only while this is unchanged.
 */
export async function fileVersion(root: string, file: string): Promise<string | undefined> {
  return (await fileState(root, file)).version;
}

export async function fileState(root: string, file: string): Promise<{ version?: string; modifiedMs: number }> {
  try {
    const real = await realpath(file);
    if (!isInside(root, real)) return { modifiedMs: 0 };
    return stateOf(real, await stat(real));
  } catch {
    return { modifiedMs: 0 };
  }
}

export const stateOf = (real: string, { size, mtimeMs, ctimeMs, ino }: Stats) => ({
  version: `${real}\u0000${ino}\u0000${size}\u0000${mtimeMs}\u0000${ctimeMs}`,
  modifiedMs: Math.max(mtimeMs, ctimeMs),
});

/** Whether `real` (a resolved path) lies strictly inside `root`. */
export const isInside = (root: string, real: string) => real.startsWith(root.endsWith(sep) ? root : root + sep);

export interface ReadOptions {
  /** Overrides the detected encoding. */
  encoding?: string;
  /** For a JSON corpus file: read only the article with this key. */
  only?: string;
  /** For a JSONL file: the article's line as listed, read without reading the rest. */
  line?: Source['line'];
}

/** The documents of one corpus file, and what of it cannot be served (see `scanCorpusFile`). */
export async function* readCorpusFile(
  root: string,
  file: string,
  fields: JsonFieldNames,
  options: ReadOptions = {},
): AsyncGenerator<Read> {
  for await (const read of scanCorpusFile(root, file, fields, options)) {
    yield 'article' in read ? { document: analyseArticle(read.article) } : read;
  }
}

/**
 * The documents of one corpus file, and what of it cannot be served. A JSONL file is read a line
 * at a time (an article longer than MAX_ARTICLE_BYTES is passed over, the rest served), so
 * memory holds one article, never the file; any other file is read whole. A JSONL article comes
 * parsed but not analysed (`{ article }`), so that a dump's articles can be analysed in parallel.
 */
export async function* scanCorpusFile(
  root: string,
  file: string,
  fields: JsonFieldNames,
  options: ReadOptions = {},
): AsyncGenerator<Scanned> {
  const name = relative(root, file).split(sep).join('/');
  const format = KINDS[extname(file).toLowerCase()] as DocumentSummary['format'];
  const jsonl = isJsonl(file);
  const limit = format === 'json' && !jsonl ? MAX_JSON_FILE_BYTES : MAX_ARTICLE_BYTES;
  const skip = (reason: string): Read => ({ skipped: { path: name, reason } });
  let real: string;
  try {
    // Resolved again at every read: a file or folder swapped for a link after listing must not
    // lead outside the corpus.
    real = realpathSync.native(file);
    if (!isInside(root, real)) return yield skip(OUTSIDE);
    if (jsonl) {
      const info = await stat(real);
      if (info.size === 0) return yield skip('empty file');
      yield* readJsonl(file, real, name, fields, options, stateOf(real, info).version);
      return;
    }
    const bytes = readUpTo(real, limit);
    if (bytes === 'empty') return yield skip('empty file');
    if (bytes === 'too large') {
      return yield skip(
        format === 'json'
          ? `larger than ${MAX_JSON_FILE_BYTES / 1024 / 1024} MB; write it as JSONL, one article per line`
          : `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB; split it into articles`,
      );
    }
    yield* readWhole(file, name, format, bytes, fields, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return yield skip('the file is missing (deleted or moved?)');
    return yield skip(`cannot be read (${code ?? (error as Error).message})`);
  }
}

/**
 * The file's bytes, read with one open and one stat. Synchronous: awaiting each step costs more
 * than the step on a corpus of small files (5,000 files: 1.15 s awaited, 0.22 s not; benchmark
 * 6a), and a file is at most `limit` bytes (20 MB; 256 for a JSON array).
 */
function readUpTo(real: string, limit: number): Uint8Array | 'empty' | 'too large' {
  const handle = openSync(real, 'r');
  try {
    const { size } = fstatSync(handle);
    if (size === 0) return 'empty';
    if (size > limit) return 'too large';
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const got = readSync(handle, bytes, read, size - read, read);
      if (got === 0) break;
      read += got;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(handle);
  }
}

function* readWhole(
  file: string,
  name: string,
  format: DocumentSummary['format'],
  bytes: Uint8Array,
  fields: JsonFieldNames,
  options: ReadOptions,
): Generator<Scanned> {
  const declared = format === 'html' && !options.encoding ? declaredCharset(bytes) : undefined;
  const byDeclaration = declared ? decodeBytes(bytes, declared) : undefined;
  // A page's own <meta charset> is believed when it names an encoding we can read; else we detect.
  const decoded = byDeclaration?.ok ? byDeclaration : decodeBytes(bytes, options.encoding);
  if (!decoded.ok) return yield { skipped: { path: name, reason: decoded.reason } };
  const base = { bytes: bytes.length, format, encoding: decoded.encoding };
  if (format === 'json') {
    const read = readJsonCorpus(name, decoded.text, fields);
    if (!read.ok) return yield { skipped: { path: name, reason: problemsText(read.error) } };
    for (const problem of read.value.problems) yield { skipped: { path: problem.path, reason: problem.message } };
    for (const article of read.value.articles) {
      if (options.only !== undefined && article.key !== options.only) continue;
      if (Buffer.byteLength(article.text) > MAX_ARTICLE_BYTES) {
        yield { skipped: { path: article.at, reason: TOO_LONG } };
        continue;
      }
      yield { article: { name, article, base, source: { file, format, key: article.key } } };
    }
    return;
  }
  const page = format === 'html' ? extractHtml(decoded.text) : undefined;
  const text = page ? page.text : decoded.text;
  if (text.trim() === '') return yield { skipped: { path: name, reason: 'no text in it' } };
  yield {
    document: {
      ...summarise(name, text, { ...base, ...page, source: page?.site }),
      path: name,
      source: { file, format },
    },
  };
}

async function* readJsonl(
  file: string,
  real: string,
  name: string,
  fields: JsonFieldNames,
  options: ReadOptions,
  version: string | undefined,
): AsyncGenerator<Scanned> {
  const reader = jsonlArticles(fields);
  const lines = options.line
    ? [
        {
          ...options.line,
          line: options.line.number,
          bytes: await readRange(real, options.line.offset, options.line.length),
        },
      ]
    : jsonlLines(real, MAX_ARTICLE_BYTES);
  for await (const { line, offset, length, bytes } of lines) {
    const at = `${name}:${line}`;
    if (!bytes) {
      yield { skipped: { path: at, reason: TOO_LONG } };
      continue;
    }
    const decoded = decodeBytes(bytes, options.encoding);
    if (!decoded.ok) {
      yield { skipped: { path: at, reason: decoded.reason } };
      continue;
    }
    const read = reader.line(decoded.text, at);
    if (!read.ok) {
      yield { skipped: { path: read.error.path, reason: read.error.message } };
      continue;
    }
    if (options.only !== undefined && read.value.key !== options.only) continue;
    const base = { bytes: length, format: 'json' as const, encoding: decoded.encoding };
    const source: Source = { file, format: 'json', key: read.value.key };
    if (version) source.line = { offset, length, number: line, version };
    const article: Article = { name, article: read.value, base, source };
    yield { article };
  }
}

/** A JSON or JSONL article read and parsed, not yet analysed: reading a dump is sequential, analysing its articles is not. */
export interface Article {
  name: string;
  article: JsonArticle;
  base: Pick<Declared, 'bytes' | 'format' | 'encoding'>;
  source: Source;
}

export const analyseArticle = ({ name, article, base, source }: Article): LoadedDocument => ({
  ...summarise(`${name}#${article.key}`, article.text, { ...base, ...article }),
  path: article.at,
  source,
});

const problemsText = (problems: Problem[]) =>
  problems
    .map((p) => `${p.path}: ${p.message}`)
    .slice(0, 3)
    .join('; ');

interface Declared {
  bytes: number;
  format: DocumentSummary['format'];
  encoding: string;
  title?: string;
  language?: string;
  url?: string;
  date?: string;
  source?: string;
  author?: string;
}

/** What the file declares wins over what is read from the text; the text fills the gaps. */
function summarise(id: string, text: string, declared: Declared): Omit<LoadedDocument, 'source' | 'path'> {
  const analysis = analyseText(text, basename(id));
  const language = declared.language?.toLowerCase().slice(0, 2) || analysis.language;
  const summary: DocumentSummary = {
    id,
    title: declared.title?.trim() || analysis.title,
    language,
    sha256: sha256(text),
    length: text.length,
    bytes: declared.bytes,
    format: declared.format,
    encoding: declared.encoding,
    ...defined({
      source: declared.source ?? analysis.site,
      url: declared.url ?? analysis.url,
      date: declared.date ?? analysis.date,
      author: declared.author ?? analysis.author,
    }),
  };
  return { summary, text, segments: analysis.segments };
}

export const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The charset an HTML page declares in its first kilobyte (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}
