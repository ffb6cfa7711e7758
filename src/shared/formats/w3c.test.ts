/**
 * Tests of the W3C Web Annotation format. What they rely on:
 * - Web Annotation Data Model, W3C Recommendation of 23 February 2017, https://www.w3.org/TR/annotation-model/:
 *   §3.1 (an Annotation MUST have @context with anno.jsonld, exactly one id IRI, the type "Annotation" and
 *   one or more targets), §3.2.4 (a TextualBody MUST have exactly one value), §3.3.1 (created/modified are
 *   xsd:dateTime in UTC with "Z"), §3.3.2 (Agents: Person, Software, name), §3.3.5 (the motivations, which
 *   are also the valid body purposes; an External Web Resource body, any body with an id, has no purpose),
 *   §4.1 (a resource used with a purpose, such as a tag by IRI, is a SpecificResource with that IRI as its
 *   source), §4.2.4–4.2.5 (TextQuoteSelector exact/prefix/suffix; positions in
 *   Unicode code points, start/end non-negative integers), §5.1–5.2 (AnnotationCollection with id, type,
 *   label, total, first and last; an embedded AnnotationPage with id, type and a non-empty items list), and its
 *   Examples 15, 23, 24, 38–41, which the spec-collection fixture follows.
 * - The anno.jsonld context, http://www.w3.org/ns/anno.jsonld, which maps `schema:` to http://schema.org/;
 *   https://schema.org/propertyID for the attribute bodies.
 * - Hypothesis's JSON-LD output, which the hypothesis fixture follows:
 *   https://github.com/hypothesis/h/blob/main/h/presenters/annotation_jsonld.py (a markdown comment body,
 *   tag bodies with purpose "tagging", target as a list, XPathSelector refinedBy TextPositionSelector) and
 *   https://github.com/hypothesis/h/blob/main/h/util/datetime.py (times written with "+00:00").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { Annotation, Origin } from '../model/annotation';
import framingWorkbench from './fixtures/w3c/framing-workbench.jsonld?raw';
import framingWorkbenchTagIds from './fixtures/w3c/framing-workbench-tag-ids.jsonld?raw';
import hypothesis from './fixtures/w3c/hypothesis.jsonld?raw';
import singleAnnotation from './fixtures/w3c/single-annotation.jsonld?raw';
import specCollection from './fixtures/w3c/spec-collection.jsonld?raw';
import type { ClaimRecord, ExportDocument, ExportSet, FileEntry, Interchange } from './interchange';
import { labelledJson, toLabelledJson } from './labelled-json';
import { expectSameClaims, exportSet, recordSpan } from './testing/arbitraries';
import { claimOnQuote } from './testing/claims';
import { ANNO_CONTEXT, w3cFormat } from './w3c';

const minsk: ExportDocument = {
  id: 'news/minsk.txt',
  title: 'Drills near Minsk',
  language: 'en',
  sha256: 'a'.repeat(64),
  text: 'Minsk, 12 May. NATO is building up forces near our borders, the minister said. Joint drills with Russia will follow in September.',
};
const statya: ExportDocument = {
  id: 'ru/статья.txt',
  title: 'Статья',
  language: 'ru',
  sha256: 'b'.repeat(64),
  text: 'Лукашенко 🇧🇾 заявил: Союзное государство — наш общий дом. Санкции Запада не сломят нас.',
};

const claim = (doc: ExportDocument, quote: string, id: string, tags: string[], extra: Partial<Annotation> = {}) =>
  claimOnQuote(doc, quote, tags, id, { now: '2026-11-20T08:00:00.000Z', extra });

const sample: ExportSet = {
  exportedAt: '2026-11-22T12:00:00.000Z',
  app: { name: 'Framing Workbench', version: '0.1.0' },
  annotator: 'Ada',
  codebook: narrativesCodebook,
  documents: [statya, minsk],
  annotations: [
    claim(statya, 'Союзное государство — наш общий дом', '01JDA0000000000000000000B1', ['integration'], {
      annotator: 'Борис',
      attributes: { speaker: 'Лукашенко', stance: 'endorsed', confidence: 'high' },
      updatedAt: '2026-11-21T17:45:10.000Z',
    }),
    claim(
      minsk,
      'NATO is building up forces near our borders',
      '01JDA0000000000000000000A1',
      ['threat-narrative', 'military-cooperation'],
      {
        attributes: { speaker: 'the minister', stance: 'reported', confidence: 'medium', note: 'No figures given.' },
      },
    ),
    claim(statya, 'Санкции Запада не сломят нас', '01JDA0000000000000000000B2', ['sanctions-pressure'], {
      deletedAt: '2026-11-21T18:00:00.000Z',
    }),
  ],
};

/** The shape serialize writes, for reading the output in tests. */
interface WrittenAnnotation {
  '@context'?: string;
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  creator: { type: string; name: string };
  generator: { type: string; name: string };
  generated: string;
  body: {
    id?: string;
    type: string;
    purpose: string;
    value?: string;
    source?: string;
    'schema:propertyID'?: string;
  }[];
  target: { type: string; source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
}
interface Written {
  '@context': string;
  id: string;
  type: string;
  label: string;
  total: number;
  first?: { '@context'?: string; id: string; type: string; partOf: string; items: WrittenAnnotation[] };
  last?: string;
}

const written = (set: ExportSet): Written => JSON.parse((w3cFormat.serialize(set)[0] as FileEntry).content);

function parsed(files: FileEntry[]): Interchange {
  const result = w3cFormat.parse?.(files);
  if (!result?.ok) throw new Error(`expected the input to parse: ${JSON.stringify(result)}`);
  return result.value;
}
const parseOne = (name: string, content: string) => parsed([{ name, content }]);

const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const isOffset = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

/** Every MUST of the data model (and the SHOULDs we promise) that a written collection breaks, in words. */
function mustViolations(collection: Written): string[] {
  const broken: string[] = [];
  const need = (holds: boolean, what: string) => {
    if (!holds) broken.push(what);
  };
  need(collection['@context'] === ANNO_CONTEXT, 'collection @context is anno.jsonld');
  need(IRI.test(collection.id), 'collection id is an IRI');
  need(collection.type === 'AnnotationCollection', 'collection type');
  need(typeof collection.label === 'string' && collection.label !== '', 'collection label');
  const items = collection.first?.items ?? [];
  need(isOffset(collection.total) && collection.total === items.length, 'total counts the annotations');
  if (collection.first) {
    need(IRI.test(collection.first.id), 'page id is an IRI');
    need(collection.first.type === 'AnnotationPage', 'page type');
    need(collection.first['@context'] === undefined, 'embedded page repeats no @context');
    need(collection.first.partOf === collection.id, 'page is part of the collection');
    need(collection.last === collection.first.id, 'the only page is also the last');
    need(items.length > 0, 'a page lists one or more annotations');
  }
  for (const [i, a] of items.entries()) {
    const at = `items[${i}]`;
    need(IRI.test(a.id), `${at} id is an IRI`);
    need(a.type === 'Annotation', `${at} type`);
    need(a['@context'] === undefined, `${at} embedded annotation repeats no @context`);
    need(MOTIVATIONS.includes(a.motivation), `${at} motivation`);
    need(UTC_DATE_TIME.test(a.created) && UTC_DATE_TIME.test(a.modified), `${at} created/modified in UTC`);
    need(UTC_DATE_TIME.test(a.generated), `${at} generated in UTC`);
    need(a.creator.type === 'Person' && a.creator.name !== '', `${at} creator is a named Person`);
    need(a.generator.type === 'Software' && a.generator.name !== '', `${at} generator is named Software`);
    need(
      a.body.some((b) => b.purpose === 'tagging'),
      `${at} has a tag`,
    );
    for (const b of a.body) {
      need(
        (b.type === 'TextualBody' && typeof b.value === 'string') ||
          (b.type === 'SpecificResource' && IRI.test(b.source ?? '')),
        `${at} body is a TextualBody with a value or a SpecificResource with a source IRI`,
      );
      need(MOTIVATIONS.includes(b.purpose), `${at} body purpose ${b.purpose} is a motivation`);
      // With an id, a body is an External Web Resource, which must not have a purpose (§3.3.5).
      need(b.id === undefined, `${at} body with a purpose has no id`);
    }
    need(IRI.test(a.target.source), `${at} target source is an IRI`);
    need(a.target.type === 'SpecificResource', `${at} target is a SpecificResource`);
    const types = a.target.selector.map((s) => s.type);
    need(JSON.stringify(types) === '["TextQuoteSelector","TextPositionSelector"]', `${at} selector types`);
    const [quote, position] = a.target.selector;
    need(typeof quote?.exact === 'string' && quote.exact !== '', `${at} quote`);
    need(isOffset(position?.start) && isOffset(position?.end), `${at} positions are non-negative integers`);
    need((position?.end ?? 0) > (position?.start ?? 0), `${at} position spans text`);
  }
  return broken;
}

describe('W3C export and round trip', () => {
  it('brings every live claim back on the same document, span and tags', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const result = w3cFormat.parse?.(w3cFormat.serialize(set));
        expect(result?.ok).toBe(true);
        if (result?.ok) expect(expectSameClaims(set, result.value)).toEqual([]);
      }),
    );
  });

  it('keeps ids, quotes and context, attributes, annotators, codebook and times exactly', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const records = new Map(parsed(w3cFormat.serialize(set)).claims.map((r) => [r.id, r]));
        expect(records.size).toBe(set.annotations.length);
        for (const a of set.annotations) {
          const t = a.target;
          expect(records.get(a.id)).toEqual({
            id: a.id,
            documentId: a.documentId,
            selector: {
              unit: 'codepoint',
              start: t.codePointStart,
              end: t.codePointEnd,
              exact: t.exact,
              prefix: t.prefix,
              suffix: t.suffix,
            },
            tags: a.tags,
            attributes: a.attributes,
            annotator: a.annotator,
            codebookId: a.codebookId,
            codebookVersion: a.codebookVersion,
            createdAt: a.createdAt,
            updatedAt: a.updatedAt,
            origin: expect.stringMatching(/^annotations\.jsonld \$\.first\.items\[\d+\]$/),
          } satisfies ClaimRecord);
        }
      }),
    );
  });

  it('keeps the confidence attribute too, which the random sets never give', () => {
    const minister = parsed(w3cFormat.serialize(sample)).claims.find((r) => r.id === '01JDA0000000000000000000A1');
    expect(minister?.attributes).toEqual({
      speaker: 'the minister',
      stance: 'reported',
      confidence: 'medium',
      note: 'No figures given.',
    });
  });

  it('writes byte-identical files whatever the order of documents and annotations', () => {
    fc.assert(
      fc.property(exportSet, fc.nat(), (set, turn) => {
        const rotate = <T>(list: T[]) => {
          const k = list.length === 0 ? 0 : turn % list.length;
          return [...list.slice(k), ...list.slice(0, k)].reverse();
        };
        const shuffled = { ...set, documents: rotate(set.documents), annotations: rotate(set.annotations) };
        expect(w3cFormat.serialize(shuffled)).toEqual(w3cFormat.serialize(set));
      }),
    );
  });

  it('writes the committed example file exactly', () => {
    expect(w3cFormat.serialize(sample)).toEqual([{ name: 'annotations.jsonld', content: framingWorkbench }]);
  });

  it('meets every MUST of the data model', () => {
    expect(mustViolations(written(sample))).toEqual([]);
    fc.assert(
      fc.property(exportSet, (set) => {
        expect(mustViolations(written(set))).toEqual([]);
      }),
    );
  });

  it('counts positions in Unicode code points, so a flag before the quote shifts them by two', () => {
    const union = written(sample).first?.items.find((a) => a.id.endsWith('B1'));
    const position = union?.target.selector[1];
    expect(union?.target.source).toBe('urn:framing-workbench:document:ru%2F%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F.txt');
    expect(position).toEqual({ type: 'TextPositionSelector', start: 21, end: 56 });
    expect(statya.text.indexOf('Союзное')).toBe(23);
    expect(Array.from(statya.text).slice(21, 56).join('')).toBe('Союзное государство — наш общий дом');
  });

  it('writes each tag as a textual and a semantic tag of its codebook, and attributes as marked bodies', () => {
    const minister = written(sample).first?.items.find((a) => a.id.endsWith('A1'));
    expect(minister?.motivation).toBe('classifying');
    expect(minister?.creator).toEqual({ type: 'Person', name: 'Ada' });
    expect(minister?.generator).toEqual({ type: 'Software', name: 'Framing Workbench 0.1.0' });
    const codebook = 'urn:framing-workbench:codebook:narratives:1';
    expect(minister?.body.map((b) => [b.type, b.purpose, b['schema:propertyID'] ?? b.source, b.value])).toEqual([
      ['TextualBody', 'tagging', undefined, 'threat-narrative'],
      ['SpecificResource', 'tagging', `${codebook}#threat-narrative`, undefined],
      ['TextualBody', 'tagging', undefined, 'military-cooperation'],
      ['SpecificResource', 'tagging', `${codebook}#military-cooperation`, undefined],
      ['TextualBody', 'describing', 'speaker', 'the minister'],
      ['TextualBody', 'describing', 'stance', 'reported'],
      ['TextualBody', 'assessing', 'confidence', 'medium'],
      ['TextualBody', 'describing', 'note', 'No figures given.'],
    ]);
    expect(minister?.body.filter((b) => b.id !== undefined)).toEqual([]);
  });

  it('still reads its exports from before the semantic tags, whose tag bodies had the tag IRI as id', () => {
    const before = parseOne('annotations.jsonld', framingWorkbenchTagIds);
    expect(framingWorkbenchTagIds).toContain('"id": "urn:framing-workbench:codebook:narratives:1#threat-narrative"');
    expect(before.claims).toEqual(parsed(w3cFormat.serialize(sample)).claims);
    expect(before.claims.map((r) => [r.id, r.tags, r.codebookId, r.codebookVersion])).toEqual([
      ['01JDA0000000000000000000A1', ['threat-narrative', 'military-cooperation'], 'narratives', 1],
      ['01JDA0000000000000000000B1', ['integration'], 'narratives', 1],
    ]);
  });

  it('leaves deleted claims out, since the model cannot express a deletion', () => {
    const collection = written(sample);
    expect(collection.total).toBe(2);
    expect(collection.first?.items.map((a) => a.id)).toEqual([
      'urn:framing-workbench:annotation:01JDA0000000000000000000A1',
      'urn:framing-workbench:annotation:01JDA0000000000000000000B1',
    ]);
    expect(parsed(w3cFormat.serialize(sample)).tombstones).toEqual([]);
  });

  it('keeps how claims were made, a coded search hit and an accepted suggestion, as an extension of the annotation', () => {
    const bySearch: Origin = { kind: 'search', query: 'NATO', regex: false, extent: 'sentence' };
    const bySuggestion: Origin = { kind: 'suggestion', source: 'repeats', score: 0.83 };
    const [union, minister, deleted] = sample.annotations as [Annotation, Annotation, Annotation];
    // Fields in another order than the app builds them write the same bytes.
    const reordered = { extent: 'sentence', regex: false, query: 'NATO', kind: 'search' } as Origin;
    const set = {
      ...sample,
      annotations: [{ ...union, origin: bySuggestion }, { ...minister, origin: reordered }, deleted],
    };
    const extended = written(set).first?.items.find((a) => a.id.endsWith('A1')) as unknown as Record<string, unknown>;
    expect(JSON.stringify(extended['urn:framing-workbench:origin'])).toBe(
      '{"@context":{"@vocab":"urn:framing-workbench:origin:"},"kind":"search","query":"NATO","regex":false,"extent":"sentence"}',
    );
    expect(mustViolations(written(set))).toEqual([]);
    const read = parsed(w3cFormat.serialize(set)).claims.map((r) => [r.id, r.madeBy]);
    expect(read).toEqual([
      ['01JDA0000000000000000000A1', bySearch],
      ['01JDA0000000000000000000B1', bySuggestion],
    ]);
    expect(parsed(w3cFormat.serialize(sample)).claims.map((r) => r.madeBy)).toEqual([undefined, undefined]);
  });

  it('writes an empty collection without a page, and reads it back as no claims', () => {
    const empty = { ...sample, annotations: [] };
    expect(written(empty)).not.toHaveProperty('first');
    expect(mustViolations(written(empty))).toEqual([]);
    expect(parsed(w3cFormat.serialize(empty)).claims).toEqual([]);
  });
});

