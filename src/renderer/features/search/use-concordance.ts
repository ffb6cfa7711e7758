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

interface Asked {
  query: string;
  regex: boolean;
  bodyOnly: boolean;
  documents: readonly string[] | undefined;
}

const same = (a: Asked, b: Asked) =>
  a.query === b.query && a.regex === b.regex && a.bodyOnly === b.bodyOnly && a.documents === b.documents;

/**
 * The corpus's concordance for the query as typed, once typing pauses, in `documents` (all when
 * undefined). An answer to a query that has since changed is dropped, so the hits shown are
 * always those of the query shown.
 */
export function useConcordance(
  query: string,
  regex: boolean,
  bodyOnly: boolean,
  documents?: readonly string[],
): Concordance {
  const host = useHost();
  const [state, setState] = useState<{ asked: Asked; concordance: Concordance }>({
    asked: { query: '', regex: false, bodyOnly: false, documents: undefined },
    concordance: { status: 'idle' },
  });
  useEffect(() => {
    if (query.trim() === '') return;
    const asked = { query, regex, bodyOnly, documents };
    let current = true;
    const timer = setTimeout(() => {
      setState({ asked, concordance: { status: 'searching' } });
      host.concordance({ query, regex, bodyOnly, ...(documents && { documents: [...documents] }) }).then(
        (results) => current && setState({ asked, concordance: { status: 'done', results } }),
        (error: unknown) =>
          current && setState({ asked, concordance: { status: 'failed', reason: (error as Error).message } }),
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, query, regex, bodyOnly, documents]);
  if (query.trim() === '') return { status: 'idle' };
  return same(state.asked, { query, regex, bodyOnly, documents }) ? state.concordance : { status: 'searching' };
}
