import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_JSON_FIELDS } from '../../shared/corpus/json-corpus';
import { openCorpus } from './corpus';
import type { Read } from './corpus-file';
import { PARALLEL_FROM_FILES, readFiles } from './corpus-readers';

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

const documentsOf = (reads: Read[][]) =>
  reads.flatMap((r) => r.flatMap((read) => ('document' in read ? [read.document.summary] : [])));

describe('the parallel first read', () => {
  it('gives what reading in one thread gives, in the same order', async () => {
    const here: Read[][] = [];
    for await (const reads of readFiles(root, DEFAULT_JSON_FIELDS, files, { threads: 1 })) here.push(reads);
    const warn = vi.spyOn(console, 'warn');
    const parallel: Read[][] = [];
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
    expect(two.search('интеграции')).toHaveLength(PARALLEL_FROM_FILES * 1.5);
    expect((await two.document('news/article-0007.txt')).text).toContain('Article number 7.');
  });

  it('reads here what a thread that cannot start would have read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = new URL('data:text/javascript,throw new Error("no thread today")');
    const reads: Read[][] = [];
    for await (const read of readFiles(root, DEFAULT_JSON_FIELDS, files, { threads: 2, worker: broken }))
      reads.push(read);
    expect(documentsOf(reads)).toHaveLength(files.length);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no thread today'));
    warn.mockRestore();
  });
});
