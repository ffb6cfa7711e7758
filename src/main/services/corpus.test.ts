import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, realpath, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusListing } from '../../shared/model/document';
import { CORPUS_CONFIG, type Corpus, corpusId, openCorpus } from './corpus';
import { MAX_ARTICLE_BYTES, sha256 } from './corpus-file';
import { decodeBytes } from './decode';

const nodeSha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
/** Root ignores file permissions, so chmod 000 cannot make a file unreadable for it. */
const isRoot = process.getuid?.() === 0;

/** Every temporary folder made by a test, removed after it. */
let made: string[] = [];
/** The corpus folder of the current test (a real path, as the corpus reports it). */
let root: string;

async function tempFolder(prefix = 'framing-corpus-'): Promise<string> {
  const folder = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  made.push(folder);
  return folder;
}

beforeEach(async () => {
  root = await tempFolder();
});

afterEach(async () => {
  // Folders made unreadable by a test must be readable again to be removed.
  for (const path of made) await chmod(path, 0o755).catch(() => undefined);
  for (const path of made) await rm(path, { recursive: true, force: true });
  made = [];
});

/** Writes `files` (relative path → content) under `folder`, making folders as needed. */
async function write(files: Record<string, string | Uint8Array>, folder = root) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
}

async function makeCorpus(files: Record<string, string | Uint8Array>): Promise<Corpus> {
  await write(files);
  return openCorpus(root);
}

const ids = (listing: CorpusListing) => listing.documents.map((d) => d.id);
const reasons = (listing: CorpusListing) => Object.fromEntries(listing.skipped.map((s) => [s.path, s.reason]));
const summary = (corpus: Corpus, id: string) => {
  const found = corpus.listing().documents.find((d) => d.id === id);
  if (!found) throw new Error(`${id} is not listed`);
  return found;
};

