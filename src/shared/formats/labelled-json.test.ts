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
