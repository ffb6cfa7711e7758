import { strToU8, unzipSync, zipSync } from 'fflate';
import { fail, ok, type Problem, type Result } from '../result';

/**
 * Zip archives as an import reads them: the app exports several files (brat's .txt, .ann and
 * .conf) as one zip, written with fflate's zipSync, so the import and the CLI take a zip and
 * read the files inside it as if they had been given one by one.
 *
 * A zip is refused whole, with the reason, when it is damaged, encrypted, or would expand to more
 * than the limits: its declared sizes are checked before anything is inflated (fflate then
 * inflates each file into a buffer of its declared size, so it can write no more), and the bytes
 * actually inflated are counted and checked against the declared sizes and their CRC-32.
 */

export interface ZipLimits {
  /** Most bytes all the files of one zip may hold, uncompressed. */
  bytes: number;
  /** Most entries (files and folders) one zip may hold. */
  entries: number;
}

export const ZIP_LIMITS: ZipLimits = { bytes: 200 * 1024 * 1024, entries: 10_000 };

/** One file of a zip: its name relative to the zip's folder, with forward slashes, and its bytes. */
export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** What a zip's name ends with; the import's file chooser offers it beside the formats' own extensions. */
export const ZIP_EXTENSION = '.zip';

/** A REFI-QDA project (.qdpx) is a zip under another name. */
export const ARCHIVE_EXTENSIONS = [ZIP_EXTENSION, '.qdpx'];

export const isZipName = (name: string) =>
  ARCHIVE_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));

/**
 * How an import names a file of an archive: a REFI-QDA project's files under the project's own
 * name ("study.qdpx/project.qde"), so that reports name the project and two projects imported at
 * once keep their sources apart; a plain zip's files as they are.
 */
export const archivedName = (archive: string, entry: string) =>
  /\.qdpx$/i.test(archive) ? `${archive.split('/').pop()}/${entry}` : entry;

/** Files as one zip: inside `folder` when one is given, as the app's exports of several files are; else at its root. */
export function zipArchive(files: readonly { name: string; content: string }[], folder?: string): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [folder ? `${folder}/${f.name}` : f.name, strToU8(f.content)])));
}

/** Zip's method numbers: 0 stored, 8 deflated (all fflate reads), 99 AES encryption (WinZip). */
const STORED = 0;
const DEFLATED = 8;
const AES = 99;
/** General purpose flag bit 0: the entry is encrypted. */
const ENCRYPTED = 1;

const u16 = (d: Uint8Array, at: number) => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;
const u64 = (d: Uint8Array, at: number) => u32(d, at) + u32(d, at + 4) * 2 ** 32;

interface Directory {
  count: number;
  offset: number;
}

/** The end of central directory record (zip64's where present): how many entries, and where they are listed. */
function endOfDirectory(data: Uint8Array): Directory | string {
  let end = data.length - 22;
  while (end >= 0 && u32(data, end) !== 0x06054b50) {
    // The record ends the file but for a comment of at most 65,535 bytes.
    if (data.length - end > 22 + 0xffff) return 'not a zip archive';
    end--;
  }
  if (end < 0) return 'not a zip archive';
  const directory = { count: u16(data, end + 10), offset: u32(data, end + 16) };
  if (end >= 20 && u32(data, end - 20) === 0x07064b50) {
    const zip64 = u64(data, end - 12);
    if (zip64 + 56 > data.length || u32(data, zip64) !== 0x06064b50) return 'its zip64 directory is damaged';
    return { count: u64(data, zip64 + 32), offset: u64(data, zip64 + 48) };
  }
  return directory;
}

/** Each entry's flags and CRC-32, in the central directory's order (fflate's unzipSync reports neither). */
function flagsAndChecksums(data: Uint8Array, { count, offset }: Directory): { flags: number; crc: number }[] | string {
  const found: { flags: number; crc: number }[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) return 'its list of files is damaged';
    found.push({ flags: u16(data, at + 8), crc: u32(data, at + 16) });
    at += 46 + u16(data, at + 28) + u16(data, at + 30) + u16(data, at + 32);
  }
  return found;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Folders, and what macOS and others add beside the files (__MACOSX/, .DS_Store): not part of the content. */
