import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../main/services/atomic-write';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Creates `dir` and the folders above it that are missing, each with one plain mkdir. Node's
 * `mkdir(dir, { recursive: true })` is not used: where mkdir fails with ENOENT although the
 * parent exists (any path under /proc), it retries the parent and the child forever.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      if ((await stat(at)).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a folder, mkdir '${at}'`), { code: 'ENOTDIR' });
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw error;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      // Made meanwhile by someone else: fine, as long as it is a folder (the next mkdir or the write says if not).
      if (codeOf(error) !== 'EEXIST') throw error;
    }
  }
}

/** Writes one output file whole (creating its folder), or fails with one line naming the path and the reason. */
export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await makeFolder(dirname(path));
    await writeFileAtomic(path, content);
  } catch (error) {
    throw new Error(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