describe('W3C import of files as other tools write them', () => {
  it('reads a collection written like the examples of the recommendation', () => {
    const result = parseOne('spec-collection.jsonld', specCollection);
    expect(result.claims).toEqual([
      {
        id: 'http://example.org/anno1',
        documentId: 'http://example.org/news/minsk-drills.txt',
        selector: {
          unit: 'codepoint',
          start: 15,
          end: 58,
          exact: 'NATO is building up forces near our borders',
          prefix: 'Minsk, 12 May. ',
          suffix: ', the minister said.',
        },
        tags: ['threat-narrative', 'military-cooperation'],
        attributes: { note: 'The minister frames the build-up as a direct threat.' },
        annotator: 'A. Person',
        createdAt: '2015-10-13T13:00:00Z',
        updatedAt: '2015-10-14T09:30:00Z',
        origin: 'spec-collection.jsonld $.first.items[0]',
      },
      {
        // A body without a purpose is there for the annotation's motivation, "tagging".
        id: 'http://example.org/anno2',
        documentId: 'http://example.org/news/minsk-drills.txt',
        selector: {
          unit: 'codepoint',
          exact: 'Joint drills with Russia',
          prefix: 'the minister said. ',
          suffix: ' will follow',
        },
        tags: ['integration'],
        attributes: {},
        annotator: 'http://example.org/user2',
        origin: 'spec-collection.jsonld $.first.items[1]',
      },
    ]);
    expect(result.documents).toEqual([{ id: 'http://example.org/news/minsk-drills.txt' }]);
    expect(result.skipped.map((s) => s.path)).toEqual([
      'spec-collection.jsonld $.first.items[2]',
      'spec-collection.jsonld $.first.items[3]',
      'spec-collection.jsonld $.first.items[4]',
      'spec-collection.jsonld $.first.items[5]',
    ]);
    const [noTag, xpath, range, whole] = result.skipped.map((s) => s.message);
    expect(noTag).toMatch(/no tag/);
    expect(xpath).toMatch(/XPathSelector.*TextQuoteSelector or TextPositionSelector/);
    expect(range).toMatch(/RangeSelector/);
    expect(whole).toMatch(/whole resource/);
  });

  it('reads a single annotation with our IRIs: a Cyrillic document path, code points, attributes, codebook', () => {
    const [record] = parseOne('single.jsonld', singleAnnotation).claims;
    expect(record).toEqual({
      id: '01JDA0000000000000000000B1',
      documentId: 'ru/статья.txt',
      selector: {
        unit: 'codepoint',
        start: 21,
        end: 56,
        exact: 'Союзное государство — наш общий дом',
        prefix: 'Лукашенко 🇧🇾 заявил: ',
        suffix: '. Санкции Запада не сломят нас.',
      },
      tags: ['integration'],
      attributes: { speaker: 'Лукашенко', stance: 'endorsed', confidence: 'high' },
      annotator: 'Борис',
      codebookId: 'narratives',
      codebookVersion: 1,
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-21T17:45:10.000Z',
      origin: 'single.jsonld $',
    });
    const span = recordSpan(record as ClaimRecord, statya.text);
    expect(statya.text.slice(span.start, span.end)).toBe(record?.selector.exact);
  });

  it('reads a Hypothesis export: document-wide selectors only, tags, the comment as a note, UTC times', () => {
    const result = parseOne('hypothesis.jsonld', hypothesis);
    expect(result.claims).toEqual([
      {
        id: 'https://hypothes.is/a/Rw7Y1tq9Ee6oRXeYQbLAJw',
        documentId: 'https://news.example.by/politics/nato-drills.html',
        // The TextPositionSelector refining the XPathSelector counts inside one paragraph and is not used.
        selector: {
          unit: 'codepoint',
          start: 1207,
          end: 1250,
          exact: 'NATO is building up forces near our borders',
          prefix: 'said on Tuesday that ',
          suffix: ', and that Minsk would respond',
        },
        tags: ['threat-narrative'],
        attributes: { note: 'Classic **threat** framing: no source for the troop numbers.' },
        annotator: 'acct:ada_k@hypothes.is',
        createdAt: '2024-03-05T09:14:02.118Z',
        updatedAt: '2024-03-05T09:20:45.903Z',
        origin: 'hypothesis.jsonld $[0]',
      },
      {
        id: 'https://hypothes.is/a/3xQz2tq9Ee6oRnMJc2m4Vg',
        documentId: 'https://news.example.by/ru/union-state.html',
        selector: {
          unit: 'codepoint',
          start: 300,
          end: 335,
          exact: 'Союзное государство — наш общий дом',
          prefix: 'Президент подчеркнул: ',
          suffix: '. Санкции Запада',
        },
        tags: ['integration', 'sanctions-pressure'],
        // Hypothesis writes an empty comment body when there is no comment.
        attributes: {},
        annotator: 'acct:boris.m@hypothes.is',
        createdAt: '2024-03-05T09:31:40.000Z',
        updatedAt: '2024-03-05T09:31:40.000Z',
        origin: 'hypothesis.jsonld $[1]',
      },
    ]);
    expect(result.skipped).toEqual([
      { path: 'hypothesis.jsonld $[2]', message: expect.stringMatching(/whole document/) },
      { path: 'hypothesis.jsonld $[3]', message: expect.stringMatching(/no tag/) },
    ]);
  });

  it('reads several files at once and lists each document once', () => {
    const result = parsed([
      { name: 'a.jsonld', content: hypothesis },
      { name: 'b.json', content: singleAnnotation },
      { name: 'notes.txt', content: 'not an annotation' },
    ]);
    expect(result.claims.map((r) => r.origin)).toEqual(['a.jsonld $[0]', 'a.jsonld $[1]', 'b.json $']);
    expect(result.documents.map((d) => d.id)).toEqual([
      'https://news.example.by/politics/nato-drills.html',
      'https://news.example.by/ru/union-state.html',
      'ru/статья.txt',
    ]);
    expect(result.skipped).toContainEqual({ path: 'notes.txt', message: 'not a .jsonld or .json file, so not read' });
  });
});

