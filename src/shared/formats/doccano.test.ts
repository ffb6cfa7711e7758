/**
 * Tests of the doccano JSONL format.
 *
 * What doccano writes and reads, and in which unit (read, not copied):
 * - Offsets are UTF-16 code units, JavaScript string indices: https://github.com/doccano/doccano/issues/2290
 *   ("firetrucks" after the 4-code-point firefighter emoji is 22–32 in doccano, 19–29 in Python);
 *   https://github.com/doccano/doccano/pull/1511 (grapheme mode, because `"🌷".length == 2` in JavaScript);
 *   https://github.com/doccano/doccano/pull/99 (offsets "based on the number of utf-16 units").
 * - Sequence labeling export, `label: [[start, end, "LABEL"]]` sorted as tuples:
 *   https://github.com/doccano/doccano/blob/master/backend/data_export/pipeline/examples/sequence_labeling/example.jsonl,
 *   https://github.com/doccano/doccano/blob/master/backend/data_export/pipeline/formatters.py (TupledSpanFormatter).
 * - Relation projects, `entities: [{id, label, start_offset, end_offset}]` and `relations`:
 *   https://github.com/doccano/doccano/blob/master/backend/data_import/pipeline/examples/relation_extraction/example.jsonl;
 *   intent detection, `entities` as triples and `cats`: doccano's data_import tests (INTENT_JSONL).
 * - Unknown columns become the example's meta on import and are spread back into the line on export:
 *   https://github.com/doccano/doccano/blob/master/backend/data_import/pipeline/builders.py,
 *   https://github.com/doccano/doccano/blob/master/backend/data_export/models.py (ExportedExample.to_dict).
 * - A span is a triple or an object with start_offset, end_offset, label:
 *   https://github.com/doccano/doccano/blob/master/backend/data_import/pipeline/label.py (SpanLabel.parse).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementReport } from '../agreement/report';
import { narrativesCodebook } from '../codebooks/narratives';
import { type Annotation, newClaim, type Origin, textTarget } from '../model/annotation';
import type { DocumentLabel } from '../model/document-label';
import type { Problem } from '../result';
import { OffsetIndex } from '../text/offsets';
import { MAX_CLAIMS } from './common';
import { doccanoFormat } from './doccano';
import legacyLabels from './fixtures/doccano/legacy-labels.jsonl?raw';
import adaMember from './fixtures/doccano/members/ada.jsonl?raw';
import borisMember from './fixtures/doccano/members/boris.jsonl?raw';
import relationExtraction from './fixtures/doccano/relation-extraction.jsonl?raw';
import sequenceLabeling from './fixtures/doccano/sequence-labeling.jsonl?raw';
import textClassification from './fixtures/doccano/text-classification.jsonl?raw';
import type { ExportSet, FileEntry, Interchange } from './interchange';
import { LABELLED_JSON_FORMAT } from './labelled-json';
import { labelStudioFormat } from './labelstudio';
import { expectSameClaims, exportSet } from './testing/arbitraries';

const parse = (files: FileEntry[]) => {
  const parsed = doccanoFormat.parse?.(files);
  if (parsed === undefined) throw new Error('doccano reads files');
  return parsed;
};

function parsed(name: string, content: string): Interchange {
  const result = parse([{ name, content }]);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function problems(content: string, name = 'bad.jsonl'): Problem[] {
  const result = parse([{ name, content }]);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.error;
}

const text = 'Flag 🇧🇾 first. Then: “NATO is a threat,” said the minister 😀 today.';
/** A label's time when the file gives none. */
const UNDATED = '1970-01-01T00:00:00.000Z';
const sha = 'a'.repeat(64);

function claim(id: string, quote: string, tags: string[]): Annotation {
  const start = text.indexOf(quote);
  return {
    ...newClaim({
      id,
      documentId: 'news/doc.txt',
      documentSha256: sha,
      target: textTarget(new OffsetIndex(text), start, start + quote.length),
      tagId: tags[0] as string,
      annotator: 'Ada',
      codebookId: 'narratives',
      codebookVersion: 1,
      now: '2026-11-22T10:00:00.000Z',
    }),
    tags,
  };
}

