import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { ImportPlan } from '../import/plan-import';
import { runImport } from '../import/run-import';
import { newClaim, textTarget } from '../model/annotation';
import type { DocumentSummary } from '../model/document';
import { OffsetIndex } from '../text/offsets';
import { bratFormat } from './brat';
import type { FileEntry } from './interchange';
import { ZIP_LIMITS, zipEntries } from './zip-entries';

const id = 'news/minsk.txt';
const text = 'Minsk is meeting Moscow halfway. Russia shows support in virtually everything 😀.\n';
const sha = 'a'.repeat(64);

/** A brat export of one claim, zipped in one folder exactly as the app's export does (lib/zip-files.ts). */
function bratFiles(): FileEntry[] {
  const start = text.indexOf('Russia shows support');
  const claim = newClaim({
    id: '01JDA0000000000000000000A1',
    documentId: id,
    documentSha256: sha,
    target: textTarget(new OffsetIndex(text), start, start + 'Russia shows support'.length),
    tagId: 'integration',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T10:00:00.000Z',
  });
  return bratFormat.serialize({
    exportedAt: '2026-11-22T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: '0.1.0' },
    annotator: 'Ada',
    codebook: narrativesCodebook,
    documents: [{ id, title: 'Minsk', language: 'en', sha256: sha, text }],
    annotations: [claim],
    includeTexts: true,
  });
}

const zipOf = (files: readonly FileEntry[], folder = 'corpus-brat-20261122-120000/') =>
  zipSync(Object.fromEntries(files.map((f) => [`${folder}${f.name}`, strToU8(f.content)])));

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

/** Where the central directory starts, from the end of central directory record. */
function directoryStart(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return view.getUint32(zip.length - 22 + 16, true);
}

