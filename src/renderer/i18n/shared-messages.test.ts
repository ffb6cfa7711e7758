import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anchorSelector } from '../../shared/anchoring/anchor';
import { narrativesCodebook } from '../../shared/codebooks/narratives';
import { bratFormat } from '../../shared/formats/brat';
import { codebookJson } from '../../shared/formats/codebook-json';
import { readOrigin, readOriginText } from '../../shared/formats/common';
import { doccanoFormat } from '../../shared/formats/doccano';
import { gazetteer, resolveGazetteer } from '../../shared/formats/gazetteer';
import type { FileEntry, InterchangeFormat } from '../../shared/formats/interchange';
import { labelStudioFormat } from '../../shared/formats/labelstudio';
import { nativeFormat } from '../../shared/formats/native';
import { qdcFormat } from '../../shared/formats/qdc';
import { qdpxFormat } from '../../shared/formats/qdpx';
import { w3cFormat } from '../../shared/formats/w3c';
import { ZIP_LIMITS, zipEntries } from '../../shared/formats/zip-entries';
import { newClaim, textTarget } from '../../shared/model/annotation';
import type { Problem, Result } from '../../shared/result';
import { OffsetIndex } from '../../shared/text/offsets';
import { sharedText } from './shared-messages';

/** Names and terms that stay in Latin letters in Russian: tools, formats, standards, W3C types. */
const KEPT =
  /Framing Workbench|REFI-QDA|project\.qde|NVivo|ATLAS\.ti|CRLF|urn:[\w:.-]+|Label Studio|W3C Web Annotation|JSON-LD|JSON|W3C|UTF-8|UTF-16|SHA-256|ISO 8601|Unix|IRI|URL|zip64|zip|deflate|brat|doccano|labelled|true|false|null|NaN|Annotation(?:Page|Collection)?|TextualBody|Text(?:Quote|Position)Selector/g;

/**
 * Latin words left in a Russian text, apart from the data it quotes (in «», (), "", '', [] or as
 * a regular expression), ids, file names and the names it keeps.
 */
const english = (text: string) =>
  text
    .replace(/«[^»]*»|\([^)]*\)|"(?:[^"\\]|\\.)*"|'[^'\s]+'|\[[^\]]*\]|\/\^.*\$\/|<\/?[\w:]+>/g, '')
    .replace(/\b[0-9A-Z]{26}\b|\S*\.(?:txt|ann|conf|json|jsonl|jsonld|zip)\b(?::\d+)?/g, '')
    .replace(KEPT, '')
    .match(/[A-Za-z]{3,}/g) ?? [];

describe('sharedText', () => {
  it('words in Russian every reason the anchoring gives, as the anchoring gives it', () => {
    const text = 'Minsk is meeting Moscow halfway. '.repeat(2000);
    const reasons = [
      anchorSelector(text, { unit: 'utf16', exact: 'zzzz qqqq' }, { sameText: false }),
      anchorSelector(text, { unit: 'utf16', start: 999_999, end: 1_000_001 }, { sameText: false }),
      anchorSelector(text, { unit: 'utf16' }, { sameText: false }),
      anchorSelector(text, { unit: 'utf16', exact: 'Moscow halfwax. Minsk' }, { sameText: false, deadline: 0 }),
      anchorSelector(text, { unit: 'utf16', exact: 'x'.repeat(600) }, { sameText: false }),
    ].flatMap((anchored) => (anchored.placed ? [] : [anchored.reason]));
    expect(reasons).toHaveLength(5);
    for (const reason of reasons) {
      const russian = sharedText(`the document changed and ${reason}`, 'ru');
      expect(english(russian), `${reason} → ${russian}`).toEqual([]);
    }
  });

  it('words import problems in Russian, keeping the ids and names they quote', () => {
    expect(sharedText('no document "a.txt" in this corpus', 'ru')).toBe('в этом корпусе нет документа «a.txt»');
    expect(
      sharedText(
        'the id 01JDA0000000000000000000A2 is already used by another claim of this file (claims.json $.annotations[1]); this one was not imported',
        'ru',
      ),
    ).toBe(
      'идентификатор 01JDA0000000000000000000A2 уже занят другим утверждением этого файла (claims.json $.annotations[1]); это не импортировано',
    );
  });

  it('leaves English as it is, and a message it does not know unchanged', () => {
    expect(sharedText('the quote is not in this text', 'en')).toBe('the quote is not in this text');
    expect(sharedText('something new', 'ru')).toBe('something new');
  });
});