const set: ExportSet = {
  exportedAt: '2026-11-22T12:00:00.000Z',
  app: { name: 'Framing Workbench', version: '0.1.0' },
  annotator: 'Ada',
  codebook: narrativesCodebook,
  documents: [{ id: 'news/doc.txt', title: 'Doc', language: 'en', sha256: sha, text }],
  annotations: [
    claim('01JDA0000000000000000000A1', 'NATO is a threat', ['threat-narrative', 'military-cooperation']),
    claim('01JDA0000000000000000000A2', 'said the minister 😀 today', ['integration']),
    { ...claim('01JDA0000000000000000000A3', 'Flag', ['integration']), deletedAt: '2026-11-22T11:00:00.000Z' },
  ],
};

const onlyFile = (files: FileEntry[]) => {
  expect(files).toHaveLength(1);
  return files[0] as FileEntry;
};

describe('doccano export', () => {
  it('writes one line per document with UTF-16 spans, one per tag, and our ids in meta', () => {
    const file = onlyFile(doccanoFormat.serialize(set));
    expect(file.name).toBe('doccano.jsonl');
    const lines = file.content.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const line = JSON.parse(lines[0] as string);
    expect(Object.keys(line)).toEqual(['id', 'text', 'label', 'meta']);
    expect(line.id).toBe(1);
    expect(line.text).toBe(text);
    const nato = text.indexOf('NATO');
    const said = text.indexOf('said');
    // The flag (4 UTF-16 code units) and the curly quote precede the spans; the offsets count them as JavaScript does.
    expect(line.label).toEqual([
      [nato, nato + 16, 'military-cooperation'],
      [nato, nato + 16, 'threat-narrative'],
      [said, said + 'said the minister 😀 today'.length, 'integration'],
    ]);
    for (const [start, end] of line.label) expect(text.slice(start, end)).not.toMatch(/^\s|\s$/);
    expect(line.meta).toEqual({
      document_id: 'news/doc.txt',
      title: 'Doc',
      language: 'en',
      sha256: sha,
      claims: [
        {
          id: '01JDA0000000000000000000A1',
          start: nato,
          end: nato + 16,
          tags: ['threat-narrative', 'military-cooperation'],
        },
        { id: '01JDA0000000000000000000A2', start: said, end: said + 26, tags: ['integration'] },
      ],
    });
  });

  it('writes live claims only', () => {
    const content = onlyFile(doccanoFormat.serialize(set)).content;
    expect(content).not.toContain('01JDA0000000000000000000A3');
    expect(JSON.parse(content).label.some((l: unknown[]) => l[0] === 0)).toBe(false);
  });

  it('gives the same bytes whatever the order of documents and annotations', () => {
    fc.assert(
      fc.property(exportSet, (generated) => {
        const reordered = {
          ...generated,
          documents: [...generated.documents].reverse(),
          annotations: [...generated.annotations].reverse(),
        };
        expect(doccanoFormat.serialize(reordered)).toEqual(doccanoFormat.serialize(generated));
      }),
    );
  });
});

