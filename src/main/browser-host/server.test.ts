import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostHandlers } from '../../shared/host-api';
import { quietHandlers } from '../../shared/testing/host-handlers';
import { type BrowserHost, resolveInside, startBrowserHost } from './server';

const SECRET = 'top-secret-content';
const APP_JS = 'console.log("app");\n';

let base: string;
let rendererDir: string;
let host: BrowserHost;
let origin: string;
let port: number;
let handlerCalls: string[];

const handlers: HostHandlers = quietHandlers({
  getAppInfo: () => {
    handlerCalls.push('getAppInfo');
    return { name: 'Framing Workbench', version: '0.0.0', host: 'browser' };
  },
  getDocument: (id) => {
    handlerCalls.push('getDocument');
    throw new Error(`No document "${id}"`);
  },
  saveExport: () => {
    throw new Error('downloads');
  },
  writeBackup: (content) => {
    handlerCalls.push(`writeBackup ${content.length}`);
    return { name: 'backup-20261205T080000000Z-1.json', time: '', claims: 1, bytes: content.length };
  },
});

beforeEach(async () => {
  handlerCalls = [];
  base = await realpath(await mkdtemp(join(tmpdir(), 'framing-host-')));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n  </head>\n  <body></body>\n</html>\n',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), APP_JS);
  await writeFile(join(base, 'secret.txt'), SECRET);
  await writeFile(join(base, 'package.json'), `{"secret":"${SECRET}"}`);
  // A sibling whose name starts with the renderer folder's name.
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'secret.txt'), SECRET);
  host = await startBrowserHost({ handlers, rendererDir, port: 0 });
  port = (host.server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

async function readToken(): Promise<string> {
  const html = await (await fetch(`${origin}/`)).text();
  const match = /<meta name="framing-host-token" content="([^"]*)">/.exec(html);
  if (!match?.[1]) throw new Error(`No token meta in ${html}`);
  return match[1];
}