/** Every message a parse gives: its problems when it refuses the input, else what it skipped. */
const messagesOf = (result: Result<{ skipped: readonly Problem[] }, Problem[]>) =>
  (result.ok ? result.value.skipped : result.error).map((p) => p.message);

const parseWith = (format: InterchangeFormat, files: FileEntry[]) => {
  if (!format.parse) throw new Error(`${format.id} reads no files`);
  return messagesOf(format.parse(files));
};

const text = 'Minsk is meeting Moscow halfway 😀. Russia shows support.\n';
const docId = 'news/minsk.txt';
const sha = 'a'.repeat(64);

/** A valid labelled JSON export of one claim, as an object to break. */
// biome-ignore lint/suspicious/noExplicitAny: the file is broken field by field, whatever its schema says.
function labelledFile(): Record<string, any> {
  const claim = newClaim({
    id: '01JDA0000000000000000000A1',
    documentId: docId,
    documentSha256: sha,
    target: textTarget(new OffsetIndex(text), 0, 5),
    tagId: 'integration',
    annotator: 'Ada',
    codebookId: 'narratives',
    codebookVersion: 1,
    now: '2026-11-22T10:00:00.000Z',
  });
  const [file] = nativeFormat.serialize({
    exportedAt: '2026-11-22T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: '0.1.0' },
    annotator: 'Ada',
    codebook: narrativesCodebook,
    documents: [{ id: docId, title: 'Minsk', language: 'en', sha256: sha, text }],
    annotations: [claim],
    includeTexts: true,
  });
  return JSON.parse(file?.content ?? '');
}

const json = (value: unknown) => JSON.stringify(value);

function nativeMessages(): string[] {
  const broken = labelledFile();
  broken.formatVersion = 2;
  broken.offsetUnits = 'utf-16';
  broken.exportedAt = 'yesterday';
  broken.app.version = 1;
  broken.documents[0].id = 'news/../minsk.txt';
  broken.documents[0].sha256 = 'XYZ';
  const [claim] = broken.annotations;
  claim.id = 'not-a-ulid';
  claim.tags = [];
  claim.target.end = claim.target.start;
  claim.attributes.stance = 'Not Valid';
  claim.codebookVersion = 0;
  broken.codebook.tags[0].colour = 'red';
  broken.codebook.tags[0].hotkey = 'AB';
  broken.codebook.tags[1].label = '';
  broken.codebook.attributes.stance = [];
  broken.tombstones = [{ id: 'x', documentId: '', annotator: 'Ada' }];
  broken.extra = { strict: true };
  const quoteLength = labelledFile();
  quoteLength.annotations[0].target.exact = 'Min';
  // Offsets 32–34 fall inside the emoji: both ends cut it.
  const astral = labelledFile();
  Object.assign(astral.annotations[0].target, { start: 33, end: 35, codePointStart: 33, codePointEnd: 34 });
  astral.annotations[0].target.exact = text.slice(33, 35);
  return [
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: '{"format": "framing-workbench/labelled-json",' }]),
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: '{"a" 1}' }]),
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: '[1 2]' }]),
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: 'claims' }]),
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: json(broken) }]),
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: json(quoteLength) }]),
    ...parseWith(nativeFormat, [{ name: 'claims.json', content: json(astral) }]),
    ...parseWith(nativeFormat, [
      { name: 'a.json', content: '{}' },
      { name: 'b.json', content: '{}' },
    ]),
  ];
}