describe('zipEntries', () => {
  it('expands the app’s own brat zip into files that import as brat', async () => {
    const files = bratFiles();
    const unzipped = zipEntries('export.zip', zipOf(files));
    expect(unzipped.ok).toBe(true);
    if (!unzipped.ok) return;
    // Names relative to the export's folder: the document keeps its corpus id.
    expect(unzipped.value.map((e) => e.name)).toEqual([
      'annotation.conf',
      'news/minsk.ann',
      'news/minsk.txt',
      'visual.conf',
    ]);
    const entries = unzipped.value.map((e) => ({ name: e.name, content: decode(e.bytes) }));
    expect(entries).toEqual([...files].sort((a, b) => (a.name < b.name ? -1 : 1)));

    const documents: DocumentSummary[] = [
      {
        id,
        title: id,
        language: 'en',
        sha256: sha,
        length: text.length,
        bytes: text.length,
        format: 'text',
        encoding: 'utf-8',
      },
    ];
    const commits: ImportPlan[] = [];
    const [report] = await runImport(entries, {
      documents,
      loadText: async (doc: string) => ({ id: doc, sha256: sha, text }),
      existing: async () => new Map(),
      existingLabels: async () => new Map(),
      commit: async (plan: ImportPlan) => {
        commits.push(plan);
      },
      fallbackAnnotator: 'imported',
      codebook: narrativesCodebook,
      now: () => '2026-11-22T12:00:00.000Z',
      newId: () => '01JDF000000000000000000000',
    });
    expect(report).toMatchObject({ status: 'imported', added: 1, orphans: 0 });
    expect(commits[0]?.add.map((a) => [a.documentId, a.target.exact, a.tags])).toEqual([
      [id, 'Russia shows support', ['integration']],
    ]);
  });

  it('keeps folders in the names when the files are not all in one, and leaves out folders and macOS extras', () => {
    const zip = zipSync({
      'a/x.ann': strToU8('T1\tintegration 0 5\tMinsk\n'),
      'a/x.txt': strToU8('Minsk'),
      'b/': new Uint8Array(),
      'b/c/y.json': strToU8('{}'),
      '__MACOSX/a/._x.ann': new Uint8Array([0, 5, 22, 7, 0xff]),
      'a/.DS_Store': new Uint8Array([0xff]),
    });
    const unzipped = zipEntries('mixed.zip', zip);
    expect(unzipped.ok && unzipped.value.map((e) => e.name)).toEqual(['a/x.ann', 'a/x.txt', 'b/c/y.json']);
  });

  it('refuses what is not a zip, or a damaged one, naming the zip and the reason', () => {
    expect(zipEntries('notes.zip', strToU8('just some text'))).toEqual({
      ok: false,
      error: [{ path: 'notes.zip', message: 'not a zip archive (or a damaged one); nothing of it was read' }],
    });

    const good = zipOf(bratFiles());
    // Cut off in the middle: the directory at the end is gone.
    const cut = zipEntries('cut.zip', good.subarray(0, Math.floor(good.length / 2)));
    expect(cut.ok).toBe(false);
    if (!cut.ok)
      expect(cut.error).toEqual([{ path: 'cut.zip', message: expect.stringMatching(/not a zip archive|damaged/) }]);

    // A byte of a file's compressed data changed: it no longer unzips to what the zip declares.
    const flipped = good.slice();
    const at = 30 + 'corpus-brat-20261122-120000/annotation.conf'.length + 10;
    flipped[at] = (flipped[at] ?? 0) ^ 0x55;
    const damaged = zipEntries('flipped.zip', flipped);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) {
      expect(damaged.error).toHaveLength(1);
      expect(damaged.error[0]?.path).toBe('flipped.zip');
      expect(damaged.error[0]?.message).toMatch(/^the zip is damaged: .*; nothing of it was read$/);
    }
  });

  it('refuses an encrypted zip', () => {
    const zip = zipOf(bratFiles());
    // Set the "encrypted" flag of the first entry in the central directory.
    const start = directoryStart(zip);
    zip[start + 8] = (zip[start + 8] ?? 0) | 1;
    expect(zipEntries('secret.zip', zip)).toEqual({
      ok: false,
      error: [
        {
          path: 'secret.zip',
          message: 'it is encrypted; unzip it with its password and import the files; nothing of it was read',
        },
      ],
    });
  });

  it('refuses a zip that would unzip to more than the limit, before inflating it', () => {
    // 300 kB of one repeated line squeeze into a zip of about 1 kB.
    const big = zipSync({ 'big.txt': strToU8('Minsk is meeting Moscow halfway.\n'.repeat(10_000)) }, { level: 9 });
    expect(big.length).toBeLessThan(5_000);
    expect(zipEntries('bomb.zip', big, { ...ZIP_LIMITS, bytes: 100_000 })).toEqual({
      ok: false,
      error: [
        {
          path: 'bomb.zip',
          message:
            'its files would take 323 kB unzipped, more than the 98 kB an import may hold; nothing of it was read',
        },
      ],
    });
    expect(zipEntries('bomb.zip', big, ZIP_LIMITS).ok).toBe(true);
  });

  it('refuses a zip that declares less than it holds (the bytes inflated are counted)', () => {
    const big = zipSync({ 'big.txt': strToU8('x'.repeat(300_000)) });
    // Declare 1,000 bytes in the central directory: inflating stops there and the check fails.
    const start = directoryStart(big);
    new DataView(big.buffer, big.byteOffset).setUint32(start + 24, 1_000, true);
    const refused = zipEntries('liar.zip', big, { ...ZIP_LIMITS, bytes: 100_000 });
    expect(refused).toEqual({
      ok: false,
      error: [
        {
          path: 'liar.zip',
          message: 'the zip is damaged: big.txt does not unzip to the content it declares; nothing of it was read',
        },
      ],
    });
  });

  it('refuses a zip of too many files, and names that leave the zip', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    expect(zipEntries('many.zip', many, { ...ZIP_LIMITS, entries: 10 })).toEqual({
      ok: false,
      error: [
        {
          path: 'many.zip',
          message: 'it holds 12 entries, more than the 10 a zip may hold; nothing of it was read',
        },
      ],
    });
    const escaping = zipSync({ '../x.txt': strToU8('x') });
    const refused = zipEntries('up.zip', escaping);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error[0]?.message).toContain('"../x.txt" points outside the zip');
  });
});
