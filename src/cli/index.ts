import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ulid } from 'ulid';
import { openCorpus } from '../main/services/corpus';
import { DEFAULT_INDEX_FOLDER } from '../main/services/corpus-index';
import type { FormatId, InterchangeFormat } from '../shared/formats/interchange';
import { problemsFromZod } from '../shared/formats/issues';
import { labelledJson, undescribedTags } from '../shared/formats/labelled-json';
import { createPtcFormat } from '../shared/formats/ptc';
import { detectFormat, formatById, formats, groupImportFiles, groupSource } from '../shared/formats/registry';
import { createSemEval2023Format } from '../shared/formats/semeval2023';
import { SEMEVAL2023_FRAMES, TagMap } from '../shared/formats/tag-map';
import { zipArchive } from '../shared/formats/zip-entries';
import { fail, ok, type Problem, type Result } from '../shared/result';
import { AGREEMENT_USAGE, agreementCommand } from './agreement-command';
import { convert } from './convert';
import { MERGE_USAGE, mergeCommand } from './merge-command';
import { writeOutput } from './output';
import { readInputs, reportUnreadable } from './read-inputs';
import { REPORT_USAGE, reportCommand } from './report-command';
import { SEARCH_USAGE, SearchRefusal, searchCommand } from './search-command';

const FORMAT_IDS = formats.map((f) => f.id).join('|');

const USAGE = `framing-workbench — check, convert and merge claim annotation files

  framing-workbench validate FILE|FOLDER|ZIP…
      Checks every file (a folder's and a zip's files too), listing each that cannot be read.
      Exit 0 when every file is valid, 1 with every error otherwise.
  framing-workbench corpus DIR [--json] [--no-cache] [--index FOLDER]
      Reads a corpus folder as the app does and prints each document's id, title, language,
      encoding, hash, sizes and segment ranges (--json: one machine-readable object). What it
      reads is saved in the corpus index (FOLDER, by default ~/.framing-workbench/corpus-index)
      and only changed files are read next time; --no-cache reads every file and saves nothing.
  framing-workbench convert --to ${FORMAT_IDS} [--from FORMAT] [--corpus DIR] IN… -o OUT
      Input formats are detected unless --from is given; an input may be a folder or a zip of
      files (brat), or a REFI-QDA project (.qdpx). --corpus supplies the document texts an
      input lacks. OUT is a file (a .qdpx for qdpx), or a folder for formats that write several
      files (brat). --tag-map FILE gives PTC and SemEval-2023 the analyst's map of technique
      names to tag ids (JSON {"toTag": {name: tagId}, "toName": {tagId: name}}).
${SEARCH_USAGE}
${MERGE_USAGE}
${AGREEMENT_USAGE}
${REPORT_USAGE}

Formats: ${formats.map((f) => `${f.id} (${f.name}; offsets in ${f.offsetUnit === 'utf16' ? 'UTF-16 code units' : 'code points'})`).join(', ')}`;

class UsageError extends Error {}

const print = (problems: readonly Problem[]) => {
  for (const p of problems) console.error(`  ${p.path}: ${p.message}`);
};

/** A labelled JSON file's claims whose tags its codebook lacks: a file that names tags it never describes is not valid. */
function undescribed(group: readonly { name: string; content: string }[]): Problem[] {
  const [file] = group;
  const parsed = file ? labelledJson.parse(file.content) : undefined;
  return parsed?.ok ? undescribedTags(parsed.value).map((p) => ({ ...p, path: `${file?.name} ${p.path}` })) : [];
}

/** An analyst's map of task names to tag ids (JSON: { "toTag": {…}, "toName": {…} }). */
async function readTagMap(path: string): Promise<Result<TagMap, Problem[]>> {
  try {
    const parsed = TagMap.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? ok(parsed.data) : fail(problemsFromZod(parsed.error));
  } catch (error) {
    return fail([{ path, message: error instanceof Error ? error.message : String(error) }]);
  }
}

/** A shared task's format reading and writing with the analyst's map; other formats as they are. */
function withTagMap(format: InterchangeFormat, map: TagMap): InterchangeFormat {
  if (format.id === 'ptc') return createPtcFormat(map);
  if (format.id === 'semeval2023') return createSemEval2023Format({ techniques: map, frames: SEMEVAL2023_FRAMES });
  return format;
}