function codebookMessages(): string[] {
  const endorsed = { id: 'endorsed', label: 'Endorsed' };
  const codebook = structuredClone(narrativesCodebook);
  const [first, second, third] = codebook.tags;
  const [group] = codebook.groups;
  if (!first || !second || !third || !group) throw new Error('the narratives codebook has three tags and a group');
  codebook.groups.push({ ...group });
  second.id = first.id;
  third.hotkey = first.hotkey;
  first.group = 'no-such-group';
  first.parent = 'no-such-tag';
  second.parent = third.id;
  third.parent = second.id;
  const refusals = (content: string) => {
    const parsed = codebookJson.parse(content);
    return parsed.ok ? [] : parsed.error.map((p) => p.message);
  };
  return [
    ...refusals('{\n  "format": "framing-workbench.codebook",\n}'),
    ...refusals('{"format": "framing-workbench.labels"}'),
    ...refusals('{"format": "framing-workbench.codebook", "formatVersion": 9}'),
    ...refusals(json({ format: 'framing-workbench.codebook', formatVersion: 1, codebook })),
    ...refusals(json({ ...narrativesCodebook, attributes: { stance: [{ id: 'A B', label: 'x' }], confidence: [] } })),
    ...refusals(
      json({ ...narrativesCodebook, attributes: { ...narrativesCodebook.attributes, stance: [endorsed, endorsed] } }),
    ),
  ];
}

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const quoteOf = (exact: string) => ({ type: 'TextQuoteSelector', exact });
const tagBody = (value: unknown) => ({ type: 'TextualBody', purpose: 'tagging', value });
const annotation = (extra: Record<string, unknown>) => ({
  id: 'urn:x:1',
  type: 'Annotation',
  body: tagBody('integration'),
  target: { source: docId, selector: quoteOf('Minsk') },
  ...extra,
});
const jsonld = (value: unknown, name = 'annotations.jsonld') => [{ name, content: json(value) }];

