import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  appendFile,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rm,
  symlink,
  truncate,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CorpusSearch } from '../../shared/corpus/search';
import { type Corpus, corpusId, openCorpus } from './corpus';

let root: string;
let indexes: string;
let made: string[] = [];

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'framing-corpus-')));
  indexes = await realpath(await mkdtemp(join(tmpdir(), 'framing-indexes-')));
  made = [root, indexes];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const folder of made) await rm(folder, { recursive: true, force: true });
});

async function write(files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const open = () => openCorpus(root, { index: indexes });
const saved = (name: string) => join(indexes, corpusId(root), name);
const line = (value: object) => `${JSON.stringify(value)}\n`;
const ids = (corpus: Corpus) => corpus.listing().documents.map((d) => d.id);
const found = (corpus: Corpus, query: string) => corpus.search(query).hits.map((hit) => hit.id);
/**
 * Files modified within two seconds of an index's save are read again at the next open (they
 * may have changed within one tick of the clock); wait so that those written by a test are not.
 */
const ageFiles = () => new Promise((resolve) => setTimeout(resolve, 2100));

const CORPUS = {
  'a.txt': 'Minsk and Moscow\n\nThe minister spoke about sanctions in Minsk.\n',
  'b/b.txt': 'Integration roadmaps\n\nThe road maps were signed.\n',
  'feed.jsonl':
    line({ id: 'x', title: 'Threat', text: 'NATO expansion was called a threat.' }) +
    line({ id: 'y', text: 'Exports of potash fell.' }),
};

describe('the saved corpus index', () => {
  it('serves an unchanged corpus from the index without reading a file, with the same listing and search', async () => {
    await write(CORPUS);
    await ageFiles();
    const first = await open();
    expect(first.indexing).toEqual({ read: 3, reused: 0 });
    const second = await open();
    expect(second.indexing).toEqual({ read: 0, reused: 3 });
    expect(second.listing()).toEqual(first.listing());
    expect(second.search('sanctions').hits).toEqual(first.search('sanctions').hits);
    expect(second.search('potash').hits[0]?.snippet).toEqual(first.search('potash').hits[0]?.snippet);
    expect((await second.document('feed.jsonl#y')).text).toBe('Exports of potash fell.');
  });

  it('reads again only the files that changed, were added or went, and the search follows', async () => {
    await write(CORPUS);
    await ageFiles();
    await open();
    await write({
      'a.txt': 'Minsk\n\nThe minister spoke about tariffs instead.\n',
      'c.txt': 'New\n\nA new article on sanctions.\n',
    });
    await unlink(join(root, 'b/b.txt'));
    await appendFile(join(root, 'feed.jsonl'), line({ id: 'z', text: 'A third article about sanctions.' }));
    await ageFiles();
    const corpus = await open();
    expect(corpus.indexing).toEqual({ read: 3, reused: 0 });
    expect(ids(corpus)).toEqual(['a.txt', 'c.txt', 'feed.jsonl#x', 'feed.jsonl#y', 'feed.jsonl#z']);
    expect(found(corpus, 'sanctions').sort()).toEqual(['c.txt', 'feed.jsonl#z']);
    expect(found(corpus, 'roadmaps')).toEqual([]);
    expect(found(corpus, 'tariffs')).toEqual(['a.txt']);
    expect((await corpus.document('feed.jsonl#z')).text).toBe('A third article about sanctions.');
    // And that is what the index now holds.
    const again = await open();
    expect(again.indexing).toEqual({ read: 0, reused: 3 });
    expect(found(again, 'sanctions').sort()).toEqual(['c.txt', 'feed.jsonl#z']);
    expect(
      again
        .search('tariffs')
        .hits[0]?.snippet.map((part) => part.text)
        .join(''),
    ).toContain('tariffs instead');
  });

  it('reads a file again at the next open when it changed while the corpus was being indexed', async () => {
    await write(CORPUS);
    await ageFiles();
    const rewritten = line({ id: 'x', text: 'Rewritten while the corpus was indexed.' });
    // Files are read in order: once the first is done, the dump (the last) changes before it is read.
    const first = await openCorpus(root, {
      index: indexes,
      onProgress: (read) => {
        if (read === 1 && readFileSync(join(root, 'feed.jsonl'), 'utf8') !== rewritten)
          writeFileSync(join(root, 'feed.jsonl'), rewritten);
      },
    });
    expect(ids(first)).toEqual(['a.txt', 'b/b.txt', 'feed.jsonl#x']);
    await ageFiles();
    const second = await open();
    expect(second.indexing).toEqual({ read: 1, reused: 2 });
    expect(ids(second)).toEqual(['a.txt', 'b/b.txt', 'feed.jsonl#x']);
    expect(found(second, 'rewritten')).toEqual(['feed.jsonl#x']);
    expect((await second.document('feed.jsonl#x')).text).toBe('Rewritten while the corpus was indexed.');
  });

  it('keeps what a file had skipped', async () => {
    await write({ ...CORPUS, 'broken.jsonl': `${line({ id: 'ok', text: 'Fine.' })}{"cut` });
    await ageFiles();
    const first = await open();
    const second = await open();
    expect(second.indexing.reused).toBe(4);
    expect(second.listing().skipped).toEqual(first.listing().skipped);
    expect(second.listing().skipped).toEqual([
      { path: 'broken.jsonl:2', reason: expect.stringMatching(/not valid JSON/) },
    ]);
  });

  describe('an index that cannot be trusted is discarded and rebuilt, and the corpus opens', () => {
    const damages: [string, () => Promise<void>][] = [
      ['cut off', async () => truncate(saved('files.json'), 200)],
      [
        'written by another version',
        async () => {
          const record = JSON.parse(await readFile(saved('files.json'), 'utf8'));
          await writeFile(saved('files.json'), JSON.stringify({ ...record, version: 99 }));
        },
      ],
      ['foreign', async () => writeFile(saved('files.json'), JSON.stringify({ hello: 'world' }))],
      [
        'of another folder',
        async () => {
          const record = JSON.parse(await readFile(saved('files.json'), 'utf8'));
          await writeFile(saved('files.json'), JSON.stringify({ ...record, root: '/elsewhere' }));
        },
      ],
      ['with a search index of another save', async () => writeFile(saved('search.bin'), new CorpusSearch().save())],
      [
        'with its search index damaged',
        async () => {
          const bytes = await readFile(saved('search.bin'));
          bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
          await writeFile(saved('search.bin'), bytes);
        },
      ],
      ['with its search index missing', async () => unlink(saved('search.bin'))],
      ['with its texts cut short', async () => truncate(saved('texts.bin'), 10)],
      [
        'that says a line is larger than any article may be',
        async () => {
          const record = JSON.parse(await readFile(saved('files.json'), 'utf8'));
          record.files['feed.jsonl'].documents[0].line.length = 2 ** 31;
          await writeFile(saved('files.json'), JSON.stringify(record));
        },
      ],
    ];
    for (const [what, damage] of damages) {
      it(`an index ${what}`, async () => {
        await write(CORPUS);
        const first = await open();
        await damage();
        await ageFiles();
        const corpus = await open();
        expect(corpus.indexing.read).toBe(3);
        expect(corpus.indexing.unused).toMatch(/discarded/);
        expect(corpus.listing()).toEqual(first.listing());
        expect(found(corpus, 'potash')).toEqual(['feed.jsonl#y']);
        const rebuilt = await open();
        expect(rebuilt.indexing).toEqual({ read: 0, reused: 3 });
        expect(found(rebuilt, 'potash')).toEqual(['feed.jsonl#y']);
      });
    }
  });

  it('opens without the index while another window is indexing the corpus, and takes over a lock left behind', async () => {
    await write(CORPUS);
    await mkdir(join(indexes, corpusId(root)), { recursive: true });
    // This process is alive, so its lock is another window's.
    await writeFile(saved('lock'), JSON.stringify({ pid: process.pid, at: Date.now() }));
    const meanwhile = await open();
    expect(meanwhile.indexing).toEqual({ read: 3, reused: 0, unused: 'another window is indexing this corpus' });
    expect(ids(meanwhile)).toHaveLength(4);
    expect(found(meanwhile, 'potash')).toEqual(['feed.jsonl#y']);
    // A lock whose process has ended is stale.
    await writeFile(saved('lock'), JSON.stringify({ pid: 2 ** 22 + 1, at: Date.now() }));
    expect((await open()).indexing).toEqual({ read: 3, reused: 0 });
  });

  it('opens the corpus when the index cannot be kept at all, saying why', async () => {
    await write(CORPUS);
    await writeFile(join(indexes, corpusId(root)), 'a file where the index folder should be');
    const corpus = await open();
    expect(corpus.indexing.unused).toMatch(/cannot be kept/);
    expect(ids(corpus)).toHaveLength(4);
  });

  // /dev/full answers every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))(
    'opens and searches the corpus when the disk fills while the index is written, saying so',
    async () => {
      await write(CORPUS);
      await ageFiles();
      await mkdir(join(indexes, corpusId(root)), { recursive: true });
      await symlink('/dev/full', saved('texts.bin'));
      const corpus = await open();
      expect(corpus.indexing).toEqual({
        read: 3,
        reused: 0,
        unused: expect.stringMatching(/could not be saved \(ENOSPC/),
      });
      expect(ids(corpus)).toHaveLength(4);
      expect(
        corpus
          .search('potash')
          .hits[0]?.snippet.map((part) => part.text)
          .join(''),
      ).toContain('potash');
      // Nothing half-written is trusted: with room again, the next open reads every file.
      await unlink(saved('texts.bin'));
      expect((await open()).indexing).toMatchObject({ read: 3, reused: 0 });
      expect((await open()).indexing).toEqual({ read: 0, reused: 3 });
    },
  );

  it('compacts the texts file once most of it belongs to documents that went', async () => {
    const big = (word: string) => `${word}\n\n${`${word} `.repeat(2000)}\n`;
    await write({ 'a.txt': big('alpha'), 'b.txt': big('beta'), 'c.txt': big('gamma') });
    await open();
    const { size: full } = await import('node:fs/promises').then((fs) => fs.stat(saved('texts.bin')));
    await unlink(join(root, 'a.txt'));
    await unlink(join(root, 'b.txt'));
    await ageFiles();
    const corpus = await open();
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(saved('texts.bin')));
    expect(size).toBeLessThan(full / 2);
    expect(corpus.search('gamma').hits[0]?.snippet.some((part) => part.mark)).toBe(true);
    await ageFiles();
    expect(found(await open(), 'gamma')).toEqual(['c.txt']);
  });
});
