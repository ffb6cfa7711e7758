import { type HostApi, type HostMethod, readHostReply } from '../../shared/host-api';
import { HOST_GLOBAL, HOST_METHODS, HOST_TOKEN_HEADER, HOST_TOKEN_META } from '../../shared/host-channels';
import { downloadFile } from './download';

type RawTransport = (method: HostMethod, args: unknown[]) => Promise<unknown>;

/** The Electron preload's bridge: each call returns the host's raw reply envelope. */
function electronTransport(): RawTransport | undefined {
  const bridge = (window as unknown as Record<string, unknown>)[HOST_GLOBAL] as
    | Record<HostMethod, (...args: unknown[]) => Promise<unknown>>
    | undefined;
  return bridge ? (method, args) => bridge[method](...args) : undefined;
}

/** The browser host: same-origin POSTs carrying the token it put into index.html. */
function httpTransport(): RawTransport {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_TOKEN_META}"]`)?.content ?? '';
  return async (method, args) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HOST_TOKEN_HEADER]: token },
      body: JSON.stringify(args),
    });
    if (!response.ok) throw new Error(`The host refused ${method}: ${response.status} ${await response.text()}`);
    return response.json();
  };
}

/** Optional arguments left out stay out: JSON would turn them into null, which the host refuses. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}

function base64Bytes(content: string): Uint8Array<ArrayBuffer> {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The renderer's only view of its host: the contract, with every reply validated. */
export function connectHost(): HostApi {
  const electron = electronTransport();
  const transport = electron ?? httpTransport();
  const api = Object.fromEntries(
    HOST_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => readHostReply(method, await transport(method, withoutTrailingUndefined(args))),
    ]),
  ) as HostApi;
  if (!electron) {
    api.saveExport = async ({ suggestedName, content, encoding }) => {
      downloadFile(suggestedName, encoding === 'base64' ? base64Bytes(content) : content);
      return { status: 'saved', location: suggestedName, inDownloads: true };
    };
  }
  return api;
}