function w3cMessages(): string[] {
  const page = (items: unknown[], more: Record<string, unknown> = {}) => ({
    '@context': ANNO,
    type: 'AnnotationPage',
    items,
    ...more,
  });
  let deep: unknown = [];
  for (let i = 0; i < 40; i++) deep = [deep];
  const refused = page([
    'not an annotation',
    annotation({ id: 5, type: 'Note', created: 'May 2026', creator: 7, motivation: 3 }),
    annotation({ id: '', target: undefined }),
    annotation({ target: 42 }),
    annotation({ target: {} }),
    annotation({ target: { source: 7 } }),
    annotation({ target: { source: 'urn:framing-workbench:document:%E0%A4%A' } }),
    annotation({ target: { source: 'urn:framing-workbench:document:a%2F..%2Fb.txt' } }),
    annotation({ target: { source: docId, selector: { type: 'TextQuoteSelector' } } }),
    annotation({ target: { source: docId, selector: { type: 'TextPositionSelector', start: 5, end: 2 } } }),
    annotation({ target: { source: docId, selector: { type: 'TextPositionSelector', end: 2 } } }),
    annotation({ target: { source: docId, selector: { type: 'TextPositionSelector', start: -1, end: 1.5 } } }),
    annotation({ target: { source: docId, selector: { ...quoteOf('\uDE00 here'), prefix: 'x\uD83D' } } }),
    annotation({ target: { source: docId, selector: { ...quoteOf('Minsk \uD83D'), suffix: '\uDE00' } } }),
    annotation({ body: { type: 'TextualBody', value: 5 } }),
  ]);
  const skipped = page(
    [
      annotation({ target: [docId, docId] }),
      annotation({ target: docId }),
      annotation({ target: { id: docId } }),
      annotation({ target: { source: docId, selector: [{ type: 'XPathSelector' }, {}] } }),
      annotation({ target: { source: docId } }),
      annotation({
        target: { source: docId, selector: [quoteOf('Minsk'), { type: 'TextPositionSelector', start: 0, end: 7 }] },
      }),
      annotation({ target: { source: docId, selector: quoteOf('') } }),
      annotation({
        body: [
          tagBody(''),
          tagBody('integration'),
          { type: 'TextualBody', value: 'x', 'schema:propertyID': 'mood' },
          { type: 'TextualBody', value: 'Ada', 'schema:propertyID': 'speaker' },
          { type: 'TextualBody', value: 'Bob', 'schema:propertyID': 'speaker' },
          { type: 'TextualBody', value: 'Very Sure', 'schema:propertyID': 'confidence' },
        ],
      }),
      annotation({ body: { type: 'TextualBody', purpose: 'commenting', value: 'a note' } }),
    ],
    { next: 'urn:x:page:2' },
  );
  const collection = (first: unknown) => ({ '@context': ANNO, type: 'AnnotationCollection', total: 3, first });
  return [
    ...parseWith(w3cFormat, jsonld(deep)),
    ...parseWith(w3cFormat, jsonld({ type: 'Annotation' })),
    ...parseWith(w3cFormat, jsonld({ '@context': ANNO, type: 'Thing' })),
    ...parseWith(w3cFormat, jsonld(collection(undefined))),
    ...parseWith(w3cFormat, jsonld(collection('urn:x:page:1'))),
    ...parseWith(w3cFormat, jsonld(collection({ type: 'Thing' }))),
    ...parseWith(w3cFormat, jsonld(page(undefined as unknown as unknown[]))),
    ...parseWith(w3cFormat, jsonld([annotation({})])),
    ...parseWith(w3cFormat, jsonld(refused)),
    ...parseWith(w3cFormat, [...jsonld(skipped), { name: 'notes.txt', content: '' }]),
    ...parseWith(w3cFormat, [{ name: 'notes.txt', content: '' }]),
  ];
}

function bratMessages(): string[] {
  const ann = [
    'T1 Integration 0 5\tMinsk',
    'T2\tIntegration 0',
    'T3\tIntegration x 5\tMinsk',
    'T4\tIntegration -1 5\tMinsk',
    'T5\tIntegration 0-5\tMinsk',
    'T6\tIntegration 5 0\tMinsk',
    'T7\tIntegration 0 999\tMinsk',
    'T8\tIntegration 0 5;3 7\tMinsk is',
    'T9\tIntegration 0 5\tMoscow',
    'T9\tIntegration 0 5\tMinsk',
    'A1\tStance',
    '#1\tAnnotatorNotes',
    'E1\tProtest',
    'X1\tsomething',
    'A2\tStance T77 disputed',
  ].join('\n');
  const skippedAnn = [
    'T1\tIntegration 0 5\tMinsk',
    'T2\tIntegration 9 16;24 31\tmeeting halfway',
    'T3\tProtest 6 8\tis',
    'T4\tIntegration 3 3\t',
    'E1\tProtest:T3',
    'R1\tCause Arg1:T1 Arg2:T4',
    '*\tEquiv T1 T4',
    'N1\tReference T1 Wikipedia:534366\tMinsk',
    'A1\tMood T1 calm',
    'A2\tStance T1 Strongly Agree',
    'A3\tStance T2 disputed',
    '#1\tComment T1\tcheck this',
  ].join('\n');
  return [
    ...parseWith(bratFormat, [
      { name: 'a.txt', content: text },
      { name: 'a.ann', content: ann },
      { name: 'b.ann', content: 'T1\tIntegration 0 5\tMinsk' },
      { name: './c.txt', content: text },
      { name: './c.ann', content: '' },
    ]),
    ...parseWith(bratFormat, [
      { name: 'a.txt', content: text },
      { name: 'a.ann', content: skippedAnn },
      { name: 'd.txt', content: text },
      { name: 'readme.md', content: '' },
    ]),
  ];
}

