import { resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build, type InlineConfig } from 'vite';
import config from '../../electron.vite.config';

const quiet = { configFile: false, logLevel: 'error' } as const;

/**
 * The app's renderer, built as `npm run build` builds it (the same vite config), into `outDir`,
 * so that the benchmark measures the code in the work tree without touching out/.
 */
export async function buildApp(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  const renderer = (config as { renderer: InlineConfig }).renderer;
  await build({
    ...renderer,
    ...quiet,
    root: resolve(renderer.root ?? 'src/renderer'),
    build: { ...renderer.build, outDir, emptyOutDir: true, minify: options.minify ?? true },
  });
}

/** The baseline and peer pages, and the repository harness (bench/browser/pages), into `outDir`. */
export async function buildPages(outDir: string): Promise<void> {
  const root = resolve('bench/browser/pages');
  await build({
    ...quiet,
    root,
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: {
          dom: resolve(root, 'dom.html'),
          peer: resolve(root, 'peer.html'),
          repository: resolve(root, 'repository.html'),
        },
      },
    },
  });
}

/** The probe every benchmarked page gets before its own scripts, as one classic script. */
export async function buildProbe(): Promise<string> {
  const out = await esbuild({
    entryPoints: [resolve('bench/browser/probe.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
  });
  return out.outputFiles[0]?.text ?? '';
}
