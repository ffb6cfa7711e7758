/**
 * Rewrites the committed JSON Schema of the labelled JSON format from its zod schema:
 *   npx tsx scripts/write-json-schema.ts
 * Run it after changing the format's zod schema; labelled-json-schema.test.ts fails until then.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { LABELLED_JSON_SCHEMA_FILE, labelledJsonSchemaText } from '../src/shared/formats/labelled-json-schema';

const file = fileURLToPath(new URL(`../${LABELLED_JSON_SCHEMA_FILE}`, import.meta.url));
writeFileSync(file, labelledJsonSchemaText());
// Biome lints the repository and lays JSON out differently from JSON.stringify.
const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
execFileSync(process.execPath, [biome, 'format', '--write', file], { stdio: 'inherit' });
console.log(`wrote ${LABELLED_JSON_SCHEMA_FILE}`);
