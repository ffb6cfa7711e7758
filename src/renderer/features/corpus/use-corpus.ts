import { useEffect, useState } from 'react';
import type { CorpusListing } from '../../../shared/model/document';
import { useHost } from '../../host/HostContext';

export type ListingState =
  | { status: 'loading'; progress?: { name: string; read: number; total: number } }
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

/** Documents matching a full-text query, best first; undefined while there is no query. */
export function useSearch(query: string): string[] | undefined {
  const host = useHost();
  const [hits, setHits] = useState<{ query: string; ids: string[] }>();
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      host.searchDocuments(query).then(
        (found) => current && setHits({ query, ids: found.map((h) => h.id) }),
        () => current && setHits({ query, ids: [] }),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, query]);
  return query.trim() === '' ? undefined : hits?.query === query ? hits.ids : undefined;
}