function doccanoMessages(): string[] {
  const lines = [
    '{"text": "a",',
    '[1, 2]',
    json({ id: true, label: 'x', cats: 5, relations: {} }),
    json({
      text,
      label: [
        [0, 'x', 'Integration'],
        [-1, 5, ''],
        [1.5, 5, 'Integration'],
        [0, 5],
      ],
    }),
    json({ text, entities: [{ start_offset: 0, end_offset: 5 }, 7] }),
    json({
      text,
      label: [
        [3, 3, 'L'],
        [5, 2, 'L'],
        [0, 999, 'L'],
        [0, 33, 'L'],
      ],
    }),
    json({ id: 1, text, meta: { sha256: 'ABC', title: 5, document_id: 5 } }),
    json({ id: 'news/../minsk.txt', text }),
    json({ id: 1, text }),
    json({ id: 1, text: 'another text' }),
    json({ text, meta: 'minsk' }),
  ];
  const skipped = json({ text, label: ['Integration'], cats: ['Positive'], relations: [{ type: 'cause' }, {}] });
  return [
    ...parseWith(doccanoFormat, [{ name: 'a.jsonl', content: lines.join('\n') }]),
    ...parseWith(doccanoFormat, [{ name: 'b.jsonl', content: skipped }]),
    ...parseWith(doccanoFormat, []),
  ];
}

function labelStudioMessages(): string[] {
  const labels = (value: Record<string, unknown>) => ({ type: 'labels', value });
  const tasks = [
    7,
    { id: {}, data: 'text' },
    { data: { title: 'a', body: 'b', lead: 'c' } },
    { data: { text }, annotations: {}, predictions: 3 },
    {
      data: { text },
      annotations: [
        5,
        { result: {}, was_cancelled: 'yes', created_at: {}, completed_by: [] },
        {
          result: [
            4,
            { id: [], value: {} },
            labels({ start: 0, end: 5, labels: [] }),
            labels({ start: 0, end: 5, labels: [''] }),
            labels({ start: 0, end: 5, text: 5, labels: [3] }),
            labels({ start: 0, end: 5, labels: 'Integration' }),
            labels({ start: -1, end: 5, labels: ['I'] }),
            labels({ start: 0, end: 5, text: 'Moscow', labels: ['I'] }),
            labels({ start: 0, end: 999, labels: ['I'] }),
            labels({ start: 33, end: 35, text: text.slice(33, 35), labels: ['I'] }),
            { type: 'labels' },
          ],
        },
      ],
    },
  ];
  const skipped = [
    {
      data: { text },
      annotations: [
        { result: [], was_cancelled: true },
        {
          result: ['choices', 'textarea', 'rating', 'relation', 'taxonomy', 'polygonlabels'].map((type) => ({
            type,
            value: {},
          })),
        },
      ],
      predictions: [{ model_version: 'ner-v2', result: [] }, { result: [] }],
    },
  ];
  return [
    ...parseWith(labelStudioFormat, [{ name: 'tasks.json', content: json(tasks) }]),
    ...parseWith(labelStudioFormat, [{ name: 'tasks.json', content: json(skipped) }]),
    ...parseWith(labelStudioFormat, [{ name: 'tasks.json', content: '[{"data": {"text": "a"}}' }]),
    ...parseWith(labelStudioFormat, [{ name: 'tasks.txt', content: '' }]),
  ];
}

function gazetteerMessages(): string[] {
  const problems = (input: string, listTag?: string) => {
    const parsed = gazetteer.parse(input);
    const resolved = parsed.ok ? resolveGazetteer(parsed.value, [{ id: 'threat', label: 'Threat' }], listTag) : parsed;
    return resolved.ok ? [] : resolved.error.flatMap((p) => [p.path, p.message]);
  };
  return [
    ...problems('a\tthreat\tmore\n\tthreat\nb\t\n'),
    ...problems(`${'x'.repeat(1001)}\tthreat`),
    ...problems('a\tthreat\nb\n'),
    ...problems('# nothing\n'),
    ...problems('\n'.repeat(200_001)),
    ...problems('a\n'),
    ...problems('a\tsanctions\n'),
  ];
}

