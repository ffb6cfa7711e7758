import { strToU8, zipSync } from 'fflate';
import type { FileEntry } from '../../shared/formats/interchange';

/** Several files as one zip, base64-encoded for the host's save call. */
export function zipFiles(files: readonly FileEntry[], folder: string): string {
  const zip = zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, strToU8(f.content)])));
  let binary = '';
  for (const byte of zip) binary += String.fromCharCode(byte);
  return btoa(binary);
}