async function validate(paths: string[]): Promise<number> {
  if (paths.length === 0) throw new UsageError('validate needs at least one file');
  const { entries, unreadable } = await readInputs(paths);
  // A file that cannot be read is one that failed; the others are checked all the same.
  reportUnreadable(unreadable);
  let failed = unreadable.length;
  for (const group of groupImportFiles(entries)) {
    const name = groupSource(group);
    const format = detectFormat(group);
    const parsed = format?.parse?.(group);
    if (!format || !parsed) {
      failed++;
      console.error(`✗ ${name}: not a format framing-workbench reads`);
    } else if (!parsed.ok) {
      failed++;
      console.error(`✗ ${name} (${format.name}): ${parsed.error.length} error(s)`);
      print(parsed.error);
    } else if (format.id === 'native' && undescribed(group).length > 0) {
      failed++;
      const problems = undescribed(group);
      console.error(`✗ ${name} (${format.name}): ${problems.length} claim tag(s) its codebook does not describe`);
      print(problems);
    } else {
      console.log(
        `✓ ${name} (${format.name}): ${parsed.value.claims.length} claims, ${parsed.value.documents.length} documents`,
      );
      print(parsed.value.skipped);
      for (const note of parsed.value.notes ?? []) console.log(`  ${note.path}: ${note.message}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

async function convertCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      corpus: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'tag-map': { type: 'string' },
    },
  });
  if (!values.to || !values.output || positionals.length === 0)
    throw new UsageError('convert needs --to, -o and at least one input');
  const known = (id: string) => formats.some((f) => f.id === id);
  if (!known(values.to)) throw new UsageError(`unknown format "${values.to}"`);
  if (values.from && !known(values.from)) throw new UsageError(`unknown format "${values.from}"`);
  const tagMap = values['tag-map'] ? await readTagMap(values['tag-map']) : undefined;
  if (tagMap && !tagMap.ok) {
    console.error(`✗ the tag map ${values['tag-map']} cannot be used:`);
    print(tagMap.error);
    return 1;
  }
  const mapped = (format: InterchangeFormat) => (tagMap?.ok ? withTagMap(format, tagMap.value) : format);
  const to = mapped(formatById(values.to as FormatId));
  const { entries: files, unreadable } = await readInputs(positionals);
  if (unreadable.length > 0) {
    reportUnreadable(unreadable);
    console.error(`✗ nothing was converted: ${unreadable.length} input(s) could not be read`);
    return 1;
  }
  const detected = values.from ? formatById(values.from as FormatId) : detectFormat(files);
  const from = detected && mapped(detected);
  if (!from?.parse) {
    console.error(`✗ cannot tell the input's format; name it with --from ${FORMAT_IDS}`);
    return 1;
  }
  const parsed = from.parse(files);
  if (!parsed.ok) {
    console.error(`✗ the input is not valid ${from.name}:`);
    print(parsed.error);
    return 1;
  }
  const corpus = values.corpus ? await openCorpus(resolve(values.corpus)) : undefined;
  const result = await convert(parsed.value, to, corpus, new Date().toISOString(), ulid);
  const [single] = result.files;
  if (to.archive) await writeOutput(values.output, zipArchive(result.files));
  else if (result.files.length === 1 && single) await writeOutput(values.output, single.content);
  else for (const file of result.files) await writeOutput(join(values.output, file.name), file.content);
  console.log(`✓ ${result.claims} claims from ${from.name} to ${to.name} in ${values.output}`);
  for (const note of parsed.value.notes ?? []) console.log(`  ${note.path}: ${note.message}`);
  const left = result.read - result.claims;
  if (left > 0) {
    const why = [
      [result.duplicates.length, 'duplicates written once'],
      [result.conflicts.length, 'with an id another claim holds'],
      [left - result.duplicates.length - result.conflicts.length, 'not placed or without a tag (see the warnings)'],
    ] as const;
    const counts = why.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
    console.error(`${left} of ${result.read} claims not written: ${counts.join(', ')}`);
    print([...result.duplicates, ...result.conflicts]);
  }
  if (result.warnings.length > 0) {
    console.error(`${result.warnings.length} warning(s):`);
    print(result.warnings);
  }
  return 0;
}

async function corpusCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      index: { type: 'string', default: DEFAULT_INDEX_FOLDER },
      'no-cache': { type: 'boolean' },
    },
  });
  const [folder] = positionals;
  if (!folder || positionals.length > 1) throw new UsageError('corpus needs exactly one folder');
  const corpus = await openCorpus(resolve(folder), { index: values['no-cache'] ? undefined : resolve(values.index) });
  const listing = corpus.listing();
  const documents = [];
  for (const summary of listing.documents) {
    const { text: _text, ...document } = await corpus.document(summary.id);
    documents.push(document);
  }
  if (values.json) {
    console.log(
      JSON.stringify(
        { id: listing.id, name: listing.name, root: listing.root, documents, skipped: listing.skipped },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const d of documents) {
    console.log(
      `${d.id}\n  ${d.title}\n  ${d.language} · ${d.encoding} · ${d.format} · ${d.bytes} bytes · ${d.length} characters · sha256 ${d.sha256}`,
    );
    for (const s of d.segments) console.log(`  ${s.kind.padEnd(11)} ${s.start}–${s.end}`);
  }
  for (const s of listing.skipped) console.log(`skipped ${s.path}: ${s.reason}`);
  console.log(`${documents.length} documents, ${listing.skipped.length} skipped`);
  const { read, reused, unused } = corpus.indexing;
  if (!values['no-cache']) {
    console.log(`${read} files read, ${reused} unchanged files taken from the index${unused ? ` (${unused})` : ''}`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'validate') return await validate(rest);
    if (command === 'convert') return await convertCommand(rest);
    if (command === 'corpus') return await corpusCommand(rest);
    if (command === 'search') return await searchCommand(rest);
    if (command === 'merge') return await mergeCommand(rest);
    if (command === 'agreement') return await agreementCommand(rest);
    if (command === 'report') return await reportCommand(rest);
    if (command === undefined || command === '--help' || command === 'help') {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SearchRefusal) {
      console.error(`✗ ${error.message}`);
      return 2;
    }
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
