import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import type { ExportSet, FileEntry } from './interchange';
import { nativeFormat } from './native';

const text = 'NATO 😀 is here, 🇧🇾 too.';
const index = new OffsetIndex(text);
const sha = 'd'.repeat(64);

/** An export of one claim on [start, end), with or without the document's text. */
function file(start: number, end: number, includeTexts: boolean): FileEntry {
  const claim = newClaim({
    id: '01JDA0000000000000000000N1',
    documentId: 'a.txt',
    documentSha256: sha,
    target: textTarget(index, start, end),
    tagId: 'threat-narrative',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T10:00:00.000Z',
  });
  const set: ExportSet = {
    exportedAt: '2026-11-22T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: '0.1.0' },
    annotator: 'Ada',
    codebook: narrativesCodebook,
    documents: [{ id: 'a.txt', title: 'A', language: 'en', sha256: sha, text }],
    annotations: [claim],
    includeTexts,
  };
  return { ...(nativeFormat.serialize(set)[0] as FileEntry), name: 'cut.json' };
}

const parse = (entry: FileEntry) => {
  const result = nativeFormat.parse?.([entry]);
  if (result === undefined) throw new Error('the native format reads files');
  return result;
};

describe('native import of spans that cut an astral character', () => {
  // 😀 is UTF-16 5–7: 6 falls between its halves. The flag 🇧🇾 is 17–21, two pairs: 18 and 20 cut them.
  it.each([
    ['a start inside an emoji, with the text in the file', 6, 10, true, 'start'],
    ['an end inside a flag, with the text in the file', 11, 18, true, 'end'],
    ['a start inside an emoji, told by the quote and its context', 6, 10, false, 'start'],
    ['an end inside a flag, told by the quote and its context', 11, 20, false, 'end'],
  ] as const)('refuses %s, naming the claim and the offset', (_, start, end, withText, at) => {
    expect(parse(file(start, end, withText))).toEqual({
      ok: false,
      error: [
        {
          path: `cut.json $.annotations[0].target.${at}`,
          message: 'the span cuts an emoji or other astral character in half',
        },
      ],
    });
  });

  it('reads spans that take whole emoji and flags', () => {
    for (const withText of [true, false]) {
      const result = parse(file(5, 21, withText));
      expect(result.ok && result.value.claims.map((c) => c.selector.exact)).toEqual(['😀 is here, 🇧🇾']);
    }
  });
});
