import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import type { SaveRequest } from '../shared/host-api';
import { registerHostIpc } from './ipc';
import { denyPermissions, lockDownContents, sendContentSecurityPolicy, trustedSender } from './security';
import { writeFileAtomic } from './services/atomic-write';
import { backupFolder } from './services/backups';
import { CorpusHost } from './services/corpus-host';
import { corpusHandlers } from './services/host-handlers';

let mainWindow: BrowserWindow | undefined;

const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererFile).href;
const sampleCorpus = join(app.getAppPath(), 'resources', 'corpus');
/** Remembers the last corpus folder so that it reopens on start. */
const settingsFile = () => join(app.getPath('userData'), 'settings.json');

async function lastCorpus(): Promise<string> {
  try {
    const { corpus } = JSON.parse(await readFile(settingsFile(), 'utf8')) as { corpus?: unknown };
    return typeof corpus === 'string' ? corpus : sampleCorpus;
  } catch {
    return sampleCorpus;
  }
}

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
  sendContentSecurityPolicy(session.defaultSession);

  const corpora = new CorpusHost({ index: join(app.getPath('userData'), 'corpus-index') });
  const folder = await lastCorpus();
  corpora.open(folder, basename(folder)).catch(() => {
    // The window shows the failure from corpusStatus; the user can open another folder.
  });

  async function openCorpusFolder() {
    const options = { title: 'Open a corpus folder', properties: ['openDirectory' as const] };
    const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    const [chosen] = choice.filePaths;
    if (choice.canceled || !chosen) return { status: 'cancelled' as const };
    corpora.open(chosen, basename(chosen)).catch(() => undefined);
    await writeFileAtomic(settingsFile(), JSON.stringify({ corpus: chosen }, null, 2));
    return { status: 'opened' as const, name: basename(chosen) };
  }

  // File ▸ Open Folder… does what the toolbar button does; the window reloads onto the new corpus.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'File',
        submenu: [
          {
            label: 'Open Folder…',
            accelerator: 'CmdOrCtrl+O',
            click: () => {
              openCorpusFolder().then(
                (outcome) => {
                  if (outcome.status === 'opened') mainWindow?.webContents.reload();
                },
                (error: unknown) => dialog.showErrorBox('The folder could not be opened', (error as Error).message),
              );
            },
          },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );

  // The window sends a last snapshot as it closes: quitting waits until it is on disk.
  const backups = backupFolder(join(app.getPath('userData'), 'backups'));
  const pendingBackups = new Set<Promise<unknown>>();
  app.on('before-quit', (event) => {
    if (pendingBackups.size === 0) return;
    event.preventDefault();
    Promise.allSettled(pendingBackups).then(() => app.quit());
  });
  const handlers = corpusHandlers(
    corpora,
    { name: app.getName(), version: app.getVersion(), host: 'electron' },
    backups,
  );

  registerHostIpc(
    ipcMain,
    {
      ...handlers,
      writeBackup: (content) => {
        const writing = backups.write(content);
        pendingBackups.add(writing);
        return writing.finally(() => pendingBackups.delete(writing));
      },
      openCorpusFolder,
      saveExport: saveWithDialog,
    },
    trustedSender(() => mainWindow?.webContents.id, appUrl),
  );

  // Electron's security checklist, written out where reviewers and `npm run security` both read it.
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false, // shown on ready-to-show, so nothing half-drawn appears
    title: 'Framing Workbench',
    backgroundColor: '#f7f6f3',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // What Electronegativity asks for against middle-click navigation. Today's Blink no longer
      // has this switch (electron/electron#10315); the refusal that holds is lockDownContents'
      // window-open deny and will-navigate block (./security.ts).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
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
