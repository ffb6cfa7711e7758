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
