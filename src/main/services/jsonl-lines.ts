import { open } from 'node:fs/promises';

/** One line of a JSONL file: where its bytes are, and the bytes unless the line is longer than allowed. */
export interface JsonlLine {
  /** 1-based. */
  line: number;
  /** The line's first byte in the file. */
  offset: number;
  /** Its length in bytes, without the line break. */
  length: number;
  /** Undefined when the line is longer than `maxLineBytes`: it was passed over, never held whole. */
  bytes?: Uint8Array;
}

/** How much of the file is read at a time. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Every non-blank line of a file, read a chunk at a time: memory holds one chunk and the line
 * being read, never the file, so a dump of any size is listed in one pass. A `\r` before `\n` is
 * not part of the line.
 */
export async function* jsonlLines(file: string, maxLineBytes: number): AsyncGenerator<JsonlLine> {
  const handle = await open(file, 'r');
  try {
    const chunk = new Uint8Array(CHUNK_BYTES);
    // The start of the current line, kept across chunks; dropped once it is known to be too long.
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let tooLong = false;
    let line = 1;
    let lineStart = 0;
    let position = 0;
    const finish = (end: number): JsonlLine | undefined => {
      let bytes = tooLong ? undefined : concat(pending, pendingBytes);
      let length = end - lineStart;
      if (bytes && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      if (bytes) length = bytes.length;
      const blank = bytes?.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
      const found = blank ? undefined : { line, offset: lineStart, length, bytes };
      pending = [];
      pendingBytes = 0;
      tooLong = false;
      return found;
    };
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      let from = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, from);
        const end = newline === -1 || newline >= bytesRead ? bytesRead : newline;
        if (!tooLong) {
          pendingBytes += end - from;
          if (pendingBytes > maxLineBytes + 1) {
            tooLong = true;
            pending = [];
          } else pending.push(chunk.slice(from, end));
        }
        if (end === bytesRead) break;
        const found = finish(position + end);
        if (found) yield found;
        line++;
        lineStart = position + end + 1;
        from = end + 1;
      }
      position += bytesRead;
    }
    const last = finish(position);
    if (last) yield last;
  } finally {
    await handle.close();
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/** The bytes of one line, read again from where the listing found them. */
export async function readRange(file: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const bytes = new Uint8Array(length);
    const { bytesRead } = await handle.read(bytes, 0, length, offset);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
