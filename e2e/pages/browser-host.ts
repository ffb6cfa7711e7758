import { spawn } from 'node:child_process';

export interface RunningHost {
  url: string;
  stop(): Promise<void>;
}

/**
 * The browser host as `npm run serve` starts it, for tests that need a corpus or backup folder of
 * their own; resolves once its corpus is listed. It runs in its own process group, so that stopping
 * it stops the Node process npx started too (which would otherwise keep the port).
 */
export async function startHost(options: { corpus: string; backups: string; port?: number }): Promise<RunningHost> {
  const args = ['--port', String(options.port ?? 0), '--corpus', options.corpus, '--backups', options.backups];
  const child = spawn('npx', ['tsx', 'src/main/browser-host/run.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (found?.[1] && out.includes('documents from')) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${out}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-(child.pid ?? 0), 'SIGTERM');
    });
  return { url, stop };
}
