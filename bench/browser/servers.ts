import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface Server {
  url: string;
  close(): Promise<void>;
}

/** Serves files from `roots` (URL prefix → folder) on 127.0.0.1, for the baseline and peer pages. */
export async function startStatic(port: number, roots: Record<string, string>): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = Object.keys(roots)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p));
    const root = prefix === undefined ? undefined : roots[prefix];
    const file = root && normalize(join(root, path.slice((prefix as string).length)));
    if (!root || !file?.startsWith(normalize(root) + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The real browser host (`src/main/browser-host/run.ts`) in its own process, serving `renderer`
 * with `corpus`; resolves once it has listed the corpus.
 */
export async function startHost(options: {
  port: number;
  corpus: string;
  renderer: string;
  backups: string;
}): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/browser-host/run.ts',
      '--port',
      String(options.port),
      '--corpus',
      options.corpus,
      '--renderer',
      options.renderer,
      '--backups',
      options.backups,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser host did not start:\n${output}`)), 300_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Framing Workbench: \d+ documents/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (${code}):\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${options.port}/`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
