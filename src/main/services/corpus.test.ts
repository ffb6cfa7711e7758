import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, openCorpus, sha256 } from './corpus';

const nodeSha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'framing-corpus-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `files` (relative path → content) under the temporary corpus root. */
async function makeCorpus(files: Record<string, string | Uint8Array>) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return openCorpus(root);
}

describe('openCorpus', () => {
  it('lists documents by their relative path with forward slashes, sorted, including nested folders', async () => {
    const corpus = await makeCorpus({
      'zeta.md': 'Zeta\n',
      'alpha.txt': 'Alpha\n',
      'sub/nested/deep.txt': 'Deep\n',
      'sub/mid.TXT': 'Mid\n',
    });
    const listing = corpus.listing();
    expect(listing.name).toBe(basename(root));
    expect(listing.documents.map((d) => d.id)).toEqual(['alpha.txt', 'sub/mid.TXT', 'sub/nested/deep.txt', 'zeta.md']);
    expect(listing.skipped).toEqual([]);
    expect(corpus.document('sub/nested/deep.txt').text).toBe('Deep\n');
  });

  it('skips hidden files and unsupported file types, saying why', async () => {
    const corpus = await makeCorpus({
      '.hidden.txt': 'Secret\n',
      'sub/.DS_Store': 'x',
      'picture.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'notes.docx': 'not really a docx',
      'kept.txt': 'Kept\n',
    });
    const { documents, skipped } = corpus.listing();
    expect(documents.map((d) => d.id)).toEqual(['kept.txt']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['.hidden.txt', 'notes.docx', 'picture.png', 'sub/.DS_Store']);
    expect(reasons['.hidden.txt']).toMatch(/hidden/);
    expect(reasons['sub/.DS_Store']).toMatch(/hidden/);
    expect(reasons['picture.png']).toMatch(/not a supported file type/);
    expect(reasons['notes.docx']).toMatch(/\.txt/);
    expect(() => corpus.document('.hidden.txt')).toThrow(/No document/);
  });

  it('does not serve files inside hidden folders', async () => {
    const corpus = await makeCorpus({ '.git/description.txt': 'Git\n', 'a.txt': 'A\n' });
    expect(corpus.listing().documents.map((d) => d.id)).toEqual(['a.txt']);
    expect(() => corpus.document('.git/description.txt')).toThrow(/No document/);
  });

  it('skips a file that is not valid UTF-8 and still loads the others', async () => {
    const corpus = await makeCorpus({
      'a.txt': 'Before\n',
      'broken.txt': Buffer.from([0xff, 0xfe, 0x41]),
      'lone-surrogate.txt': Buffer.from([0x41, 0xed, 0xa0, 0x80]),
      'z.txt': 'After\n',
    });
    const { documents, skipped } = corpus.listing();
    expect(documents.map((d) => d.id)).toEqual(['a.txt', 'z.txt']);
    expect(skipped.map((s) => s.path).sort()).toEqual(['broken.txt', 'lone-surrogate.txt']);
    for (const { reason } of skipped) expect(reason).toMatch(/UTF-8/);
  });

  it('skips a file larger than 50 MB without reading it', async () => {
    await writeFile(join(root, 'huge.txt'), '');
    await truncate(join(root, 'huge.txt'), 50 * 1024 * 1024 + 1); // sparse: no 50 MB written
    const corpus = await makeCorpus({ 'small.txt': 'Small\n' });
    expect(corpus.listing().documents.map((d) => d.id)).toEqual(['small.txt']);
    expect(corpus.listing().skipped).toEqual([{ path: 'huge.txt', reason: expect.stringMatching(/50 MB/) }]);
  });

  it('drops a UTF-8 byte-order mark from the served text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Заголовок\nТекст\n', 'utf8')]);
    const corpus = await makeCorpus({ 'bom.txt': bytes });
    const doc = corpus.document('bom.txt');
    expect(doc.text).toBe('Заголовок\nТекст\n');
    expect(doc.title).toBe('Заголовок');
    expect(doc.length).toBe(doc.text.length);
    expect(doc.sha256).toBe(nodeSha256(Buffer.from('Заголовок\nТекст\n', 'utf8')));
    expect(doc.sha256).not.toBe(nodeSha256(bytes));
  });

  it('keeps CRLF line endings exactly', async () => {
    const text = 'Title line\r\n\r\nFirst paragraph.\r\nSecond line.\r\n';
    const corpus = await makeCorpus({ 'crlf.txt': text });
    const doc = corpus.document('crlf.txt');
    expect(doc.text).toBe(text);
    expect(doc.length).toBe(text.length);
    expect(doc.title).toBe('Title line');
  });

  it('takes the first non-empty line, trimmed, as the title', async () => {
    const corpus = await makeCorpus({
      'leading.txt': '\n   \r\n\t  The real title  \nBody text\n',
      'blank.txt': '  \n\n',
    });
    expect(corpus.document('leading.txt').title).toBe('The real title');
    expect(corpus.listing().documents.find((d) => d.id === 'leading.txt')?.title).toBe('The real title');
    expect(corpus.document('blank.txt').title).toBe('blank.txt');
  });

  it('gives each document the sha256 of its served text', async () => {
    const text = 'Ünïcødé — русский текст 😀\nBody\n';
    const corpus = await makeCorpus({ 'u.txt': text, 'sub/v.md': 'Other\n' });
    for (const summary of corpus.listing().documents) {
      const doc = corpus.document(summary.id);
      expect(summary.sha256).toBe(nodeSha256(doc.text));
      expect(doc.sha256).toBe(summary.sha256);
    }
    expect(corpus.document('u.txt').sha256).toBe(nodeSha256(Buffer.from(text, 'utf8')));
  });

  it('refuses an unknown id or a path outside the corpus with a clear error', async () => {
    await writeFile(join(dirname(root), `${basename(root)}-outside.txt`), 'Outside\n');
    try {
      const corpus = await makeCorpus({ 'a.txt': 'A\n', 'sub/b.txt': 'B\n' });
      expect(() => corpus.document('missing.txt')).toThrow(`No document "missing.txt" in corpus ${basename(root)}`);
      expect(() => corpus.document('../etc/passwd')).toThrow('No document "../etc/passwd"');
      expect(() => corpus.document(`../${basename(root)}-outside.txt`)).toThrow(/No document/);
      // Paths that would reach a corpus file if the id were joined onto the file system.
      expect(() => corpus.document('sub/../a.txt')).toThrow(/No document/);
      expect(() => corpus.document('./a.txt')).toThrow(/No document/);
      expect(() => corpus.document(`../${basename(root)}/a.txt`)).toThrow(/No document/);
      expect(() => corpus.document('sub\\b.txt')).toThrow(/No document/);
      expect(() => corpus.document(join(root, 'a.txt'))).toThrow(/No document/);
    } finally {
      await rm(join(dirname(root), `${basename(root)}-outside.txt`), { force: true });
    }
  });
});