const isSkipped = (name: string) =>
  name.endsWith('/') || name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

/** A name that would step outside the zip's folder, or start at a root or a drive. */
const isUnsafe = (name: string) => /^([/]|[A-Za-z]:)/.test(name) || name.split('/').some((part) => part === '..');

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} kB`;

interface Declared {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

/**
 * The files of a zip, or why it cannot be read (every problem's path is `zipName`). When all the
 * files sit in one folder, as in the app's exports, names are relative to that folder, as the
 * CLI names the files of a folder it is given; other folders are kept in the names.
 */
export function zipEntries(
  zipName: string,
  data: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Result<ZipEntry[], Problem[]> {
  const refuse = (reason: string) => fail([{ path: zipName, message: `${reason}; nothing of it was read` }]);
  const directory = endOfDirectory(data);
  if (typeof directory === 'string') return refuse(`${directory} (or a damaged one)`);
  if (directory.count > limits.entries) {
    return refuse(
      `it holds ${directory.count.toLocaleString('en')} entries, more than the ${limits.entries.toLocaleString('en')} a zip may hold`,
    );
  }
  const checks = flagsAndChecksums(data, directory);
  if (typeof checks === 'string') return refuse(`the zip is damaged: ${checks}`);
  if (checks.some((c) => c.flags & ENCRYPTED))
    return refuse('it is encrypted; unzip it with its password and import the files');

  // First pass: fflate walks the directory and reports each entry's declared sizes; nothing is inflated.
  const declared: Declared[] = [];
  try {
    unzipSync(data, {
      filter: (file) => {
        declared.push({ ...file, name: file.name.replace(/\\/g, '/') });
        return false;
      },
    });
  } catch (error) {
    return refuse(`the zip is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (declared.length !== checks.length) return refuse('the zip is damaged: its list of files is inconsistent');
  if (declared.some((d) => d.compression === AES))
    return refuse('it is encrypted; unzip it with its password and import the files');
  const odd = declared.find((d) => d.compression !== STORED && d.compression !== DEFLATED);
  if (odd)
    return refuse(
      `${odd.name} is compressed with method ${odd.compression}; only stored and deflated files can be read`,
    );
  const unsafe = declared.find((d) => isUnsafe(d.name));
  if (unsafe) return refuse(`the name ${JSON.stringify(unsafe.name)} points outside the zip`);
  const total = declared.reduce((sum, d) => sum + d.originalSize, 0);
  if (total > limits.bytes) {
    return refuse(
      `its files would take ${sizeOf(total)} unzipped, more than the ${sizeOf(limits.bytes)} an import may hold`,
    );
  }
  const names = new Set<string>();
  for (const d of declared) {
    if (names.has(d.name)) return refuse(`it holds ${d.name} twice`);
    names.add(d.name);
  }

  // Second pass: inflate the files that are content, each into a buffer of its declared size.
  const wanted = new Map(declared.map((d, i) => [d.name, { ...d, crc: checks[i]?.crc ?? 0 }]));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (file) => !isSkipped(file.name.replace(/\\/g, '/')) });
  } catch (error) {
    return refuse(`the zip is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entries: ZipEntry[] = [];
  let inflated = 0;
  for (const [raw, bytes] of Object.entries(files)) {
    const name = raw.replace(/\\/g, '/');
    const entry = wanted.get(name);
    inflated += bytes.length;
    if (!entry || bytes.length !== entry.originalSize || crc32(bytes) !== entry.crc) {
      return refuse(`the zip is damaged: ${name} does not unzip to the content it declares`);
    }
    if (inflated > limits.bytes)
      return refuse(`its files take more than the ${sizeOf(limits.bytes)} an import may hold`);
    entries.push({ name, bytes });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return ok(withoutCommonFolder(entries));
}

/** Names relative to the one folder every file is in, if there is one. */
function withoutCommonFolder(entries: ZipEntry[]): ZipEntry[] {
  const [first] = entries;
  const slash = first?.name.indexOf('/') ?? -1;
  if (!first || slash < 0) return entries;
  const folder = first.name.slice(0, slash + 1);
  if (!entries.every((e) => e.name.startsWith(folder))) return entries;
  return entries.map((e) => ({ name: e.name.slice(folder.length), bytes: e.bytes }));
}