/** Deterministic noise, so a failure can be replayed. */
function noise(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const RUSSIAN =
  'Москва заявила о новых санкциях.\n\nМинистерство иностранных дел России сообщило, что ответные меры будут приняты в ближайшее время. Эксперты считают, что это затронет торговлю.\n';

describe('listing', () => {
  it('lists documents by relative path with forward slashes, sorted, including nested folders', async () => {
    const corpus = await makeCorpus({
      'zeta.md': '# Zeta\n\nSome text.\n',
      'alpha.txt': 'Alpha\n\nSome text.\n',
      'sub/nested/deep.txt': 'Deep\n\nSome text.\n',
      'sub/mid.TXT': 'Mid\n\nSome text.\n',
      'sub/page.htm': '<p>Page text.</p>',
      'B.txt': 'Capital\n',
    });
    const listing = corpus.listing();
    expect(ids(listing)).toEqual([
      'B.txt',
      'alpha.txt',
      'sub/mid.TXT',
      'sub/nested/deep.txt',
      'sub/page.htm',
      'zeta.md',
    ]);
    expect(listing.skipped).toEqual([]);
    expect(listing.name).toBe(basename(root));
    expect(listing.root).toBe(root);
    expect(summary(corpus, 'zeta.md').format).toBe('markdown');
    expect(summary(corpus, 'sub/page.htm').format).toBe('html');
    expect(summary(corpus, 'alpha.txt').format).toBe('text');
    const deep = await corpus.document('sub/nested/deep.txt');
    expect(deep.text).toBe('Deep\n\nSome text.\n');
    expect(deep.sha256).toBe(nodeSha256('Deep\n\nSome text.\n'));
    expect(deep.length).toBe(deep.text.length);
    expect(deep.bytes).toBe(Buffer.byteLength('Deep\n\nSome text.\n'));
    expect(deep.encoding).toBe('utf-8');
  });

  it('skips hidden files and folders and unsupported types, saying why', async () => {
    const corpus = await makeCorpus({
      '.hidden.txt': 'Secret\n',
      '.git/description.txt': 'Git\n',
      'sub/.DS_Store': 'x',
      'picture.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'notes.docx': 'not really a docx',
      README: 'no extension',
      'kept.txt': 'Kept\n',
    });
    const listing = corpus.listing();
    expect(ids(listing)).toEqual(['kept.txt']);
    const why = reasons(listing);
    expect(Object.keys(why).sort()).toEqual([
      '.git',
      '.hidden.txt',
      'README',
      'notes.docx',
      'picture.png',
      'sub/.DS_Store',
    ]);
    expect(why['.hidden.txt']).toMatch(/hidden/);
    expect(why['.git']).toMatch(/hidden/);
    expect(why['sub/.DS_Store']).toMatch(/hidden/);
    for (const path of ['picture.png', 'notes.docx', 'README']) {
      expect(why[path]).toMatch(/not a supported type/);
      expect(why[path]).toContain('.txt');
    }
    await expect(corpus.document('.hidden.txt')).rejects.toThrow(/No document/);
    await expect(corpus.document('.git/description.txt')).rejects.toThrow(/No document/);
  });

  it('does not serve its own configuration file as a document', async () => {
    const corpus = await makeCorpus({ [CORPUS_CONFIG]: '{"fields": {}}', 'a.txt': 'A\n' });
    expect(ids(corpus.listing())).toEqual(['a.txt']);
    expect(corpus.listing().skipped).toEqual([]);
  });

  it('has an id of 16 hex digits, stable for the same folder and different for another', async () => {
    await write({ 'a.txt': 'A\n' });
    const first = (await openCorpus(root)).listing().id;
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect((await openCorpus(root)).listing().id).toBe(first);
    expect(first).toBe(corpusId(root));
    // The same folder reached through a link is the same corpus.
    const aliases = await tempFolder('framing-alias-');
    await symlink(root, join(aliases, 'alias'));
    expect((await openCorpus(join(aliases, 'alias'))).listing().id).toBe(first);

    const other = await tempFolder();
    await write({ 'a.txt': 'A\n' }, other);
    const second = (await openCorpus(other)).listing().id;
    expect(second).toMatch(/^[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
  });

  it('reports progress file by file up to (total, total)', async () => {
    await write({
      'a.txt': 'A\n',
      'b.md': 'B\n',
      'sub/c.html': '<p>C</p>',
      'empty.txt': '',
      'skipped.png': 'x',
      '.hidden.txt': 'x',
    });
    const calls: [number, number][] = [];
    await openCorpus(root, { onProgress: (read, total) => calls.push([read, total]) });
    // Four candidate files (the empty one is read too, then skipped); the others are never read.
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('opens an empty folder as an empty corpus', async () => {
    const corpus = await openCorpus(root);
    expect(corpus.listing()).toMatchObject({ documents: [], skipped: [] });
    expect(corpus.search('anything').hits).toEqual([]);
  });

  it('fails to open a folder that does not exist', async () => {
    await expect(openCorpus(join(root, 'missing'))).rejects.toThrow(/ENOENT|no such file/);
  });
});

describe('bad input', () => {
  it('skips a binary file named .txt and still loads the others', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const corpus = await makeCorpus({ 'a.txt': 'Before\n', 'image.txt': png, 'z.txt': 'After\n' });
    expect(ids(corpus.listing())).toEqual(['a.txt', 'z.txt']);
    expect(corpus.listing().skipped).toEqual([{ path: 'image.txt', reason: expect.stringMatching(/binary/) }]);
  });

  it('skips an empty file', async () => {
    const corpus = await makeCorpus({ 'empty.txt': '', 'a.txt': 'A\n' });
    expect(ids(corpus.listing())).toEqual(['a.txt']);
    expect(reasons(corpus.listing())).toEqual({ 'empty.txt': 'empty file' });
  });

  it('skips a file with no text in it (whitespace, or HTML without visible text)', async () => {
    const corpus = await makeCorpus({
      'blank.txt': ' \n\t\n',
      'blank.html': '<html><head><title>T</title><script>x()</script></head><body> </body></html>',
      'a.txt': 'A\n',
    });
    expect(ids(corpus.listing())).toEqual(['a.txt']);
    expect(reasons(corpus.listing())).toEqual({ 'blank.txt': 'no text in it', 'blank.html': 'no text in it' });
  });

  it('skips files larger than MAX_ARTICLE_BYTES without reading them (a sparse 50 MB file among them)', async () => {
    await write({ 'small.txt': 'Small\n', 'huge.txt': '', 'just-over.txt': '' });
    await truncate(join(root, 'huge.txt'), 50 * 1024 * 1024); // sparse: nothing is written
    await truncate(join(root, 'just-over.txt'), MAX_ARTICLE_BYTES + 1);
    const corpus = await openCorpus(root);
    expect(ids(corpus.listing())).toEqual(['small.txt']);
    const why = reasons(corpus.listing());
    expect(Object.keys(why).sort()).toEqual(['huge.txt', 'just-over.txt']);
    for (const reason of Object.values(why))
      expect(reason).toContain(`larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MB`);
  });

  it('loads invalid UTF-8 that is Windows-1251 Russian as windows-1251, with the right text', async () => {
    const corpus = await makeCorpus({ 'cp1251.txt': iconv.encode(RUSSIAN, 'windows-1251') });
    expect(corpus.listing().skipped).toEqual([]);
    expect(summary(corpus, 'cp1251.txt')).toMatchObject({ encoding: 'windows-1251', language: 'ru' });
    const doc = await corpus.document('cp1251.txt');
    expect(doc.text).toBe(RUSSIAN);
    expect(doc.encoding).toBe('windows-1251');
    expect(doc.sha256).toBe(sha256(RUSSIAN));
    expect(doc.bytes).toBe(RUSSIAN.length); // one byte per character
  });

  it('treats random bytes exactly as decode.ts does: noise is binary, high bytes are read as Cyrillic', async () => {
    const full = noise(4096);
    const high = noise(4096, 11).map((byte) => 0xc0 | (byte & 0x3f)); // never valid UTF-8, no controls
    const corpus = await makeCorpus({ 'noise.txt': full, 'high.txt': high, 'a.txt': 'A\n' });

    const fullDecoded = decodeBytes(full);
    expect(fullDecoded).toEqual({ ok: false, reason: expect.stringMatching(/binary/) });
    expect(reasons(corpus.listing())).toEqual({ 'noise.txt': fullDecoded.ok ? '' : fullDecoded.reason });

    const highDecoded = decodeBytes(high);
    if (!highDecoded.ok) throw new Error(highDecoded.reason);
    expect(['windows-1251', 'koi8-r', 'iso-8859-5']).toContain(highDecoded.encoding);
    const doc = await corpus.document('high.txt');
    expect(doc.encoding).toBe(highDecoded.encoding);
    expect(doc.text).toBe(highDecoded.text);
    expect(ids(corpus.listing())).toEqual(['a.txt', 'high.txt']);
  });

  it('drops a UTF-8 byte-order mark and keeps CRLF line endings exactly', async () => {
    const text = 'Заголовок\r\n\r\nТекст статьи.\r\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const corpus = await makeCorpus({ 'bom.txt': bytes });
    const doc = await corpus.document('bom.txt');
    expect(doc.text).toBe(text);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.sha256).toBe(nodeSha256(Buffer.from(text, 'utf8')));
    expect(doc.bytes).toBe(bytes.length);
  });

  describe('links', () => {
    let outside: string;

    beforeEach(async () => {
      outside = await tempFolder('framing-outside-');
      await write({ 'secret.txt': 'TOPSECRET outside the corpus\n', 'folder/inner.txt': 'TOPSECRET inner\n' }, outside);
    });

    it('skips a link to a file outside the corpus and never serves its content', async () => {
      await write({ 'a.txt': 'A\n' });
      await symlink(join(outside, 'secret.txt'), join(root, 'secret.txt'));
      await symlink(`../${basename(outside)}/secret.txt`, join(root, 'relative.txt'));
      const corpus = await openCorpus(root);
      expect(ids(corpus.listing())).toEqual(['a.txt']);
      const why = reasons(corpus.listing());
      expect(why['secret.txt']).toMatch(/outside the corpus folder/);
      expect(why['relative.txt']).toMatch(/outside the corpus folder/);
      await expect(corpus.document('secret.txt')).rejects.toThrow(/No document/);
      expect(corpus.search('topsecret').hits).toEqual([]);
    });

    it('serves a link to a file inside the corpus under the link name', async () => {
      await write({ 'sub/a.txt': 'Inside text\n' });
      await symlink(join(root, 'sub/a.txt'), join(root, 'link.txt'));
      await symlink('sub/a.txt', join(root, 'relative-link.txt'));
      const corpus = await openCorpus(root);
      expect(ids(corpus.listing())).toEqual(['link.txt', 'relative-link.txt', 'sub/a.txt']);
      expect(corpus.listing().skipped).toEqual([]);
      expect((await corpus.document('link.txt')).text).toBe('Inside text\n');
      expect((await corpus.document('relative-link.txt')).text).toBe('Inside text\n');
    });

    it('does not follow links to folders, inside or outside', async () => {
      await write({ 'sub/a.txt': 'A\n' });
      await symlink(join(root, 'sub'), join(root, 'inner-folder'));
      await symlink(join(outside, 'folder'), join(root, 'outer-folder'));
      await symlink(root, join(root, 'loop'));
      const corpus = await openCorpus(root);
      expect(ids(corpus.listing())).toEqual(['sub/a.txt']);
      const why = reasons(corpus.listing());
      expect(why['inner-folder']).toMatch(/link to a folder/);
      expect(why['outer-folder']).toMatch(/outside the corpus folder/);
      expect(why.loop).toBeDefined();
      await expect(corpus.document('outer-folder/inner.txt')).rejects.toThrow(/No document/);
    });

    it('skips a broken link', async () => {
      await write({ 'a.txt': 'A\n' });
      await symlink(join(root, 'gone.txt'), join(root, 'broken.txt'));
      const corpus = await openCorpus(root);
      expect(ids(corpus.listing())).toEqual(['a.txt']);
      expect(reasons(corpus.listing())['broken.txt']).toMatch(/broken link/);
    });

    it('does not read outside when a served file is replaced by a link after opening', async () => {
      await write({ 'a.txt': 'A\n', 'sub/inner.txt': 'Inner\n' });
      const corpus = await openCorpus(root);
      await rm(join(root, 'a.txt'));
      await symlink(join(outside, 'secret.txt'), join(root, 'a.txt'));
      await expect(corpus.document('a.txt')).rejects.toThrow(
        /a\.txt can no longer be read: .*outside the corpus folder/,
      );
      // The same through a folder swapped for a link to one outside holding a file of that name.
      await rename(join(root, 'sub'), join(root, 'old-sub'));
      await write({ 'inner.txt': 'TOPSECRET swapped\n' }, join(outside, 'swap'));
      await symlink(join(outside, 'swap'), join(root, 'sub'));
      await expect(corpus.document('sub/inner.txt')).rejects.toThrow(/outside the corpus folder/);
    });
  });

  it.skipIf(isRoot)(
    `skips an unreadable file and an unreadable folder, loading the rest${isRoot ? ' (skipped: running as root, which ignores file permissions)' : ''}`,
    async () => {
      await write({ 'a.txt': 'A\n', 'locked.txt': 'Locked\n', 'closed/inner.txt': 'Inner\n' });
      await chmod(join(root, 'locked.txt'), 0o000);
      made.unshift(join(root, 'closed')); // made readable again before removal
      await chmod(join(root, 'closed'), 0o000);
      const corpus = await openCorpus(root);
      expect(ids(corpus.listing())).toEqual(['a.txt']);
      const why = reasons(corpus.listing());
      expect(why['locked.txt']).toMatch(/cannot be read \(EACCES\)/);
      expect(why.closed).toMatch(/cannot be read \(EACCES\)/);
    },
  );

  it('rejects ids that are not in the corpus, whatever they would point to on disk', async () => {
    const outside = `${basename(root)}-outside.txt`;
    await writeFile(join(dirname(root), outside), 'Outside\n');
    made.push(join(dirname(root), outside));
    const corpus = await makeCorpus({ 'a.txt': 'A\n', 'sub/b.txt': 'B\n' });
    await expect(corpus.document('missing.txt')).rejects.toThrow(
      `No document "missing.txt" in corpus ${basename(root)}`,
    );
    for (const id of [
      '../x',
      '../etc/passwd',
      `../${outside}`,
      `../${basename(root)}/a.txt`,
      'sub/../a.txt',
      './a.txt',
      'sub//b.txt',
      'sub\\b.txt',
      join(root, 'a.txt'),
      '/etc/passwd',
      '',
    ]) {
      await expect(corpus.document(id), id).rejects.toThrow(/No document/);
    }
    expect((await corpus.document('sub/b.txt')).text).toBe('B\n');
  });

  it('serves only the visible text of HTML: no script, style or event handlers; the title from <title>', async () => {
    const html = `<!doctype html>
<html lang="en"><head>
<title>The Page Title</title>
<style>.lead { color: crimson } body::before { content: "STYLED" }</style>
<script>document.write('SCRIPTED'); fetch('https://evil.example/steal')</script>
</head><body>
<h1>Headline of the story</h1>
<p>First paragraph of the article. <img src="x.png" onerror="alert('PWNED')" alt="ALTTEXT"></p>
<p onclick="steal()">Second paragraph.</p>
<script type="module">import('EVILMODULE')</script>
<noscript>NOSCRIPTTEXT</noscript>
</body></html>`;
    const corpus = await makeCorpus({ 'page.html': html });
    const doc = await corpus.document('page.html');
    expect(doc.title).toBe('The Page Title');
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('First paragraph of the article.');
    expect(doc.text).toContain('Second paragraph.');
    for (const unwanted of [
      'SCRIPTED',
      'evil',
      'EVILMODULE',
      'alert',
      'PWNED',
      'onerror',
      'onclick',
      'steal',
      'crimson',
      'STYLED',
      'NOSCRIPTTEXT',
      '<',
      'The Page Title',
    ]) {
      expect(doc.text).not.toContain(unwanted);
    }
    expect(doc.sha256).toBe(sha256(doc.text));
    expect(corpus.search('pwned').hits).toEqual([]);
  });
});

describe('encodings', () => {
  it('reads windows-1251 and KOI8-R files and reports the encoding', async () => {
    const corpus = await makeCorpus({
      'cp1251.txt': iconv.encode(RUSSIAN, 'windows-1251'),
      'koi8.txt': iconv.encode(RUSSIAN, 'koi8-r'),
      'utf8.txt': RUSSIAN,
    });
    expect(corpus.listing().skipped).toEqual([]);
    const encodings = Object.fromEntries(corpus.listing().documents.map((d) => [d.id, d.encoding]));
    expect(encodings).toEqual({ 'cp1251.txt': 'windows-1251', 'koi8.txt': 'koi8-r', 'utf8.txt': 'utf-8' });
    for (const id of ['cp1251.txt', 'koi8.txt', 'utf8.txt']) {
      const doc = await corpus.document(id);
      expect(doc.text, id).toBe(RUSSIAN);
      expect(doc.sha256, id).toBe(sha256(RUSSIAN));
    }
  });

  it('reads a document in the encoding the user picks', async () => {
    const bytes = iconv.encode(RUSSIAN, 'windows-1251');
    const corpus = await makeCorpus({ 'cp1251.txt': bytes });
    const asKoi8 = await corpus.document('cp1251.txt', 'koi8-r');
    expect(asKoi8.encoding).toBe('koi8-r');
    expect(asKoi8.text).toBe(iconv.decode(bytes, 'koi8-r'));
    expect(asKoi8.text).not.toBe(RUSSIAN);
    expect(asKoi8.sha256).toBe(sha256(asKoi8.text));
    const back = await corpus.document('cp1251.txt', 'Windows-1251');
    expect(back.text).toBe(RUSSIAN);
    expect(back.encoding).toBe('windows-1251');
    expect((await corpus.document('cp1251.txt')).encoding).toBe('windows-1251');
  });

  it('rejects an unknown encoding with a clear message', async () => {
    const corpus = await makeCorpus({ 'a.txt': 'A\n' });
    await expect(corpus.document('a.txt', 'klingon-8')).rejects.toThrow(
      'a.txt cannot be read as klingon-8: unknown encoding "klingon-8"',
    );
    // The document is still served as before.
    expect((await corpus.document('a.txt')).text).toBe('A\n');
  });
});

describe('JSON and JSONL corpora', () => {
  const line = (value: object) => `${JSON.stringify(value)}\n`;

  it('serves one document per article, with fields from the records', async () => {
    const corpus = await makeCorpus({
      'news.jsonl':
        line({
          id: 'a1',
          title: 'Sanctions announced',
          url: 'https://example.com/a1',
          date: '2022-02-16',
          source: 'Example News',
          author: 'Jane Doe',
          text: 'The government announced new measures today.',
        }) +
        '\n' +
        line({ id: 'b/2', headline: 'Second story', link: 'https://example.com/b2', body: 'Another article body.' }),
      'array.json': JSON.stringify([{ text: 'First in array.' }, { text: 'Second in array.', lang: 'ru' }]),
      'wrapped.json': JSON.stringify({ articles: [{ uuid: 'w', content: 'Wrapped article.' }] }),
    });
    expect(corpus.listing().skipped).toEqual([]);
    expect(ids(corpus.listing())).toEqual([
      'array.json#1',
      'array.json#2',
      'news.jsonl#a1',
      'news.jsonl#b_2',
      'wrapped.json#w',
    ]);
    expect(summary(corpus, 'news.jsonl#a1')).toMatchObject({
      title: 'Sanctions announced',
      url: 'https://example.com/a1',
      date: '2022-02-16',
      source: 'Example News',
      author: 'Jane Doe',
      format: 'json',
      encoding: 'utf-8',
    });
    expect(summary(corpus, 'news.jsonl#b_2')).toMatchObject({ title: 'Second story', url: 'https://example.com/b2' });
    expect(summary(corpus, 'array.json#2').language).toBe('ru');
    const doc = await corpus.document('news.jsonl#a1');
    expect(doc.text).toBe('The government announced new measures today.');
    expect(doc.sha256).toBe(sha256(doc.text));
    expect((await corpus.document('wrapped.json#w')).text).toBe('Wrapped article.');
    await expect(corpus.document('news.jsonl')).rejects.toThrow(/No document/);
    await expect(corpus.document('news.jsonl#zz')).rejects.toThrow(/No document/);
  });

  it('takes field names from the corpus configuration file', async () => {
    const corpus = await makeCorpus({
      [CORPUS_CONFIG]: JSON.stringify({ fields: { id: 'uid', text: ['body_text'], title: 'heading', date: 'when' } }),
      'feed.jsonl': line({ uid: 'x7', heading: 'Configured title', when: '2021-09-10', body_text: 'Configured body.' }),
    });
    expect(corpus.listing().skipped).toEqual([]);
    expect(summary(corpus, 'feed.jsonl#x7')).toMatchObject({ title: 'Configured title', date: '2021-09-10' });
    expect((await corpus.document('feed.jsonl#x7')).text).toBe('Configured body.');
  });

  it('refuses to open a corpus whose configuration file is not valid JSON, naming the file', async () => {
    await write({ [CORPUS_CONFIG]: '{"fields": ', 'a.txt': 'A\n' });
    await expect(openCorpus(root)).rejects.toThrow(CORPUS_CONFIG);
  });

  it('passes over a malformed line of a JSONL file, saying which, and serves its other articles', async () => {
    const corpus = await makeCorpus({
      'bad.jsonl': `${line({ id: '1', text: 'Fine.' })}{"id": "2", "text": "cut off\n${line({ id: '3', text: 'Fine too.' })}`,
      'good.jsonl': line({ id: 'g', text: 'Good article.' }),
      'plain.txt': 'Plain\n',
    });
    expect(ids(corpus.listing())).toEqual(['bad.jsonl#1', 'bad.jsonl#3', 'good.jsonl#g', 'plain.txt']);
    expect(corpus.listing().skipped).toEqual([
      { path: 'bad.jsonl:2', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect((await corpus.document('bad.jsonl#3')).text).toBe('Fine too.');
  });

  // 22 MB written and read through the threads: seconds on a busy machine.
  it('opens a JSONL dump larger than one article may be, passing over only the article that is too long', async () => {
    const article = (i: number) => line({ id: `a${i}`, text: `Article ${i}. ${'Words of the article. '.repeat(200)}` });
    const body = Array.from({ length: 2000 }, (_, i) => article(i)).join('');
    await write({ 'dump.jsonl': body });
    // A line of 21 MB in the middle (NUL bytes, never valid), then the last article.
    const { appendFile } = await import('node:fs/promises');
    await appendFile(join(root, 'dump.jsonl'), Buffer.alloc(MAX_ARTICLE_BYTES + 1024 * 1024, 0x61));
    await appendFile(join(root, 'dump.jsonl'), `\n${article(2000)}`);
    const corpus = await openCorpus(root);
    expect(corpus.listing().documents).toHaveLength(2001);
    expect(corpus.listing().skipped).toEqual([{ path: 'dump.jsonl:2001', reason: 'an article larger than 20 MB' }]);
    const last = await corpus.document('dump.jsonl#a2000');
    expect(last.text).toMatch(/^Article 2000\. /);
    expect(last.bytes).toBe(Buffer.byteLength(article(2000)) - 1);
  }, 30_000);

  it('tells the documents read so far while one dump is read, not only the files', async () => {
    await write({
      'dump.jsonl': Array.from({ length: 300 }, (_, i) => line({ id: `a${i}`, text: `Article ${i}.` })).join(''),
    });
    const calls: [number, number, number][] = [];
    await openCorpus(root, { onProgress: (read, total, documents) => calls.push([read, total, documents]) });
    expect(calls.at(-1)).toEqual([1, 1, 300]);
    const during = calls.filter(([read]) => read === 0).map(([, , documents]) => documents);
    expect(during.length).toBeGreaterThanOrEqual(4);
    expect(during).toEqual([...during].sort((a, b) => a - b));
  });

  it('passes over an article of a JSON array that is longer than an article may be', async () => {
    const corpus = await makeCorpus({
      'array.json': JSON.stringify([
        { text: 'Short.' },
        { text: 'x'.repeat(MAX_ARTICLE_BYTES + 1) },
        { text: 'Also short.' },
      ]),
    });
    expect(ids(corpus.listing())).toEqual(['array.json#1', 'array.json#3']);
    expect(corpus.listing().skipped).toEqual([{ path: 'array.json $[1]', reason: 'an article larger than 20 MB' }]);
  });

  it('reads a JSONL article from its line, and finds it by its id once the file has changed', async () => {
    await write({ 'feed.jsonl': line({ id: 'x', text: 'First text.' }) + line({ id: 'y', text: 'Second text.' }) });
    const corpus = await openCorpus(root);
    expect((await corpus.document('feed.jsonl#y')).text).toBe('Second text.');
    // An article added before it moves its line; the id still finds it, with the new text.
    await write({
      'feed.jsonl':
        line({ id: 'w', text: 'A new first article, longer than the others.' }) +
        line({ id: 'x', text: 'First text.' }) +
        line({ id: 'y', text: 'Second text, edited.' }),
    });
    expect((await corpus.document('feed.jsonl#y')).text).toBe('Second text, edited.');
    expect(summary(corpus, 'feed.jsonl#y').sha256).toBe(sha256('Second text, edited.'));
  });

  it('reads a Windows-1251 JSONL article with its encoding, and CRLF line ends are not part of it', async () => {
    const bytes = iconv.encode(`{"id": "r", "text": "${RUSSIAN.replaceAll('\n', '\\n')}"}\r\n`, 'windows-1251');
    const corpus = await makeCorpus({ 'ru.jsonl': bytes });
    expect(corpus.listing().skipped).toEqual([]);
    const doc = await corpus.document('ru.jsonl#r');
    expect(doc).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251', bytes: bytes.length - 2 });
  });

  it('skips an entry whose id another entry already has, keeping the first, and opens the rest', async () => {
    // A record's id is its file's name and its key: the record "x.txt" of a.json is "a.json#x.txt",
    // which is also the name of a text file beside it; and a.jsonl's record "b.jsonl#k" is the
    // record "k" of the file "a.jsonl#b.jsonl".
    const corpus = await makeCorpus({
      'a.json': JSON.stringify([
        { id: 'x.txt', text: 'The record.' },
        { id: 'y', text: 'Another record.' },
      ]),
      'a.json#x.txt': 'The file.\n',
      'a.jsonl': line({ id: 'b.jsonl#k', text: 'First with this id.' }),
      'a.jsonl#b.jsonl': line({ id: 'j', text: 'Kept.' }) + line({ id: 'k', text: 'Second with this id.' }),
      'plain.txt': 'Plain\n',
    });
    const listing = corpus.listing();
    expect(ids(listing)).toEqual(['a.json#x.txt', 'a.json#y', 'a.jsonl#b.jsonl#j', 'a.jsonl#b.jsonl#k', 'plain.txt']);
    expect(listing.skipped).toEqual([
      { path: 'a.json#x.txt', reason: 'the id a.json#x.txt is already used by a.json $[0]' },
      { path: 'a.jsonl#b.jsonl:2', reason: 'the id a.jsonl#b.jsonl#k is already used by a.jsonl:1' },
    ]);
    // The first entry is the one served, searched and kept when its file is read again.
    expect((await corpus.document('a.json#x.txt')).text).toBe('The record.');
    expect((await corpus.document('a.jsonl#b.jsonl#k')).text).toBe('First with this id.');
    expect(corpus.search('file').hits).toEqual([]);
    expect(corpus.search('record').hits.map((hit) => hit.id)).toContain('a.json#x.txt');
  });

  it('skips an entry whose id is longer than 1,024 characters, saying so, and opens the rest', async () => {
    const key = (length: number) => 'k'.repeat(length - 'long.jsonl#'.length);
    // A file whose path is too long is skipped the same way (each folder name within the 255 limit).
    const deep = `${Array.from({ length: 5 }, (_, i) => `${i}`.repeat(220)).join('/')}/deep.txt`;
    const corpus = await makeCorpus({
      'long.jsonl': line({ id: key(1024), text: 'Just fits.' }) + line({ id: key(1500), text: 'Too long an id.' }),
      [deep]: 'Deep\n',
      'plain.txt': 'Plain\n',
    });
    const listing = corpus.listing();
    expect(ids(listing)).toEqual([`long.jsonl#${key(1024)}`, 'plain.txt']);
    expect(listing.skipped).toEqual([
      {
        path: deep,
        reason: `its id is ${deep.length.toLocaleString('en')} characters long; an id may have at most 1,024`,
      },
      { path: 'long.jsonl:2', reason: 'its id is 1,500 characters long; an id may have at most 1,024' },
    ]);
    expect(CorpusListing.safeParse(listing).success).toBe(true);
    expect((await corpus.document(`long.jsonl#${key(1024)}`)).text).toBe('Just fits.');
  });
});

describe('change detection', () => {
  it('serves the new text of a file edited after opening, and updates the listing', async () => {
    const corpus = await makeCorpus({ 'a.txt': 'Old text\n', 'b.txt': 'B\n' });
    const before = summary(corpus, 'a.txt');
    expect(before.sha256).toBe(sha256('Old text\n'));
    await writeFile(join(root, 'a.txt'), 'New and longer text\n');
    const doc = await corpus.document('a.txt');
    expect(doc.text).toBe('New and longer text\n');
    expect(doc.sha256).toBe(sha256('New and longer text\n'));
    expect(summary(corpus, 'a.txt')).toMatchObject({
      sha256: sha256('New and longer text\n'),
      length: 'New and longer text\n'.length,
      bytes: Buffer.byteLength('New and longer text\n'),
    });
    expect(summary(corpus, 'b.txt').sha256).toBe(sha256('B\n'));
  });

  it('serves the new text of a file edited after its document was opened, even at the same size', async () => {
    const corpus = await makeCorpus({ 'a.txt': 'Old text\n' });
    expect((await corpus.document('a.txt')).text).toBe('Old text\n');
    expect((await corpus.document('a.txt')).text).toBe('Old text\n');
    await writeFile(join(root, 'a.txt'), 'New text\n');
    expect((await corpus.document('a.txt')).text).toBe('New text\n');
    expect(summary(corpus, 'a.txt').sha256).toBe(sha256('New text\n'));
  });

  it('serves the new text of an edited JSONL article', async () => {
    const corpus = await makeCorpus({ 'f.jsonl': '{"id":"a","text":"Old."}\n{"id":"b","text":"Other."}\n' });
    await writeFile(join(root, 'f.jsonl'), '{"id":"a","text":"New."}\n{"id":"b","text":"Other."}\n');
    expect((await corpus.document('f.jsonl#a')).text).toBe('New.');
    expect(summary(corpus, 'f.jsonl#a').sha256).toBe(sha256('New.'));
    await writeFile(join(root, 'f.jsonl'), '{"id":"b","text":"Other."}\n');
    await expect(corpus.document('f.jsonl#a')).rejects.toThrow('f.jsonl#a is no longer in its file.');
  });

  it('rejects a deleted file with a clear message', async () => {
    const corpus = await makeCorpus({ 'a.txt': 'A\n', 'b.txt': 'B\n' });
    await rm(join(root, 'a.txt'));
    await expect(corpus.document('a.txt')).rejects.toThrow(/^a\.txt can no longer be read: .*(missing|deleted)/);
    expect((await corpus.document('b.txt')).text).toBe('B\n');
  });

  it('rejects a file that became binary or empty', async () => {
    const corpus = await makeCorpus({ 'a.txt': 'A\n', 'b.txt': 'B\n' });
    await writeFile(join(root, 'a.txt'), new Uint8Array([0, 1, 2, 3]));
    await writeFile(join(root, 'b.txt'), '');
    await expect(corpus.document('a.txt')).rejects.toThrow(/a\.txt can no longer be read: binary/);
    await expect(corpus.document('b.txt')).rejects.toThrow('b.txt can no longer be read: empty file');
  });
});

describe('search', () => {
  it('finds documents by a body word and by the prefix of a title word, in English and Russian', async () => {
    const corpus = await makeCorpus({
      'en.jsonl': `${JSON.stringify({ id: 'e', title: 'Sanctions', text: 'The ministry published a statement about pipelines.' })}\n`,
      'ru.txt': RUSSIAN,
      'other.txt': 'Completely unrelated weather report.\n',
    });
    const found = (query: string) => corpus.search(query).hits.map((hit) => hit.id);
    expect(found('pipelines')).toEqual(['en.jsonl#e']);
    expect(found('sanct')).toEqual(['en.jsonl#e']); // title only, by prefix
    expect(found('SANCTIONS')).toEqual(['en.jsonl#e']);
    expect(found('министерство')).toEqual(['ru.txt']);
    expect(found('торгов')).toEqual(['ru.txt']);
    expect(found('weather')).toEqual(['other.txt']);
    for (const hit of corpus.search('weather').hits) expect(hit.score).toBeGreaterThan(0);
    expect(corpus.search('qzxjvwkq').hits).toEqual([]);
    expect(corpus.search('').hits).toEqual([]);
  });

  it('limits the number of hits', async () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`d${i}.txt`, `Common word number ${i}\n`]));
    const corpus = await makeCorpus(files);
    expect(corpus.search('common').hits).toHaveLength(5);
    expect(corpus.search('common', { limit: 2 }).hits).toHaveLength(2);
  });
});

describe('sha256', () => {
  it('is the hex SHA-256 of the UTF-8 bytes of the text', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('Россия 😀')).toBe(nodeSha256(Buffer.from('Россия 😀', 'utf8')));
    expect(sha256('a\r\n')).not.toBe(sha256('a\n'));
  });
});

