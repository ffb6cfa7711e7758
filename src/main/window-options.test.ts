import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  const preload = '/app/out/preload/index.cjs';
  const options = mainWindowOptions(preload);
  const web = options.webPreferences ?? {};

  it('passes the preload path through', () => {
    expect(web.preload).toBe(preload);
    expect(mainWindowOptions('/elsewhere/preload.js').webPreferences?.preload).toBe('/elsewhere/preload.js');
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
      'spellcheck',
    ]);
    expect(Object.keys(web).filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('starts hidden, so nothing shows before the page is ready', () => {
    expect(options.show).toBe(false);
  });
});
