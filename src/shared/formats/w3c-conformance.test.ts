/**
 * The W3C Web Annotation Working Group's test suite for the data model (w3c/web-annotation-tests,
 * vendored unchanged in third_party/web-annotation-tests) run against what the W3C export writes.
 *
 * How the suite decides, as its runner does (web-platform-tests annotation-model/README.md and
 * annotation-model/scripts/JSONtest.js; read, not copied):
 * - A `.test` file lists its assertions as paths from the suite's root. Each assertion is a JSON
 *   Schema (draft-04) that refers to the schemas in definitions/ by their `id`s, which the runner
 *   adds to one Ajv beforehand (`schemaDefs`).
 * - An assertion holds when validating the input gives its `expectedResult`: "valid" (the default)
 *   or "invalid". Many are written with `not`, so that an input matching a forbidden shape (an
 *   External Web Resource body with a purpose, say) is what makes them invalid, and so unmet.
 * - `assertionType` (default "must") says what an unmet assertion means: a failed MUST is a
 *   failure; a failed SHOULD a warning ("WARNING:"), a failed MAY information. A test's
 *   `skipFailures` hides unmet SHOULDs and MAYs; here every unmet SHOULD is listed instead.
 * - `onUnexpectedResult` only decides whether later assertions of the test still run after an
 *   unmet one ("…AndContinue", "…AndSkip", "…AndAbort"), not the verdict; every vendored
 *   assertion continues, which the first test checks, so every assertion is run.
 * - The annotation tests take one annotation; a test of pages takes "an Annotation Collection with
 *   an embedded Page". An annotation is checked as it reads lifted out of its page, which is with
 *   the collection's @context: embedded resources inherit it in JSON-LD, and the model asks that
 *   an embedded annotation not repeat it (§5.2).
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { Annotation } from '../model/annotation';
import type { ExportDocument, ExportSet, FileEntry } from './interchange';
import { exportSet } from './testing/arbitraries';
import { claimOnQuote } from './testing/claims';
import { w3cFormat } from './w3c';

const SUITE = new URL('../../../third_party/web-annotation-tests/', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SUITE), 'utf8'));

const DEFINITIONS = [
  'annotations',
  'bodyTarget',
  'choiceSet',
  'collections',
  'id',
  'otherProperties',
  'specificResource',
];
const ANNOTATION_TESTS = [
  'annotations/annotationMusts.test',
  'annotations/annotationOptionals.test',
  'annotations/annotationsAgentOptionals.test',
];
const COLLECTION_TESTS = ['collections/collectionMusts.test', 'collections/collectionOptionals.test'];
const PAGE_TESTS = ['collections/pages/pageMusts.test', 'collections/pages/pageOptionals.test'];

type Level = 'must' | 'should' | 'may';

interface Assertion {
  /** The assertion's file name without `.json`, as the suite names its assertions: "3.3.5-bodyEWRNoPurpose". */
  name: string;
  level: Level;
  onUnexpectedResult: string;
  holds(input: unknown): boolean;
}

interface SuiteTest {
  assertions: unknown[];
}

interface AssertionSchema {
  id: string;
  assertionType?: Level;
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
}

// The runner's Ajv options (all errors, schemas not validated against their meta-schema), for
// draft-04: ids in `id`, no later draft's meta-schema, and keywords beside a $ref ignored, as
// draft-04 says (Ajv would warn of each such place in the suite).
const ajv = new Ajv({
  schemaId: 'id',
  meta: false,
  allErrors: true,
  validateSchema: false,
  extendRefs: 'ignore',
  logger: false,
});
ajv.addMetaSchema(draft04);
for (const name of DEFINITIONS) ajv.addSchema(readJson(`definitions/${name}.json`) as object);

function assertionOf(path: unknown): Assertion {
  if (typeof path !== 'string') throw new Error(`the suite lists ${JSON.stringify(path)}, not an assertion file`);
  const schema = readJson(path) as AssertionSchema;
  const validate = ajv.compile(schema);
  const expected = schema.expectedResult ?? 'valid';
  return {
    name: schema.id.replace(/\.json$/, ''),
    level: schema.assertionType ?? 'must',
    onUnexpectedResult: schema.onUnexpectedResult ?? 'failAndContinue',
    holds: (input) => (validate(input) as boolean) === (expected === 'valid'),
  };
}

