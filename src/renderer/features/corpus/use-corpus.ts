import { useEffect, useState } from 'react';
import type { CorpusDocument, CorpusListing } from '../../../shared/model/document';
import { remember } from '../../../shared/recently-used';
import { useHost } from '../../host/HostContext';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

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

/** Documents shown last, as served: going back to one shows it while the host confirms it. */
const KEPT_DOCUMENTS = 4;
type Shown = { status: 'ready'; value: CorpusDocument };
const shownLast = new Map<string, Shown>();

/** Keeps a document as served; the copy kept already when its text is the same, so nothing redraws. */
function keep(key: string, value: CorpusDocument): Shown {
  const kept = shownLast.get(key);
  return remember(
    shownLast,
    key,
    kept?.value.sha256 === value.sha256 ? kept : { status: 'ready', value },
    KEPT_DOCUMENTS,
  );
}

/**
 * The document exactly as the host serves it, read with `encoding` when the analyst chose one.
 * A document shown before in this window is shown again at once, as it was, while the host is
 * asked again: the same text (same hash) changes nothing, a changed file replaces it, and a file
 * that can no longer be read shows its error.
 */
export function useCorpusDocument(id: string | undefined, encoding?: string): Loaded<CorpusDocument> | undefined {
  const host = useHost();
  const [state, setState] = useState<{ key: string; loaded: Loaded<CorpusDocument> }>();
  const key = `${id}\u0000${encoding ?? ''}`;
  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    if (!shownLast.has(key)) setState({ key, loaded: { status: 'loading' } });
    host.getDocument(id, encoding).then(
      (value) => {
        const loaded = keep(key, value);
        if (current) setState((shown) => (shown?.key === key && shown.loaded === loaded ? shown : { key, loaded }));
      },
      (error: unknown) => {
        shownLast.delete(key);
        if (current) setState({ key, loaded: { status: 'error', message: message(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [host, id, encoding, key]);
  if (id === undefined) return undefined;
  return state?.key === key ? state.loaded : (shownLast.get(key) ?? { status: 'loading' });
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
