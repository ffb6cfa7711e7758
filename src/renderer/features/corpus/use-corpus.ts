import { useEffect, useState } from 'react';
import type { CorpusDocument, CorpusListing } from '../../../shared/model/document';
import { useHost } from '../../host/HostContext';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useCorpusListing(): Loaded<CorpusListing> {
  const host = useHost();
  const [state, setState] = useState<Loaded<CorpusListing>>({ status: 'loading' });
  useEffect(() => {
    host.listDocuments().then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) => setState({ status: 'error', message: message(error) }),
    );
  }, [host]);
  return state;
}

/** The document exactly as the host serves it; undefined id means none is open. */
export function useCorpusDocument(id: string | undefined): Loaded<CorpusDocument> | undefined {
  const host = useHost();
  const [state, setState] = useState<{ id: string; loaded: Loaded<CorpusDocument> }>();
  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    setState({ id, loaded: { status: 'loading' } });
    host.getDocument(id).then(
      (value) => current && setState({ id, loaded: { status: 'ready', value } }),
      (error: unknown) => current && setState({ id, loaded: { status: 'error', message: message(error) } }),
    );
    return () => {
      current = false;
    };
  }, [host, id]);
  return id === undefined ? undefined : state?.id === id ? state.loaded : { status: 'loading' };
}
