/**
 * The names of the host calls, apart from their schemas so the sandboxed preload can list them
 * without bundling the validation library. host-api.ts checks that both lists agree.
 */
export const HOST_METHODS = [
  'getAppInfo',
  'corpusStatus',
  'listDocuments',
  'getDocument',
  'searchDocuments',
  'concordance',
  'openCorpusFolder',
  'saveExport',
  'writeBackup',
  'listBackups',
  'readBackup',
] as const;

export type HostMethodName = (typeof HOST_METHODS)[number];

export const hostChannel = (method: HostMethodName) => `host:${method}`;

/** The global under which the Electron preload exposes the host. */
export const HOST_GLOBAL = 'framingHost';

/** Only 127.0.0.1 is ever bound by the browser host; the renderer sends this header with the run's token. */
export const HOST_TOKEN_HEADER = 'x-framing-token';
export const HOST_TOKEN_META = 'framing-host-token';
