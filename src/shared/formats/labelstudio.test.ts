/**
 * Tests of the Label Studio JSON format.
 *
 * What Label Studio writes and reads, and in which unit (read, not copied):
 * - Offsets of Text regions are Unicode code points: Label Studio's end-to-end test selects "test" in
 *   "🐱 Warning: This is a test text" and expects start 21, end 25 ("Should calculate offsets by code
 *   points in text"), https://github.com/HumanSignal/label-studio/blob/develop/web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts;
 *   the change: https://github.com/HumanSignal/label-studio/pull/1559 ("Store code points instead of js length"),
 *   merged as https://github.com/HumanSignal/label-studio-frontend/pull/308.
 * - Before it, UTF-16 code units: https://github.com/HumanSignal/label-studio/issues/1347 ("💩This is an annotation."
 *   exported as 13–23, "should be 12 codepoints, end 22"), https://github.com/HumanSignal/label-studio/issues/1008.
 * - Task export shape (annotations, completed_by as a user number, was_cancelled, predictions with model_version):
 *   https://labelstud.io/guide/task_format.html; `completed_by` as an object with an email in full exports, read by
 *   label-studio-converter's get_annotator (utils.py); `completions`, Unix-second times and Russian NER results in
 *   Label Studio 0.x: https://github.com/HumanSignal/label-studio/issues/539.
 * - `value.text` may disagree with start/end when granularity="word" widens a selection:
 *   https://github.com/HumanSignal/label-studio/issues/2878 (such results are refused: the quote is checked).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { type Annotation, newClaim, type Origin, textTarget } from '../model/annotation';
import type { DocumentLabel } from '../model/document-label';
import type { Problem } from '../result';
import { OffsetIndex } from '../text/offsets';
import { doccanoFormat } from './doccano';
import completionTask from './fixtures/labelstudio/completion-task.json?raw';
import legacyUtf16 from './fixtures/labelstudio/legacy-utf16.json?raw';
import nerExport from './fixtures/labelstudio/ner-export.json?raw';
import type { ExportSet, FileEntry, Interchange } from './interchange';
import { labelledJson, toLabelledJson } from './labelled-json';
import { labelStudioFormat } from './labelstudio';
import { expectSameClaims, exportSet, recordSpan } from './testing/arbitraries';

const parse = (files: FileEntry[]) => {
  const parsed = labelStudioFormat.parse?.(files);
  if (parsed === undefined) throw new Error('Label Studio reads files');
  return parsed;
};

function parsed(name: string, content: string): Interchange {
  const result = parse([{ name, content }]);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function problems(content: unknown): Problem[] {
  const result = parse([
    { name: 'export.json', content: typeof content === 'string' ? content : JSON.stringify(content) },
  ]);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.error;
}

const text = 'Flag 🇧🇾 first. Then: “NATO is a threat,” said the minister 😀 today.';
const sha = 'a'.repeat(64);

function claim(id: string, quote: string, tags: string[], annotator: string, now: string): Annotation {
  const start = text.indexOf(quote);
  return {
    ...newClaim({
      id,
      documentId: 'news/doc.txt',
      documentSha256: sha,
      target: textTarget(new OffsetIndex(text), start, start + quote.length),
      tagId: tags[0] as string,
      annotator,
      codebookId: 'narratives',
      codebookVersion: 1,
      now,
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
    claim(
      '01JDA0000000000000000000A2',
      'said the minister 😀 today',
      ['integration'],
      'Ada',
      '2026-11-22T10:05:00.000Z',
    ),
    claim(
      '01JDA0000000000000000000A1',
      'NATO is a threat',
      ['threat-narrative', 'sanctions-pressure'],
      'Ada',
      '2026-11-22T10:00:00.000Z',
    ),
    claim('01JDA0000000000000000000B1', 'first', ['integration'], 'Борис', '2026-11-21T09:00:00.000Z'),
    {
      ...claim('01JDA0000000000000000000A3', 'Flag', ['integration'], 'Ada', '2026-11-22T10:00:00.000Z'),
      deletedAt: '2026-11-22T11:00:00.000Z',
    },
  ],
};

const onlyFile = (files: FileEntry[]) => {
  expect(files).toHaveLength(1);
  return files[0] as FileEntry;
};

describe('Label Studio export', () => {
  it('writes a task per document and an annotation per annotator, with code-point spans', () => {
    const file = onlyFile(labelStudioFormat.serialize(set));
    expect(file.name).toBe('labelstudio.json');
    const tasks = JSON.parse(file.content);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task.id).toBe(1);
    expect(task.data).toEqual({ text, document_id: 'news/doc.txt', title: 'Doc', language: 'en', sha256: sha });
    expect(task.predictions).toEqual([]);
    expect(task.annotations.map((a: { completed_by: unknown }) => a.completed_by)).toEqual([
      { email: 'Ada' },
      { email: 'Борис' },
    ]);
    const [ada] = task.annotations;
    expect(ada.was_cancelled).toBe(false);
    expect(ada.created_at).toBe('2026-11-22T10:00:00.000Z');
    expect(ada.updated_at).toBe('2026-11-22T10:05:00.000Z');
    expect(ada.result).toEqual([
      {
        id: '01JDA0000000000000000000A1',
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
        // The flag 🇧🇾 is two code points, four UTF-16 units: the span starts 2 earlier than in JavaScript.
        value: { start: 22, end: 38, text: 'NATO is a threat', labels: ['threat-narrative', 'sanctions-pressure'] },
      },
      {
        id: '01JDA0000000000000000000A2',
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
        value: { start: 41, end: 66, text: 'said the minister 😀 today', labels: ['integration'] },
      },
    ]);
    for (const result of ada.result) {
      expect(Array.from(text).slice(result.value.start, result.value.end).join('')).toBe(result.value.text);
    }
  });

  it('writes live claims only', () => {
    expect(onlyFile(labelStudioFormat.serialize(set)).content).not.toContain('01JDA0000000000000000000A3');
  });

  it('gives the same bytes whatever the order of documents and annotations', () => {
    fc.assert(
      fc.property(exportSet, (generated) => {
        const reordered = {
          ...generated,
          documents: [...generated.documents].reverse(),
          annotations: [...generated.annotations].reverse(),
        };
        expect(labelStudioFormat.serialize(reordered)).toEqual(labelStudioFormat.serialize(generated));
      }),
    );
  });
});

describe('Label Studio round trip', () => {
  it('brings every live claim back with its span, tags, id, annotator, quote, attributes and its annotation times', () => {
    fc.assert(
      fc.property(exportSet, (generated) => {
        const result = parse(labelStudioFormat.serialize(generated));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(expectSameClaims(generated, result.value)).toEqual([]);
        const live = generated.annotations.filter((a) => a.deletedAt === undefined);
        const byId = new Map(live.map((a) => [a.id, a]));
        const texts = new Map(generated.documents.map((d) => [d.id, d.text]));
        for (const record of result.value.claims) {
          const original = byId.get(record.id ?? '');
          expect(original?.documentId).toBe(record.documentId);
          expect(record.annotator).toBe(original?.annotator);
          expect(record.tags).toEqual(original?.tags);
          // Note and attributes travel in the region's meta.
          expect(record.attributes).toEqual(original?.attributes);
          expect(record.selector.unit).toBe('codepoint');
          expect(record.selector.exact).toBe(original?.target.exact);
          expect(recordSpan(record, texts.get(record.documentId) ?? '')).toEqual({
            start: original?.target.start,
            end: original?.target.end,
          });
          expect(record.documentSha256).toBe(original?.documentSha256);
          // An annotation holds one annotator's claims on a document: its times span theirs.
          const same = live.filter((a) => a.documentId === record.documentId && a.annotator === record.annotator);
          expect(record.createdAt).toBe(same.map((a) => a.createdAt).sort()[0]);
          expect(record.updatedAt).toBe(
            same
              .map((a) => a.updatedAt)
              .sort()
              .at(-1),
          );
        }
        expect(result.value.documents.map((d) => [d.id, d.title, d.language, d.sha256, d.text])).toEqual(
          [...generated.documents]
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((d) => [d.id, d.title, d.language, d.sha256, d.text]),
        );
        expect(result.value.skipped).toEqual([]);
      }),
    );
  });
});

describe('Label Studio files as Label Studio exports them', () => {
  it('reads a task export: labels results as claims, choices as framing, annotators from completed_by', () => {
    const value = parsed('project-2-at-2024-05-16.json', nerExport);
    expect(value.documents.map((d) => d.id)).toEqual(['101', '102']);
    expect(
      value.claims.map((c) => [c.id, c.documentId, c.tags, c.annotator, c.createdAt, c.updatedAt, c.origin]),
    ).toEqual([
      [
        'q3Xr7Lm2Pa',
        '101',
        ['Threat narrative'],
        'user-3',
        '2024-05-14T09:12:03.114561Z',
        '2024-05-14T09:15:41.902317Z',
        'project-2-at-2024-05-16.json $[0].annotations[0].result[0]',
      ],
      [
        'Bk29sLmQ0w',
        '101',
        ['Integration', 'Sanctions'],
        'user-3',
        '2024-05-14T09:12:03.114561Z',
        '2024-05-14T09:15:41.902317Z',
        'project-2-at-2024-05-16.json $[0].annotations[0].result[1]',
      ],
      [
        'Ru1aB2cD3e',
        '102',
        ['Sanctions and Western pressure'],
        'anna@example.org',
        '2024-05-15T11:00:00.000000Z',
        '2024-05-16T08:30:00.000000Z',
        'project-2-at-2024-05-16.json $[1].annotations[0].result[0]',
      ],
      [
        'Ru4fG5hI6j',
        '102',
        ['Sovereignty'],
        'anna@example.org',
        '2024-05-15T11:00:00.000000Z',
        '2024-05-16T08:30:00.000000Z',
        'project-2-at-2024-05-16.json $[1].annotations[0].result[1]',
      ],
    ]);
    // The emoji 😀 inside the quote and the flag 🇧🇾 before it: code points 41–66 are UTF-16 43–70.
    const said = value.claims[1];
    expect(said?.selector).toEqual({ unit: 'codepoint', start: 41, end: 66, exact: 'said the minister 😀 today' });
    const utf16 = recordSpan(said as NonNullable<typeof said>, value.documents[0]?.text ?? '');
    expect(value.documents[0]?.text?.slice(utf16.start, utf16.end)).toBe('said the minister 😀 today');
    // The sentiment choice classifies the whole text: user 3's framing, of the time the annotation was last saved.
    expect(value.documentLabels).toEqual([
      { documentId: '101', annotator: 'user-3', tags: ['Negative'], updatedAt: '2024-05-14T09:15:41.902Z' },
    ]);
    expect(value.skipped.map((s) => s.path)).toEqual([
      'project-2-at-2024-05-16.json $[0].annotations[0].result[3]',
      'project-2-at-2024-05-16.json $[0].annotations[1]',
      'project-2-at-2024-05-16.json $[0].predictions[0]',
      'project-2-at-2024-05-16.json $[1].annotations[0].result[2]',
      'project-2-at-2024-05-16.json $[1].annotations[0].result[3]',
    ]);
    expect(value.skipped.map((s) => s.message)).toEqual([
      'a relation between regions: the app does not keep relations between claims yet',
      'a cancelled (skipped) annotation: the annotator gave no answer',
      "a model's prediction (ner-v2), not an annotator's: accept it in Label Studio to import it",
      'free text (textarea): the app has no free-text answers yet',
      'a rating of the whole text: the app has no document-level ratings yet',
    ]);
  });

  it('reads a single task of Label Studio 0.x: completions, Unix-second times, text under another name', () => {
    const value = parsed('250.json', completionTask);
    expect(value.documents).toEqual([{ id: '250', text: 'Встреча прошла в Минске 12 мая.' }]);
    expect(value.claims).toEqual([
      {
        id: 'BtfOIVC3G2',
        documentId: '250',
        selector: { unit: 'codepoint', start: 17, end: 23, exact: 'Минске' },
        tags: ['Place'],
        attributes: {},
        createdAt: '2021-01-04T19:46:29.000Z',
        origin: '250.json $.completions[0].result[0]',
      },
    ]);
  });

  it('reads the UTF-16 offsets of older Label Studio versions when the quote proves them', () => {
    const value = parsed('old.json', legacyUtf16);
    expect(value.claims.map((c) => [c.selector, c.annotator])).toEqual([
      [{ unit: 'utf16', start: 13, end: 23, exact: 'annotation' }, 'a.a@a.net'],
    ]);
  });
});

describe('Label Studio document framing', () => {
  const framing: DocumentLabel[] = [
    { documentId: 'news/doc.txt', annotator: 'Ada', tags: ['threat-narrative'], updatedAt: '2026-11-22T11:00:00.000Z' },
    // Framing without claims is an annotation of its own; a cleared one has no choice to write.
    {
      documentId: 'news/doc.txt',
      annotator: 'Chen Li',
      tags: ['integration', 'sanctions-pressure'],
      updatedAt: '2026-11-22T09:00:00.000Z',
    },
    { documentId: 'news/doc.txt', annotator: 'Борис', tags: [], updatedAt: '2026-11-22T11:30:00.000Z' },
  ];
  const framed: ExportSet = { ...set, documentLabels: framing };
  const annotations = () => JSON.parse(onlyFile(labelStudioFormat.serialize(framed)).content)[0].annotations;

  it("writes each annotator's framing as a choices result of their annotation, as Label Studio records it", () => {
    const [ada, chen, boris] = annotations();
    expect([ada.completed_by, chen.completed_by, boris.completed_by]).toEqual([
      { email: 'Ada' },
      { email: 'Chen Li' },
      { email: 'Борис' },
    ]);
    expect(ada.result.at(-1)).toEqual({
      id: 'framing',
      from_name: 'framing',
      to_name: 'text',
      type: 'choices',
      value: { choices: ['threat-narrative'] },
    });
    expect(ada.result.map((r: { type: string }) => r.type)).toEqual(['labels', 'labels', 'choices']);
    // The annotation's times are its claims', which read back from them; framing alone has its own.
    expect([ada.created_at, ada.updated_at]).toEqual(['2026-11-22T10:00:00.000Z', '2026-11-22T10:05:00.000Z']);
    expect(chen).toMatchObject({
      result: [{ type: 'choices', value: { choices: ['integration', 'sanctions-pressure'] } }],
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
    });
    expect(boris.result.map((r: { type: string }) => r.type)).toEqual(['labels']);
  });

  it('brings the framing back with its annotator, and the claims as they were', () => {
    const back = parsed('labelstudio.json', onlyFile(labelStudioFormat.serialize(framed)).content);
    expect(back.documentLabels).toEqual([{ ...framing[0], updatedAt: '2026-11-22T10:05:00.000Z' }, framing[1]]);
    // Chen's annotation, of framing alone, comes before Борис's claim.
    const withoutOrigin = (claims: Interchange['claims']) => claims.map(({ origin, ...claim }) => claim);
    const plain = parsed('labelstudio.json', onlyFile(labelStudioFormat.serialize(set)).content);
    expect(withoutOrigin(back.claims)).toEqual(withoutOrigin(plain.claims));
  });

  it('brings random framing back whatever the documents and claims', () => {
    const tagIds = narrativesCodebook.tags.map((t) => t.id);
    const withFraming = exportSet.chain((generated) =>
      fc
        .uniqueArray(
          fc.record({
            documentId: fc.constantFrom(...generated.documents.map((d) => d.id)),
            annotator: fc.constantFrom('Ada', 'Борис', 'Chen Li'),
            tags: fc.uniqueArray(fc.constantFrom(...tagIds), { minLength: 1, maxLength: 3 }),
            updatedAt: fc.constant('2027-01-01T00:00:00.000Z'),
          }),
          { maxLength: 6, selector: (l) => `${l.documentId}|${l.annotator}` },
        )
        .map((documentLabels) => ({ ...generated, documentLabels })),
    );
    fc.assert(
      fc.property(withFraming, (generated) => {
        const result = parse(labelStudioFormat.serialize(generated));
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        // A framing's time reads back as its annotation's: the claims' when the annotator has any.
        const kept = (labels: DocumentLabel[]) =>
          labels.map((l) => `${l.documentId}|${l.annotator}|${l.tags.join('+')}`).sort();
        expect(kept(result.value.documentLabels ?? [])).toEqual(kept(generated.documentLabels ?? []));
        expect(expectSameClaims(generated, result.value)).toEqual([]);
      }),
    );
  });

  const task = (annotations: unknown[]) => JSON.stringify([{ id: 7, data: { text: 'Минск 😀 NATO' }, annotations }]);
  const choices = (value: unknown, extra: object = {}) => ({
    type: 'choices',
    from_name: 'frame',
    to_name: 'text',
    value,
    ...extra,
  });

  it("merges one annotator's choices, from several results and annotations, into one framing", () => {
    const value = parsed(
      'tasks.json',
      task([
        {
          completed_by: 3,
          updated_at: '2024-05-14T09:15:41.902317Z',
          result: [choices({ choices: ['Threat', 'Sovereignty'] }), choices({ choices: ['Threat'] })],
        },
        { completed_by: 3, updated_at: '2024-05-15T10:00:00Z', result: [choices({ choices: ['Integration'] })] },
        { completed_by: { id: 4, email: 'anna@example.org' }, result: [choices({ choices: [] })] },
      ]),
    );
    expect(value.documentLabels).toEqual([
      {
        documentId: '7',
        annotator: 'user-3',
        tags: ['Threat', 'Sovereignty', 'Integration'],
        updatedAt: '2024-05-15T10:00:00.000Z',
      },
      // An empty choice is a framing cleared; a time the annotation does not give is none.
      { documentId: '7', annotator: 'anna@example.org', tags: [], updatedAt: '1970-01-01T00:00:00.000Z' },
    ]);
    expect(value.skipped).toEqual([]);
  });

  it('skips a choice for a region and one by nobody, saying why', () => {
    const value = parsed(
      'tasks.json',
      task([
        { completed_by: 3, result: [choices({ start: 0, end: 5, text: 'Минск', choices: ['Place'] })] },
        { result: [choices({ choices: ['Threat'] })] },
      ]),
    );
    expect(value.documentLabels).toEqual([]);
    expect(value.skipped).toEqual([
      { path: 'tasks.json $[0].annotations[0].result[0]', message: expect.stringMatching(/a region \(perRegion\)/) },
      { path: 'tasks.json $[0].annotations[1].result[0]', message: expect.stringMatching(/no completed_by/) },
    ]);
  });

  it.each([
    ['no value', undefined, 'value', /must be an object with choices/],
    ['choices that are no list', { choices: 'Threat' }, 'value.choices', /must be a list of choices/],
    ['a choice that is no name', { choices: ['Threat', 7] }, 'value.choices[1]', /must be a choice/],
    ['an empty choice', { choices: [''] }, 'value.choices[0]', /must not be empty/],
  ])('refuses a choices result with %s, saying where', (_, value, field, message) => {
    const found = problems(task([{ completed_by: 3, result: [choices(value)] }]));
    expect(found).toEqual([
      { path: `export.json $[0].annotations[0].result[0].${field}`, message: expect.stringMatching(message) },
    ]);
  });
});

describe('Label Studio refuses malformed input with the place of each problem', () => {
  it('never throws, whatever the tasks hold', () => {
    const result = fc.oneof(
      fc.jsonValue(),
      fc.record({
        id: fc.jsonValue(),
        type: fc.constantFrom('labels', 'choices', 'relation'),
        value: fc.oneof(
          fc.jsonValue(),
          fc.record({ start: fc.integer(), end: fc.integer(), text: fc.string(), labels: fc.array(fc.string()) }),
        ),
      }),
    );
    const annotation = fc.record({
      completed_by: fc.jsonValue(),
      result: fc.array(result),
      was_cancelled: fc.jsonValue(),
      created_at: fc.oneof(fc.jsonValue(), fc.double()),
    });
    const task = fc.oneof(
      fc.jsonValue(),
      fc.record({
        id: fc.jsonValue(),
        data: fc.dictionary(fc.string(), fc.jsonValue()),
        annotations: fc.array(annotation),
      }),
      fc.record({
        data: fc.record({ text: fc.string() }),
        annotations: fc.array(annotation),
        predictions: fc.jsonValue(),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(task).map((tasks) => JSON.stringify(tasks)),
        ),
        (content) => {
          expect(typeof parse([{ name: 'fuzz.json', content }]).ok).toBe('boolean');
        },
      ),
    );
  });

  const task = (value: object, extra: object = {}) => [
    {
      id: 1,
      data: { text: 'Минск 😀 NATO' },
      annotations: [{ completed_by: 1, result: [{ id: 'r', type: 'labels', value }], ...extra }],
    },
  ];
  const at = 'export.json $[0].annotations[0].result[0].value';

  it.each([
    ['a negative start', { start: -1, end: 2, labels: ['X'] }, `${at}.start`, 'must not be negative'],
    ['a fractional end', { start: 0, end: 1.5, labels: ['X'] }, `${at}.end`, 'must be a whole number'],
    ['a reversed span', { start: 5, end: 2, labels: ['X'] }, `${at}.end`, 'the span ends at 2, before it starts at 5'],
    [
      'an end past the text',
      { start: 0, end: 13, labels: ['X'] },
      `${at}.end`,
      'the span ends at 13, past the end of the text (12 code points)',
    ],
    [
      'a quote that does not match',
      { start: 0, end: 5, text: 'Минcк', labels: ['X'] },
      `${at}.text`,
      'the quote "Минcк" does not match the task text at 0–5, which reads "Минск"',
    ],
    [
      'UTF-16 offsets and a quote that cut the emoji in half',
      { start: 0, end: 7, text: 'Минск \uD83D', labels: ['X'] },
      `${at}.end`,
      'the span cuts an emoji or other astral character in half',
    ],
    ['no labels', { start: 0, end: 5, labels: [] }, `${at}.labels`, 'must name at least one label'],
    ['a start that is text', { start: '0', end: 5, labels: ['X'] }, `${at}.start`, 'must be a number'],
  ])('%s', (_, value, path, message) => {
    expect(problems(task(value))).toEqual([{ path, message }]);
  });

  it('a completed_by of the wrong kind and a result without type', () => {
    const input = (completedBy: unknown, result: unknown) => [
      { data: { text: 'a' }, annotations: [{ completed_by: completedBy, result: [result] }] },
    ];
    expect(problems(input(true, { type: 'labels', value: { start: 0, end: 1, labels: ['X'] } }))).toEqual([
      { path: 'export.json $[0].annotations[0].completed_by', message: 'must be a user id, a name or a user object' },
    ]);
    expect(problems(input(2, { value: {} }))).toEqual([
      { path: 'export.json $[0].annotations[0].result[0].type', message: 'must name the result type' },
    ]);
  });

  it('JSON syntax errors, tasks that are no objects, tasks without data or text', () => {
    expect(problems('[{"data": ')[0]?.path).toBe('export.json $');
    expect(problems([1])).toEqual([{ path: 'export.json $[0]', message: 'must be a task object with data' }]);
    expect(problems([{ annotations: [] }])).toEqual([{ path: 'export.json $[0].data', message: 'must be an object' }]);
    expect(problems([{ data: { a: 'x', b: 'y' } }])).toEqual([
      {
        path: 'export.json $[0].data.text',
        message: 'the task has no text: expected it in data.text (or as the only text field of data)',
      },
    ]);
  });

  it('a bad document id in data, and the same task twice with different texts', () => {
    expect(problems([{ data: { text: 'a', document_id: '/abs' } }])).toEqual([
      { path: 'export.json $[0].data.document_id', message: 'must be a relative path inside the corpus' },
    ]);
    expect(
      problems([
        { id: 1, data: { text: 'a' } },
        { id: 1, data: { text: 'b' } },
      ]),
    ).toEqual([{ path: 'export.json $[1].id', message: 'document "1" appears twice with different texts' }]);
  });

  it('no .json file at all', () => {
    expect(parse([{ name: 'a.jsonl', content: '{}' }])).toEqual({
      ok: false,
      error: [{ path: '', message: 'no .json file to read' }],
    });
  });
});

describe('Label Studio detection', () => {
  it('claims task exports, ours and Label Studio’s', () => {
    expect(labelStudioFormat.detect(labelStudioFormat.serialize(set))).toBe(true);
    expect(labelStudioFormat.detect([{ name: 'a.json', content: nerExport }])).toBe(true);
    expect(labelStudioFormat.detect([{ name: 'b.JSON', content: completionTask }])).toBe(true);
  });

  it("leaves other formats' files alone", () => {
    const native = labelledJson.serialize(toLabelledJson(set));
    const others: FileEntry[][] = [
      [{ name: 'export.json', content: native }],
      [
        {
          name: 'w3c.json',
          content: '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": []}',
        },
      ],
      doccanoFormat.serialize(set),
      [
        { name: 'doc.ann', content: 'T1\tthreat-narrative 0 4\tNATO\n' },
        { name: 'doc.txt', content: 'NATO' },
      ],
      [{ name: 'package.json', content: '{"name": "x", "version": "1.0.0"}' }],
    ];
    for (const files of others) expect(labelStudioFormat.detect(files)).toBe(false);
  });
});

describe('Label Studio region meta', () => {
  const task = (meta: unknown) =>
    JSON.stringify([
      {
        data: { text: 'Minsk is meeting Moscow halfway.' },
        annotations: [
          {
            completed_by: { email: 'boris@example.org' },
            result: [
              { id: 'r1', type: 'labels', value: { start: 0, end: 5, text: 'Minsk', labels: ['integration'] }, meta },
            ],
          },
        ],
      },
    ]);

  it('reads a region’s notes and attributes into the claim', () => {
    const result = parse([
      { name: 'ls.json', content: task({ text: ['Quoted from TASS'], speaker: 'Lukashenko', stance: 'endorsed' }) },
    ]);
    expect(result.ok && result.value.claims[0]?.attributes).toEqual({
      note: 'Quoted from TASS',
      speaker: 'Lukashenko',
      stance: 'endorsed',
    });
  });

  it('leaves out attributes that do not fit a claim, saying so, and keeps the note', () => {
    const result = parse([{ name: 'ls.json', content: task({ text: ['n'], stance: 'Not A Value!' }) }]);
    expect(result.ok && result.value.claims[0]?.attributes).toEqual({ note: 'n' });
    expect(result.ok && result.value.skipped[0]?.message).toMatch(/^the region's attributes were left out: /);
  });

  it('keeps how each claim was made, a coded search hit and an accepted suggestion, beside its attributes', () => {
    const bySearch: Origin = { kind: 'search', query: 'NATO', regex: false, extent: 'hit' };
    const bySuggestion: Origin = { kind: 'suggestion', source: 'gazetteer', score: 0.5 };
    const [said, nato, first] = set.annotations as [Annotation, Annotation, Annotation];
    const made = {
      ...set,
      annotations: [
        { ...said, origin: bySuggestion, attributes: { speaker: 'the minister' } },
        { ...nato, origin: bySearch },
        first,
      ],
    };
    const [task] = JSON.parse(onlyFile(labelStudioFormat.serialize(made)).content);
    expect(task.annotations[0].result.map((r: { meta?: unknown }) => r.meta)).toEqual([
      { origin: bySearch },
      { speaker: 'the minister', origin: bySuggestion },
    ]);
    const result = parse(labelStudioFormat.serialize(made));
    expect(result.ok && result.value.claims.map((r) => [r.id, r.madeBy])).toEqual([
      ['01JDA0000000000000000000A1', bySearch],
      ['01JDA0000000000000000000A2', bySuggestion],
      ['01JDA0000000000000000000B1', undefined],
    ]);
  });

  it('leaves out an origin the app does not know, saying so, and keeps the claim and its attributes', () => {
    const origin = { kind: 'suggestion', source: 'model', score: 0.9 };
    const result = parse([{ name: 'ls.json', content: task({ speaker: 'Lukashenko', origin }) }]);
    expect(result.ok && result.value.claims.map((r) => [r.attributes, r.madeBy])).toEqual([
      [{ speaker: 'Lukashenko' }, undefined],
    ]);
    expect(result.ok && result.value.skipped).toEqual([
      {
        path: 'ls.json $[0].annotations[0].result[0].meta.origin',
        message: expect.stringMatching(/^how the claim was made was left out \(source\): /),
      },
    ]);
  });
});
