import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { LABELLED_JSON_FORMAT, type LabelledJsonInput, labelledJson, toLabelledJson } from './labelled-json';

const text = 'Flag 🇧🇾 first. Then: “NATO is a threat,” said the minister 😀 today.';
const index = new OffsetIndex(text);
const sha = 'a'.repeat(64);

function claim(id: string, quote: string, tagId: string, documentId = 'doc.txt'): Annotation {
  const start = text.indexOf(quote);
  return newClaim({
    id,
    documentId,
    documentSha256: sha,
    target: textTarget(index, start, start + quote.length),
    tagId,
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T10:00:00.000Z',
  });
}

const claims = [
  claim('01JDA0000000000000000000A1', 'NATO is a threat', 'threat-narrative'),
  claim('01JDA0000000000000000000A2', 'said the minister 😀 today', 'integration'),
  { ...claim('01JDA0000000000000000000A3', 'Flag', 'integration'), deletedAt: '2026-11-22T11:00:00.000Z' },
  claim('01JDA0000000000000000000A4', 'Then', 'integration', 'another.txt'),
];

const input: LabelledJsonInput = {
  exportedAt: '2026-11-22T12:00:00.000Z',
  app: { name: 'Framing Workbench', version: '0.1.0' },
  annotator: 'Ada',
  codebook: narrativesCodebook,
  documents: [
    { id: 'doc.txt', title: 'Doc', language: 'en', sha256: sha },
    { id: 'another.txt', title: 'Another', language: 'ru', sha256: 'b'.repeat(64) },
  ],
  annotations: claims,
};

describe('labelled JSON export', () => {
  it('states its format, version and offset units', () => {
    const file = JSON.parse(labelledJson.serialize(toLabelledJson(input)));
    expect(file.format).toBe(LABELLED_JSON_FORMAT);
    expect(file.formatVersion).toBe(1);
    expect(file.offsetUnits).toEqual({ start: 'utf-16 code units', codePointStart: 'unicode code points' });
    expect(file.annotator).toBe('Ada');
    expect(file.codebook.tags.map((t: { id: string }) => t.id)).toContain('threat-narrative');
  });

  it('gives each claim both UTF-16 and code-point offsets that select the same quote', () => {
    const file = toLabelledJson(input);
    const minister = file.annotations.find((a) => a.target.exact.startsWith('said'));
    expect(minister).toBeDefined();
    const t = minister?.target ?? ({} as Annotation['target']);
    expect(text.slice(t.start, t.end)).toBe('said the minister 😀 today');
    // The flag (two astral code points) before the quote shifts code points by 2.
    expect(t.start - t.codePointStart).toBe(2);
    expect(Array.from(text).slice(t.codePointStart, t.codePointEnd).join('')).toBe(t.exact);
    expect(t.prefix).toBe(text.slice(t.start - 32, t.start));
    expect(t.suffix).toBe('.');
  });

  it('keeps deleted claims as tombstones, apart from live claims', () => {
    const file = toLabelledJson(input);
    expect(file.annotations.map((a) => a.id)).not.toContain('01JDA0000000000000000000A3');
    expect(file.tombstones).toEqual([
      {
        id: '01JDA0000000000000000000A3',
        documentId: 'doc.txt',
        annotator: 'Ada',
        deletedAt: '2026-11-22T11:00:00.000Z',
      },
    ]);
  });

  it('is byte-identical for the same data in any order', () => {
    const once = labelledJson.serialize(toLabelledJson(input));
    const shuffled = {
      ...input,
      documents: [...input.documents].reverse(),
      annotations: [...claims].reverse().map((a) => ({ ...a, attributes: { note: 'n', speaker: 's' } })),
    };
    const reordered = {
      ...input,
      annotations: claims.map((a) => ({ ...a, attributes: { speaker: 's', note: 'n' } })),
    };
    expect(labelledJson.serialize(toLabelledJson(shuffled))).toBe(labelledJson.serialize(toLabelledJson(reordered)));
    expect(labelledJson.serialize(toLabelledJson(input))).toBe(once);
  });

  it('sorts documents by id and claims by document then position', () => {
    const file = toLabelledJson(input);
    expect(file.documents.map((d) => d.id)).toEqual(['another.txt', 'doc.txt']);
    expect(file.annotations.map((a) => a.target.exact)).toEqual([
      'Then',
      'NATO is a threat',
      'said the minister 😀 today',
    ]);
  });

  it('parses what it serializes', () => {
    const serialized = labelledJson.serialize(toLabelledJson(input));
    const parsed = labelledJson.parse(serialized);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(labelledJson.serialize(parsed.value)).toBe(serialized);
  });
  it('keeps how a claim coded from a search was made', () => {
    const origin = { kind: 'search', query: '"NATO" threat*', regex: false, extent: 'sentence' } as const;
    const coded = { ...claim('01JDA0000000000000000000A5', 'NATO is a threat', 'threat-narrative'), origin };
    const parsed = labelledJson.parse(labelledJson.serialize(toLabelledJson({ ...input, annotations: [coded] })));
    expect(parsed.ok && parsed.value.annotations[0]?.origin).toEqual(origin);
  });
});

