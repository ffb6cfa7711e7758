import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LabelledJson, labelledJson } from '../shared/formats/labelled-json';
import type { MergeRecord } from '../shared/merge/merge';
import { at, claim, file, tombstone } from '../shared/merge/testing';
import { mergeCommand } from './merge-command';
import { printedByCommands } from './testing';

const ID_1 = '01JDA0000000000000000000C1';
const ID_2 = '01JDA0000000000000000000C2';
const ID_3 = '01JDA0000000000000000000C3';
const ID_4 = '01JDA0000000000000000000C4';

let dir: string;
const { out, err } = printedByCommands();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framing-merge-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: LabelledJson | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : labelledJson.serialize(content));
  return path;
}

async function read(path: string): Promise<LabelledJson> {
  const parsed = labelledJson.parse(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const claims = (f: LabelledJson) => f.annotations.map((c) => [c.id, c.attributes.note]);

describe('framing-workbench merge', () => {
  const original = claim(ID_1, { updatedAt: at(1) });

  it('merges two files three-way into OUT and exits 0 without conflicts', async () => {
    const base = await write('base.json', file({ records: [original, claim(ID_2)] }));
    const a = await write('a.json', file({ records: [claim(ID_1, { note: 'a', updatedAt: at(5) }), claim(ID_2)] }));
    const b = await write('b.json', file({ records: [original, tombstone(ID_2, at(6)), claim(ID_3)] }));
    const output = join(dir, 'out', 'merged.json');
    expect(await mergeCommand([a, b, '--base', base, '-o', output])).toBe(0);
    const merged = await read(output);
    expect(claims(merged)).toEqual([
      [ID_1, 'a'],
      [ID_3, undefined],
    ]);
    expect(merged.tombstones.map((t) => t.id)).toEqual([ID_2]);
    expect(err).toEqual([]);
    expect(out.join('\n')).toContain('three-way');
  });

  it('writes the result over A, as git expects, and exits 1 with the conflicts on stderr', async () => {
    const a = await write('a.json', file({ records: [claim(ID_1, { note: 'a', updatedAt: at(5) })] }));
    const b = await write('b.json', file({ records: [claim(ID_1, { note: 'b', updatedAt: at(7) })] }));
    const base = await write('base.json', file({ records: [original] }));
    expect(await mergeCommand([a, b, '--base', base, '-o', a])).toBe(1);
    expect(claims(await read(a))).toEqual([[ID_1, 'b']]);
    expect(err.join('\n')).toMatch(
      /1 conflict\(s\)[\s\S]*claim 01JDA0000000000000000000C1: edited on both sides.*kept B's/,
    );
    // Only the merged file is left: the atomic write's temporary file is gone.
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'b.json', 'base.json']);
  });

  it('merges two-way without --base, and with an empty base (git’s %O when both sides added the file)', async () => {
    const a = await write('a.json', file({ records: [claim(ID_1), tombstone(ID_2, at(9))] }));
    const b = await write('b.json', file({ records: [claim(ID_2, { updatedAt: at(3) }), claim(ID_3)] }));
    const empty = await write('empty', '');
    for (const extra of [[], ['--base', empty]]) {
      const output = join(dir, 'merged.json');
      expect(await mergeCommand([a, b, ...extra, '-o', output])).toBe(0);
      const merged = await read(output);
      expect(merged.annotations.map((c) => c.id)).toEqual([ID_1, ID_3]);
      expect(merged.tombstones.map((t) => t.id)).toEqual([ID_2]);
    }
    expect(out.join('\n')).toContain('two-way');
  });

  it('writes byte-identical files whichever side comes first', async () => {
    const records: MergeRecord[][] = [
      [claim(ID_1, { note: 'x', updatedAt: at(4) }), claim(ID_2)],
      [claim(ID_1, { note: 'y', updatedAt: at(4) }), tombstone(ID_2, at(8)), claim(ID_4)],
    ];
    const a = await write('a.json', file({ records: records[0], annotator: 'Ada', exportedAt: at(40) }));
    const b = await write('b.json', file({ records: records[1], annotator: 'Boris', exportedAt: at(41) }));
    expect(await mergeCommand([a, b, '-o', join(dir, 'ab.json')])).toBe(1);
    expect(await mergeCommand([b, a, '-o', join(dir, 'ba.json')])).toBe(1);
    const ab = await readFile(join(dir, 'ab.json'), 'utf8');
    expect(await readFile(join(dir, 'ba.json'), 'utf8')).toBe(ab);
    expect(JSON.parse(ab).annotator).toBe('Ada, Boris');
  });

  it('says which claims one file gives twice, writing each once', async () => {
    const twice = claim(ID_2);
    const a = await write('a.json', file({ records: [claim(ID_1), twice, twice] }));
    const b = await write('b.json', file({ records: [claim(ID_3), tombstone(ID_4, at(2)), tombstone(ID_4, at(2))] }));
    const output = join(dir, 'merged.json');
    expect(await mergeCommand([a, b, '-o', output])).toBe(0);
    expect((await read(output)).annotations.map((c) => c.id)).toEqual([ID_1, ID_2, ID_3]);
    expect(err).toEqual([
      '2 duplicate claim record(s) written once, each the same record given again in one file:',
      `  A (${a}) ${ID_2}: $.annotations[1], $.annotations[2]`,
      `  B (${b}) ${ID_4}: $.tombstones[0], $.tombstones[1]`,
    ]);
  });

  it('refuses a file that holds two different claims under one id, naming both, and writes nothing', async () => {
    const a = await write(
      'a.json',
      file({ records: [claim(ID_1, { note: 'one' }), claim(ID_2), claim(ID_1, { note: 'other', updatedAt: at(3) })] }),
    );
    const b = await write('b.json', file({ records: [claim(ID_3)] }));
    const output = join(dir, 'merged.json');
    expect(await mergeCommand([a, b, '-o', output])).toBe(2);
    expect(err[0]).toBe(
      `✗ A (${a}): 2 different claims with the id ${ID_1} ($.annotations[0], $.annotations[1]); ` +
        'a file holds one record per claim: give each its own id or remove the wrong one, then merge again',
    );
    expect(err.at(-1)).toBe('Nothing was written.');
    await expect(readFile(output)).rejects.toThrow();
  });

  it('names the output path and why it cannot be written, in one line, and exits 2', async () => {
    const a = await write('a.json', file({ records: [original] }));
    const output = join(a, 'merged.json');
    expect(await mergeCommand([a, a, '-o', output])).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^✗ cannot write .*a\.json\/merged\.json: ENOTDIR/);
  });

  it('refuses another format with a clear message, writes nothing and exits 2', async () => {
    const a = await write('a.json', file({ records: [original] }));
    const doccano = await write('doccano.jsonl', '{"text": "Minsk said", "label": [[0, 5, "integration"]]}\n');
    const output = join(dir, 'merged.json');
    expect(await mergeCommand([a, doccano, '-o', output])).toBe(2);
    expect(err.join('\n')).toMatch(/B \(.*doccano\.jsonl\): a doccano JSONL file; merge reads only labelled JSON/);
    expect(err.join('\n')).toContain('convert --to native');
    await expect(readFile(output)).rejects.toThrow();
  });

  it('names every input it cannot read, before writing anything', async () => {
    const a = await write('a.json', file());
    const before = await readFile(a, 'utf8');
    const notJson = await write('notes.txt', 'hello');
    const other = await write('other.json', '{"hello": "world"}');
    const newer = await write('v2.json', JSON.stringify({ ...file(), formatVersion: 2 }));
    const broken = JSON.parse(labelledJson.serialize(file({ records: [original] })));
    broken.annotations[0].target.start = -1;
    const invalid = await write('invalid.json', JSON.stringify(broken));
    expect(await mergeCommand([notJson, other, '--base', join(dir, 'missing.json'), '-o', a])).toBe(2);
    const errors = err.join('\n');
    expect(errors).toMatch(/A \(.*notes\.txt\): not JSON/);
    expect(errors).toMatch(/B \(.*other\.json\): not a Framing Workbench labelled JSON file/);
    expect(errors).toMatch(/base \(.*missing\.json\): ENOENT/);
    expect(await readFile(a, 'utf8')).toBe(before);
    err.length = 0;
    expect(await mergeCommand([newer, invalid, '-o', a])).toBe(2);
    expect(err.join('\n')).toContain('formatVersion 2, but this framing-workbench reads only version 1');
    expect(err.join('\n')).toContain('$.annotations[0].target.start');
    expect(await readFile(a, 'utf8')).toBe(before);
  });

  it('reads a zip of one labelled JSON file, and refuses a zip of several or a damaged one', async () => {
    const a = await write('a.json', file({ records: [claim(ID_1)] }));
    const zipped = join(dir, 'b.zip');
    await writeFile(zipped, zipSync({ 'b/b.json': strToU8(labelledJson.serialize(file({ records: [claim(ID_2)] }))) }));
    const output = join(dir, 'merged.json');
    expect(await mergeCommand([a, zipped, '-o', output])).toBe(0);
    expect((await read(output)).annotations.map((c) => c.id)).toEqual([ID_1, ID_2]);

    const two = join(dir, 'two.zip');
    await writeFile(two, zipSync({ 'a.json': strToU8(await readFile(a, 'utf8')), 'b.json': strToU8('{}') }));
    const damaged = join(dir, 'damaged.zip');
    await writeFile(damaged, 'PK no zip');
    expect(await mergeCommand([two, damaged, '-o', join(dir, 'none.json')])).toBe(2);
    expect(err).toEqual([
      `✗ A (${two}): a zip of 2 files; merge reads one labelled JSON file (or a zip of one)`,
      `✗ B (${damaged}): not a zip archive (or a damaged one); nothing of it was read`,
      'Nothing was written.',
    ]);
  });

  it('refuses an empty A or B', async () => {
    const a = await write('a.json', file());
    const empty = await write('empty.json', '\n');
    expect(await mergeCommand([a, empty, '-o', join(dir, 'm.json')])).toBe(2);
    expect(err.join('\n')).toContain('the file is empty');
  });

  it('explains its usage and exits 2 when arguments are missing or unknown', async () => {
    expect(await mergeCommand(['a.json', '-o', 'x.json'])).toBe(2);
    expect(err.join('\n')).toContain('merge needs two files and -o OUT');
    expect(await mergeCommand(['a.json', 'b.json'])).toBe(2);
    expect(await mergeCommand(['a.json', 'b.json', '-o', 'x.json', '--theirs'])).toBe(2);
    expect(err.join('\n')).toContain("Unknown option '--theirs'");
    expect(await mergeCommand(['--help'])).toBe(0);
    expect(out.join('\n')).toContain('merge %A %B --base %O -o %A');
  });
});

