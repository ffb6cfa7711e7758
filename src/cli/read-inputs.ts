import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, posix, relative, sep } from 'node:path';
import type { FileEntry } from '../shared/formats/interchange';
import { archivedName, isZipName, zipEntries } from '../shared/formats/zip-entries';
import type { Problem } from '../shared/result';

/**
 * The byte order mark is kept: brat counts it in a .txt's offsets (formats/brat.ts), and every
 * format drops it where it is no part of the content.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const NOT_UTF8 = 'not UTF-8 text';

export interface Inputs {
  /** Files as the formats read them. */
  entries: FileEntry[];
  /** Each path (or file of a zip) that could not be read, with why; the rest are read all the same. */
  unreadable: Problem[];
}

/**
 * Files as the formats read them; a folder (a brat collection) contributes every file in it, and
 * a zip every file in it (a zip that is damaged, encrypted or too large contributes nothing).
 * A path that cannot be read is listed in `unreadable`, and the others are still read.
 */
export async function readInputs(paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { entries: [], unreadable: [] };
  for (const path of paths) {
    let files: { path: string; name: string }[];
    try {
      files = (await stat(path)).isDirectory()
        ? (await walk(path, inputs.unreadable)).map((file) => ({
            path: file,
            name: relative(path, file).split(sep).join('/'),
          }))
        : [{ path, name: basename(path) }];
    } catch (error) {
      inputs.unreadable.push({ path, message: reason(error) });
      continue;
    }
    for (const file of files) await readEntry(file.path, file.name, inputs);
  }
  return inputs;
}

async function readEntry(path: string, name: string, inputs: Inputs): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    inputs.unreadable.push({ path, message: reason(error) });
    return;
  }
  if (!isZipName(path)) {
    const content = decode(bytes);
    if (content === undefined) inputs.unreadable.push({ path, message: NOT_UTF8 });
    else inputs.entries.push({ name, content });
    return;
  }
  const unzipped = zipEntries(path, bytes);
  if (!unzipped.ok) {
    inputs.unreadable.push(...unzipped.error);
    return;
  }
  // A zip in a folder: its files are named from the folder, as the files beside it are.
  const folder = posix.dirname(name) === '.' ? '' : `${posix.dirname(name)}/`;
  for (const entry of unzipped.value) {
    const content = decode(entry.bytes);
    if (content === undefined) inputs.unreadable.push({ path: `${path}/${entry.name}`, message: NOT_UTF8 });
    else inputs.entries.push({ name: `${folder}${archivedName(path, entry.name)}`, content });
  }
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Node's own words for a file it cannot open or read (ENOENT, EACCES, EISDIR…). */
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every file under `dir`, in name order; a folder inside it that cannot be listed is noted and passed over. */
async function walk(dir: string, unreadable: Problem[]): Promise<string[]> {
  const found: string[] = [];
  let listed: Dirent[];
  try {
    listed = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ path: dir, message: reason(error) });
    return [];
  }
  for (const entry of listed) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path, unreadable)));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}

/** Prints each unreadable input on its own line under a ✗, as the commands report problems. */
export function reportUnreadable(unreadable: readonly Problem[]): void {
  for (const p of unreadable) console.error(`✗ ${p.path}: ${p.message}`);
}