describe('the sample corpus', () => {
  it('serves the five sample documents, in UTF-8, with their languages', async () => {
    const sampleRoot = resolve(import.meta.dirname, '../../../resources/corpus');
    const corpus = await openCorpus(sampleRoot);
    const { documents, skipped } = corpus.listing();
    expect(skipped).toEqual([]);
    expect(documents.map((d) => d.id)).toEqual([
      '000_64c780e358e12605.txt',
      '001_cd43f6f3889422fc.txt',
      '002_e6cb186dbdad8141.txt',
      '003_be10a6a8d7d9bc50.txt',
      '004_c2f207795f66fbd6.txt',
    ]);
    expect(Object.fromEntries(documents.map((d) => [d.id, d.language]))).toEqual({
      '000_64c780e358e12605.txt': 'en',
      '001_cd43f6f3889422fc.txt': 'ru',
      '002_e6cb186dbdad8141.txt': 'en',
      '003_be10a6a8d7d9bc50.txt': 'en',
      '004_c2f207795f66fbd6.txt': 'en',
    });
    for (const { id, sha256: hash, length, encoding, format, title } of documents) {
      expect(encoding, id).toBe('utf-8');
      expect(format, id).toBe('text');
      expect(title.trim(), id).not.toBe('');
      const text = await readFile(join(sampleRoot, id), 'utf8');
      const doc = await corpus.document(id);
      expect(doc.text, id).toBe(text);
      expect(length, id).toBe(text.length);
      expect(hash, id).toBe(nodeSha256(text));
      for (const segment of doc.segments) expect(segment.end, id).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('HTML pages that declare their charset', () => {
  it('are read in the declared encoding, and fall back to detection when it is unknown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'framing-charset-'));
    try {
      const page = (charset: string) =>
        Buffer.concat([
          Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>`),
          iconv.encode('Минск', 'koi8-r'),
          Buffer.from('</title></head><body><p>'),
          iconv.encode('Союзное государство', 'koi8-r'),
          Buffer.from('</p></body></html>'),
        ]);
      await writeFile(join(dir, 'declared.html'), page('koi8-r'));
      await writeFile(join(dir, 'bogus.html'), page('x-no-such-charset'));
      const corpus = await openCorpus(dir);
      const declared = await corpus.document('declared.html');
      expect(declared).toMatchObject({ encoding: 'koi8-r', title: 'Минск', text: 'Союзное государство' });
      expect((await corpus.document('bogus.html')).encoding).not.toBe('x-no-such-charset');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