describe('decodeText', () => {
  it('decodes UTF-8, dropping a leading byte-order mark', () => {
    expect(decodeText(Buffer.from('Привет 😀', 'utf8'))).toBe('Привет 😀');
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });

  it('throws on invalid UTF-8 and keeps working afterwards', () => {
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x41]))).toThrow();
    expect(() => decodeText(Buffer.from([0xe2, 0x82]))).toThrow(); // truncated sequence
    expect(decodeText(Buffer.from('ok', 'utf8'))).toBe('ok');
  });

  it('round-trips any well-formed text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }).filter((s) => !s.startsWith('\uFEFF')),
        (text) => {
          expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
        },
      ),
    );
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
  it('serves the five sample documents with their languages and titles', async () => {
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
    const languages = Object.fromEntries(documents.map((d) => [d.id, d.language]));
    expect(languages).toEqual({
      '000_64c780e358e12605.txt': 'en',
      '001_cd43f6f3889422fc.txt': 'ru',
      '002_e6cb186dbdad8141.txt': 'en',
      '003_be10a6a8d7d9bc50.txt': 'en',
      '004_c2f207795f66fbd6.txt': 'en',
    });
    expect(corpus.document('000_64c780e358e12605.txt').title).toBe(
      'NATO and the EU are pushing Russia and Belarus towards integration',
    );
    for (const { id, sha256: hash, length } of documents) {
      const text = decodeText(await readFile(join(sampleRoot, id)));
      expect(corpus.document(id).text).toBe(text);
      expect(length).toBe(text.length);
      expect(hash).toBe(nodeSha256(text));
    }
  });
});