function zipMessages(): string[] {
  const zip = zipSync({ 'export/a.txt': strToU8(text), 'export/a.ann': strToU8('T1\tIntegration 0 5\tMinsk\n') });
  const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = view(zip).getUint32(zip.length - 22 + 16, true);
  const patched = (patch: (bytes: Uint8Array) => void) => {
    const copy = zip.slice();
    patch(copy);
    return copy;
  };
  const unsafe = zipSync({ 'ab/a.txt': strToU8(text) });
  const refusals = (bytes: Uint8Array, limits = ZIP_LIMITS) => {
    const result = zipEntries('export.zip', bytes, limits);
    return result.ok ? [] : result.error.map((p) => p.message);
  };
  return [
    ...refusals(strToU8('not a zip at all, just some text')),
    ...refusals(zip, { ...ZIP_LIMITS, entries: 1 }),
    ...refusals(zip, { ...ZIP_LIMITS, bytes: 10 }),
    ...refusals(patched((bytes) => view(bytes).setUint32(directory, 0))),
    ...refusals(patched((bytes) => view(bytes).setUint16(directory + 8, 1, true))),
    ...refusals(patched((bytes) => view(bytes).setUint16(directory + 10, 12, true))),
    ...refusals(patched((bytes) => view(bytes).setUint32(directory + 16, 12345, true))),
    ...refusals(patched((bytes) => bytes.fill(0xff, 30 + 'export/a.ann'.length, 34 + 'export/a.ann'.length))),
    ...refusals(
      (() => {
        const copy = unsafe.slice();
        // The name 'ab/a.txt' in both headers, as '../a.txt'.
        for (let i = copy.indexOf(97); i >= 0 && i < copy.length; i = copy.indexOf(97, i + 1)) {
          if (copy[i + 1] === 98 && copy[i + 2] === 47) copy.set(strToU8('..'), i);
        }
        return copy;
      })(),
    ),
  ];
}

