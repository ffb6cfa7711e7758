import { EventEmitter } from 'node:events';
import type { App, IpcMainInvokeEvent, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import type { HostHandlers } from '../shared/host-api';
import { HOST_METHODS, hostChannel } from '../shared/host-channels';
import { quietHandlers } from '../shared/testing/host-handlers';
import { registerHostIpc } from './ipc';
import { denyPermissions, lockDownContents, sendContentSecurityPolicy, trustedSender } from './security';

// Electron itself cannot run here (no binary), so these drive the real handlers with stand-ins
// for the objects Electron would pass them.

const APP_URL = 'file:///opt/framing/out/renderer/index.html';

function invokeEvent(overrides: { senderId?: number; url?: string; parent?: object | null } = {}) {
  return {
    sender: { id: overrides.senderId ?? 1 },
    senderFrame: { url: overrides.url ?? APP_URL, parent: overrides.parent ?? null },
  } as unknown as IpcMainInvokeEvent;
}

describe('trustedSender', () => {
  const trusted = trustedSender(() => 1, APP_URL);

  it('accepts the main window’s top frame at the app’s own page', () => {
    expect(trusted(invokeEvent())).toBe(true);
    expect(trusted(invokeEvent({ url: `${APP_URL}#claims` }))).toBe(true);
  });

  it('refuses other windows, subframes and other pages', () => {
    expect(trusted(invokeEvent({ senderId: 2 }))).toBe(false);
    expect(trusted(invokeEvent({ parent: {} }))).toBe(false);
    expect(trusted(invokeEvent({ url: 'https://evil.example/' }))).toBe(false);
    expect(trusted(invokeEvent({ url: 'file:///tmp/other.html' }))).toBe(false);
  });
});

describe('registerHostIpc', () => {
  const calls: string[] = [];
  const handlers: HostHandlers = quietHandlers({
    getDocument: (id) => {
      calls.push(id);
      throw new Error('not here');
    },
  });
  const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  registerHostIpc(
    { handle: (channel, listener) => void registered.set(channel, listener) },
    handlers,
    trustedSender(() => 1, APP_URL),
  );

  it('listens on the contract’s channels and no others', () => {
    expect([...registered.keys()].sort()).toEqual(HOST_METHODS.map(hostChannel).sort());
  });

  it('answers the app’s window and refuses anyone else before any handler runs', async () => {
    const getDocument = registered.get(hostChannel('getDocument'));
    expect(await getDocument?.(invokeEvent({ senderId: 7 }), 'a.txt')).toEqual({
      ok: false,
      error: "Refused getDocument: the request did not come from the app's window.",
    });
    expect(calls).toEqual([]);
    expect(await getDocument?.(invokeEvent(), 'a.txt')).toEqual({ ok: false, error: 'not here' });
    expect(calls).toEqual(['a.txt']);
  });

  it('validates every argument', async () => {
    const getDocument = registered.get(hostChannel('getDocument'));
    const reply = (await getDocument?.(invokeEvent(), '../../etc/passwd')) as { ok: boolean; error: string };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatch(/Invalid arguments/);
    const save = registered.get(hostChannel('saveExport'));
    expect(
      await save?.(invokeEvent(), { suggestedName: '/etc/cron.d/x', content: '', encoding: 'utf8' }),
    ).toMatchObject({ ok: false });
  });
});

describe('lockDownContents', () => {
  const app = new EventEmitter();
  lockDownContents(app as unknown as App);
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: (details: unknown) => { action: string };
    setWindowOpenHandler(handler: (details: unknown) => { action: string }): void;
  };
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  app.emit('web-contents-created', {}, contents);

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    let prevented = false;
    contents.emit(name, {
      preventDefault: () => {
        prevented = true;
      },
    });
    expect(prevented).toBe(true);
  });

  it('denies every new window', () => {
    expect(contents.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });
});

describe('denyPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyPermissions({
      setPermissionRequestHandler: (handler: typeof request) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: typeof check) => {
        check = handler;
      },
    } as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      request?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(check?.()).toBe(false);
  });
});

describe('sendContentSecurityPolicy', () => {
  type Listener = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;
  let listener: Listener | undefined;
  sendContentSecurityPolicy({
    webRequest: {
      onHeadersReceived: (handler: Listener) => {
        listener = handler;
      },
    },
  } as unknown as Session);
  const answer = (responseHeaders?: Record<string, string[]>) => {
    let headers: Record<string, string[]> | undefined;
    listener?.({ responseHeaders }, (response) => {
      headers = response.responseHeaders;
    });
    return headers;
  };

  it('adds the app’s policy to every response and keeps the other headers', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../shared/content-security-policy');
    expect(answer()).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(answer({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src *'] })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('the Content-Security-Policy', () => {
  it('allows only the app’s own scripts and styles: no eval, no inline script, no remote content', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../shared/content-security-policy');
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});
