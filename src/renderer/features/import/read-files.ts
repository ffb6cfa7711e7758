import type { FileEntry } from '../../../shared/formats/interchange';
import type { Problem } from '../../../shared/result';

/** Larger files are refused before they are read into memory. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads dropped or chosen files as UTF-8 text; a file that is too large or not UTF-8 is refused by name. */
export async function readFiles(files: readonly File[]): Promise<{ entries: FileEntry[]; refused: Problem[] }> {
  const entries: FileEntry[] = [];
  const refused: Problem[] = [];
  for (const file of files) {
    const name = file.webkitRelativePath || file.name;
    if (file.size > MAX_IMPORT_BYTES) {
      refused.push({
        path: name,
        message: `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files`,
      });
      continue;
    }
    try {
      entries.push({ name, content: utf8.decode(await file.arrayBuffer()) });
    } catch {
      refused.push({ path: name, message: 'not UTF-8 text; save it as UTF-8 and import it again' });
    }
  }
  return { entries, refused };
}
