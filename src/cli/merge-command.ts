import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  LABELLED_JSON_FORMAT,
  LABELLED_JSON_VERSION,
  type LabelledJson,
  labelledJson,
} from '../shared/formats/labelled-json';
import { detectFormat } from '../shared/formats/registry';
import { isZipName, type ZipEntry, zipEntries } from '../shared/formats/zip-entries';
import { type FileConflict, type FileDuplicate, mergeLabelledJson } from '../shared/merge/merge';
import type { Result } from '../shared/result';
import { writeOutput } from './output';

export const MERGE_USAGE = `  framing-workbench merge A B [--base O] -o OUT
      Merges two labelled JSON files of one annotator or team (with --base, their common
      ancestor: three-way). Exit 0 when merged cleanly; 1 when merged with conflicts, which are
      listed and resolved by rule in OUT; 2 when nothing was written (as when an input holds
      two different claims under one id). A claim record given twice in one file is written
      once, and listed. As a git merge driver:
      merge %A %B --base %O -o %A`;

/** A problem with the command line or an input: nothing is written. */
class Refusal extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a labelled JSON file, or explains why it is not one. An empty base is no base: git passes
 * an empty %O when both sides added the file.
 */
async function readNative(path: string, role: 'A' | 'B' | 'base'): Promise<LabelledJson | undefined> {
  const where = `${role} (${path})`;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Refusal(`${where}: ${(error as Error).message}`);
  }
  if (isZipName(path)) bytes = onlyFileOf(zipEntries(path, bytes), where);
  let content: string;
  try {
    content = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Refusal(`${where}: not UTF-8 text`);
  }
  if (content.trim() === '') {
    if (role === 'base') return undefined;
    throw new Refusal(`${where}: the file is empty`);
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new Refusal(`${where}: not JSON (${(error as Error).message}); merge reads only labelled JSON files`);
  }
  const declared = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (declared.format !== LABELLED_JSON_FORMAT) {
    const other = detectFormat([{ name: basename(path), content }]);
    const what = other && other.id !== 'native' ? `a ${other.name} file` : 'not a Framing Workbench labelled JSON file';
    throw new Refusal(
      `${where}: ${what}; merge reads only labelled JSON ("format": "${LABELLED_JSON_FORMAT}"). ` +
        'Convert other formats first: framing-workbench convert --to native IN -o OUT',
    );
  }
  if (declared.formatVersion !== LABELLED_JSON_VERSION) {
    throw new Refusal(
      `${where}: labelled JSON formatVersion ${JSON.stringify(declared.formatVersion)}, but this framing-workbench reads only version ${LABELLED_JSON_VERSION}`,
    );
  }
  const parsed = labelledJson.parse(content);
  if (!parsed.ok) {
    const problems = parsed.error.map((p) => `\n  ${p.path}: ${p.message}`).join('');
    throw new Refusal(`${where}: not valid labelled JSON:${problems}`);
  }
  return parsed.value;
}

/** The one file of a zip (as a labelled JSON export zipped by hand), or why the zip is refused. */
function onlyFileOf(unzipped: Result<ZipEntry[]>, where: string): Uint8Array {
  if (!unzipped.ok) throw new Refusal(`${where}: ${unzipped.error.map((p) => p.message).join('; ')}`);
  const [only, ...more] = unzipped.value;
  if (!only || more.length > 0) {
    throw new Refusal(
      `${where}: a zip of ${unzipped.value.length} files; merge reads one labelled JSON file (or a zip of one)`,
    );
  }
  return only.bytes;
}

const where = (input: FileDuplicate['input'], paths: Record<FileDuplicate['input'], string>) =>
  `${input === 'base' ? 'base' : input.toUpperCase()} (${paths[input]})`;

const describeConflict = (c: FileConflict) => `  ${c.kind} ${c.id}: ${c.reason}; kept ${c.kept.toUpperCase()}'s`;

/**
 * `framing-workbench merge A B [--base O] -o OUT`: merges two labelled JSON files and writes the
 * result to OUT (which may be A: git's merge drivers leave the result in %A). Returns the exit code.
 */
export async function mergeCommand(args: string[]): Promise<number> {
  try {
    let parsedArgs: ReturnType<typeof parse>;
    try {
      parsedArgs = parse(args);
    } catch (error) {
      throw new Refusal((error as Error).message);
    }
    const { values, positionals } = parsedArgs;
    if (values.help) {
      console.log(MERGE_USAGE);
      return 0;
    }
    const [pathA, pathB] = positionals;
    if (pathA === undefined || pathB === undefined || positionals.length > 2 || !values.output) {
      throw new Refusal(`merge needs two files and -o OUT\n\n${MERGE_USAGE}`);
    }
    // Every input is read (and every refusal reported) before anything is written.
    const results = await Promise.allSettled([
      readNative(pathA, 'A'),
      readNative(pathB, 'B'),
      values.base === undefined ? Promise.resolve(undefined) : readNative(values.base, 'base'),
    ]);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (refusals.length > 0) {
      for (const reason of refusals) {
        if (!(reason instanceof Refusal)) throw reason;
        console.error(`✗ ${reason.message}`);
      }
      console.error('Nothing was written.');
      return 2;
    }
    const [a, b, base] = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
    const { merged, conflicts, duplicates } = mergeLabelledJson(a as LabelledJson, b as LabelledJson, base);
    const paths = { a: pathA, b: pathB, base: values.base ?? '' };
    // Two different claims under one id: whichever were kept, the other would be lost. Refused.
    const clashes = duplicates.filter((d) => !d.identical);
    if (clashes.length > 0) {
      for (const d of clashes) {
        console.error(
          `✗ ${where(d.input, paths)}: ${d.paths.length} different claims with the id ${d.id} (${d.paths.join(', ')}); ` +
            'a file holds one record per claim: give each its own id or remove the wrong one, then merge again',
        );
      }
      console.error('Nothing was written.');
      return 2;
    }
    await writeOutput(values.output, labelledJson.serialize(merged)).catch((error: Error) => {
      throw new Refusal(error.message);
    });
    const how = base === undefined ? 'two-way' : 'three-way';
    console.log(
      `✓ merged ${pathA} and ${pathB} (${how}) into ${values.output}: ${merged.annotations.length} claims, ` +
        `${merged.tombstones.length} deletions, ${merged.documents.length} documents`,
    );
    if (duplicates.length > 0) {
      const dropped = duplicates.reduce((n, d) => n + d.paths.length - 1, 0);
      console.error(`${dropped} duplicate claim record(s) written once, each the same record given again in one file:`);
      for (const d of duplicates) console.error(`  ${where(d.input, paths)} ${d.id}: ${d.paths.join(', ')}`);
    }
    if (conflicts.length === 0) return 0;
    console.error(`✗ ${conflicts.length} conflict(s), each resolved by rule in ${values.output}; check them:`);
    for (const c of conflicts) console.error(describeConflict(c));
    return 1;
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof Refusal)) console.error('Nothing was written.');
    return 2;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
