import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'framing-atomic-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const leftovers = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('writes the content exactly as UTF-8, including non-ASCII text', async () => {
    const target = join(folder, 'export.jsonl');
    const content = '{"text":"Россия и Белоруссия 😀 — ü"}\r\n{"n":2}\n';
    await writeFileAtomic(target, content);
    expect(await readFile(target)).toEqual(Buffer.from(content, 'utf8'));
    expect(await readdir(folder)).toEqual(['export.jsonl']);
  });

  it('writes an empty file', async () => {
    const target = join(folder, 'empty.txt');
    await writeFileAtomic(target, '');
    expect((await stat(target)).size).toBe(0);
  });

  it('replaces an existing file, leaving nothing else behind', async () => {
    const target = join(folder, 'annotations.json');
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['annotations.json']);
  });

  it('rejects when the target folder does not exist, creating nothing', async () => {
    const target = join(folder, 'missing', 'out.txt');
    await expect(writeFileAtomic(target, 'content')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('rejects when the target is a folder, leaving it unchanged and no temporary file behind', async () => {
    const target = join(folder, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'original');
    await expect(writeFileAtomic(target, 'content')).rejects.toThrow();
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('original');
    expect(await leftovers(folder)).toEqual([]);
    expect((await readdir(folder, { recursive: true })).sort()).toEqual(['taken', join('taken', 'inside.txt')]);
  });

  it('saves under a name near the file-system limit', async () => {
    const target = join(folder, `${'n'.repeat(250)}.txt`);
    await writeFile(target, 'original');
    await writeFileAtomic(target, 'replacement');
    expect(await readFile(target, 'utf8')).toBe('replacement');
    expect(await leftovers(folder)).toEqual([]);
  });

  it('lets two saves to the same file at once both finish, leaving one whole version', async () => {
    const target = join(folder, 'export.json');
    const results = await Promise.allSettled([writeFileAtomic(target, 'first'), writeFileAtomic(target, 'second')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(['first', 'second']).toContain(await readFile(target, 'utf8'));
    expect(await leftovers(folder)).toEqual([]);
  });
});
