import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupFolder } from '../services/backups';
import { CorpusHost } from '../services/corpus-host';
import { DEFAULT_INDEX_FOLDER } from '../services/corpus-index';
import { corpusHandlers } from '../services/host-handlers';
import { startBrowserHost } from './server';

/** `npm run serve`: the app in any Chromium, on a fixed loopback port so its IndexedDB persists. */
const DEFAULT_PORT = 5217;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      corpus: { type: 'string', default: 'resources/corpus' },
      renderer: { type: 'string', default: 'out/renderer' },
      backups: { type: 'string', default: join(homedir(), '.framing-workbench', 'backups') },
      index: { type: 'string', default: DEFAULT_INDEX_FOLDER },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}".`);
  const rendererDir = resolve(values.renderer);
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`No built app in ${rendererDir}: run "npm run build" first (npm run serve does this).`);
  }
  const corpusDir = resolve(values.corpus);
  if (!existsSync(corpusDir)) throw new Error(`Corpus folder not found: ${corpusDir}`);
  const pkg = JSON.parse(await readFile(resolve(import.meta.dirname, '../../../package.json'), 'utf8'));
  const corpora = new CorpusHost({ index: resolve(values.index) });
  const opening = corpora.open(corpusDir, basename(corpusDir));
  const host = await startBrowserHost({
    port,
    rendererDir,
    handlers: {
      ...corpusHandlers(
        corpora,
        { name: pkg.productName, version: pkg.version, host: 'browser' },
        backupFolder(resolve(values.backups)),
      ),
      openCorpusFolder: () => {
        throw new Error('In the browser, choose the corpus when starting: npm run serve -- --corpus FOLDER');
      },
      saveExport: () => {
        throw new Error('The browser host saves exports as downloads in the browser.');
      },
    },
  });
  console.log(`Open ${host.url} in Chromium. Press Ctrl+C to stop.`);
  const { documents, skipped } = (await opening).listing();
  console.log(`Framing Workbench: ${documents.length} documents from ${corpusDir} (${skipped.length} skipped)`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? `Port in use: another Framing Workbench may be running. Choose another with --port. (${message})`
      : `Framing Workbench could not start: ${message}`,
  );
  process.exit(1);
});
