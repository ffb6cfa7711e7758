import { parentPort, workerData } from 'node:worker_threads';
import { corpusConcordance } from '../../shared/concordance';
import type { ConcordanceRequest } from '../../shared/host-api';

/**
 * A regular expression's concordance, in a thread of its own (regex-concordance.ts): an
 * expression that backtracks without end keeps only this thread busy, and is stopped.
 */
const { texts, request, limit } = workerData as {
  texts: [string, string][];
  request: ConcordanceRequest;
  limit?: number;
};
parentPort?.postMessage(corpusConcordance(texts, request, { limit }));
