import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import type { SaveRequest } from '../shared/host-api';
import { registerHostIpc } from './ipc';
import { denyPermissions, lockDownContents, trustedSender } from './security';
import { writeFileAtomic } from './services/atomic-write';
import { openCorpus } from './services/corpus';
import { corpusHandlers } from './services/host-handlers';
import { mainWindowOptions } from './window-options';

let mainWindow: BrowserWindow | undefined;

const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererFile).href;

async function saveWithDialog(request: SaveRequest) {
  const extension = extname(request.suggestedName).slice(1);
  const options = {
    title: 'Export annotations',
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' as const };
  await writeFileAtomic(
    choice.filePath,
    request.encoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content,
  );
  return { status: 'saved' as const, location: choice.filePath };
}

async function start() {
  lockDownContents(app);
  await app.whenReady();
  denyPermissions(session.defaultSession);

  const corpus = await openCorpus(join(app.getAppPath(), 'resources', 'corpus'));
  registerHostIpc(
    {
      ...corpusHandlers(corpus, { name: app.getName(), version: app.getVersion(), host: 'electron' }),
      saveExport: saveWithDialog,
    },
    trustedSender(() => mainWindow?.webContents.id, appUrl),
  );

  mainWindow = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  await mainWindow.loadFile(rendererFile);
}

app.on('window-all-closed', () => app.quit());

start().catch((error: unknown) => {
  dialog.showErrorBox('Framing Workbench could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
