import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, truncate, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { SnippetTexts } from '../../shared/corpus/search';
import { DocumentSummary, SkippedFile } from '../../shared/model/document';
import { writeFileAtomic } from './atomic-write';
import { MAX_ARTICLE_BYTES } from './corpus-file';

/**
 * The corpus index saved in the app's data folder, one folder per corpus: what reading each file
 * gave (its documents' summaries, where a JSONL article's line is, what was skipped), keyed by the
 * file's path and version (real path, inode, size, modification and change times), the search
 * index, and the texts the search cuts its snippets from. Reopening reads only the files whose
 * version changed. Nothing read from here is trusted: a file that does not parse, was written by
 * another version, for another folder or field configuration, or disagrees with its neighbours
 * is discarded and the corpus read anew.
 */

/** Where the browser host and the CLI keep corpus indexes unless told otherwise; Electron keeps them in its user-data folder. */
export const DEFAULT_INDEX_FOLDER = join(homedir(), '.framing-workbench', 'corpus-index');

const FORMAT = 'framing-workbench corpus index';
/** Raised whenever what is saved changes meaning, so an older app's index is rebuilt, never misread. */
export const INDEX_VERSION = 2;

/** A modification this close to the index's own time may share its clock tick: such a file is read again (git's "racy clean"). */
const RACY_MS = 2000;

// Bounded as reading bounds them, so that a doctored index cannot make the host allocate more.
const Line = z.object({
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative().max(MAX_ARTICLE_BYTES),
  number: z.number().int().positive(),
});
/** An article's text in UTF-8: at most three bytes for each UTF-16 unit of its file's bytes. */
const MAX_TEXT_BYTES = 3 * MAX_ARTICLE_BYTES;
const IndexedDocument = z.object({
  summary: DocumentSummary,
  /** Where it is, for the skipped list: the file's name or the record's place in it. */
  path: z.string(),
  key: z.string().optional(),
  line: Line.optional(),
  /** Its text's bytes (UTF-8) in the texts file; none when it was not served (its id was taken). */
  text: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative().max(MAX_TEXT_BYTES)]).optional(),
});
const IndexedFile = z.object({
  version: z.string(),
  documents: z.array(IndexedDocument),
  skipped: z.array(SkippedFile),
});
const Saved = z.object({
  format: z.literal(FORMAT),
  version: z.literal(INDEX_VERSION),
  root: z.string(),
  /** The field names a JSON corpus is read with: other names would have read other documents. */
  fields: z.string(),
  /** When the index was written (ms): files modified after it, or just before, are read again. */
  at: z.number(),
  /** The search index's SHA-256: the two were saved together, and it is whole. */
  search: z.string().regex(/^[0-9a-f]{64}$/),
  /** How much of the texts file holds texts of this index; anything after is a write that never finished. */
  textBytes: z.number().int().nonnegative(),
  files: z.record(z.string(), IndexedFile),
});

export type IndexedDocument = z.infer<typeof IndexedDocument>;
export type IndexedFile = z.infer<typeof IndexedFile>;

export interface IndexLocation {
  /** The app's folder of corpus indexes (one folder per corpus inside). */
  folder: string;
  corpusId: string;
  root: string;
  /** The field configuration, as text. */
  fields: string;
}

/** An index taken up from disk: the files' entries, the search index and the texts file. */
export interface OpenedIndex {
  files: Map<string, IndexedFile>;
  /** The search index as saved, for `new CorpusSearch`. */
  search: Uint8Array | undefined;
  texts: TextsFile;
  /**
   * Whether an entry for a file of this version may be used without reading the file: the file is
   * as it was, and every document has its text saved (one whose id was taken has none).
   */
  fresh(entry: IndexedFile | undefined, version: string | undefined, modifiedMs: number): entry is IndexedFile;
  /** Saves the index as it is now and lets other windows index the corpus. */
  save(files: ReadonlyMap<string, IndexedFile>, search: Uint8Array): Promise<void>;
  /** Lets other windows index the corpus without saving (nothing changed, or saving failed). */
  release(): Promise<void>;
  /** Why the saved index was not used, when it was not (for the log and the tests). */
  discarded?: string;
}

