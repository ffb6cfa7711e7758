import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { dispatchHostCall, type HostHandlers, requestBodyLimit } from '../../shared/host-api';
import { HOST_TOKEN_HEADER, HOST_TOKEN_META } from '../../shared/host-channels';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export interface BrowserHostOptions {
  handlers: HostHandlers;
  /** The built renderer (out/renderer). Nothing outside it is ever served. */
  rendererDir: string;
  port: number;
}

export interface BrowserHost {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the host contract over HTTP on 127.0.0.1 only. Every API call
 * must carry this run's random token (handed to the page in index.html) and come from the same
 * origin; the Host header is checked so that a rebinding DNS name cannot reach the API.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  const rendererRoot = await realpath(options.rendererDir);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, 'text/plain; charset=utf-8', `Internal error: ${(error as Error).message}`);
    });
  });

  let origin = '';
  const allowedHosts = () => [new URL(origin).host, `localhost:${new URL(origin).port}`];

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const host = request.headers.host ?? '';
    if (!allowedHosts().includes(host)) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Unknown host.');
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      return handleApi(request, response, url.pathname.slice('/api/'.length), `http://${host}`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    }
    return serveStatic(response, url.pathname);
  }

  /** `pageOrigin` is the origin the page was loaded from (127.0.0.1 or localhost, both checked). */
  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, pageOrigin: string) {
    const requestOrigin = request.headers.origin;
    if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Use POST.');
    if (requestOrigin !== undefined && requestOrigin !== pageOrigin) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Cross-origin requests are refused.');
    }
    if (!tokenMatches(request.headers[HOST_TOKEN_HEADER], token)) {
      return send(response, 403, 'text/plain; charset=utf-8', 'Missing or wrong host token.');
    }
    const limit = requestBodyLimit(method);
    const body = await readBody(request, limit);
    if (body === undefined) {
      // Answer first, then drop the connection so the rest of the upload is never read.
      response.shouldKeepAlive = false;
      response.on('finish', () => request.destroy());
      return send(
        response,
        413,
        'text/plain; charset=utf-8',
        `Request too large: ${method} takes at most ${Math.floor(limit / 1024 / 1024)} MB.`,
      );
    }
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'The request body is not JSON.');
    }
    const reply = await dispatchHostCall(options.handlers, method, args);
    return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(reply));
  }

  async function serveStatic(response: ServerResponse, pathname: string) {
    const file = await resolveInside(rendererRoot, pathname === '/' ? '/index.html' : pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (file.endsWith('index.html')) {
      const html = await readFile(file, 'utf8');
      const meta = `<meta name="${HOST_TOKEN_META}" content="${token}">`;
      return send(response, 200, type, html.replace('<head>', `<head>\n    ${meta}`));
    }
    return send(response, 200, type, await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    url: `${origin}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The real path of `pathname` under `root`, or undefined for anything that escapes it. */
export async function resolveInside(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  try {
    const real = await realpath(join(root, decoded));
    return real.startsWith(root + sep) && (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        request.off('data', onData);
        request.pause();
        resolve(undefined);
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': bytes.length });
  response.end(bytes);
}
