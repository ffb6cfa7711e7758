import { Worker } from 'node:worker_threads';
import type { ConcordanceRequest, ConcordanceResults } from '../../shared/host-api';

/** How long an expression may search the corpus before it is stopped. */
export const REGEX_TIME_LIMIT_MS = 15_000;

export interface RegexSearch {
  done: Promise<ConcordanceResults>;
  /** Stops the search (a newer one replaces it); `done` then says so. */
  stop(): void;
}

/**
 * Runs a regular expression's concordance in a worker thread, so that an expression that
 * backtracks without end (`(a+)+$`) stalls neither the host nor the window: past `timeLimitMs`
 * the thread is ended and the analyst is told why.
 */
export function regexConcordance(
  texts: [string, string][],
  request: ConcordanceRequest,
  { limit, timeLimitMs = REGEX_TIME_LIMIT_MS }: { limit?: number; timeLimitMs?: number } = {},
): RegexSearch {
  const worker = new Worker(workerUrl(), { workerData: { texts, request, limit } });
  let settle: (results: ConcordanceResults) => void = () => {};
  const done = new Promise<ConcordanceResults>((resolve) => {
    settle = resolve;
  });
  const end = (results: ConcordanceResults) => {
    clearTimeout(timer);
    settle(results);
    void worker.terminate();
  };
  const timer = setTimeout(
    () =>
      end({
        ok: false,
        error: `The expression searched for more than ${timeLimitMs / 1000} s and was stopped. A repetition inside a repetition, such as (a+)+, can take for ever; write it without one.`,
      }),
    timeLimitMs,
  );
  worker.once('message', (results: ConcordanceResults) => end(results));
  worker.once('error', (error) => end({ ok: false, error: `The search failed: ${error.message}` }));
  return { done, stop: () => end({ ok: false, error: 'A newer search replaced this one.' }) };
}

/** The bundled worker beside the built host, or the source's starter when the host runs from source. */
function workerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './concordance.worker-source.mjs' : './concordance.worker.js', import.meta.url);
}
