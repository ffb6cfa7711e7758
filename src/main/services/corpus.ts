import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { candidateDocuments, hitsInContext, parseQuery, Stems } from '../../shared/concordance';
import { DEFAULT_JSON_FIELDS, type JsonFieldNames } from '../../shared/corpus/json-corpus';
import { CorpusSearch } from '../../shared/corpus/search';
import type { ConcordanceRequest, ConcordanceResults, SearchOptions, SearchResults } from '../../shared/host-api';
import {
  type CorpusDocument,
  type CorpusListing,
  DocumentId,
  type DocumentSummary,
  type SkippedFile,
} from '../../shared/model/document';
import { remember } from '../../shared/recently-used';
import { compareCodeUnits } from '../../shared/text/compare';
import {
  defined,
  fileState,
  fileVersion,
  isInside,
  KINDS,
  type LoadedDocument,
  OUTSIDE,
  type Read,
  readCorpusFile,
  type Source,
  stateOf,
} from './corpus-file';
import { type IndexedDocument, type IndexedFile, openIndex } from './corpus-index';
import { readFiles } from './corpus-readers';
import { type RegexSearch, regexConcordance } from './regex-concordance';

/** The longest document id the host contract carries (see DocumentId); longer ones are skipped. */
export const MAX_DOCUMENT_ID = 1024;
/** A corpus folder may name its JSON fields here, e.g. {"fields": {"text": ["body"]}}. */
export const CORPUS_CONFIG = 'framing-workbench.corpus.json';

/** How a corpus was read: which files were read, which served from the saved index, and why an index was not used. */
export interface Indexing {
  read: number;
  reused: number;
  /** Why there is no saved index this time: it was discarded, is being written by another window, or cannot be kept. */
  unused?: string;
}

export interface Corpus {
  listing(): CorpusListing;
  readonly indexing: Indexing;
  /** Reads the document from disk again (noticing changes); `encoding` overrides the detected one. */
  document(id: string, encoding?: string): Promise<CorpusDocument>;
  /** Best first, at most `limit` (200); see shared/corpus/search.ts for what matches. */
  search(query: string, options?: SearchOptions & { limit?: number }): SearchResults;
  /**
   * The hits of a concordance query in the texts as listed, at most `limit` lines
   * (shared/concordance). A regular expression runs in a thread of its own, stopped after a time
   * limit or when the next concordance starts.
   */
  concordance(request: ConcordanceRequest, limit?: number): Promise<ConcordanceResults>;
  /** Lets go of the saved index's texts file; the corpus is not used after. */
  close(): void;
}

export interface OpenOptions {
  /** Files read of all, and documents listed so far: told after each file and each part of a dump. */
  onProgress?(read: number, total: number, documents: number): void;
  /**
   * The app's folder of corpus indexes: what reading the corpus gave is saved there, and a reopen
   * reads only the files that changed (corpus-index.ts). Without it every file is read.
   */
  index?: string;
  /** Threads that read the files (corpus-readers.ts); by default one per core. */
  threads?: number;
  /** How long a regular expression may search (regex-concordance.ts). */
  regexTimeLimitMs?: number;
}

/** A corpus's id: the same folder gives the same id on this machine, and two folders never share one. */
export const corpusId = (root: string) => createHash('sha256').update(root).digest('hex').slice(0, 16);

/**
 * Reads every supported file under `root`, recursively, once (or only the changed ones, with a
 * saved index): summaries and a search index stay in memory, the texts for the search's snippets
 * in memory or in the saved index; a document is read again when opened, so that it shows the
 * file as it is now. Documents are addressed by
 * their relative path; an id is only ever looked up in this map, never joined onto the disk.
 */
