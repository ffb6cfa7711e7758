import type { Interchange } from '../../shared/formats/interchange';
import type { CorpusText, ImportContext, ImportPlan } from '../../shared/import/plan-import';
import type { Reanchoring } from '../../shared/import/reanchor';
import type { Annotation } from '../../shared/model/annotation';
import AnchoringWorker from './anchoring.worker?worker';
import { type AnchoringJob, type AnchoringReply, perform } from './jobs';

/**
 * Placing claims in text (an import, a changed document) runs in a worker: an approximate search
 * in a long text can take seconds, and the window must keep answering, show progress and cancel.
 */
export interface Placing {
  onProgress?(done: number, total: number): void;
  /** Stops the worker at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Starts the worker; tests give one that cannot start. */
  startWorker?(): Worker;
}

type Outcome = Extract<AnchoringReply, { kind: 'planned' | 'reanchored' }>;

function run(job: AnchoringJob, placing: Placing): Promise<Outcome> {
  // A worker that cannot start or load (a packaged app's file: URL refused, say) must not stop an
  // import: the claims are then placed here, still bounded by the job's deadline.
  return new Promise<Outcome>((resolve, reject) => {
    placing.signal?.throwIfAborted();
    const take = (reply: AnchoringReply) => {
      if (reply.kind === 'progress') placing.onProgress?.(reply.done, reply.total);
      else if (reply.kind === 'failed') reject(new Error(reply.message));
      else resolve(reply);
    };
    let worker: Worker;
    try {
      worker = (placing.startWorker ?? (() => new AnchoringWorker()))();
    } catch {
      perform(job, take);
      return;
    }
    let answered = false;
    const stop = () => {
      worker.terminate();
      reject(placing.signal?.reason);
    };
    const finish = () => {
      placing.signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    placing.signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<AnchoringReply>) => {
      answered = true;
      if (event.data.kind !== 'progress') finish();
      take(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      if (!answered) perform(job, take);
      else reject(new Error(event.message || 'the anchoring worker stopped'));
    };
    worker.postMessage(job);
  });
}

/** Plans an import (see planImport) in the worker. */
export async function planImportInWorker(
  file: Interchange,
  { newId: _, onProgress, ...context }: ImportContext,
  placing: Placing = {},
): Promise<ImportPlan> {
  const outcome = await run({ kind: 'plan', file, context }, { onProgress, ...placing });
  if (outcome.kind !== 'planned') throw new Error('the anchoring worker answered another job');
  return outcome.plan;
}

/** Finds claims again in a changed text (see reanchorClaims) in the worker. */
export async function reanchorInWorker(
  claims: readonly Annotation[],
  doc: CorpusText,
  deadline?: number,
): Promise<Reanchoring> {
  const outcome = await run({ kind: 'reanchor', claims, doc, now: new Date().toISOString(), deadline }, {});
  if (outcome.kind !== 'reanchored') throw new Error('the anchoring worker answered another job');
  return outcome.reanchoring;
}