const paths = (location: IndexLocation) => {
  const folder = join(location.folder, location.corpusId);
  return {
    folder,
    files: join(folder, 'files.json'),
    search: join(folder, 'search.bin'),
    /** Where version 1 kept its search index, removed when a later version saves. */
    searchJson: join(folder, 'search.json'),
    texts: join(folder, 'texts.bin'),
    lock: join(folder, 'lock'),
  };
};

/** A lock older than this was left by a window that ended mid-index. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/**
 * Takes up the corpus's saved index, or starts an empty one where there is none or it cannot be
 * trusted. Undefined when another window is indexing the same corpus now: the caller reads the
 * corpus without an index, as the CLI's --no-cache does, and the other window's index is kept.
 */
export async function openIndex(location: IndexLocation): Promise<OpenedIndex | undefined> {
  const at = paths(location);
  await mkdir(at.folder, { recursive: true });
  if (!(await takeLock(at.lock))) return undefined;
  try {
    const loaded = await readSaved(location, at);
    const saved = 'saved' in loaded ? loaded.saved : undefined;
    const textBytes = saved?.textBytes ?? 0;
    // Texts a crash left after the last save are cut off; they belong to no saved index.
    const size = await stat(at.texts).then(
      (info) => info.size,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (size === undefined) await (await open(at.texts, 'w')).close();
    else if (size !== textBytes) await truncate(at.texts, textBytes);
    const texts = new TextsFile(at.texts, textBytes);
    const started = Date.now();
    const savedAt = saved?.at ?? 0;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await unlink(at.lock).catch(() => undefined);
    };
    return {
      files: new Map(Object.entries(saved?.files ?? {})),
      search: 'search' in loaded ? loaded.search : undefined,
      texts,
      discarded: 'discarded' in loaded ? loaded.discarded : undefined,
      fresh: (entry, version, modifiedMs): entry is IndexedFile =>
        entry !== undefined &&
        version !== undefined &&
        entry.version === version &&
        modifiedMs < savedAt - RACY_MS &&
        entry.documents.every((document) => document.text),
      async save(files, search) {
        try {
          // A text that could not be written (a full disk) would be missing from the saved index.
          if (texts.failed) throw texts.failed;
          await texts.compact(files);
          // The search index first: files.json names its hash, so a crash between the two leaves
          // a pair that disagrees, which the next open discards.
          await writeFileAtomic(at.search, search);
          await rm(at.searchJson, { force: true });
          const record: z.input<typeof Saved> = {
            format: FORMAT,
            version: INDEX_VERSION,
            root: location.root,
            fields: location.fields,
            at: started,
            search: sha256(search),
            textBytes: texts.length,
            files: Object.fromEntries(files),
          };
          await writeFileAtomic(at.files, JSON.stringify(record));
        } finally {
          await release();
        }
      },
      release,
    };
  } catch (error) {
    await unlink(at.lock).catch(() => undefined);
    throw error;
  }
}

/** Removes a corpus's saved index (for `--no-cache` runs that should leave none, and for tests). */
export async function clearIndex(location: Pick<IndexLocation, 'folder' | 'corpusId'>): Promise<void> {
  await rm(join(location.folder, location.corpusId), { recursive: true, force: true });
}

async function takeLock(lock: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, at: Date.now() }));
      await handle.close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await isStale(lock))) return false;
      await unlink(lock).catch(() => undefined);
    }
  }
  return false;
}

