import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, OnHeadersReceivedListenerDetails } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

// Electron has no binary here, so the app's entry point starts against a stand-in electron module
// and the test reads what it handed over: the options of the one real `new BrowserWindow` call
// and the handlers it put on the session.
const electron = vi.hoisted(() => {
  const windows: { options: unknown }[] = [];
  const appListeners = new Map<string, unknown>();
  const session = {
    headers: undefined as unknown,
    permissionRequests: undefined as unknown,
    setPermissionRequestHandler(handler: unknown) {
      session.permissionRequests = handler;
    },
    setPermissionCheckHandler() {},
    webRequest: {
      onHeadersReceived(handler: unknown) {
        session.headers = handler;
      },
    },
  };
  class BrowserWindow {
    webContents = { id: 1, reload() {} };
    constructor(readonly options: unknown) {
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    loadFile() {
      return Promise.resolve();
    }
  }
  const module = {
    app: {
      on: (name: string, listener: unknown) => void appListeners.set(name, listener),
      whenReady: () => Promise.resolve(),
      getAppPath: () => '/nonexistent/framing-workbench',
      getPath: (name: string) => `/nonexistent/framing-workbench/${name}`,
      getName: () => 'Framing Workbench',
      getVersion: () => '0.0.0',
      quit() {},
      exit() {},
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle() {} },
    Menu: { setApplicationMenu() {}, buildFromTemplate: (template: unknown) => template },
    session: { defaultSession: session },
  };
  return { module, windows, appListeners, session };
});

vi.mock('electron', () => electron.module);
vi.mock('./services/corpus-host', () => ({
  CorpusHost: class {
    open = () => Promise.reject(new Error('no corpus in this test'));
  },
}));

describe('the main window', () => {
  let options: BrowserWindowConstructorOptions = {};
  let web: NonNullable<BrowserWindowConstructorOptions['webPreferences']> = {};
  beforeAll(async () => {
    await import('./index');
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    options = electron.windows[0]?.options as BrowserWindowConstructorOptions;
    web = options.webPreferences ?? {};
  });

  it('starts without an error', () => {
    expect(electron.module.dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('loads the built preload', () => {
    expect(web.preload).toBe(join(import.meta.dirname, '../preload/index.cjs'));
  });

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
  });

  it('gives Node to no renderer, worker or subframe', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content, webviews and experimental features', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  it('sets nothing that would weaken the checklist', () => {
    const allowed = new Set([
      'preload',
      'contextIsolation',
      'sandbox',
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'webviewTag',
      'navigateOnDragDrop',
      'disableBlinkFeatures',
      'spellcheck',
    ]);
    expect(Object.keys(web).filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('starts hidden, so nothing shows before the page is ready', () => {
    expect(options.show).toBe(false);
  });

  it('locks down every web contents and refuses every permission', () => {
    expect(electron.appListeners.has('web-contents-created')).toBe(true);
    const answers: boolean[] = [];
    const request = electron.session.permissionRequests as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    request({}, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('sends the Content-Security-Policy as a response header of the default session', () => {
    const onHeaders = electron.session.headers as (
      details: Partial<OnHeadersReceivedListenerDetails>,
      callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
    ) => void;
    let headers: Record<string, string | string[]> | undefined;
    onHeaders({ responseHeaders: {} }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});