function callApi(method: string, args: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(args),
  });
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http sends the path and the Host header as given, where fetch would normalise them. */
function rawRequest(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('startBrowserHost: the page', () => {
  it('binds to 127.0.0.1 only and reports its URL', () => {
    expect((host.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(host.url).toBe(`${origin}/`);
  });

  it('serves index.html with the run token and a strict content security policy', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toMatch(/<head>\s*<meta name="framing-host-token" content="[0-9a-f]{64}">/);
    expect(await readToken()).toBe(await readToken());
  });

  it('serves assets as they are, without the token', async () => {
    const response = await fetch(`${origin}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe(APP_JS);
  });

  it('answers 404 for a missing file', async () => {
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/nope.html`)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD for pages', async () => {
    expect((await fetch(`${origin}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('startBrowserHost: the API', () => {
  it('answers a call that carries the token', async () => {
    const token = await readToken();
    const response = await callApi('getAppInfo', [], { 'x-framing-token': token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      ok: true,
      value: { name: 'Framing Workbench', version: '0.0.0', host: 'browser' },
    });
  });

  it('refuses a call without the token, or with a wrong one, before running it', async () => {
    const token = await readToken();
    const wrong = token.replace(/^./, token.startsWith('0') ? '1' : '0');
    const attempts: Record<string, string>[] = [
      {},
      { 'x-framing-token': wrong },
      { 'x-framing-token': token.slice(1) },
      { 'x-framing-token': '' },
    ];
    for (const headers of attempts) {
      expect((await callApi('getAppInfo', [], headers)).status).toBe(403);
    }
    expect(handlerCalls).toEqual([]);
  });

  it("refuses another server's token", async () => {
    const other = await startBrowserHost({ handlers, rendererDir, port: 0 });
    try {
      const html = await (await fetch(other.url)).text();
      const otherToken = /content="([0-9a-f]{64})"/.exec(html)?.[1] ?? '';
      expect(otherToken).not.toBe(await readToken());
      expect((await callApi('getAppInfo', [], { 'x-framing-token': otherToken })).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('refuses a call from another origin even with the token', async () => {
    const token = await readToken();
    for (const foreign of [
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      'null',
      `https://127.0.0.1:${port}`,
    ]) {
      const response = await callApi('getAppInfo', [], { 'x-framing-token': token, origin: foreign });
      expect(response.status).toBe(403);
    }
    expect(handlerCalls).toEqual([]);
  });

  it('accepts a call from its own origin', async () => {
    const token = await readToken();
    const response = await callApi('getAppInfo', [], { 'x-framing-token': token, origin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('answers an unknown method with an error reply', async () => {
    const token = await readToken();
    const response = await callApi('deleteEverything', [], { 'x-framing-token': token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: expect.stringContaining('deleteEverything') });
  });

  it('answers invalid arguments with an error reply, without running the handler', async () => {
    const token = await readToken();
    for (const args of [[42], [], ['../etc/passwd'], { 0: 'a.txt' }]) {
      const reply = await (await callApi('getDocument', args, { 'x-framing-token': token })).json();
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/invalid arguments/i) });
    }
    expect(handlerCalls).toEqual([]);
  });

  it("passes a handler's error back as an error reply", async () => {
    const token = await readToken();
    const reply = await (await callApi('getDocument', ['a.txt'], { 'x-framing-token': token })).json();
    expect(reply).toEqual({ ok: false, error: 'No document "a.txt"' });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const token = await readToken();
    const response = await fetch(`${origin}/api/getAppInfo`, {
      method: 'POST',
      headers: { 'x-framing-token': token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('refuses GET on the API', async () => {
    const token = await readToken();
    expect((await fetch(`${origin}/api/getAppInfo`, { headers: { 'x-framing-token': token } })).status).toBe(405);
    expect(handlerCalls).toEqual([]);
  });

  const oversized = async (token: string) =>
    fetch(`${origin}/api/getAppInfo`, {
      method: 'POST',
      headers: { 'x-framing-token': token },
      body: `[${' '.repeat(1024 * 1024)}]`,
    }).then(
      (response) => response.status,
      () => 'connection closed' as const,
    );

  it('answers a body over 1 MB with 413 without running the handler, and keeps serving', async () => {
    const token = await readToken();
    expect(await oversized(token)).toBe(413);
    expect(handlerCalls).toEqual([]);
    expect((await callApi('getAppInfo', [], { 'x-framing-token': token })).status).toBe(200);
  });

  it('takes a backup of several megabytes (a corpus with thousands of claims)', async () => {
    const token = await readToken();
    const snapshot = `{"claims":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    const response = await callApi('writeBackup', [snapshot], { 'x-framing-token': token });
    expect(response.status).toBe(200);
    expect(handlerCalls).toEqual([`writeBackup ${snapshot.length}`]);
  });
});

describe('startBrowserHost: the Host header', () => {
  it('refuses a request whose Host is not this server (DNS rebinding)', async () => {
    const token = await readToken();
    const page = await rawRequest('/', { headers: { host: `evil.example:${port}` } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain(token);
    const api = await rawRequest('/api/getAppInfo', {
      method: 'POST',
      headers: { host: `evil.example:${port}`, 'x-framing-token': token },
    });
    expect(api.status).toBe(421);
    expect((await rawRequest('/', { headers: { host: '127.0.0.1' } })).status).toBe(421);
    expect(handlerCalls).toEqual([]);
  });

  it('answers API calls from a page opened at localhost', async () => {
    const token = await readToken();
    const response = await rawRequest('/api/getAppInfo', {
      method: 'POST',
      headers: { host: `localhost:${port}`, origin: `http://localhost:${port}`, 'x-framing-token': token },
      body: '[]',
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true });
  });

  it('refuses a token header that is not ASCII with 403, not an internal error', async () => {
    const response = await rawRequest('/api/getAppInfo', {
      method: 'POST',
      headers: {
        host: `127.0.0.1:${port}`,
        'x-framing-token': Buffer.from('é'.repeat(64), 'latin1').toString('latin1'),
      },
    });
    expect(response.status).toBe(403);
  });

  it('accepts 127.0.0.1 and localhost with its port', async () => {
    expect((await rawRequest('/', { headers: { host: `127.0.0.1:${port}` } })).status).toBe(200);
    expect((await rawRequest('/', { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });
});

describe('startBrowserHost: nothing outside the renderer folder', () => {
  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2frenderer-evil%2fsecret.txt',
    '/..%5csecret.txt',
    '//etc/passwd',
    `/${'%2e%2e%2f'.repeat(12)}etc%2fpasswd`,
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s with 404', async (path) => {
    const response = await rawRequest(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
  });

  it('answers a request for a folder with 404', async () => {
    expect((await rawRequest('/assets')).status).toBe(404);
    expect((await rawRequest('/assets/')).status).toBe(404);
  });

  it('refuses a symlink that points outside', async () => {
    await symlink(join(base, 'secret.txt'), join(rendererDir, 'link.txt'));
    await symlink(base, join(rendererDir, 'assets', 'up'));
    for (const path of ['/link.txt', '/assets/up/secret.txt', '/assets/up/renderer-evil/secret.txt']) {
      const response = await rawRequest(path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain(SECRET);
    }
  });

  it('serves a symlink that stays inside', async () => {
    await symlink(join(rendererDir, 'assets', 'app.js'), join(rendererDir, 'alias.js'));
    const response = await rawRequest('/alias.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe(APP_JS);
  });
});

describe('resolveInside', () => {
  it('resolves a file inside the root to its real path', async () => {
    expect(await resolveInside(rendererDir, '/assets/app.js')).toBe(join(rendererDir, 'assets', 'app.js'));
    expect(await resolveInside(rendererDir, '/assets/%61pp.js')).toBe(join(rendererDir, 'assets', 'app.js'));
    expect(await resolveInside(rendererDir, '/assets/../index.html')).toBe(join(rendererDir, 'index.html'));
  });

  it('returns undefined for anything that escapes the root, is missing or is malformed', async () => {
    await symlink(join(base, 'secret.txt'), join(rendererDir, 'link.txt'));
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/../renderer-evil/secret.txt',
      '/..',
      '/link.txt',
      '/missing.txt',
      '/index.html%00',
      '/%',
      `/${'../'.repeat(20)}etc/passwd`,
    ]) {
      expect(await resolveInside(rendererDir, path), path).toBeUndefined();
    }
  });

  it('never resolves to the root itself', async () => {
    expect(await resolveInside(rendererDir, '/')).toBeUndefined();
    expect(await resolveInside(rendererDir, '')).toBeUndefined();
  });
});
