import type { AppInfo, HostHandlers } from '../../shared/host-api';
import type { CorpusHost } from './corpus-host';

/** The host calls both hosts answer the same way; opening folders and saving differ. */
export function corpusHandlers(
  host: CorpusHost,
  app: AppInfo,
): Pick<HostHandlers, 'getAppInfo' | 'corpusStatus' | 'listDocuments' | 'getDocument' | 'searchDocuments'> {
  return {
    getAppInfo: () => app,
    corpusStatus: () => host.status(),
    listDocuments: async () => (await host.corpus()).listing(),
    getDocument: async (id, encoding) => (await host.corpus()).document(id, encoding),
    searchDocuments: async (query) => (await host.corpus()).search(query),
  };
}