describe('doccano round trip', () => {
  it('brings every live claim back on its document with its span, tags and id', () => {
    fc.assert(
      fc.property(exportSet, (generated) => {
        const result = parse(doccanoFormat.serialize(generated));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(expectSameClaims(generated, result.value)).toEqual([]);
        const byId = new Map(generated.annotations.map((a) => [a.id, a]));
        for (const record of result.value.claims) {
          const original = byId.get(record.id ?? '');
          expect(original?.documentId).toBe(record.documentId);
          expect(record.tags).toEqual(original?.tags);
          const { start, end, exact, prefix, suffix } = original?.target ?? {};
          expect(record.selector).toEqual({ unit: 'utf16', start, end, exact, prefix, suffix });
          expect(record.documentSha256).toBe(original?.documentSha256);
          expect(record.annotator).toBeUndefined();
        }
        expect(result.value.documents).toEqual(
          [...generated.documents]
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((d) => ({ id: d.id, title: d.title, language: d.language, sha256: d.sha256, text: d.text })),
        );
        expect(result.value.skipped).toEqual([]);
      }),
    );
  });

  it('keeps multi-tag claims whole after doccano re-sorted the spans and an annotator added one', () => {
    const line = JSON.parse(onlyFile(doccanoFormat.serialize(set)).content);
    const said = text.indexOf('said');
    // As doccano writes it back: its own id, our meta spread into the line, spans sorted, one added, a comment column.
    line.label = [[said, said + 4, 'sanctions-pressure'], ...line.label].sort(
      (a: [number], b: [number]) => a[0] - b[0],
    );
    line.Comments = [];
    const back = parsed('admin.jsonl', JSON.stringify(line));
    const claims = back.claims.map((c) => ({ id: c.id, start: c.selector.start, tags: c.tags }));
    expect(claims).toEqual([
      {
        id: '01JDA0000000000000000000A1',
        start: text.indexOf('NATO'),
        tags: ['threat-narrative', 'military-cooperation'],
      },
      { id: '01JDA0000000000000000000A2', start: said, tags: ['integration'] },
      { id: undefined, start: said, tags: ['sanctions-pressure'] },
    ]);
  });
});

describe('doccano keeps how claims were made', () => {
  const bySearch: Origin = { kind: 'search', query: 'NATO', regex: false, extent: 'sentence' };
  const bySuggestion: Origin = { kind: 'suggestion', source: 'repeats', score: 0.75 };
  const [nato, said, deleted] = set.annotations as [Annotation, Annotation, Annotation];
  const made = {
    ...set,
    annotations: [{ ...nato, origin: bySearch }, { ...said, origin: bySuggestion }, deleted],
  };

  it('records a coded search hit and an accepted suggestion with their claims in meta, and reads them back', () => {
    const line = JSON.parse(onlyFile(doccanoFormat.serialize(made)).content);
    expect(line.meta.claims.map((c: { origin?: unknown }) => c.origin)).toEqual([bySearch, bySuggestion]);
    const back = parsed('doccano.jsonl', JSON.stringify(line));
    expect(back.claims.map((c) => [c.id, c.madeBy])).toEqual([
      ['01JDA0000000000000000000A1', bySearch],
      ['01JDA0000000000000000000A2', bySuggestion],
    ]);
    expect(back.skipped).toEqual([]);
  });

  it('leaves out an origin it does not know, saying where, and keeps the claim', () => {
    const line = JSON.parse(onlyFile(doccanoFormat.serialize(made)).content);
    line.meta.claims[1].origin = { kind: 'suggestion', source: 'repeats' };
    const back = parsed('doccano.jsonl', JSON.stringify(line));
    expect(back.claims.map((c) => [c.id, c.tags, c.madeBy])).toEqual([
      ['01JDA0000000000000000000A1', ['threat-narrative', 'military-cooperation'], bySearch],
      ['01JDA0000000000000000000A2', ['integration'], undefined],
    ]);
    expect(back.skipped).toEqual([
      {
        path: 'doccano.jsonl:1 $.meta.claims[1].origin',
        message: expect.stringMatching(/^how the claim was made was left out \(score\): /),
      },
    ]);
  });
});

