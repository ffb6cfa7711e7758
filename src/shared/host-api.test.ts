import { describe, expect, it } from 'vitest';
import { dispatchHostCall, type HostHandlers, readHostReply } from './host-api';
import { quietHandlers } from './testing/host-handlers';

const handlers: HostHandlers = quietHandlers({
  getAppInfo: () => ({ name: 'Framing Workbench', version: '1.0.0', host: 'browser' }),
});

describe('dispatchHostCall', () => {
  it('runs a known call with valid arguments', async () => {
    expect(await dispatchHostCall(handlers, 'getAppInfo', [])).toEqual({
      ok: true,
      value: { name: 'Framing Workbench', version: '1.0.0', host: 'browser' },
    });
  });

  it('refuses a call that is not in the contract', async () => {
    const reply = await dispatchHostCall(handlers, 'constructor', []);
    expect(reply).toEqual({ ok: false, error: 'Unknown host call: constructor' });
  });

  it('refuses invalid arguments before any handler runs', async () => {
    let ran = false;
    const spy: HostHandlers = {
      ...handlers,
      getDocument: () => {
        ran = true;
        throw new Error('should not run');
      },
    };
    for (const args of [[42], ['../../etc/passwd'], ['a/./b'], [], 'not-an-array']) {
      const reply = await dispatchHostCall(spy, 'getDocument', args);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/Invalid arguments for getDocument/);
    }
    expect(ran).toBe(false);
  });

  it('refuses a save whose file name could leave the chosen folder', async () => {
    const reply = await dispatchHostCall(handlers, 'saveExport', [{ suggestedName: '../x.json', content: '' }]);
    expect(reply.ok).toBe(false);
  });

  it('turns a handler failure into a message', async () => {
    expect(await dispatchHostCall(handlers, 'getDocument', ['missing.txt'])).toEqual({
      ok: false,
      error: 'No document "missing.txt"',
    });
  });
});

describe('readHostReply', () => {
  it('returns a valid value and throws the host error message', () => {
    expect(readHostReply('saveExport', { ok: true, value: { status: 'cancelled' } })).toEqual({ status: 'cancelled' });
    expect(() => readHostReply('listDocuments', { ok: false, error: 'disk unreadable' })).toThrow('disk unreadable');
  });

  it('refuses a reply that does not match the contract', () => {
    expect(() => readHostReply('listDocuments', { ok: true, value: { name: 1 } })).toThrow(/invalid/);
    expect(() => readHostReply('listDocuments', 'garbage')).toThrow(/malformed/);
  });
});
