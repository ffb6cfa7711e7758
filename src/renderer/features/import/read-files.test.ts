import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFiles } from './read-files';

describe('readFiles', () => {
  it('reads UTF-8 files and refuses invalid UTF-8 by name, reading the rest', async () => {
    const good = new File(['{"ok": "Минск 😀"}'], 'good.json');
    const bad = new File([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])], 'latin.json');
    const { entries, refused } = await readFiles([bad, good]);
    expect(entries).toEqual([{ name: 'good.json', content: '{"ok": "Минск 😀"}' }]);
    expect(refused).toEqual([{ path: 'latin.json', message: 'not UTF-8 text; save it as UTF-8 and import it again' }]);
  });
});

describe('readFiles and byte order marks', () => {
  it('keeps a UTF-8 byte order mark for the format to read (brat counts it as a character)', async () => {
    const withMark = new File([new Uint8Array([0xef, 0xbb, 0xbf]), 'Минск'], 'doc.txt');
    const { entries } = await readFiles([withMark]);
    expect(entries[0]?.content).toBe('\uFEFFМинск');
  });
});

describe('readFiles and zips', () => {
  it('reads a zip as the files in it, named within its folder, as the app’s exports write it', async () => {
    const zip = zipSync({
      'corpus-brat-20261122-120000/annotation.conf': strToU8('[entities]\nintegration\n'),
      'corpus-brat-20261122-120000/news/minsk.ann': strToU8('T1\tintegration 0 5\tMinsk\n'),
      'corpus-brat-20261122-120000/news/minsk.txt': strToU8('Minsk 😀\n'),
    });
    const loose = new File(['{"ok": true}'], 'other.json');
    const { entries, refused } = await readFiles([new File([zip], 'export.zip'), loose]);
    expect(refused).toEqual([]);
    expect(entries).toEqual([
      { name: 'annotation.conf', content: '[entities]\nintegration\n' },
      { name: 'news/minsk.ann', content: 'T1\tintegration 0 5\tMinsk\n' },
      { name: 'news/minsk.txt', content: 'Minsk 😀\n' },
      { name: 'other.json', content: '{"ok": true}' },
    ]);
  });

  it('refuses a damaged zip whole, by name and reason, and a file in a zip that is not UTF-8 by its place in the zip', async () => {
    const zip = zipSync({ 'a.txt': strToU8('Minsk'), 'b.txt': new Uint8Array([0xff, 0xfe]) });
    const damaged = zip.slice(0, zip.length - 30);
    const { entries, refused } = await readFiles([new File([damaged], 'cut.zip'), new File([zip], 'mixed.zip')]);
    expect(entries).toEqual([{ name: 'a.txt', content: 'Minsk' }]);
    expect(refused).toEqual([
      { path: 'cut.zip', message: expect.stringMatching(/damaged.*; nothing of it was read$/) },
      { path: 'mixed.zip/b.txt', message: 'not UTF-8 text; save it as UTF-8 and import it again' },
    ]);
  });
});
