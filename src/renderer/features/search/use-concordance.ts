import { useEffect, useState } from 'react';
import type { ConcordanceResults } from '../../../shared/host-api';
import { useHost } from '../../host/HostContext';

/** How long typing pauses before the corpus is searched: a concordance reads every text. */
const PAUSE_MS = 250;

export type Concordance =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; results: ConcordanceResults }
  | { status: 'failed'; reason: string };

/**
 * The corpus's concordance for the query as typed, once typing pauses. An answer to a query
 * that has since changed is dropped, so the hits shown are always those of the query shown.
 */
export function useConcordance(query: string, regex: boolean): Concordance {
  const host = useHost();
  const [state, setState] = useState<{ key: string; concordance: Concordance }>({
    key: '',
    concordance: { status: 'idle' },
  });
  const key = `${regex}\u0000${query}`;
  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      setState({ key, concordance: { status: 'searching' } });
      host.concordance({ query, regex }).then(
        (results) => current && setState({ key, concordance: { status: 'done', results } }),
        (error: unknown) =>
          current && setState({ key, concordance: { status: 'failed', reason: (error as Error).message } }),
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, key, query, regex]);
  if (query.trim() === '') return { status: 'idle' };
  return state.key === key ? state.concordance : { status: 'searching' };
}
