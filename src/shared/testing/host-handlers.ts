import type { HostHandlers } from '../host-api';

/**
 * A complete set of host handlers answering with empty, valid results, for tests of the
 * transports (IPC, HTTP, dispatch) that care about a few calls only.
 */
export function quietHandlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  return {
    getAppInfo: () => ({ name: 'Framing Workbench', version: '0.0.0', host: 'browser' }),
    corpusStatus: () => ({ state: 'ready' }),
    listDocuments: () => ({ id: '0123456789abcdef', name: 'corpus', root: '/corpus', documents: [], skipped: [] }),
    getDocument: (id) => {
      throw new Error(`No document "${id}"`);
    },
    searchDocuments: () => ({ hits: [], total: 0 }),
    concordance: () => ({ ok: true, hits: [], total: 0, documents: 0 }),
    openCorpusFolder: () => ({ status: 'cancelled' }),
    saveExport: () => ({ status: 'cancelled' }),
    writeBackup: () => {
      throw new Error('no backups here');
    },
    listBackups: () => [],
    readBackup: (name) => {
      throw new Error(`No backup ${name}`);
    },
    ...overrides,
  };
}
