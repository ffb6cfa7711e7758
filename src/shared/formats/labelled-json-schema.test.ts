import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import { LABELLED_JSON_FORMAT, labelledJson, toLabelledJson } from './labelled-json';
import { LABELLED_JSON_SCHEMA_FILE, labelledJsonSchema, labelledJsonSchemaText } from './labelled-json-schema';

interface Schema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

/**
 * Not a JSON Schema validator, only the keywords this schema leans on: enough to show that what
 * the app writes meets the committed schema. Returns the JSON paths that break it.
 */
function structuralProblems(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema.const !== undefined && value !== schema.const) return [`${path}: not ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: not one of ${schema.enum.join(', ')}`];
  if (schema.pattern && !new RegExp(schema.pattern).test(String(value))) return [`${path}: does not match`];
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    return value.flatMap((item, i) => (schema.items ? structuralProblems(schema.items, item, `${path}[${i}]`) : []));
  }
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null) return [`${path}: not an object`];
    const record = value as Record<string, unknown>;
    const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`);
    const wrong = Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
      key in record ? structuralProblems(property, record[key], `${path}.${key}`) : [],
    );
    return [...missing, ...wrong];
  }
  const jsonType = Number.isInteger(value) ? ['integer', 'number'] : [typeof value];
  return schema.type && !jsonType.includes(schema.type) ? [`${path}: not ${schema.type}`] : [];
}

const schema = labelledJsonSchema() as Schema & Record<string, unknown>;
const property = (name: string) => schema.properties?.[name] as Schema;

/** A small real export: a standalone file with texts, a live claim with attributes and a tombstone. */
function exportedFile() {
  const text = '🇧🇾 Minsk said the Union State is «natural».';
  const index = new OffsetIndex(text);
  const sha = 'd'.repeat(64);
  const claim = (id: string, quote: string) => {
    const start = text.indexOf(quote);
    return newClaim({
      id,
      documentId: 'by/minsk.txt',
      documentSha256: sha,
      target: textTarget(index, start, start + quote.length),
      tagId: 'integration',
      annotator: 'Ada',
      codebookId: narrativesCodebook.id,
      codebookVersion: narrativesCodebook.version,
      now: '2026-11-22T10:00:00.000Z',
    });
  };
  const file = toLabelledJson({
    exportedAt: '2026-11-22T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: '0.1.0' },
    annotator: 'Ada',
    codebook: narrativesCodebook,
    documents: [{ id: 'by/minsk.txt', title: 'Minsk', language: 'en', sha256: sha, text }],
    annotations: [
      {
        ...claim('01JDA0000000000000000000B1', 'the Union State'),
        attributes: { stance: 'reported', speaker: 'Minsk' },
      },
      { ...claim('01JDA0000000000000000000B2', 'Minsk'), deletedAt: '2026-11-22T11:00:00.000Z' },
    ],
  });
  // Through the serializer, as another tool would read it.
  return JSON.parse(labelledJson.serialize(file));
}

describe('labelled JSON schema', () => {
  it('is committed exactly as the zod schema generates it', () => {
    const committed = readFileSync(new URL(`../../../${LABELLED_JSON_SCHEMA_FILE}`, import.meta.url), 'utf8');
    // Compared after re-serializing, so Biome's layout of the file does not count, but key order does.
    expect(
      `${JSON.stringify(JSON.parse(committed), null, 2)}\n`,
      `${LABELLED_JSON_SCHEMA_FILE} is out of date; regenerate it with: npx tsx scripts/write-json-schema.ts`,
    ).toBe(labelledJsonSchemaText());
  });

  it('names itself and its JSON Schema dialect', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:framing-workbench:schema:labelled-json:v1');
    expect(schema.title).toMatch(/labelled JSON, version 1/);
    expect(schema.description).toMatch(/end > start/);
  });

  it('requires every top-level field and fixes the format, version and offset units', () => {
    expect(schema.required).toEqual([
      'format',
      'formatVersion',
      'offsetUnits',
      'exportedAt',
      'app',
      'annotator',
      'codebook',
      'documents',
      'annotations',
      'tombstones',
    ]);
    expect(property('format').const).toBe(LABELLED_JSON_FORMAT);
    expect(property('formatVersion').const).toBe(1);
    expect(property('offsetUnits').properties?.start?.const).toBe('utf-16 code units');
    expect(property('offsetUnits').properties?.codePointStart?.const).toBe('unicode code points');
  });

  it('leaves optional fields out of required', () => {
    expect(property('documents').items?.required).not.toContain('text');
    const annotation = property('annotations').items;
    expect(annotation?.required).not.toContain('deletedAt');
    expect(annotation?.properties?.deletedAt).toBeUndefined();
    expect(annotation?.properties?.attributes?.required ?? []).toEqual([]);
  });

  it('accepts tag colours in either case, as the app does', () => {
    const colour = property('codebook').properties?.tags?.items?.properties?.colour;
    expect(new RegExp(colour?.pattern ?? '').test('#E4572E')).toBe(true);
    expect(new RegExp(colour?.pattern ?? '').test('#e4572e')).toBe(true);
    expect(new RegExp(colour?.pattern ?? '').test('#e4572')).toBe(false);
  });

  it('is met by a real export', () => {
    const file = exportedFile();
    expect(file.documents[0].text).toBeDefined();
    expect(file.tombstones).toHaveLength(1);
    expect(structuralProblems(schema, file)).toEqual([]);
  });

  it('is broken by a file missing a field or stating other offset units', () => {
    const file = exportedFile();
    delete file.annotations[0].target.exact;
    file.offsetUnits.start = 'code points';
    file.format = 'something-else';
    expect(structuralProblems(schema, file)).toEqual([
      '$.format: not "framing-workbench/labelled-json"',
      '$.offsetUnits.start: not "utf-16 code units"',
      '$.annotations[0].target.exact: missing',
    ]);
  });
});