describe('doccano files as doccano exports them', () => {
  it('reads a sequence labeling export: label triples in UTF-16, doccano ids as document ids', () => {
    const value = parsed('sequence-labeling.jsonl', sequenceLabeling);
    expect(value.documents.map((d) => d.id)).toEqual(['41', '42', '43']);
    const ru = value.documents[0]?.text ?? '';
    expect(value.claims.map((c) => [c.documentId, c.tags, c.origin])).toEqual([
      ['41', ['Actor'], 'sequence-labeling.jsonl:1 $.label[0]'],
      ['41', ['Threat narrative'], 'sequence-labeling.jsonl:1 $.label[1]'],
      ['41', ['Integration'], 'sequence-labeling.jsonl:1 $.label[2]'],
      ['42', ['Sanctions and Western pressure'], 'sequence-labeling.jsonl:2 $.label[0]'],
    ]);
    const threat = value.claims[1]?.selector;
    expect(threat).toMatchObject({ unit: 'utf16', start: 21, end: 55, exact: 'НАТО угрожает Союзному государству' });
    // After the flag 🇷🇺 (two code points, four UTF-16 units) the UTF-16 offsets select the quote exactly.
    expect(ru.slice(threat?.start, threat?.end)).toBe('НАТО угрожает Союзному государству');
    const en = value.claims[3]?.selector;
    expect(value.documents[1]?.text?.slice(en?.start, en?.end)).toBe('hurt Belarus');
    expect(value.claims.every((c) => c.id === undefined && c.annotator === undefined)).toBe(true);
    expect(value.skipped).toEqual([]);
  });

  it('reads a relation project export: entity objects become claims, relations are skipped', () => {
    const value = parsed('relation-extraction.jsonl', relationExtraction);
    const doc = value.documents[0]?.text ?? '';
    expect(value.documents.map((d) => d.id)).toEqual(['7']);
    expect(value.claims.map((c) => [doc.slice(c.selector.start, c.selector.end), c.tags[0], c.origin])).toEqual([
      ['Minsk', 'Actor', 'relation-extraction.jsonl:1 $.entities[0]'],
      ['Moscow', 'Actor', 'relation-extraction.jsonl:1 $.entities[1]'],
      ['signed the integration roadmap', 'Integration', 'relation-extraction.jsonl:1 $.entities[2]'],
      ['Lukashenko', 'Speaker', 'relation-extraction.jsonl:1 $.entities[3]'],
    ]);
    expect(value.skipped).toEqual([
      {
        path: 'relation-extraction.jsonl:1 $.relations[0]',
        message: 'relation "says": the app does not keep relations between claims yet',
      },
    ]);
  });

  it('reads text classification labels and intent cats as framing by the annotator the file is named after', () => {
    const value = parsed('exports/ada.jsonl', textClassification);
    expect(value.documents.map((d) => d.id)).toEqual(['1', '2', 'line-3']);
    expect(value.claims.map((c) => [c.documentId, c.selector.start, c.selector.end, c.tags])).toEqual([
      ['line-3', 19, 24, ['Place']],
      ['line-3', 33, 38, ['Actor']],
    ]);
    // The second line has no category: doccano lists every example, so that says nothing.
    expect(value.documentLabels).toEqual([
      { documentId: '1', annotator: 'ada', tags: ['Integration', 'Pro-government'], updatedAt: UNDATED },
      { documentId: 'line-3', annotator: 'ada', tags: ['visit'], updatedAt: UNDATED },
    ]);
    expect(value.skipped).toEqual([]);
    expect(value.notes).toEqual([{ path: 'exports/ada.jsonl', message: expect.stringMatching(/credited to "ada"/) }]);
  });

  it('reads the older `labels` column, CRLF line ends and foreign meta', () => {
    const value = parsed('legacy-labels.jsonl', legacyLabels);
    expect(value.documents).toEqual([
      { id: '1', text: 'Aliaksandr Lukashenka' },
      { id: '2', text: 'President Tokayev' },
    ]);
    expect(value.claims.map((c) => [c.documentId, c.selector, c.tags])).toEqual([
      ['1', { unit: 'utf16', start: 0, end: 21, exact: 'Aliaksandr Lukashenka', prefix: '', suffix: '' }, ['PERSON']],
      ['2', { unit: 'utf16', start: 10, end: 17, exact: 'Tokayev', prefix: 'President ', suffix: '' }, ['PERSON']],
    ]);
  });
});

