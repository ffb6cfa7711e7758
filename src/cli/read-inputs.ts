import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { FileEntry } from '../shared/formats/interchange';

/**
 * The byte order mark is kept: brat counts it in a .txt's offsets (formats/brat.ts), and every
 * format drops it where it is no part of the content.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Files as the formats read them; a folder (a brat collection) contributes every file in it. */
export async function readInputs(paths: readonly string[]): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      for (const file of await walk(path))
        entries.push(await readEntry(file, relative(path, file).split(sep).join('/')));
    } else entries.push(await readEntry(path, basename(path)));
  }
  return entries;
}

async function readEntry(path: string, name: string): Promise<FileEntry> {
  try {
    return { name, content: utf8.decode(await readFile(path)) };
  } catch (error) {
    throw new Error(`${path}: ${(error as NodeJS.ErrnoException).code ? (error as Error).message : 'not UTF-8 text'}`);
  }
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}