describe('labelled JSON parse', () => {
  it('reports broken JSON without throwing', () => {
    const parsed = labelledJson.parse('{"format": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error[0]?.message).toMatch(/not valid JSON/);
  });

  it('names the JSON path of each problem', () => {
    const file = JSON.parse(labelledJson.serialize(toLabelledJson(input)));
    file.annotations[1].target.end = -4;
    file.formatVersion = 99;
    const parsed = labelledJson.parse(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const paths = parsed.error.map((p) => p.path);
      expect(paths).toContain('$.formatVersion');
      expect(paths).toContain('$.annotations[1].target.end');
    }
  });

  it('refuses a quote that does not match its span length', () => {
    const file = JSON.parse(labelledJson.serialize(toLabelledJson(input)));
    file.annotations[0].target.exact = 'shorter';
    const parsed = labelledJson.parse(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.some((p) => p.path.startsWith('$.annotations[0].target'))).toBe(true);
  });
});

describe('document labels in labelled JSON', () => {
  it('are written sorted by document and annotator, and read back', () => {
    const labels = [
      { documentId: 'doc.txt', annotator: 'Boris', tags: ['integration'], updatedAt: '2026-11-22T10:00:00.000Z' },
      { documentId: 'another.txt', annotator: 'Ada', tags: [], updatedAt: '2026-11-22T09:00:00.000Z' },
      { documentId: 'doc.txt', annotator: 'Ada', tags: ['threat-narrative'], updatedAt: '2026-11-22T11:00:00.000Z' },
    ];
    const file = toLabelledJson({ ...input, documentLabels: labels });
    expect(file.documentLabels?.map((l) => `${l.documentId}/${l.annotator}`)).toEqual([
      'another.txt/Ada',
      'doc.txt/Ada',
      'doc.txt/Boris',
    ]);
    const parsed = labelledJson.parse(labelledJson.serialize(file));
    expect(parsed.ok && parsed.value.documentLabels).toEqual(file.documentLabels);
  });

  it('are left out of files that have none', () => {
    expect(JSON.parse(labelledJson.serialize(toLabelledJson(input)))).not.toHaveProperty('documentLabels');
  });
});

describe('reviews in labelled JSON', () => {
  const comment = (id: string, at: string, author: string, text: string) => ({ id, author, at, text });
  const c1 = comment('01JDA0000000000000000000R1', '2026-11-22T10:00:00.000Z', 'Ada', 'Too long?');
  const c2 = comment('01JDA0000000000000000000R2', '2026-11-22T10:05:00.000Z', 'Boris', 'Agreed, only the quote.');
  const c3 = comment('01JDA0000000000000000000R3', '2026-11-22T10:05:00.000Z', 'Chen', 'Same minute.');
  const framing = { documentId: 'doc.txt', clusterKey: 'framing:narratives', comments: [c3, c1] };
  const span = {
    documentId: 'doc.txt',
    clusterKey: '12:01JDA0000000000000000000A1',
    decision: {
      rationale: 'not a narrative',
      decidedAt: '2026-11-22T11:00:00.000Z',
      decidedBy: 'Dana',
      kind: 'rejected' as const,
    },
    comments: [c2, c1],
  };
  const other = {
    documentId: 'another.txt',
    clusterKey: '0:01JDA0000000000000000000A4',
    decision: { kind: 'reopened' as const, decidedBy: 'Ada', decidedAt: '2026-11-22T12:00:00.000Z' },
    comments: [],
  };

  it('are written sorted by document and key, comments by time then id, and read back', () => {
    const file = toLabelledJson({ ...input, reviews: [framing, span, other] });
    expect(file.reviews?.map((r) => `${r.documentId} ${r.clusterKey}`)).toEqual([
      'another.txt 0:01JDA0000000000000000000A4',
      'doc.txt 12:01JDA0000000000000000000A1',
      'doc.txt framing:narratives',
    ]);
    expect(file.reviews?.[1]?.comments).toEqual([c1, c2]);
    expect(file.reviews?.[2]?.comments).toEqual([c1, c3]);
    // Keys in a fixed order, so that the bytes are too.
    expect(Object.keys(file.reviews?.[1]?.decision ?? {})).toEqual(['kind', 'decidedBy', 'decidedAt', 'rationale']);
    expect(Object.keys(file.reviews?.[1] ?? {})).toEqual(['documentId', 'clusterKey', 'decision', 'comments']);
    const serialized = labelledJson.serialize(file);
    const parsed = labelledJson.parse(serialized);
    expect(parsed.ok && parsed.value.reviews).toEqual(file.reviews);
    if (parsed.ok) expect(labelledJson.serialize(parsed.value)).toBe(serialized);
  });

  it('give the same bytes in any order', () => {
    const shuffled = labelledJson.serialize(
      toLabelledJson({
        ...input,
        reviews: [other, { ...span, comments: [c1, c2] }, { ...framing, comments: [c1, c3] }],
      }),
    );
    expect(labelledJson.serialize(toLabelledJson({ ...input, reviews: [framing, span, other] }))).toBe(shuffled);
  });

  it('are left out of files that have none, which still parse', () => {
    const serialized = labelledJson.serialize(toLabelledJson({ ...input, reviews: [] }));
    expect(JSON.parse(serialized)).not.toHaveProperty('reviews');
    const parsed = labelledJson.parse(serialized);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.reviews).toBeUndefined();
  });

  it('refuse a comment with a malformed id or empty text, and a decision of another kind, naming the path', () => {
    const file = JSON.parse(labelledJson.serialize(toLabelledJson({ ...input, reviews: [span, framing] })));
    file.reviews[0].comments[1].id = 'not-a-ulid';
    file.reviews[1].comments[0].text = '';
    file.reviews[0].decision.kind = 'accepted';
    const parsed = labelledJson.parse(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.error.map((p) => p.path).sort()).toEqual([
        '$.reviews[0].comments[1].id',
        '$.reviews[0].decision.kind',
        '$.reviews[1].comments[0].text',
      ]);
  });

  it('refuse a review of a document id outside the corpus, or without a key', () => {
    const file = JSON.parse(labelledJson.serialize(toLabelledJson({ ...input, reviews: [span] })));
    file.reviews[0].documentId = '../secret.txt';
    file.reviews[0].clusterKey = '';
    const parsed = labelledJson.parse(JSON.stringify(file));
    expect(!parsed.ok && parsed.error.map((p) => p.path).sort()).toEqual([
      '$.reviews[0].clusterKey',
      '$.reviews[0].documentId',
    ]);
  });
});