/** Every kind of message REFI-QDA's readers give: refusals, skips, places not trusted and how offsets were read. */
function refiMessages(): string[] {
  const textOf = 'Emoji 🚀🚀🚀 first.\r\nThen CRLF lines.\r\nNATO threat is named here, with 🎯 and more.';
  const project = (body: string, sources = '') => [
    {
      name: 'project.qde',
      content: `<Project xmlns="urn:QDA-XML:project:1.0" name="Study"><Users><User guid="AAAAAAAA-0000-0000-0000-000000000001" name="Olga"/></Users>
<CodeBook><Codes><Code guid="CCCCCCCC-0000-0000-0000-000000000001" name="Threat" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="DDDDDDDD-0000-0000-0000-000000000001" name="article" plainTextPath="internal://a.txt">${body}</TextSource>${sources}</Sources></Project>`,
    },
    { name: 'sources/a.txt', content: textOf },
  ];
  const selection = (start: number, end: number, name: string, code = 'CCCCCCCC-0000-0000-0000-000000000001') =>
    `<PlainTextSelection guid="00000000-0000-0000-0000-00000000000${start % 10}" name="${name}" startPosition="${start}" endPosition="${end}"><Coding guid="00000000-0000-0000-0001-000000000001"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`;
  const notes = (files: FileEntry[]) => {
    const read = qdpxFormat.parse?.(files);
    return read?.ok
      ? [
          ...read.value.skipped,
          ...(read.value.notes ?? []),
          ...read.value.claims.flatMap((c) => (c.unplaced ? [{ path: '', message: c.unplaced }] : [])),
        ].map((p) => p.message)
      : (read?.error.map((p) => p.message) ?? []);
  };
  const nato = textOf.indexOf('NATO');
  const qdc = (content: string) => {
    const read = qdcFormat.parse?.([{ name: 'c.qdc', content }]);
    return read?.ok ? [] : (read?.error.map((p) => p.message) ?? []);
  };
  return [
    ...notes([{ name: 'project.qde', content: '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project/>' }]),
    ...notes([{ name: 'project.qde', content: '<Codebook/>' }]),
    ...notes([{ name: 'project.qde', content: '<Project xmlns="urn:other" name="x"/>' }]),
    ...notes([{ name: 'project.qde', content: '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users>' }]),
    ...notes([
      { name: 'project.qde', content: '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users></Sources></Project>' },
    ]),
    ...(qdpxFormat.parse?.([{ name: 'sources/a.txt', content: 'x' }]).ok === false
      ? ['no project.qde: not a REFI-QDA project']
      : []),
    ...notes(
      project(
        selection(nato - 3, nato + 22, 'NATO threat is named here') +
          selection(nato + 2, nato + 27, 'NATO threat is named here') +
          selection(0, 9999, 'Emoji') +
          selection(0, 5, 'Emoji', 'EEEEEEEE-0000-0000-0000-000000000001') +
          '<PlainTextSelection guid="00000000-0000-0000-0000-000000000009" name="bare" startPosition="0" endPosition="5"/>' +
          selection(7, 8, '\uFFFD'),
        '<PDFSource guid="DDDDDDDD-0000-0000-0000-000000000002" name="scan.pdf"/><TextSource guid="DDDDDDDD-0000-0000-0000-000000000003" name="far" plainTextPath="absolute://C:/a.txt"/>',
      ),
    ),
    ...notes(project(selection(nato, nato + 25, 'NATO threat is named here'))),
    ...notes(project(selection(nato - 2, nato + 23, 'NATO threat is named here'))),
    ...notes(project(selection(nato - 5, nato + 20, 'NATO threat is named here'))),
    ...qdc(
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="CCCCCCCC-0000-0000-0000-000000000001" name="Group" isCodable="false"/></Codes></CodeBook>',
    ),
  ];
}

describe('sharedText on what the parsers refuse and skip', () => {
  const sources = {
    refi: refiMessages,
    native: nativeMessages,
    codebook: codebookMessages,
    w3c: w3cMessages,
    brat: bratMessages,
    doccano: doccanoMessages,
    labelStudio: labelStudioMessages,
    zip: zipMessages,
    gazetteer: gazetteerMessages,
  };
  const all = Object.values(sources).flatMap((messages) => messages());
  /** A message with its numbers as #, so that two spans past the end count as one kind. */
  const shape = (message: string) => message.replace(/\d+/g, '#');

  it('meets many kinds of message', () => {
    expect(new Set(all.map(shape)).size).toBeGreaterThanOrEqual(40);
  });

  for (const [source, messages] of Object.entries(sources)) {
    it(`words every ${source} message in Russian, keeping the data it quotes`, () => {
      const found = [...new Set(messages())];
      expect(found.length).toBeGreaterThan(0);
      for (const message of found) {
        const russian = sharedText(message, 'ru');
        expect(english(russian), `${message} → ${russian}`).toEqual([]);
      }
    });
  }
});

describe('sharedText on an origin a file gives that the app cannot keep', () => {
  it('words every reason in Russian, keeping the field it names', () => {
    const reasons: string[] = [];
    const leftOut = (why: string) => reasons.push(why);
    for (const value of [
      { kind: 'suggestion', source: 'repeats', score: 2 },
      { kind: 'suggestion', source: 'model', score: 0.5 },
      { kind: 'guess' },
      { kind: 'search', query: '', regex: false, extent: 'hit' },
      { kind: 'search', query: 'x', regex: 'no', extent: 'hit' },
      { kind: 'suggestion', source: 'repeats' },
      'by hand',
    ]) {
      readOrigin(value, leftOut);
    }
    readOriginText('by hand', leftOut);
    readOriginText('{"kind":', leftOut);
    expect(reasons).toHaveLength(9);
    for (const reason of reasons) {
      const russian = sharedText(reason, 'ru');
      expect(english(russian), `${reason} → ${russian}`).toEqual([]);
    }
    expect(sharedText(reasons[0] as string, 'ru')).toMatch(
      /^сведения о том, как сделано утверждение, пропущены \(score\): /,
    );
  });
});

