import { z } from 'zod';
import { codebookProblems } from '../codebooks/edit';
import { Codebook, orderedCodebook } from '../model/codebook';
import { fail, ok, type Problem, type Result } from '../result';
import { parseJson, problemsFromZod } from './issues';
import { jsonSchemaOf } from './labelled-json-schema';

export const CODEBOOK_FORMAT = 'framing-workbench.codebook';
export const CODEBOOK_FORMAT_VERSION = 1;
export const CODEBOOK_FILE_EXTENSION = '.codebook.json';
export const CODEBOOK_SCHEMA_FILE = `schemas/codebook.v${CODEBOOK_FORMAT_VERSION}.schema.json`;
const SCHEMA_ID = `urn:framing-workbench:schema:codebook:v${CODEBOOK_FORMAT_VERSION}`;

export const CodebookFile = z.object({
  $schema: z.string().optional(),
  format: z.literal(CODEBOOK_FORMAT),
  formatVersion: z.literal(CODEBOOK_FORMAT_VERSION),
  codebook: Codebook,
});

/** A codebook shared as a file, so that a team annotates with one: `{ parse, serialize }`. */
export const codebookJson = {
  serialize(codebook: Codebook): string {
    const file = {
      $schema: SCHEMA_ID,
      format: CODEBOOK_FORMAT,
      formatVersion: CODEBOOK_FORMAT_VERSION,
      codebook: orderedCodebook(codebook),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  },

  parse(text: string): Result<Codebook, Problem[]> {
    const json = parseJson(text);
    if (!json.ok)
      return fail(json.error.map((problem) => ({ ...problem, message: withLineAndColumn(problem.message, text) })));
    const value = json.value as { format?: unknown; formatVersion?: unknown } | null;
    const enveloped = typeof value === 'object' && value !== null && 'format' in value;
    if (enveloped && value.format !== CODEBOOK_FORMAT) {
      return fail([
        { path: '$.format', message: `this is not a codebook file (its format is ${JSON.stringify(value.format)})` },
      ]);
    }
    if (enveloped && typeof value.formatVersion === 'number' && value.formatVersion > CODEBOOK_FORMAT_VERSION) {
      return fail([
        {
          path: '$.formatVersion',
          message: `made by a newer Framing Workbench (codebook format ${value.formatVersion}); update the app to read it`,
        },
      ]);
    }
    // A bare codebook, as earlier exports embedded it, is read as well.
    const parsed = enveloped ? CodebookFile.safeParse(value) : Codebook.safeParse(value);
    if (!parsed.success) return fail(problemsFromZod(parsed.error));
    const codebook = 'codebook' in parsed.data ? parsed.data.codebook : parsed.data;
    const problems = codebookProblems(codebook);
    if (problems.length > 0) return fail(problems.map((message) => ({ path: '$.codebook', message })));
    return ok(codebook);
  },
};

/** Where "at position N" of a JSON error message is, as a person finds it in an editor. */
function withLineAndColumn(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position || /\bline\b/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

export function codebookJsonSchema() {
  return jsonSchemaOf(CodebookFile, {
    $id: SCHEMA_ID,
    title: `Framing Workbench codebook, version ${CODEBOOK_FORMAT_VERSION}`,
    description:
      'A codebook: tag groups, tags (label, colour, hotkey, description, optional parent) and the values of ' +
      'the claim attributes stance and confidence. Rules this schema cannot state, which the app also checks: ' +
      'ids and hotkeys are unique, every group and parent named exists, and parents form no cycle.',
  });
}

export const codebookJsonSchemaText = () => `${JSON.stringify(codebookJsonSchema(), null, 2)}\n`;
