import type { AppInfo, HostHandlers } from '../../shared/host-api';
import type { backupFolder } from './backups';
import type { CorpusHost } from './corpus-host';

/** The host calls both hosts answer the same way; opening folders and saving exports differ. */
export function corpusHandlers(
  host: CorpusHost,
  app: AppInfo,
  backups: ReturnType<typeof backupFolder>,
): Omit<HostHandlers, 'openCorpusFolder' | 'saveExport'> {
  return {
    writeBackup: (content) => backups.write(content),
    listBackups: () => backups.list(),
    readBackup: (name) => backups.read(name),
    getAppInfo: () => app,
    corpusStatus: () => host.status(),
    listDocuments: async () => (await host.corpus()).listing(),
    getDocument: async (id, encoding) => (await host.corpus()).document(id, encoding),
    searchDocuments: async (query, options) => (await host.corpus()).search(query, options),
    concordance: async (request) => (await host.corpus()).concordance(request),
  };
}
