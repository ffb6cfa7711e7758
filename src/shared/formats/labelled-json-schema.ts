import { z } from 'zod';
import { LABELLED_JSON_VERSION, LabelledJson } from './labelled-json';

/**
 * The JSON Schema of the native format, for other tools' authors. It is generated from the zod
 * schema the app parses with, and a test keeps the committed copy equal to what this builds.
 */

/** Where the schema is committed, relative to the project root. */
export const LABELLED_JSON_SCHEMA_FILE = `schemas/labelled-json.v${LABELLED_JSON_VERSION}.schema.json`;

/**
 * JSON Schema patterns carry no flags, so the tag colour's /^#[0-9a-f]{6}$/i would come out
 * rejecting "#E4572E", which the app accepts. Case-insensitive letter ranges are spelled out in
 * both cases; any other case-insensitive letter is refused rather than silently narrowed.
 */
function flagFreePattern(regex: RegExp): string {
  if (!regex.flags.includes('i')) return regex.source;
  const loneLetters = regex.source.replace(/\\./g, '').replace(/[a-z]-[a-z]/g, '');
  if (/[a-z]/i.test(loneLetters)) throw new Error(`cannot write ${regex} as a JSON Schema pattern`);
  return regex.source.replace(/([a-z])-([a-z])/g, (range, from: string, to: string) => {
    return `${range}${from.toUpperCase()}-${to.toUpperCase()}`;
  });
}

interface SchemaMeta {
  $id: string;
  title: string;
  description: string;
}

/**
 * A file format's JSON Schema from the zod schema the app parses it with. The input side: objects
 * stay open to unknown keys, as the parser (which strips them) is, so a file may gain optional
 * fields without an older validator refusing it.
 */
export function jsonSchemaOf(schema: z.ZodType, meta: SchemaMeta) {
  const { $schema, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override({ zodSchema, jsonSchema }) {
      for (const check of zodSchema._zod.def.checks ?? []) {
        const { pattern } = check._zod.def as { pattern?: RegExp };
        if (pattern && jsonSchema.pattern === pattern.source) jsonSchema.pattern = flagFreePattern(pattern);
      }
    },
  });
  return { $schema, ...meta, ...rest };
}

export function labelledJsonSchema() {
  return jsonSchemaOf(LabelledJson, {
    $id: `urn:framing-workbench:schema:labelled-json:v${LABELLED_JSON_VERSION}`,
    title: `Framing Workbench labelled JSON, version ${LABELLED_JSON_VERSION}`,
    description:
      'Claims highlighted in news articles, tagged from a codebook (docs/labelled-json.md). ' +
      'Rules this schema cannot state, which the app also checks: a target ends after it starts ' +
      '(end > start, codePointEnd > codePointStart); exact has end - start UTF-16 code units; ' +
      "a document id is a relative path with no empty, '.' or '..' segment.",
  });
}

/** The committed file's content, before Biome's formatting (which only moves white space). */
export const labelledJsonSchemaText = () => `${JSON.stringify(labelledJsonSchema(), null, 2)}\n`;
