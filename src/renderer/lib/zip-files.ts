import type { FileEntry } from '../../shared/formats/interchange';
import { zipArchive } from '../../shared/formats/zip-entries';

/** Several files as one zip (in `folder`, or at its root), base64-encoded for the host's save call. */
export function zipFiles(files: readonly FileEntry[], folder?: string): string {
  const zip = zipArchive(files, folder);
  let binary = '';
  for (const byte of zip) binary += String.fromCharCode(byte);
  return btoa(binary);
}
