import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_JSON_FIELDS } from '../../shared/corpus/json-corpus';
import { openCorpus } from './corpus';
import type { Read } from './corpus-file';
import { type FileReads, PARALLEL_FROM_FILES, readFiles } from './corpus-readers';

let root: string;
const files: string[] = [];

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'framing-readers-')));
  await mkdir(join(root, 'news'));
  for (let i = 0; i < PARALLEL_FROM_FILES * 3; i++) {
    const file = join(root, 'news', `article-${String(i).padStart(4, '0')}.txt`);
    const language = i % 2 ? 'Минск и Москва договорились об интеграции.' : 'Minsk and Moscow agreed on integration.';
    await writeFile(file, `Headline ${i}\n\n${language} Article number ${i}.\n`);
    files.push(file);
  }
  // Two records of one JSONL file and a text file share an id: the first in reading order keeps it.
  await writeFile(join(root, 'a.jsonl'), `${JSON.stringify({ id: 'x.txt', text: 'The record.' })}\n`);
  await writeFile(join(root, 'a.jsonl#x.txt'), 'The file.\n');
  await writeFile(join(root, 'empty.txt'), '');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const documentsOf = (parts: FileReads[]) =>
  parts.flatMap((part) => part.reads.flatMap((read: Read) => ('document' in read ? [read.document.summary] : [])));

describe('the parallel first read', () => {
  it('gives what reading in one thread gives, in the same order', async () => {
    const here: FileReads[] = [];
    for await (const reads of readFiles(root, DEFAULT_JSON_FIELDS, files, { threads: 1 })) here.push(reads);
    const warn = vi.spyOn(console, 'warn');
    const parallel: FileReads[] = [];
    for await (const reads of readFiles(root, DEFAULT_JSON_FIELDS, files, { threads: 2 })) parallel.push(reads);
    // Read by the threads, not by this one after they failed.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(parallel).toHaveLength(files.length);
    expect(documentsOf(parallel)).toEqual(documentsOf(here));
  });

  it('opens the same corpus with threads as without, the first holder of an id keeping it', async () => {
    const one = await openCorpus(root, { threads: 1 });
    const two = await openCorpus(root, { threads: 2 });
    expect(two.listing()).toEqual(one.listing());
    expect(two.listing().skipped).toEqual([
      { path: 'a.jsonl#x.txt', reason: 'the id a.jsonl#x.txt is already used by a.jsonl:1' },
      { path: 'empty.txt', reason: 'empty file' },
    ]);
    expect(two.search('интеграции').hits).toHaveLength(PARALLEL_FROM_FILES * 1.5);
    expect((await two.document('news/article-0007.txt')).text).toContain('Article number 7.');
  });

  it('analyses a JSONL dump in the threads, a batch at a time, and lists it as one thread does', async () => {
    const dump = await realpath(await mkdtemp(join(tmpdir(), 'framing-dump-')));
    try {
      const lines: string[] = [];
      for (let i = 0; i < 1200; i++) {
        const text =
          `Article ${i}. ${i % 2 ? 'Санкции и интеграция обсуждались в Минске.' : 'Sanctions were discussed in Minsk.'} `.repeat(
            40,
          );
        lines.push(JSON.stringify(i % 300 === 7 ? { id: `n${i}` } : { id: `n${i % 1000}`, text }));
      }
      await writeFile(join(dump, 'dump.jsonl'), `${lines.join('\n')}\n`);
      const file = [join(dump, 'dump.jsonl')];
      const warn = vi.spyOn(console, 'warn');
      const parts: FileReads[] = [];
      for await (const part of readFiles(dump, DEFAULT_JSON_FIELDS, file, { threads: 2 })) parts.push(part);
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();
      expect(parts.length).toBeGreaterThan(10);
      expect(parts.map((part) => part.last)).toEqual([...parts.slice(1).map(() => false), true]);
      const here: FileReads[] = [];
      for await (const part of readFiles(dump, DEFAULT_JSON_FIELDS, file, { threads: 1 })) here.push(part);
      expect(documentsOf(parts)).toEqual(documentsOf(here));
      // The records without text, and the later of two with one id, are skipped in their places.
      const skippedOf = (of: FileReads[]) =>
        of.flatMap((part) => part.reads.flatMap((read) => ('skipped' in read ? [read.skipped.path] : [])));
      expect(skippedOf(parts)).toEqual(skippedOf(here));
      expect(skippedOf(parts).slice(0, 5)).toEqual([
        'dump.jsonl:8',
        'dump.jsonl:308',
        'dump.jsonl:608',
        'dump.jsonl:908',
        'dump.jsonl:1001',
      ]);
      // 1,200 records: four without text, and 199 reusing an id (n7's first record had no text).
      expect(documentsOf(parts)).toHaveLength(997);
    } finally {
      await rm(dump, { recursive: true, force: true });
    }
  });

  it('reads here what a thread that cannot start would have read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = new URL('data:text/javascript,throw new Error("no thread today")');
    const reads: FileReads[] = [];
    for await (const read of readFiles(root, DEFAULT_JSON_FIELDS, files, { threads: 2, worker: broken }))
      reads.push(read);
    expect(documentsOf(reads)).toHaveLength(files.length);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no thread today'));
    warn.mockRestore();
  });
});
