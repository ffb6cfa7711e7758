import { useEffect, useState } from 'react';
import type { SearchResults } from '../../../shared/host-api';
import type { CorpusListing } from '../../../shared/model/document';
import { useHost } from '../../host/HostContext';

export type ListingState =
  | { status: 'loading'; progress?: { name: string; read: number; total: number; documents: number } }
  | { status: 'ready'; value: CorpusListing }
  | { status: 'error'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const PROGRESS_POLL_MS = 250;

/** The corpus listing; while the host is still reading the folder, how far it has got. */
export function useCorpusListing(): ListingState {
  const host = useHost();
  const [state, setState] = useState<ListingState>({ status: 'loading' });
  useEffect(() => {
    let waiting = true;
    const poll = async () => {
      while (waiting) {
        const status = await host.corpusStatus().catch(() => undefined);
        if (waiting && status?.state === 'loading') setState({ status: 'loading', progress: status });
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      }
    };
    poll();
    host.listDocuments().then(
      (value) => {
        waiting = false;
        setState({ status: 'ready', value });
      },
      (error: unknown) => {
        waiting = false;
        setState({ status: 'error', message: message(error) });
      },
    );
    return () => {
      waiting = false;
    };
  }, [host]);
  return state;
}

/**
 * Documents matching a full-text query, best first, each with its snippet; undefined while there
 * is no query or its answer has not come. `approximate` asks for words spelt differently too.
 */
export function useSearch(query: string, approximate: boolean): SearchResults | undefined {
  const host = useHost();
  const [found, setFound] = useState<{ key: string; results: SearchResults }>();
  const key = `${approximate}\u0000${query}`;
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      host.searchDocuments(query, { approximate }).then(
        (results) => current && setFound({ key, results }),
        () => current && setFound({ key, results: { hits: [], total: 0 } }),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, query, approximate, key]);
  return query.trim() === '' ? undefined : found?.key === key ? found.results : undefined;
}