const quote = { type: 'TextQuoteSelector', exact: 'NATO', prefix: '', suffix: ' is' };
const target = (position: Record<string, unknown> = { start: 0, end: 4 }, text = quote) => ({
  source: 'urn:framing-workbench:document:a.txt',
  selector: [text, { type: 'TextPositionSelector', ...position }],
});
const annotation = (overrides: Record<string, unknown> = {}) => ({
  id: 'urn:framing-workbench:annotation:01JDA0000000000000000000C1',
  type: 'Annotation',
  motivation: 'classifying',
  body: [{ type: 'TextualBody', purpose: 'tagging', value: 'integration' }],
  target: target(),
  ...overrides,
});
const collection = (items: unknown[], page: Record<string, unknown> = {}) =>
  JSON.stringify({
    '@context': ANNO_CONTEXT,
    id: 'urn:example:collection',
    type: 'AnnotationCollection',
    total: items.length,
    first: { id: 'urn:example:page1', type: 'AnnotationPage', items, ...page },
  });
const item = '$.first.items[0]';

describe('W3C import refuses malformed input, saying where', () => {
  const cases: [string, string, string, RegExp][] = [
    ['text that is not JSON', '{"@context": ', '$', /not valid JSON/],
    ['JSON without the anno.jsonld context', JSON.stringify({ type: 'Annotation' }), '$', /@context/],
    ['a listed annotation without a context', JSON.stringify([annotation()]), '$[0].@context', /@context/],
    [
      'an object that is no annotation container',
      JSON.stringify({ '@context': ANNO_CONTEXT, type: 'Dataset' }),
      '$.type',
      /AnnotationCollection/,
    ],
    ['an annotation without an id', collection([annotation({ id: undefined })]), `${item}.id`, /must have an id/],
    ['an annotation of another type', collection([annotation({ type: 'Note' })]), `${item}.type`, /"Annotation"/],
    [
      'an annotation without a target',
      collection([annotation({ target: undefined })]),
      `${item}.target`,
      /must have a target/,
    ],
    ['an empty list of targets', collection([annotation({ target: [] })]), `${item}.target`, /must have a target/],
    [
      'a target without a source',
      collection([annotation({ target: { selector: quote } })]),
      `${item}.target.source`,
      /source/,
    ],
    [
      'a negative start',
      collection([annotation({ target: target({ start: -1, end: 4 }) })]),
      `${item}.target.selector[1].start`,
      /negative/,
    ],
    [
      'a fractional end',
      collection([annotation({ target: target({ start: 0, end: 4.5 }) })]),
      `${item}.target.selector[1].end`,
      /whole number/,
    ],
    [
      'an offset given as text',
      collection([annotation({ target: target({ start: '0', end: 4 }) })]),
      `${item}.target.selector[1].start`,
      /must be a number/,
    ],
    [
      'a missing end',
      collection([annotation({ target: target({ start: 0 }) })]),
      `${item}.target.selector[1].end`,
      /is missing/,
    ],
    [
      'a span that ends before it starts',
      collection([annotation({ target: target({ start: 4, end: 0 }) })]),
      `${item}.target.selector[1].end`,
      /ends before it starts/,
    ],
    [
      'a quote without exact',
      collection([
        annotation({ target: target({ start: 0, end: 4 }, { ...quote, exact: undefined as unknown as string }) }),
      ]),
      `${item}.target.selector[0].exact`,
      /exact/,
    ],
    [
      'a quote that starts inside an emoji',
      collection([
        annotation({ target: target({ start: 3, end: 8 }, { ...quote, exact: '\uDE00 NATO', prefix: 'Hi \uD83D' }) }),
      ]),
      `${item}.target.selector[0].exact`,
      /starts with the second half of an emoji .*: it cuts one in half/,
    ],
    [
      'a quote that ends inside a flag, with no context to say otherwise',
      collection([
        annotation({
          target: target({ start: 0, end: 6 }, { type: 'TextQuoteSelector', exact: 'NATO \uD83C' } as typeof quote),
        }),
      ]),
      `${item}.target.selector[0].exact`,
      /ends with the first half of an emoji .*: it cuts one in half/,
    ],
    [
      'a time without a time zone',
      collection([annotation({ created: '2026-11-22T10:00:00' })]),
      `${item}.created`,
      /xsd:dateTime/,
    ],
    ['a creator that is a number', collection([annotation({ creator: 7 })]), `${item}.creator`, /agent/],
    [
      'a TextualBody without a value',
      collection([annotation({ body: { type: 'TextualBody', purpose: 'tagging' } })]),
      `${item}.body.value`,
      /exactly one value/,
    ],
    [
      'a document IRI with broken percent-encoding',
      collection([annotation({ target: { ...target(), source: 'urn:framing-workbench:document:%E0%A4%A' } })]),
      `${item}.target.source`,
      /percent-encoding/,
    ],
    [
      'a document IRI that climbs out of the corpus',
      collection([annotation({ target: { ...target(), source: 'urn:framing-workbench:document:..%2Fsecret.txt' } })]),
      `${item}.target.source`,
      /inside the corpus/,
    ],
    [
      'a collection whose first page is only linked',
      JSON.stringify({
        '@context': ANNO_CONTEXT,
        type: 'AnnotationCollection',
        total: 3,
        first: 'http://example.org/page1',
      }),
      '$.first',
      /not embedded/,
    ],
    [
      'a collection that counts annotations but has no page',
      JSON.stringify({ '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: 3 }),
      '$.first',
      /no first page/,
    ],
    ['a page without items', collection([], { items: undefined }), '$.first.items', /items/],
    [
      'nesting far deeper than annotations need',
      `${'['.repeat(40)}${']'.repeat(40)}`,
      '$',
      /nested more than 32 levels/,
    ],
  ];

  it.each(cases)('refuses %s', (_, content, path, message) => {
    const result = w3cFormat.parse?.([{ name: 'bad.jsonld', content }]);
    expect(result?.ok).toBe(false);
    if (result && !result.ok)
      expect(result.error).toContainEqual({ path: `bad.jsonld ${path}`, message: expect.stringMatching(message) });
  });

  it('refuses more than a million annotations before reading them', () => {
    const content = `[${Array(1_000_001).fill('{}').join(',')}]`;
    const result = w3cFormat.parse?.([{ name: 'huge.json', content }]);
    expect(result).toEqual({
      ok: false,
      error: [{ path: 'huge.json $', message: 'more than 1,000,000 annotations: split the export' }],
    });
  });

  it('refuses an import with no .jsonld or .json file', () => {
    expect(w3cFormat.parse?.([{ name: 'a.txt', content: '' }])).toMatchObject({
      ok: false,
      error: [{ path: 'a.txt', message: 'no .jsonld or .json file to read' }],
    });
  });

  it('reports every problem in the input, not just the first', () => {
    const content = collection([annotation({ id: 3 }), annotation({ target: target({ start: -1, end: 4 }) })]);
    const result = w3cFormat.parse?.([{ name: 'bad.jsonld', content }]);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.error.map((p) => p.path)).toEqual([
        'bad.jsonld $.first.items[0].id',
        'bad.jsonld $.first.items[1].target.selector[1].start',
      ]);
    }
  });

  it('never throws, whatever the JSON', () => {
    const anyAnnotation = fc.record({
      type: fc.jsonValue(),
      body: fc.jsonValue(),
      target: fc.jsonValue(),
      creator: fc.jsonValue(),
      motivation: fc.jsonValue(),
    });
    fc.assert(
      fc.property(fc.jsonValue(), anyAnnotation, fc.string(), (json, parts, text) => {
        for (const content of [JSON.stringify(json) ?? '', collection([{ ...annotation(), ...parts }]), text]) {
          expect(() => w3cFormat.parse?.([{ name: 'x.jsonld', content }])).not.toThrow();
        }
      }),
    );
  });
});

