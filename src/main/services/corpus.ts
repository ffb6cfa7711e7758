import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { analyseText } from '../../shared/corpus/analyse';
import type { CorpusDocument, CorpusListing, DocumentSummary, SkippedFile } from '../../shared/model/document';

const SUPPORTED_EXTENSIONS = ['.txt', '.md'];
/** Larger files are refused rather than read into memory whole. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface Corpus {
  listing(): CorpusListing;
  document(id: string): CorpusDocument;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The served text: UTF-8 decoded as is (a byte-order mark is not text and is dropped). */
export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Reads every supported file under `root` once. Documents are addressed by their relative path;
 * an id is only ever looked up in this map, never joined onto the file system.
 */
export async function openCorpus(root: string): Promise<Corpus> {
  const documents = new Map<string, CorpusDocument>();
  const skipped: SkippedFile[] = [];
  for (const path of await listFiles(root)) {
    const id = relative(root, path).split(sep).join('/');
    const name = basename(path);
    if (name.startsWith('.')) {
      skipped.push({ path: id, reason: 'hidden file' });
      continue;
    }
    if (!SUPPORTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
      skipped.push({ path: id, reason: 'not a supported file type (.txt, .md)' });
      continue;
    }
    const loaded = await loadDocument(path, id);
    if ('reason' in loaded) skipped.push(loaded);
    else documents.set(id, loaded);
  }
  const summaries = [...documents.values()]
    .map(({ id, title, language, sha256, length }): DocumentSummary => ({ id, title, language, sha256, length }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const listing: CorpusListing = { name: basename(root), documents: summaries, skipped };
  return {
    listing: () => listing,
    document(id) {
      const found = documents.get(id);
      if (!found) throw new Error(`No document "${id}" in corpus ${listing.name}.`);
      return found;
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.isFile() || (entry.isDirectory() && !entry.name.startsWith('.')))
      .map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat().sort();
}

async function loadDocument(path: string, id: string): Promise<CorpusDocument | SkippedFile> {
  const { size } = await stat(path);
  if (size > MAX_FILE_BYTES) return { path: id, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  let text: string;
  try {
    text = decodeText(await readFile(path));
  } catch {
    return { path: id, reason: 'not valid UTF-8 text' };
  }
  const { title, language, segments } = analyseText(text, basename(path));
  return { id, title, language, sha256: sha256(text), length: text.length, text, segments };
}