describe('doccano document framing', () => {
  const framing: DocumentLabel[] = [
    { documentId: 'news/doc.txt', annotator: 'Борис', tags: ['integration'], updatedAt: '2026-11-22T11:30:00.000Z' },
    {
      documentId: 'news/doc.txt',
      annotator: 'Ada',
      tags: ['threat-narrative', 'integration'],
      updatedAt: '2026-11-22T11:00:00.000Z',
    },
    // Cleared: Chen looked and chose none, which agreement counts.
    { documentId: 'news/doc.txt', annotator: 'Chen Li', tags: [], updatedAt: '2026-11-22T11:45:00.000Z' },
    // A document the export does not write (it has no claims) has no line to carry its framing.
    { documentId: 'news/other.txt', annotator: 'Ada', tags: ['integration'], updatedAt: '2026-11-22T11:00:00.000Z' },
  ];
  const framed: ExportSet = { ...set, documentLabels: framing };
  const line = () => JSON.parse(onlyFile(doccanoFormat.serialize(framed)).content);

  it('writes spans and categories as doccano writes both, with who chose each category in meta', () => {
    const written = line();
    expect(Object.keys(written)).toEqual(['id', 'text', 'entities', 'cats', 'meta']);
    expect(written.entities).toEqual(JSON.parse(onlyFile(doccanoFormat.serialize(set)).content).label);
    expect(written.cats).toEqual(['integration', 'threat-narrative']);
    expect(written.meta.framing).toEqual([
      { annotator: 'Ada', tags: ['threat-narrative', 'integration'], updated_at: '2026-11-22T11:00:00.000Z' },
      { annotator: 'Chen Li', tags: [], updated_at: '2026-11-22T11:45:00.000Z' },
      { annotator: 'Борис', tags: ['integration'], updated_at: '2026-11-22T11:30:00.000Z' },
    ]);
  });

  it('writes sequence labelling when nobody chose a category, and keeps a cleared framing in meta', () => {
    const cleared = { ...set, documentLabels: [framing[2] as DocumentLabel] };
    const written = JSON.parse(onlyFile(doccanoFormat.serialize(cleared)).content);
    const plain = JSON.parse(onlyFile(doccanoFormat.serialize(set)).content);
    expect(written).toEqual({
      ...plain,
      meta: { ...plain.meta, framing: [{ annotator: 'Chen Li', tags: [], updated_at: '2026-11-22T11:45:00.000Z' }] },
    });
    expect(parsed('doccano.jsonl', JSON.stringify(written)).documentLabels).toEqual([framing[2]]);
  });

  it("brings each annotator's framing back, cleared ones too, beside the same claims", () => {
    const back = parsed('doccano.jsonl', onlyFile(doccanoFormat.serialize(framed)).content);
    expect(back.documentLabels).toEqual(framing.slice(0, 3).sort((a, b) => (a.annotator < b.annotator ? -1 : 1)));
    const withoutOrigin = (claims: Interchange['claims']) => claims.map(({ origin, ...claim }) => claim);
    const plain = parsed('doccano.jsonl', onlyFile(doccanoFormat.serialize(set)).content);
    expect(withoutOrigin(back.claims)).toEqual(withoutOrigin(plain.claims));
    expect(back.claims.map((c) => c.origin)).toEqual([
      'doccano.jsonl:1 $.entities[0]',
      'doccano.jsonl:1 $.entities[2]',
    ]);
    expect(back.notes).toBeUndefined();
  });

  it('brings random framing back whatever the documents and claims', () => {
    const annotators = ['Ada', 'Борис', 'Chen Li'];
    const tagIds = narrativesCodebook.tags.map((t) => t.id);
    const withFraming = exportSet.chain((generated) =>
      fc
        .array(
          fc.record({
            document: fc.constantFrom(...generated.documents.map((d) => d.id)),
            annotator: fc.constantFrom(...annotators),
            tags: fc.uniqueArray(fc.constantFrom(...tagIds), { maxLength: 3 }),
          }),
          { maxLength: 6 },
        )
        .map((drawn) => {
          const labels = new Map(
            drawn.map((d) => [
              `${d.document}|${d.annotator}`,
              { documentId: d.document, annotator: d.annotator, tags: d.tags, updatedAt: UNDATED },
            ]),
          );
          return { ...generated, documentLabels: [...labels.values()] };
        }),
    );
    fc.assert(
      fc.property(withFraming, (generated) => {
        const result = parse(doccanoFormat.serialize(generated));
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        const key = (l: DocumentLabel) => `${l.documentId}|${l.annotator}`;
        const sorted = (labels: DocumentLabel[]) => [...labels].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(sorted(result.value.documentLabels ?? [])).toEqual(sorted(generated.documentLabels ?? []));
        expect(expectSameClaims(generated, result.value)).toEqual([]);
      }),
    );
  });

  it("follows edits made in doccano: a category removed is gone, one added is the file annotator's", () => {
    const edited = line();
    edited.cats = ['integration', 'sanctions-pressure'];
    const back = parsed('admin.jsonl', JSON.stringify(edited));
    expect(back.documentLabels).toEqual([
      { documentId: 'news/doc.txt', annotator: 'Ada', tags: ['integration'], updatedAt: '2026-11-22T11:00:00.000Z' },
      { documentId: 'news/doc.txt', annotator: 'Chen Li', tags: [], updatedAt: '2026-11-22T11:45:00.000Z' },
      { documentId: 'news/doc.txt', annotator: 'Борис', tags: ['integration'], updatedAt: '2026-11-22T11:30:00.000Z' },
      { documentId: 'news/doc.txt', annotator: 'admin', tags: ['sanctions-pressure'], updatedAt: UNDATED },
    ]);
    expect(back.notes).toEqual([{ path: 'admin.jsonl', message: expect.stringMatching(/credited to "admin"/) }]);
  });

  it("reads members' files of a doccano export as their framing, so agreement compares them", () => {
    const files = [
      { name: 'project/ada.jsonl', content: adaMember },
      { name: 'project/boris.jsonl', content: borisMember },
    ];
    const value = parse(files);
    if (!value.ok) throw new Error(JSON.stringify(value.error));
    const labels = value.value.documentLabels ?? [];
    expect(labels.map((l) => [l.documentId, l.annotator, l.tags])).toEqual([
      ['1', 'ada', ['Integration', 'Pro-government']],
      ['2', 'ada', ['Sanctions and Western pressure']],
      ['1', 'boris', ['Integration']],
      ['2', 'boris', ['Sanctions and Western pressure']],
      ['3', 'boris', ['Integration']],
    ]);
    const report = agreementReport({ annotations: [], documentLengths: {}, documentLabels: labels });
    expect(report.annotators).toEqual(['ada', 'boris']);
    expect(report.documentLabels.cohenKappa.map(({ a, b }) => [a, b])).toEqual([['ada', 'boris']]);
  });

  it('reads categories wherever doccano versions put them, and only those chosen', () => {
    const content = JSON.stringify({
      text: 'Минск 😀 NATO',
      label: ['Threat narrative', [9, 13, 'Actor'], 'Threat narrative', ''],
      cats: { Integration: 1, Sanctions: 0.2, Sovereignty: true, Balancing: false, Odd: 'yes' },
    });
    const value = parsed('chen.jsonl', content);
    expect(value.claims.map((c) => [c.selector.exact, c.tags])).toEqual([['NATO', ['Actor']]]);
    expect(value.documentLabels).toEqual([
      {
        documentId: 'line-1',
        annotator: 'chen',
        tags: ['Threat narrative', 'Integration', 'Sovereignty'],
        updatedAt: UNDATED,
      },
    ]);
    expect(value.skipped).toEqual([
      { path: 'chen.jsonl:1 $.label[3]', message: 'an empty category name was left out' },
      { path: 'chen.jsonl:1 $.cats.Odd', message: 'category "Odd": its value must be true, false or a score' },
    ]);
  });

  it('reads a line of a hundred thousand categories as one label of the distinct ones', () => {
    const cats = Array.from({ length: 100_000 }, (_, i) => `frame-${i % 1000}`);
    const value = parsed('huge.jsonl', JSON.stringify({ text: 'x', cats }));
    expect(value.documentLabels).toHaveLength(1);
    expect(value.documentLabels?.[0]?.tags).toHaveLength(1000);
  });

  it.each([
    [
      'a recorded framing whose time is not ISO 8601',
      { cats: ['a'], meta: { framing: [{ annotator: 'Ada', tags: ['a'], updated_at: '22.11.2026' }] } },
      'bad.jsonl:1 $.meta.framing[0].updated_at',
      /^Invalid ISO datetime$/,
    ],
    [
      'a recorded framing without an annotator',
      { cats: ['a'], meta: { framing: [{ annotator: '', tags: ['a'], updated_at: UNDATED }] } },
      'bad.jsonl:1 $.meta.framing[0].annotator',
      /^Too small: expected string/,
    ],
    [
      'recorded tags that are no list',
      { cats: ['a'], meta: { framing: [{ annotator: 'Ada', tags: 'a', updated_at: UNDATED }] } },
      'bad.jsonl:1 $.meta.framing[0].tags',
      /^Invalid input: expected array/,
    ],
  ])('refuses %s, saying where', (_, fields, path, message) => {
    const found = problems(JSON.stringify({ text: 'Минск', ...fields }));
    expect(found).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});

describe('doccano refuses malformed input with the place of each problem', () => {
  it('never throws, whatever the lines hold', () => {
    const line = fc.oneof(
      fc.json(),
      fc
        .record(
          {
            id: fc.jsonValue(),
            text: fc.string(),
            label: fc.array(fc.oneof(fc.jsonValue(), fc.tuple(fc.integer(), fc.integer(), fc.string()))),
            entities: fc.array(fc.jsonValue()),
            cats: fc.jsonValue(),
            relations: fc.jsonValue(),
            meta: fc.jsonValue(),
          },
          { requiredKeys: ['text'] },
        )
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(fc.array(line), (lines) => {
        const result = parse([{ name: 'fuzz.jsonl', content: lines.join('\n') }]);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  const line = (label: unknown, extra: object = {}) => JSON.stringify({ text: 'Минск 😀 NATO', label, ...extra });

  it.each([
    ['a negative start', [[-1, 3, 'X']], 'bad.jsonl:1 $.label[0][0]', 'must not be negative'],
    ['a fractional end', [[0, 2.5, 'X']], 'bad.jsonl:1 $.label[0][1]', 'must be a whole number'],
    ['a reversed span', [[5, 2, 'X']], 'bad.jsonl:1 $.label[0][1]', 'the span ends at 2, before it starts at 5'],
    ['an empty span', [[2, 2, 'X']], 'bad.jsonl:1 $.label[0][1]', 'the span is empty: it starts and ends at 2'],
    [
      'an end past the text',
      [[0, 14, 'X']],
      'bad.jsonl:1 $.label[0][1]',
      'the span ends at 14, past the end of the text (13 UTF-16 code units)',
    ],
    [
      'a start inside an emoji',
      [[7, 9, 'X']],
      'bad.jsonl:1 $.label[0][0]',
      'the span cuts an emoji or other astral character in half',
    ],
    ['a pair, not a triple', [[0, 5]], 'bad.jsonl:1 $.label[0]', 'must be [start, end, "label"]'],
    ['a string offset', [['0', 5, 'X']], 'bad.jsonl:1 $.label[0][0]', 'must be a number'],
    ['an empty label', [[0, 5, '']], 'bad.jsonl:1 $.label[0][2]', 'must not be empty'],
    [
      'a number for a span',
      [7],
      'bad.jsonl:1 $.label[0]',
      'must be [start, end, "label"], an entity object or a category name',
    ],
    ['a label that is no list', 'X', 'bad.jsonl:1 $.label', 'must be a list'],
  ])('%s', (_, label, path, message) => {
    expect(problems(line(label))).toEqual([{ path, message }]);
  });

  it('an entity object past the end of the text', () => {
    const content = JSON.stringify({
      text: 'Минск',
      entities: [{ id: 1, label: 'A', start_offset: 0, end_offset: 9 }],
    });
    expect(problems(content)).toEqual([
      {
        path: 'bad.jsonl:1 $.entities[0].end_offset',
        message: 'the span ends at 9, past the end of the text (5 UTF-16 code units)',
      },
    ]);
  });

  it('a line that is not JSON, one that is no object and one without text', () => {
    const content = [line([]), '{"text": "a", "label": [[0, 1, "A"]', '', '[1, 2]', '{"label": []}'].join('\n');
    const found = problems(content);
    expect(found.map((p) => p.path)).toEqual(['bad.jsonl:2 $', 'bad.jsonl:4 $', 'bad.jsonl:5 $.text']);
    expect(found[0]?.message).toMatch(/^not valid JSON: /);
    expect(found[1]?.message).toBe('each line must be a JSON object');
    expect(found[2]?.message).toBe('must be the document text');
  });

  it('a meta with a bad document id or sha256', () => {
    const found = problems(line([], { meta: { document_id: '../etc/passwd', sha256: 'ABC' } }));
    expect(found).toEqual([
      { path: 'bad.jsonl:1 $.meta.document_id', message: 'must be a relative path inside the corpus' },
      { path: 'bad.jsonl:1 $.meta.sha256', message: 'must be a SHA-256 digest in lowercase hex' },
    ]);
  });

  it('the same document twice with different texts', () => {
    const content = `${JSON.stringify({ id: 1, text: 'a' })}\n${JSON.stringify({ id: 1, text: 'b' })}\n`;
    expect(problems(content)).toEqual([
      { path: 'bad.jsonl:2 $.id', message: 'document "1" appears twice with different texts' },
    ]);
  });

  it('no .jsonl file at all', () => {
    expect(parse([{ name: 'notes.txt', content: '' }])).toEqual({
      ok: false,
      error: [{ path: '', message: 'no .jsonl file to read' }],
    });
  });

  it('more than a million claims', () => {
    const label = `[${'[0,1,"A"],'.repeat(MAX_CLAIMS)}[0,1,"A"]]`;
    const found = problems(`{"text": "a", "label": ${label}}\n{"text": "b"}`);
    expect(found).toEqual([
      {
        path: `bad.jsonl:1 $.label[${MAX_CLAIMS}]`,
        message: 'more than 1,000,000 claims: this is too many to import at once; split the file',
      },
    ]);
    // A million-entry file takes seconds to parse on a loaded machine; the limit is not what this tests.
  }, 30_000);

  it('lists at most a hundred problems', () => {
    const found = problems(Array.from({ length: 150 }, () => '{').join('\n'));
    expect(found).toHaveLength(101);
    expect(found[100]).toEqual({ path: '', message: '50 more problems not listed' });
  });
});

describe('doccano detection', () => {
  it('claims doccano JSONL, its own and doccano exports', () => {
    expect(doccanoFormat.detect(doccanoFormat.serialize(set))).toBe(true);
    for (const [name, content] of [
      ['a.jsonl', sequenceLabeling],
      ['b.JSONL', relationExtraction],
      ['c.jsonl', `\uFEFF${legacyLabels}`],
    ] as const) {
      expect(doccanoFormat.detect([{ name, content }])).toBe(true);
    }
  });

  it("leaves other formats' files alone", () => {
    const others: FileEntry[][] = [
      labelStudioFormat.serialize(set),
      [{ name: 'export.json', content: `{"format": "${LABELLED_JSON_FORMAT}"}` }],
      [{ name: 'w3c.jsonld', content: '{"@context": "http://www.w3.org/ns/anno.jsonld"}' }],
      [
        { name: 'doc.ann', content: 'T1\tthreat-narrative 0 4\tNATO\n' },
        { name: 'doc.txt', content: 'NATO' },
      ],
      [{ name: 'other.jsonl', content: '["not", "doccano"]\n' }],
    ];
    for (const files of others) expect(doccanoFormat.detect(files)).toBe(false);
  });
});