describe('W3C import skips what the app cannot take, saying where and why', () => {
  const skipped = (content: string) => parseOne('in.jsonld', content);

  it('skips a span that selects no text', () => {
    const result = skipped(collection([annotation({ target: target({ start: 2, end: 2 }, { ...quote, exact: '' }) })]));
    expect(result.claims).toEqual([]);
    expect(result.skipped).toEqual([{ path: `in.jsonld ${item}`, message: 'selects no text' }]);
  });

  it('skips an annotation with several targets', () => {
    const result = skipped(collection([annotation({ target: [target(), target()] })]));
    expect(result.skipped).toEqual([{ path: `in.jsonld ${item}`, message: expect.stringMatching(/2 targets/) }]);
  });

  it('keeps a claim but leaves out an attribute value the app does not know', () => {
    const body = [
      { type: 'TextualBody', purpose: 'tagging', value: 'integration' },
      { type: 'TextualBody', purpose: 'describing', 'schema:propertyID': 'stance', value: 'Sarcastic!' },
      { type: 'TextualBody', purpose: 'describing', 'schema:propertyID': 'mood', value: 'grim' },
      { type: 'TextualBody', purpose: 'describing', 'schema:propertyID': 'speaker', value: 'Lavrov' },
      { type: 'TextualBody', purpose: 'describing', 'schema:propertyID': 'speaker', value: 'Shoigu' },
      { type: 'TextualBody', purpose: 'tagging', value: '' },
    ];
    const result = skipped(collection([annotation({ body })]));
    expect(result.claims.map((r) => [r.tags, r.attributes])).toEqual([[['integration'], { speaker: 'Lavrov' }]]);
    expect(result.skipped.map((s) => s.path)).toEqual([
      `in.jsonld ${item}.body[1].value`,
      `in.jsonld ${item}.body[2].schema:propertyID`,
      `in.jsonld ${item}.body[4]`,
      `in.jsonld ${item}.body[5].value`,
    ]);
    expect(result.skipped[0]?.message).toMatch(/stance "Sarcastic!" was left out/);
  });

  it('keeps a claim but leaves out an origin the app does not know', () => {
    const origins = [
      { kind: 'suggestion', source: 'repeats', score: 1.5 },
      { kind: 'guess' },
      'by hand',
      { kind: 'search', query: 'NATO', regex: true, extent: 'hit', extra: 'ignored' },
    ];
    const result = skipped(collection(origins.map((origin) => annotation({ 'urn:framing-workbench:origin': origin }))));
    expect(result.claims.map((r) => r.madeBy)).toEqual([
      undefined,
      undefined,
      undefined,
      { kind: 'search', query: 'NATO', regex: true, extent: 'hit' },
    ]);
    expect(result.skipped).toEqual(
      [0, 1, 2].map((i) => ({
        path: `in.jsonld $.first.items[${i}].urn:framing-workbench:origin`,
        message: expect.stringMatching(/^how the claim was made was left out/),
      })),
    );
    expect(result.skipped.map((s) => s.message)).toEqual([
      'how the claim was made was left out (score): Too big: expected number to be <=1',
      expect.stringMatching(/^how the claim was made was left out \(kind\): Invalid discriminator value/),
      'how the claim was made was left out: Invalid input: expected object, received string',
    ]);
  });

  it('reads the page it has and says the collection goes on elsewhere', () => {
    const result = skipped(collection([annotation()], { next: 'http://example.org/page2' }));
    expect(result.claims).toHaveLength(1);
    expect(result.skipped).toEqual([{ path: 'in.jsonld $.first.next', message: expect.stringMatching(/continues/) }]);
  });

  it('takes a semantic tag of one of our codebooks as its tag, and no other IRI', () => {
    const policy = 'urn:framing-workbench:codebook:policy-frames:2';
    const body = [
      { type: 'SpecificResource', purpose: 'tagging', source: `${policy}#economic` },
      // Without a purpose it tags for the annotation's motivation, "classifying"; a source may be an object.
      { type: 'SpecificResource', source: { id: `${policy}#morality` } },
      { type: 'SpecificResource', purpose: 'tagging', source: 'http://example.org/city1' },
      { type: 'SpecificResource', purpose: 'linking', source: `${policy}#crime` },
      { type: 'SpecificResource', purpose: 'tagging', source: `${policy}#%E0%A4%A` },
      { type: 'SpecificResource', purpose: 'tagging', source: `${policy}#` },
      { type: 'SpecificResource', purpose: 'tagging', source: 42 },
    ];
    const result = skipped(collection([annotation({ body })]));
    expect(result.claims.map((r) => [r.tags, r.codebookId, r.codebookVersion])).toEqual([
      [['economic', 'morality'], 'policy-frames', 2],
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('reads a bare AnnotationPage and a https context', () => {
    const page = {
      '@context': ['https://www.w3.org/ns/anno.jsonld'],
      id: 'urn:p',
      type: 'AnnotationPage',
      items: [annotation()],
    };
    const result = skipped(JSON.stringify(page));
    expect(result.claims.map((r) => [r.id, r.documentId, r.origin])).toEqual([
      ['01JDA0000000000000000000C1', 'a.txt', 'in.jsonld $.items[0]'],
    ]);
  });
});

describe('W3C detection', () => {
  const detect = (name: string, content: string) => w3cFormat.detect([{ name, content }]);

  it('recognises its own export and the files of other W3C producers', () => {
    expect(w3cFormat.detect(w3cFormat.serialize(sample))).toBe(true);
    expect(detect('spec.jsonld', specCollection)).toBe(true);
    expect(detect('hypothesis.json', hypothesis)).toBe(true);
    expect(detect('single.jsonld', singleAnnotation)).toBe(true);
  });

  it("claims no other format's files", () => {
    const native = labelledJson.serialize(toLabelledJson({ ...sample, documents: [minsk, statya] }));
    const labelStudio = JSON.stringify([
      { id: 1, data: { text: 'See "@context": "http://www.w3.org/ns/anno.jsonld" here' }, annotations: [] },
    ]);
    expect(detect('export.json', native)).toBe(false);
    expect(detect('tasks.json', labelStudio)).toBe(false);
    expect(detect('all.jsonl', '{"text": "NATO", "label": [[0, 4, "integration"]]}\n')).toBe(false);
    expect(
      w3cFormat.detect([
        { name: 'a.ann', content: 'T1\tintegration 0 4\tNATO\n' },
        { name: 'a.txt', content: 'NATO' },
      ]),
    ).toBe(false);
    expect(detect('notes.txt', `{"@context": "${ANNO_CONTEXT}"}`)).toBe(false);
  });

  it('states its offset unit and the files it reads', () => {
    expect(w3cFormat).toMatchObject({ id: 'w3c', offsetUnit: 'codepoint', reads: ['.jsonld', '.json'] });
  });
});

describe('w3cFormat positions that count UTF-16 units', () => {
  it('keeps the claim, placed by its quote, and says why the position was set aside', () => {
    const parsed = w3cFormat.parse?.([
      {
        name: 'hypothesis.jsonld',
        content: collection([annotation({ target: target({ start: 0, end: 7 }, { ...quote, exact: '😀 NATO' }) })]),
      },
    ]);
    expect(parsed?.ok).toBe(true);
    if (!parsed?.ok) return;
    expect(parsed.value.claims[0]?.selector).toMatchObject({ exact: '😀 NATO', start: undefined, end: undefined });
    expect(parsed.value.skipped[0]?.message).toMatch(/placed by its quote instead/);
  });
});