const assertionsOf = (tests: string[]) =>
  tests.flatMap((test) => (readJson(test) as SuiteTest).assertions.map(assertionOf));

const suite = {
  annotation: assertionsOf(ANNOTATION_TESTS),
  collection: assertionsOf(COLLECTION_TESTS),
  page: assertionsOf(PAGE_TESTS),
};

/** The assertions of `level` that `input` does not meet, each named with where: "3.3.5-bodyEWRNoPurpose (A1)". */
function unmet(assertions: Assertion[], level: Level, input: unknown, where: string): string[] {
  return assertions.filter((a) => a.level === level && !a.holds(input)).map((a) => `${a.name} (${where})`);
}

interface Collection {
  '@context': unknown;
  first?: { items: { id: string }[] };
}

const exported = (set: ExportSet): Collection =>
  JSON.parse((w3cFormat.serialize(set)[0] as FileEntry).content) as Collection;

/**
 * Every assertion of `level` the written collection, its page or one of its annotations does not
 * meet. An empty collection has no page (a page lists at least one annotation), so nothing to
 * run the page tests on.
 */
function unmetIn(collection: Collection, level: Level): string[] {
  const context = collection['@context'];
  return [
    ...unmet(suite.collection, level, collection, 'collection'),
    ...(collection.first ? unmet(suite.page, level, collection, 'page') : []),
    ...(collection.first?.items ?? []).flatMap((item) =>
      unmet(suite.annotation, level, { '@context': context, ...item }, item.id.slice(-2)),
    ),
  ];
}

// A realistic export: CRLF line ends, a flag, an emoji and mathematical letters before and inside
// quotes, claims with several tags, every attribute, a note over two lines, two annotators and a
// deleted claim (which the model cannot express, so it is not written).

const report: ExportDocument = {
  id: 'news/minsk-report.txt',
  title: 'Drills near Minsk',
  language: 'en',
  sha256: 'a'.repeat(64),
  text: 'Minsk 🇧🇾, 12 May.\r\nNATO is building up forces near our borders, the minister said 😀.\r\n\r\nThe 𝐍𝐀𝐓𝐎 summit answered: joint drills with Russia will follow.\r\n',
};
const statya: ExportDocument = {
  id: 'ru/статья.txt',
  title: 'Статья',
  language: 'ru',
  sha256: 'b'.repeat(64),
  text: 'Лукашенко 🇧🇾 заявил:\r\nСоюзное государство — наш общий дом. Санкции Запада не сломят нас.',
};

const claim = (doc: ExportDocument, quote: string, id: string, tags: string[], extra: Partial<Annotation> = {}) =>
  claimOnQuote(doc, quote, tags, id, { now: '2026-11-20T08:00:00.000Z', extra });

const realistic: ExportSet = {
  exportedAt: '2026-11-22T12:00:00.000Z',
  app: { name: 'Framing Workbench', version: '0.1.0' },
  annotator: 'Ada',
  codebook: narrativesCodebook,
  documents: [report, statya],
  annotations: [
    claim(report, 'NATO is building up forces near our borders', '01JDA0000000000000000000A1', [
      'threat-narrative',
      'military-cooperation',
      'sovereignty-balancing',
    ]),
    claim(report, 'the minister said 😀', '01JDA0000000000000000000A2', ['threat-narrative'], {
      attributes: {
        speaker: 'the minister',
        stance: 'reported',
        confidence: 'medium',
        note: 'No figures given.\r\nCheck the ministry’s site.',
      },
      updatedAt: '2026-11-21T17:45:10.000Z',
    }),
    claim(report, 'borders, the minister said 😀.\r\n\r\nThe 𝐍𝐀𝐓𝐎', '01JDA0000000000000000000A3', ['integration'], {
      annotator: 'Борис',
      attributes: { note: '' },
    }),
    claim(statya, 'Союзное государство — наш общий дом', '01JDA0000000000000000000B1', ['integration'], {
      annotator: 'Борис',
      attributes: { speaker: 'Лукашенко', stance: 'endorsed', confidence: 'high' },
    }),
    claim(statya, 'Санкции Запада не сломят нас', '01JDA0000000000000000000B2', ['sanctions-pressure'], {
      deletedAt: '2026-11-21T18:00:00.000Z',
    }),
  ],
};

