import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** The command as a user runs it: bin/framing-workbench.js in a process of its own. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/framing-workbench.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the CLI; `closeStdout` closes the reading end at once, as `| head` does once it has its lines. */
function run(args: string[], options: { closeStdout?: boolean; timeout?: number } = {}): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.resume();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 20_000);
    child.on('error', failed);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stderr });
    });
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framing-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('framing-workbench as a process', () => {
  it('stops quietly with status 0 when the reader of its output goes away (| head)', async () => {
    const result = await run(['corpus', 'resources/corpus', '--no-cache'], { closeStdout: true });
    expect(result).toEqual({ code: 0, signal: null, stderr: '' });
  }, 30_000);

  it.skipIf(!existsSync('/proc/self'))(
    'refuses an output path that cannot be made in one line, never looping',
    async () => {
      const input = join(dir, 'a.jsonl');
      await writeFile(input, '{"text": "Minsk said so.", "label": [[0, 5, "integration"]]}\n');
      const result = await run(['convert', '--to', 'native', input, '-o', '/proc/x/y'], { timeout: 15_000 });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(1);
      expect(result.stderr).toBe("✗ cannot write /proc/x/y: ENOENT: no such file or directory, mkdir '/proc/x'\n");
    },
    30_000,
  );
});