/** A lock is stale when its process is gone or it is older than any indexing takes. */
async function isStale(lock: string): Promise<boolean> {
  try {
    const { pid } = JSON.parse(await readFile(lock, 'utf8')) as { pid?: unknown };
    const { mtimeMs } = await stat(lock);
    if (Date.now() - mtimeMs > STALE_LOCK_MS) return true;
    if (typeof pid !== 'number') return true;
    if (pid === process.pid) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ESRCH: no such process. EPERM: it exists but is another user's.
    return code !== 'EPERM' && code !== 'ENOENT';
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Loaded = { saved: z.infer<typeof Saved>; search: Uint8Array } | { discarded: string } | { none: true };

async function readSaved(location: IndexLocation, at: ReturnType<typeof paths>): Promise<Loaded> {
  let filesJson: string;
  try {
    filesJson = await readFile(at.files, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { none: true };
    return { discarded: `the index cannot be read (${(error as Error).message})` };
  }
  let saved: z.infer<typeof Saved>;
  try {
    const parsed = Saved.safeParse(JSON.parse(filesJson));
    if (!parsed.success) return { discarded: 'the index was written by another version, or is damaged' };
    saved = parsed.data;
  } catch {
    return { discarded: 'the index is not valid JSON (cut off?)' };
  }
  if (saved.root !== location.root) return { discarded: 'the index is of another folder' };
  if (saved.fields !== location.fields) return { discarded: 'the corpus configuration changed' };
  try {
    const { size } = await stat(at.texts);
    if (size < saved.textBytes) return { discarded: 'the texts file is shorter than the index says' };
    const search = await readFile(at.search);
    if (sha256(search) !== saved.search) return { discarded: 'the search index does not belong to the index' };
    return { saved, search };
  } catch (error) {
    return { discarded: `the index is incomplete (${(error as Error).message})` };
  }
}

/**
 * The texts the search cuts snippets from, one after another in one file, each document's
 * bytes recorded in its entry. New texts are appended as they are read; a document that goes
 * leaves its bytes unused until the file is compacted. Reads and writes are small and
 * synchronous because the search asks for its snippets synchronously.
 */
export class TextsFile implements SnippetTexts {
  #fd: number;
  #length: number;
  #ranges = new Map<string, readonly [number, number]>();
  #path: string;

  constructor(path: string, length: number) {
    this.#path = path;
    this.#fd = openSync(path, 'r+');
    this.#length = length;
  }

  /** Takes up a text saved before, for a document served again from its index entry. */
  adopt(id: string, range: readonly [number, number]) {
    if (range[0] + range[1] > this.#length) throw new Error(`the text of ${id} lies past the end of the texts file`);
    this.#ranges.set(id, range);
  }

  get length() {
    return this.#length;
  }

  /** Where a document's text is, for its index entry. */
  range(id: string): [number, number] | undefined {
    const range = this.#ranges.get(id);
    return range && [range[0], range[1]];
  }

  /** The write that failed (a full disk): from then on texts are kept in memory and the index is not saved. */
  failed: Error | undefined;
  #held = new Map<string, string>();

  get(id: string): string | undefined {
    const held = this.#held.get(id);
    if (held !== undefined) return held;
    const range = this.#ranges.get(id);
    if (!range) return undefined;
    const bytes = Buffer.allocUnsafe(range[1]);
    readSync(this.#fd, bytes, 0, range[1], range[0]);
    return bytes.toString('utf8');
  }

  set(id: string, text: string): void {
    this.delete(id);
    if (!this.failed) {
      const bytes = Buffer.from(text, 'utf8');
      try {
        if (writeSync(this.#fd, bytes, 0, bytes.length, this.#length) !== bytes.length) throw new Error('short write');
        this.#ranges.set(id, [this.#length, bytes.length]);
        this.#length += bytes.length;
        return;
      } catch (error) {
        this.failed = error as Error;
      }
    }
    this.#held.set(id, text);
  }

  delete(id: string): void {
    this.#ranges.delete(id);
    this.#held.delete(id);
  }

  /**
   * Rewrites the file with only the texts still used once more than half of it is unused, and
   * points the entries at their new places.
   */
  async compact(files: ReadonlyMap<string, IndexedFile>): Promise<void> {
    let used = 0;
    for (const range of this.#ranges.values()) used += range[1];
    if (used * 2 >= this.#length) return;
    const temporary = `${this.#path}.${randomUUID()}.tmp`;
    const moved = new Map<string, readonly [number, number]>();
    let at = 0;
    try {
      const out = openSync(temporary, 'w');
      try {
        for (const [id, [offset, length]] of this.#ranges) {
          const bytes = Buffer.allocUnsafe(length);
          readSync(this.#fd, bytes, 0, length, offset);
          writeSync(out, bytes, 0, length, at);
          moved.set(id, [at, length]);
          at += length;
        }
      } finally {
        closeSync(out);
      }
      await rename(temporary, this.#path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    closeSync(this.#fd);
    this.#fd = openSync(this.#path, 'r+');
    this.#ranges = moved;
    this.#length = at;
    for (const file of files.values())
      for (const document of file.documents) {
        const range = document.text && moved.get(document.summary.id);
        if (range) document.text = [range[0], range[1]];
      }
  }

  close() {
    if (this.#fd < 0) return;
    closeSync(this.#fd);
    this.#fd = -1;
  }
}
