import type { AppInfo, HostHandlers } from '../../shared/host-api';
import type { Corpus } from './corpus';

/** The host calls both hosts answer the same way; saving differs (a dialog or a download). */
export function corpusHandlers(
  corpus: Corpus,
  app: AppInfo,
): Pick<HostHandlers, 'getAppInfo' | 'listDocuments' | 'getDocument'> {
  return {
    getAppInfo: () => app,
    listDocuments: () => corpus.listing(),
    getDocument: (id) => corpus.document(id),
  };
}