export async function openCorpus(folder: string, options: OpenOptions = {}): Promise<Corpus> {
  const root = await realpath(folder);
  const fields = await readFieldConfig(root);
  const { files, skipped } = await listFiles(root);
  const sources = new Map<string, Source>();
  const summaries = new Map<string, DocumentSummary>();
  const indexing: Indexing = { read: 0, reused: 0 };
  const saved = options.index
    ? await openIndex({ folder: options.index, corpusId: corpusId(root), root, fields: JSON.stringify(fields) }).then(
        (opened) => {
          if (!opened) indexing.unused = 'another window is indexing this corpus';
          return opened;
        },
        // An index that cannot be kept (no space, no permission) must not keep the corpus shut.
        (error: Error) => {
          indexing.unused = `the index cannot be kept (${error.message})`;
          return undefined;
        },
      )
    : undefined;
  if (saved?.discarded) indexing.unused = `the saved index was discarded: ${saved.discarded}`;
  if (indexing.unused) console.warn(`Framing Workbench: ${indexing.unused}; reading every file.`);
  // The saved search index is taken up when first needed: a reopen with nothing changed lists the
  // documents without waiting for it.
  let loaded: CorpusSearch | undefined;
  const index = () => {
    loaded ??= saved ? new CorpusSearch(saved.texts, saved.search) : new CorpusSearch();
    return loaded;
  };
  const entries = new Map<string, IndexedFile>();
  // Where each id was first found: the first entry keeps an id, later ones with it are skipped.
  const owners = new Map<string, string>();
  const serve = (document: IndexedDocument, file: string, version: string | undefined): boolean => {
    const { summary, path } = document;
    const refused = refuseId(summary.id, owners);
    if (refused) {
      skipped.push({ path, reason: refused });
      return false;
    }
    owners.set(summary.id, path);
    summaries.set(summary.id, summary);
    const source: Source = { file, format: summary.format, ...defined({ key: document.key }) };
    if (document.line && version) source.line = { ...document.line, version };
    sources.set(summary.id, source);
    return true;
  };
  /** One read of a file read now: what the index keeps of it, and the document served and searched. */
  const take = (found: Read, entry: IndexedFile, file: string) => {
    if ('skipped' in found) {
      skipped.push(found.skipped);
      entry.skipped.push(found.skipped);
      return;
    }
    const { path, summary, text, source } = found.document;
    const document: IndexedDocument = {
      summary,
      path,
      ...defined({ key: source.key, line: source.line && lineOf(source.line) }),
    };
    entry.documents.push(document);
    if (!serve(document, file, source.line?.version)) return;
    index().add(summary.id, summary.title, text);
    const range = saved?.texts.range(summary.id);
    if (range) document.text = range;
  };
  const listed = await Promise.all(
    files.map(async ({ path: file, info }) => {
      const name = relative(root, file).split(sep).join('/');
      const { version, modifiedMs } = info ? stateOf(file, info) : await fileState(root, file);
      const before = saved?.files.get(name);
      const reuse = saved?.fresh(before, version, modifiedMs) ? before : undefined;
      return { file, name, version, before, reuse };
    }),
  );
  // The files to read are read in parallel, and taken here in order, since the first file to
  // hold an id keeps it.
  const reading = readFiles(
    root,
    fields,
    listed.filter((file) => !file.reuse).map((file) => file.file),
    { threads: options.threads },
  );
  let read = 0;
  let changed = saved?.search === undefined;
  try {
    for (const { file, name, version, before, reuse } of listed) {
      if (saved && reuse) {
        for (const document of reuse.documents) {
          if (serve(document, file, version) && document.text) saved.texts.adopt(document.summary.id, document.text);
        }
        skipped.push(...reuse.skipped);
        entries.set(name, reuse);
        indexing.reused++;
      } else {
        changed = true;
        indexing.read++;
        // What the saved index held of this file is forgotten before the file is read again.
        for (const document of before?.documents ?? [])
          if (!owners.has(document.summary.id)) index().remove(document.summary.id);
        const entry: IndexedFile = { version: version ?? '', documents: [], skipped: [] };
        for (let last = false; !last; ) {
          const { value: part } = await reading.next();
          last = part?.last ?? true;
          for (const found of part?.reads ?? []) take(found, entry, file);
          if (!last) options.onProgress?.(read, files.length, summaries.size);
        }
        if (version) entries.set(name, entry);
      }
      options.onProgress?.(++read, files.length, summaries.size);
    }
  } finally {
    // Ends the reading threads, also when this open fails half-way.
    await reading.return(undefined);
  }
  if (saved) {
    // Documents of files that went, or whose id another file now holds, leave the search.
    for (const [name, entry] of saved.files) {
      if (entries.get(name) === entry) continue;
      changed = true;
      for (const document of entry.documents) if (!owners.has(document.summary.id)) index().remove(document.summary.id);
    }
    const saving = changed ? saved.save(entries, index().save()) : saved.release();
    await saving.catch((error: Error) => {
      indexing.unused = `the index could not be saved (${error.message}); the corpus is read anew next time`;
      console.warn(`Framing Workbench: ${indexing.unused}.`);
    });
  }
  const documents = () => [...summaries.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  // The texts as listed (of the documents given), one at a time: a saved index keeps them on disk.
  function* texts(only?: ReadonlySet<string>): Generator<readonly [string, string]> {
    for (const { id } of documents()) {
      if (only && !only.has(id)) continue;
      const text = index().text(id);
      if (text !== undefined) yield [id, text];
    }
  }
  // Kept for the corpus: a concordance stems the index's words it looks at once.
  const stems = new Stems();
  let expression: RegexSearch | undefined;
  const concordance = async (request: ConcordanceRequest, limit?: number): Promise<ConcordanceResults> => {
    const query = parseQuery(request.query, stems, { regex: request.regex });
    if (!query.ok) return { ok: false, error: query.error };
    const found = candidateDocuments(query.value, index().words, stems);
    const only = request.documents && new Set(request.documents);
    const candidates = found && only ? new Set([...found].filter((id) => only.has(id))) : (found ?? only);
    // Words cannot backtrack; an expression can, and runs where it can be stopped.
    if (query.value.kind === 'words')
      return hitsInContext(texts(candidates), query.value, {
        context: request.context,
        limit,
        stems,
        bodyOnly: request.bodyOnly,
      });
    expression?.stop();
    expression = regexConcordance([...texts(candidates)] as [string, string][], request, {
      limit,
      timeLimitMs: options.regexTimeLimitMs,
    });
    return expression.done;
  };
  // The documents opened last, as served, with the version of the file they were read from.
  const recent = new Map<string, { version: string; document: CorpusDocument }>();
  return {
    indexing,
    listing: () => ({ id: corpusId(root), name: basename(root), root, documents: documents(), skipped }),
    async document(id, encoding) {
      const source = sources.get(id);
      if (!source) throw new Error(`No document "${id}" in corpus ${basename(root)}.`);
      const key = `${id}\u0000${encoding ?? ''}`;
      const unchanged = await fileVersion(root, source.file);
      const kept = recent.get(key);
      if (unchanged && kept?.version === unchanged) return remember(recent, key, kept, RECENT_DOCUMENTS).document;
      // A JSONL article is read from its line while the file is as listed, else found by its key.
      const line = source.line?.version === unchanged ? source.line : undefined;
      let found: LoadedDocument | undefined;
      for await (const read of readCorpusFile(root, source.file, fields, { encoding, only: source.key, line })) {
        // With an encoding picked by the user the file may be fine, only not readable that way.
        if ('skipped' in read)
          throw new Error(
            `${id} ${encoding ? `cannot be read as ${encoding}` : 'can no longer be read'}: ${read.skipped.reason}`,
          );
        found = read.document;
        break;
      }
      if (!found) throw new Error(`${id} is no longer in its file.`);
      if (found.source.line) source.line = found.source.line;
      // A changed file changes the listing too, so exports carry the text's current hash.
      summaries.set(id, found.summary);
      const document = { ...found.summary, text: found.text, segments: found.segments };
      if (unchanged) remember(recent, key, { version: unchanged, document }, RECENT_DOCUMENTS);
      return document;
    },
    search: (query, options) => index().search(query, options),
    concordance,
    close: () => saved?.texts.close(),
  };
}

/**
 * Why a document cannot be served under `id`, or undefined when it can. A record's id joins its
 * file's name and its key (`a.json#x.txt`), so it may equal another file's name (`a.json#x.txt`)
 * or be too long for the host contract; such an entry is skipped so that the rest still opens.
 */
function refuseId(id: string, owners: ReadonlyMap<string, string>): string | undefined {
  if (id.length > MAX_DOCUMENT_ID) {
    return `its id is ${id.length.toLocaleString('en')} characters long; an id may have at most ${MAX_DOCUMENT_ID.toLocaleString('en')}`;
  }
  const owner = owners.get(id);
  if (owner !== undefined) return `the id ${id} is already used by ${owner}`;
  const valid = DocumentId.safeParse(id);
  if (!valid.success) return `its id ${id} cannot be used: ${valid.error.issues.map((i) => i.message).join('; ')}`;
  return undefined;
}

const lineOf = ({ offset, length, number }: NonNullable<Source['line']>) => ({ offset, length, number });

/** Documents kept decoded, so that going back to one does not decode, segment and hash it again. */
const RECENT_DOCUMENTS = 8;

async function readFieldConfig(root: string): Promise<JsonFieldNames> {
  let raw: string;
  try {
    const file = await realpath(join(root, CORPUS_CONFIG));
    if (!isInside(root, file)) throw new Error(`${CORPUS_CONFIG} is ${OUTSIDE}.`);
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_JSON_FIELDS;
    throw error;
  }
  let config: { fields?: Partial<Record<keyof JsonFieldNames, string | string[]>> } | null;
  try {
    config = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${CORPUS_CONFIG} is not valid JSON: ${(error as Error).message}`);
  }
  const named = Object.entries(config?.fields ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]);
  return { ...DEFAULT_JSON_FIELDS, ...Object.fromEntries(named) };
}

/**
 * Every file under `root` that might be a document. Hidden entries, links leading outside the
 * folder, and unsupported types are listed as skipped with the reason; nothing outside is read.
 */
async function listFiles(root: string): Promise<{ files: ListedFile[]; skipped: SkippedFile[] }> {
  const files: ListedFile[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => compareCodeUnits(a.name, b.name));
    // Looked at all at once (the disk answers several at a time), then taken in name order.
    const looked = await Promise.all(
      entries.map(async (entry): Promise<Looked> => {
        const path = join(dir, entry.name);
        const name = relative(root, path).split(sep).join('/');
        if (entry.name.startsWith('.')) return { skipped: { path: name, reason: 'hidden' } };
        if (entry.name === CORPUS_CONFIG) return undefined;
        if (entry.isDirectory()) return { folder: path, name };
        const link = entry.isSymbolicLink();
        const real = link ? await realpath(path).catch(() => undefined) : path;
        if (!real || !isInside(root, real))
          return { skipped: { path: name, reason: real ? OUTSIDE : 'a broken link' } };
        const info = await lstat(real).catch(() => undefined);
        if (info?.isDirectory()) return { skipped: { path: name, reason: 'a link to a folder (not followed)' } };
        if (!KINDS[extname(entry.name).toLowerCase()]) {
          return { skipped: { path: name, reason: 'not a supported type (.txt, .md, .html, .htm, .json, .jsonl)' } };
        }
        // A link's target is looked at again when read; a file's own details tell whether it changed.
        return { file: { path, info: link ? undefined : info } };
      }),
    );
    for (const found of looked) {
      if (!found) continue;
      if ('skipped' in found) skipped.push(found.skipped);
      else if ('file' in found) files.push(found.file);
      else {
        // An unreadable folder is skipped like an unreadable file; the rest of the corpus loads.
        const problem = await walk(found.folder).then(
          () => undefined,
          (error: NodeJS.ErrnoException) => error.code ?? error.message,
        );
        if (problem) skipped.push({ path: found.name, reason: `cannot be read (${problem})` });
      }
    }
  };
  await walk(root);
  return { files, skipped };
}

type Looked = { skipped: SkippedFile } | { file: ListedFile } | { folder: string; name: string } | undefined;

/** A file of the corpus, with what `lstat` said of it when it is not a link. */
interface ListedFile {
  path: string;
  info?: Stats;
}