const hasGit = await promisify(execFile)('git', ['--version']).then(
  () => true,
  () => false,
);

/** The command as git runs it from a repository: the driver configured as the README says. */
describe.skipIf(!hasGit)('as a git merge driver', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  let repo: string;

  const git = (...args: string[]) =>
    promisify(execFile)('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@example.org',
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@example.org',
      },
    });
  const commit = async (records: MergeRecord[], message: string) => {
    await writeFile(join(repo, 'claims.labelled.json'), labelledJson.serialize(file({ records })));
    await git('add', '-A');
    await git('commit', '-q', '-m', message);
  };

  beforeEach(async () => {
    repo = join(dir, 'repo');
    await mkdir(repo);
    await git('-c', 'init.defaultBranch=main', 'init', '-q');
    // Stands in for `framing-workbench merge` until the command is wired into the CLI.
    const driver = join(dir, 'driver.mjs');
    await writeFile(
      driver,
      `import { mergeCommand } from ${JSON.stringify(pathToFileURL(join(root, 'src/cli/merge-command.ts')).href)};\n` +
        'process.exitCode = await mergeCommand(process.argv.slice(2));\n',
    );
    const loader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    await writeFile(join(repo, '.gitattributes'), '*.labelled.json merge=framing-workbench\n');
    await git('config', 'merge.framing-workbench.name', 'Framing Workbench labelled JSON merge');
    await git('config', 'merge.framing-workbench.driver', `node --import ${loader} ${driver} %A %B --base %O -o %A`);
  });

  it('merges cleanly, leaving the result in the working tree and the index', { timeout: 60_000 }, async () => {
    await commit([claim(ID_1, { updatedAt: at(1) }), claim(ID_2)], 'base');
    await git('checkout', '-q', '-b', 'laptop');
    await commit([claim(ID_1, { note: 'laptop', updatedAt: at(5) }), claim(ID_2), claim(ID_3)], 'laptop');
    await git('checkout', '-q', 'main');
    await commit([claim(ID_1, { updatedAt: at(1) }), tombstone(ID_2, at(6)), claim(ID_4)], 'desktop');
    await git('merge', '-q', '--no-edit', 'laptop');
    const merged = await read(join(repo, 'claims.labelled.json'));
    expect(claims(merged)).toEqual([
      [ID_1, 'laptop'],
      [ID_3, undefined],
      [ID_4, undefined],
    ]);
    expect(merged.tombstones.map((t) => t.id)).toEqual([ID_2]);
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('reports a conflict to git, with the merged file left to check', { timeout: 60_000 }, async () => {
    await commit([claim(ID_1, { updatedAt: at(1) })], 'base');
    await git('checkout', '-q', '-b', 'laptop');
    await commit([claim(ID_1, { note: 'laptop', updatedAt: at(7) })], 'laptop');
    await git('checkout', '-q', 'main');
    await commit([claim(ID_1, { note: 'desktop', updatedAt: at(5) })], 'desktop');
    const failed = await git('merge', '--no-edit', 'laptop').then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(failed).toBeDefined();
    expect(`${failed?.stdout}${failed?.stderr}`).toContain('edited on both sides');
    expect(claims(await read(join(repo, 'claims.labelled.json')))).toEqual([[ID_1, 'laptop']]);
    expect((await git('status', '--porcelain')).stdout).toContain('UU claims.labelled.json');
  });

  it('merges a file both sides added (an empty %O) two-way', { timeout: 60_000 }, async () => {
    await writeFile(join(repo, 'README'), 'x\n');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'start');
    await git('checkout', '-q', '-b', 'laptop');
    await commit([claim(ID_1)], 'laptop');
    await git('checkout', '-q', 'main');
    await commit([claim(ID_2)], 'desktop');
    await git('merge', '-q', '--no-edit', 'laptop');
    expect((await read(join(repo, 'claims.labelled.json'))).annotations.map((c) => c.id)).toEqual([ID_1, ID_2]);
  });
});
