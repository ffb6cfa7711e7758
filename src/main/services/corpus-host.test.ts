import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AppInfo,
  type CorpusStatus,
  dispatchHostCall,
  type HostHandlers,
  readHostReply,
} from '../../shared/host-api';
import { backupFolder } from './backups';
import { openCorpus } from './corpus';
import { CorpusHost } from './corpus-host';
import { corpusHandlers } from './host-handlers';

// The real openCorpus, only recorded: the tests can replay the progress callback a host gave it.
vi.mock('./corpus', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./corpus')>();
  return { ...actual, openCorpus: vi.fn(actual.openCorpus) };
});

const opened = vi.mocked(openCorpus);
/** The progress callback the host passed with its `n`-th call of openCorpus. */
const progressOf = (n: number) => {
  const onProgress = opened.mock.calls[n]?.[1]?.onProgress;
  if (!onProgress) throw new Error(`openCorpus call ${n} had no progress callback`);
  return onProgress;
};

let made: string[] = [];

async function corpusFolder(files: Record<string, string>, prefix = 'framing-host-'): Promise<string> {
  const folder = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  made.push(folder);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

/** A folder with `count` small articles, so reading it takes many steps. */
const manyFiles = (count: number, word: string) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${String(i).padStart(3, '0')}.txt`, `${word} article ${i}\n`]),
  );

beforeEach(() => {
  opened.mockClear();
});

afterEach(async () => {
  for (const folder of made) await rm(folder, { recursive: true, force: true });
  made = [];
});

describe('CorpusHost', () => {
  it('reports no corpus before one is opened, and corpus() rejects', async () => {
    const host = new CorpusHost();
    expect(host.status()).toEqual({ state: 'error', message: 'No corpus is open.' });
    await expect(host.corpus()).rejects.toThrow('No corpus is open.');
  });

  it('goes from loading, with progress, to ready', async () => {
    const folder = await corpusFolder(manyFiles(5, 'Alpha'));
    const host = new CorpusHost();
    const opening = host.open(folder, 'alpha-corpus');
    expect(host.status()).toEqual({ state: 'loading', name: 'alpha-corpus', read: 0, total: 0, documents: 0 });
    const corpus = await opening;
    // Ready as soon as the caller sees the corpus: the host's handlers were attached first.
    expect(host.status()).toEqual({ state: 'ready' });
    expect(await host.corpus()).toBe(corpus);
    expect(corpus.listing().documents).toHaveLength(5);
  });

  it('passes progress on as loading status while reading', async () => {
    const folder = await corpusFolder(manyFiles(3, 'Alpha'));
    const host = new CorpusHost();
    // The real openCorpus; after each progress report the host got, its status is recorded.
    const { openCorpus: actual } = await vi.importActual<typeof import('./corpus')>('./corpus');
    const statuses: CorpusStatus[] = [];
    opened.mockImplementationOnce((path, options) =>
      actual(path, {
        onProgress: (read, total, documents) => {
          options?.onProgress?.(read, total, documents);
          statuses.push(host.status());
        },
      }),
    );
    await host.open(folder, 'alpha');
    expect(statuses).toEqual(
      [1, 2, 3].map((read) => ({ state: 'loading', name: 'alpha', read, total: 3, documents: read })),
    );
    expect(host.status()).toEqual({ state: 'ready' });
  });

  it('reports a folder that cannot be opened as an error naming it', async () => {
    const parent = await corpusFolder({});
    const missing = join(parent, 'no-such-folder');
    const host = new CorpusHost();
    await expect(host.open(missing, 'no-such-folder')).rejects.toThrow(/ENOENT|no such file/);
    const status = host.status();
    expect(status.state).toBe('error');
    expect(status.state === 'error' && status.message).toMatch(/^no-such-folder could not be opened: /);
    await expect(host.corpus()).rejects.toThrow(/no-such-folder/);
  });

  it('replaces the first corpus with a second one opened while the first is loading', async () => {
    const first = await corpusFolder(manyFiles(40, 'Alpha'));
    const second = await corpusFolder({ 'b.txt': 'Bravo text\n' });
    const host = new CorpusHost();
    const openingFirst = host.open(first, 'first');
    const openingSecond = host.open(second, 'second');
    expect(host.status()).toEqual({ state: 'loading', name: 'second', read: 0, total: 0, documents: 0 });
    await Promise.all([openingFirst, openingSecond]);
    expect(host.status()).toEqual({ state: 'ready' });
    const corpus = await host.corpus();
    expect(corpus.listing().root).toBe(second);
    expect(corpus.listing().documents.map((d) => d.id)).toEqual(['b.txt']);
    // A late progress report of the first corpus changes nothing.
    progressOf(0)(40, 40, 40);
    expect(host.status()).toEqual({ state: 'ready' });
  });

  it('keeps the error of the second folder when the first finishes loading later', async () => {
    const first = await corpusFolder(manyFiles(40, 'Alpha'));
    const host = new CorpusHost();
    const openingFirst = host.open(first, 'first');
    const openingSecond = host.open(join(first, 'missing'), 'missing');
    await expect(openingSecond).rejects.toThrow();
    await openingFirst;
    const status = host.status();
    expect(status).toEqual({ state: 'error', message: expect.stringMatching(/^missing could not be opened/) });
    progressOf(0)(1, 40, 1); // late progress from the first folder
    expect(host.status()).toEqual(status);
    await expect(host.corpus()).rejects.toThrow();
  });

  it('shows the progress of the second corpus only, while both load', async () => {
    const first = await corpusFolder(manyFiles(3, 'Alpha'));
    const second = await corpusFolder(manyFiles(3, 'Bravo'));
    const host = new CorpusHost();
    const openingFirst = host.open(first, 'first');
    const openingSecond = host.open(second, 'second');
    progressOf(0)(2, 3, 2);
    expect(host.status()).toEqual({ state: 'loading', name: 'second', read: 0, total: 0, documents: 0 });
    progressOf(1)(2, 3, 2);
    expect(host.status()).toEqual({ state: 'loading', name: 'second', read: 2, total: 3, documents: 2 });
    await Promise.all([openingFirst, openingSecond]);
  });
});

describe('the host API over a CorpusHost', () => {
  const app: AppInfo = { name: 'Framing Workbench', version: '0.0.0', host: 'browser' };
  const handlersFor = (host: CorpusHost): HostHandlers => ({
    ...corpusHandlers(host, app, backupFolder(join(tmpdir(), 'framing-unused-backups'))),
    openCorpusFolder: () => ({ status: 'cancelled' }),
    saveExport: () => ({ status: 'cancelled' }),
  });

  let folder: string;
  let host: CorpusHost;

  beforeEach(async () => {
    folder = await corpusFolder({ 'a.txt': 'Alpha text\n', 'sub/b.txt': 'Bravo text\n' });
    const outside = `${basename(folder)}-outside.txt`;
    await writeFile(join(dirname(folder), outside), 'Outside\n');
    made.push(join(dirname(folder), outside));
    host = new CorpusHost();
    await host.open(folder, basename(folder));
  });

  it('serves listing, documents and search', async () => {
    const handlers = handlersFor(host);
    expect(await dispatchHostCall(handlers, 'corpusStatus', [])).toEqual({ ok: true, value: { state: 'ready' } });
    const listing = await dispatchHostCall(handlers, 'listDocuments', []);
    expect(listing).toMatchObject({ ok: true, value: { root: folder, name: basename(folder) } });
    expect(await dispatchHostCall(handlers, 'getDocument', ['sub/b.txt'])).toMatchObject({
      ok: true,
      value: { id: 'sub/b.txt', text: 'Bravo text\n' },
    });
    expect(await dispatchHostCall(handlers, 'searchDocuments', ['bravo'])).toMatchObject({
      ok: true,
      value: { hits: [{ id: 'sub/b.txt' }], total: 1 },
    });
  });

  it('answers a concordance over every document, refuses a broken query, and checks its arguments', async () => {
    const handlers = handlersFor(host);
    expect(await dispatchHostCall(handlers, 'concordance', [{ query: 'text', context: 6 }])).toEqual({
      ok: true,
      value: {
        ok: true,
        hits: [
          { document: 'a.txt', start: 6, end: 10, quote: 'text', before: 'Alpha ', after: ' ' },
          { document: 'sub/b.txt', start: 6, end: 10, quote: 'text', before: 'Bravo ', after: ' ' },
        ],
        total: 2,
        documents: 2,
      },
    });
    for (const regex of [false, true]) {
      expect(
        await dispatchHostCall(handlers, 'concordance', [{ query: 'text', regex, documents: ['sub/b.txt'] }]),
      ).toMatchObject({ ok: true, value: { ok: true, hits: [{ document: 'sub/b.txt' }], total: 1, documents: 1 } });
    }
    expect(await dispatchHostCall(handlers, 'concordance', [{ query: '(', regex: true }])).toMatchObject({
      ok: true,
      value: { ok: false, error: expect.stringContaining('not a regular expression') },
    });
    expect(await dispatchHostCall(handlers, 'concordance', [{ query: 'text', context: 10_000 }])).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid arguments for concordance/),
    });
  });

  it('stops an expression that backtracks without end, and the host keeps answering', async () => {
    const stalled = await corpusFolder({ 'a.txt': `${'a'.repeat(40)}!\n`, 'b.txt': 'Bravo text\n' });
    const corpus = await openCorpus(stalled, { regexTimeLimitMs: 1_000 });
    const searching = corpus.concordance({ query: '(a+)+$', regex: true });
    // Meanwhile the host serves documents and word searches.
    expect((await corpus.document('b.txt')).text).toBe('Bravo text\n');
    expect(await corpus.concordance({ query: 'bravo' })).toMatchObject({ ok: true, total: 1 });
    expect(await searching).toEqual({ ok: false, error: expect.stringContaining('was stopped') });
    // A newer expression replaces one still searching.
    const first = corpus.concordance({ query: '(a+)+$', regex: true });
    const second = corpus.concordance({ query: 'text$', regex: true });
    expect(await first).toEqual({ ok: false, error: 'A newer search replaced this one.' });
    expect(await second).toMatchObject({ ok: true, total: 0 });
    corpus.close();
  });

  it('refuses paths with .., absolute paths and odd separators before they reach the corpus', async () => {
    const handlers = handlersFor(host);
    const outside = `../${basename(folder)}-outside.txt`;
    for (const id of [outside, '../x', 'sub/../a.txt', './a.txt', '/etc/passwd', 'sub//b.txt', '']) {
      const reply = await dispatchHostCall(handlers, 'getDocument', [id]);
      expect(reply, id).toEqual({ ok: false, error: expect.stringMatching(/^Invalid arguments for getDocument/) });
    }
    // What passes the argument check is still only looked up among the corpus's documents.
    expect(await dispatchHostCall(handlers, 'getDocument', ['sub\\..\\a.txt'])).toEqual({
      ok: false,
      error: expect.stringMatching(/^No document/),
    });
  });

  it('rejects an unknown encoding picked by the user with a clear message', async () => {
    const reply = await dispatchHostCall(handlersFor(host), 'getDocument', ['a.txt', 'klingon-8']);
    expect(reply).toEqual({ ok: false, error: 'a.txt cannot be read as klingon-8: unknown encoding "klingon-8"' });
  });

  it('opens a corpus with a clashing and an over-long id, listing the rest in a valid reply', async () => {
    const clash = await corpusFolder({
      'a.json': JSON.stringify([
        { id: 'x.txt', text: 'Record' },
        { id: 'y'.repeat(1100), text: 'Long id' },
      ]),
      'a.json#x.txt': 'File\n',
      'b.txt': 'Bravo\n',
    });
    const opened = new CorpusHost();
    await opened.open(clash, basename(clash));
    const handlers = handlersFor(opened);
    expect(await dispatchHostCall(handlers, 'corpusStatus', [])).toEqual({ ok: true, value: { state: 'ready' } });
    const listing = readHostReply('listDocuments', await dispatchHostCall(handlers, 'listDocuments', []));
    expect(listing.documents.map((d) => d.id)).toEqual(['a.json#x.txt', 'b.txt']);
    expect(listing.skipped).toEqual([
      { path: 'a.json $[1]', reason: 'its id is 1,107 characters long; an id may have at most 1,024' },
      { path: 'a.json#x.txt', reason: 'the id a.json#x.txt is already used by a.json $[0]' },
    ]);
  });

  it('reports that no corpus is open', async () => {
    const reply = await dispatchHostCall(handlersFor(new CorpusHost()), 'listDocuments', []);
    expect(reply).toEqual({ ok: false, error: 'No corpus is open.' });
  });
});