describe('sharedText on zod’s and JSON.parse’s own words', () => {
  it('words zod’s default messages for the common issue codes in Russian', () => {
    const checks: [z.ZodType, unknown][] = [
      [z.string(), 5],
      [z.object({ a: z.number() }), {}],
      [z.number(), Number.NaN],
      [z.array(z.string()), {}],
      [z.boolean(), 'yes'],
      [z.int(), 1.5],
      [z.number().nonnegative(), -1],
      [z.number().max(10), 11],
      [z.string().min(1), ''],
      [z.string().min(3), 'a'],
      [z.string().max(2), 'abc'],
      [z.string().length(2), 'a'],
      [z.array(z.string()).min(1), []],
      [z.array(z.string()).max(1), ['a', 'b']],
      [z.string().regex(/^a$/), 'b'],
      [z.iso.datetime(), 'May'],
      [z.iso.date(), 'May'],
      [z.email(), 'ada'],
      [z.string().startsWith('urn:'), 'x'],
      [z.literal('framing-workbench/labelled-json'), 'x'],
      [z.enum(['accepted', 'edited']), 'merged'],
      [z.union([z.string(), z.number()]), true],
      [z.strictObject({ a: z.string() }), { a: 'x', extra: 1, more: 2 }],
      [z.number().multipleOf(2), 3],
      [z.record(z.enum(['a']), z.string()), { b: 'x' }],
      [z.string().refine(() => false), 'x'],
    ];
    const messages = checks.flatMap(([schema, value]) => schema.safeParse(value).error?.issues ?? []);
    expect(messages.length).toBeGreaterThanOrEqual(checks.length);
    for (const { message } of messages) {
      const russian = sharedText(message, 'ru');
      expect(english(russian), `${message} → ${russian}`).toEqual([]);
    }
  });

  it('words JSON.parse’s reasons, with or without the line and column newer engines add', () => {
    expect(sharedText('not valid JSON: Unexpected end of JSON input', 'ru')).toBe(
      'неверный JSON: JSON обрывается на середине',
    );
    expect(
      sharedText("not valid JSON: Expected property name or '}' in JSON at position 1 (line 1 column 2)", 'ru'),
    ).toBe("неверный JSON: ожидалось имя свойства или '}', позиция 1 (строка 1, столбец 2)");
    expect(sharedText('not valid JSON: Unterminated string in JSON at position 4 (line 1, column 5)', 'ru')).toBe(
      'неверный JSON: кавычки не закрыты, позиция 4 (строка 1, столбец 5)',
    );
  });

  it('words the import’s refusals and plan in Russian', () => {
    for (const message of [
      'not a format Framing Workbench can import',
      'the import was cancelled: nothing of this file was stored',
      'a claim without any tag cannot be imported',
      '2 deletion(s) recorded in the file were not applied: merging deletions comes with team review',
      'the zip is damaged: its list of files is inconsistent; nothing of it was read',
      'its files take more than the 200 MB an import may hold; nothing of it was read',
      'it holds export/a.txt twice; nothing of it was read',
      'the zip is damaged: unknown compression type 14; nothing of it was read',
      'more than 1,000,000 claims: this is too many to import at once; split the file',
      '100 more problems not listed',
      'and 12 more problems',
    ]) {
      const russian = sharedText(message, 'ru');
      expect(english(russian), `${message} → ${russian}`).toEqual([]);
    }
  });
});