describe('the vendored W3C Web Annotation test suite', () => {
  const all = [...suite.annotation, ...suite.collection, ...suite.page];

  it('is read whole: every assertion runs, whatever the ones before it found', () => {
    expect(all).toHaveLength(223);
    expect(all.filter((a) => !/AndContinue$/.test(a.onUnexpectedResult))).toEqual([]);
    expect(new Set(all.map((a) => a.level))).toEqual(new Set(['must', 'should', 'may']));
  });

  it('refuses what the model forbids: a tag body that has an id and a purpose is an External Web Resource', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:example:a1',
      type: 'Annotation',
      body: { id: 'urn:example:tag', type: 'TextualBody', purpose: 'tagging', value: 'integration' },
      target: 'urn:example:doc',
    };
    expect(unmet(suite.annotation, 'must', annotation, 'a1')).toEqual(['3.3.5-bodyEWRNoPurpose (a1)']);
    const plain = { ...annotation, body: { type: 'TextualBody', purpose: 'tagging', value: 'integration' } };
    expect(unmet(suite.annotation, 'must', plain, 'a1')).toEqual([]);
    expect(unmet(suite.annotation, 'must', { ...plain, '@context': undefined }, 'a1')).toEqual([
      '3.1-annotationContextValidated (a1)',
    ]);
  });
});

describe('the W3C export meets the W3C test suite', () => {
  it('meets every MUST in the collection, its page and each live claim', () => {
    expect(exported(realistic).first?.items.map((a) => a.id.slice(-2))).toEqual(['A1', 'A3', 'A2', 'B1']);
    expect(unmetIn(exported(realistic), 'must')).toEqual([]);
  });

  it('meets every MUST, and no fewer SHOULDs, with claims that record how they were made', () => {
    const [hit, suggested, ...rest] = realistic.annotations as [Annotation, Annotation, ...Annotation[]];
    const made: ExportSet = {
      ...realistic,
      annotations: [
        { ...hit, origin: { kind: 'search', query: 'NATO|НАТО', regex: true, extent: 'paragraph' } },
        { ...suggested, origin: { kind: 'suggestion', source: 'gazetteer', score: 1 } },
        ...rest,
      ],
    };
    expect(JSON.stringify(exported(made))).toContain('urn:framing-workbench:origin');
    expect(unmetIn(exported(made), 'must')).toEqual([]);
    expect(unmetIn(exported(made), 'should')).toEqual(unmetIn(exported(realistic), 'should'));
  });

  it('meets every MUST whatever the claims, texts and attributes', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        expect(unmetIn(exported(set), 'must')).toEqual([]);
      }),
    );
  });

  it('leaves unmet only these SHOULDs, each for something a claim does not have', () => {
    const names = unmetIn(exported(realistic), 'should').map((found) => found.replace(/ \(.*\)$/, ''));
    expect(new Set(names)).toEqual(
      new Set([
        // Annotators and the app are known by name, not by an IRI or an account's nickname.
        '3.3.2-annotationCreatorAgentIdImplemented',
        '3.3.2-annotationCreatorAgentNicknameImplemented',
        '3.3.2-annotationGeneratorAgentIdImplemented',
        '3.3.2-annotationGeneratorAgentNicknameImplemented',
        // Bodies and the target have no creator or times of their own: the claim's are the annotation's.
        '3.3.1-bodyCreated',
        '3.3.1-bodySingleCreator',
        '3.3.1-targCreated',
        '3.3.1-targSingleCreator',
        '3.3.2-bodyCreatorAgentIdImplemented',
        '3.3.2-bodyCreatorAgentNicknameImplemented',
        '3.3.2-bodyCreatorAgentSingleNameImplemented',
        '3.3.2-bodyCreatorAgentTypeImplemented',
        '3.3.2-targCreatorAgentIdImplemented',
        '3.3.2-targCreatorAgentNicknameImplemented',
        '3.3.2-targCreatorAgentSingleNameImplemented',
        '3.3.2-targCreatorAgentTypeImplemented',
        // Tag ids and attribute values are in no language, and a note's language is not recorded.
        '3.2.1-bodySingleLanguage',
        // The target names its document by IRI alone, without the text's format or language.
        '3.2.1-targSingleFormat',
        '3.2.1-targSingleLanguage',
        // Asks for a FragmentSelector's conformsTo; the export writes no FragmentSelector.
        '4.2.1-conformsTo',
      ]),
    );
  });
});
