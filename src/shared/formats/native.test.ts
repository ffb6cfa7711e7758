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

describe('native reviews', () => {
  const review = {
    documentId: 'a.txt',
    clusterKey: '0:01JDA0000000000000000000N1',
    decision: { kind: 'rejected' as const, decidedBy: 'Dana', decidedAt: '2026-11-22T11:00:00.000Z' },
    comments: [
      { id: '01JDA0000000000000000000N3', author: 'Boris', at: '2026-11-22T10:30:00.000Z', text: 'later' },
      { id: '01JDA0000000000000000000N2', author: 'Ada', at: '2026-11-22T10:00:00.000Z', text: 'earlier' },
    ],
  };
  const withReviews = (reviews: (typeof review)[] | undefined): FileEntry => {
    const set: ExportSet = {
      exportedAt: '2026-11-22T12:00:00.000Z',
      app: { name: 'Framing Workbench', version: '0.1.0' },
      annotator: 'Ada',
      codebook: narrativesCodebook,
      documents: [{ id: 'a.txt', title: 'A', language: 'en', sha256: sha, text }],
      annotations: [],
      ...(reviews && { reviews }),
    };
    return { ...(nativeFormat.serialize(set)[0] as FileEntry), name: 'team.json' };
  };

  it('carries reviews through serialize and parse, comments in time order', () => {
    const entry = withReviews([review]);
    const result = parse(entry);
    expect(result.ok && result.value.reviews).toEqual([{ ...review, comments: [...review.comments].reverse() }]);
    // Serialising what was read gives the same bytes.
    if (result.ok) expect(withReviews(result.value.reviews as (typeof review)[]).content).toBe(entry.content);
  });

  it('reads a file without reviews as having none', () => {
    const entry = withReviews(undefined);
    expect(entry.content).not.toContain('"reviews"');
    const result = parse(entry);
    expect(result.ok && result.value.reviews).toEqual([]);
  });

  it('refuses a review with a malformed comment id, naming the file and path', () => {
    const file = JSON.parse(withReviews([review]).content);
    file.reviews[0].comments[0].id = '01jda0000000000000000000n2';
    file.reviews[0].comments[1].text = '';
    expect(parse({ name: 'team.json', content: JSON.stringify(file) })).toEqual({
      ok: false,
      error: [
        { path: 'team.json $.reviews[0].comments[0].id', message: expect.any(String) },
        { path: 'team.json $.reviews[0].comments[1].text', message: expect.any(String) },
      ],
    });
  });
});
