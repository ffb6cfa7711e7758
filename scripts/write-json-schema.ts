/**
 * Rewrites the committed JSON Schemas (labelled JSON, codebook) from their zod schemas:
 *   npx tsx scripts/write-json-schema.ts
 * Run it after changing a format's zod schema; the schema tests fail until then.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CODEBOOK_SCHEMA_FILE, codebookJsonSchemaText } from '../src/shared/formats/codebook-json';
import { LABELLED_JSON_SCHEMA_FILE, labelledJsonSchemaText } from '../src/shared/formats/labelled-json-schema';

// Biome lints the repository and lays JSON out differently from JSON.stringify.
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
for (const [name, text] of [
  [LABELLED_JSON_SCHEMA_FILE, labelledJsonSchemaText()],
  [CODEBOOK_SCHEMA_FILE, codebookJsonSchemaText()],
] as const) {
  const file = fileURLToPath(new URL(`../${name}`, import.meta.url));
  writeFileSync(file, text);
  execFileSync(process.execPath, [biome, 'format', '--write', file], { stdio: 'inherit' });
  console.log(`wrote ${name}`);
}
