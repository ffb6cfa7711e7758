import type { FileEntry } from '../../../shared/formats/interchange';
import { archivedName, isZipName, ZIP_LIMITS, zipEntries } from '../../../shared/formats/zip-entries';
import type { Problem } from '../../../shared/result';

/** Larger files are refused before they are read into memory; a zip may unpack to no more than this either. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const NOT_UTF8 = 'not UTF-8 text; save it as UTF-8 and import it again';

/**
 * Reads dropped or chosen files as UTF-8 text; a file that is too large or not UTF-8 is refused by
 * name. A zip is read as the files in it (a damaged, encrypted or too large zip is refused whole).
 */
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
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      refused.push({
        path: name,
        message: `could not be read (${error instanceof Error ? error.message : String(error)})`,
      });
      continue;
    }
    if (isZipName(name)) {
      const unzipped = zipEntries(name, bytes, { ...ZIP_LIMITS, bytes: MAX_IMPORT_BYTES });
      if (!unzipped.ok) {
        refused.push(...unzipped.error);
        continue;
      }
      for (const entry of unzipped.value) {
        const content = decode(entry.bytes);
        if (content === undefined) refused.push({ path: `${name}/${entry.name}`, message: NOT_UTF8 });
        else entries.push({ name: archivedName(name, entry.name), content });
      }
      continue;
    }
    const content = decode(bytes);
    if (content === undefined) refused.push({ path: name, message: NOT_UTF8 });
    else entries.push({ name, content });
  }
  return { entries, refused };
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
