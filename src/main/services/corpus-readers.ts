import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JsonFieldNames } from '../../shared/corpus/json-corpus';
import { type Read, readCorpusFile } from './corpus-file';

/** Fewer files than this are read in this thread: starting the threads would cost more than they save. */
export const PARALLEL_FROM_FILES = 64;
/** Files sent to a thread before it answers, so that none waits for its next file. */
const IN_FLIGHT = 4;
/** Files read ahead of the one the caller waits for, at most: bounds what is held while an early file is slow. */
const AHEAD = 256;

export interface ReadersOptions {
  /** Threads to read with; by default one per core. */
  threads?: number;
  /** The worker script; by default corpus-reader.worker's (a test gives one that fails). */
  worker?: URL;
}

/**
 * What reading each file gives, in the order of `files`, read by worker threads in parallel
 * (one per core) while this thread takes the results in order. If a thread cannot start or
 * fails, the files not yet read are read here: the corpus opens either way.
 */
export async function* readFiles(
  root: string,
  fields: JsonFieldNames,
  files: readonly string[],
  options: ReadersOptions = {},
): AsyncGenerator<Read[]> {
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(files.length / IN_FLIGHT));
  if (files.length < PARALLEL_FROM_FILES || threads < 2) {
    for (const file of files) yield await readHere(root, fields, file);
    return;
  }
  const results = new Map<number, Read[]>();
  let sent = 0;
  let taken = 0;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const workers: Worker[] = [];
  const send = (worker: Worker) => {
    if (failed || sent >= files.length || sent - taken >= AHEAD) return false;
    worker.postMessage({ index: sent, file: files[sent] });
    sent++;
    return true;
  };
  const idle = new Set<Worker>();
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(options.worker ?? workerUrl(), { workerData: { root, fields } });
    worker.on('message', ({ index, reads }: { index: number; reads: Read[] }) => {
      results.set(index, reads);
      if (!send(worker)) idle.add(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failed ??= error;
      wake?.();
    });
    workers.push(worker);
    for (let n = 0; n < IN_FLIGHT; n++) send(worker);
  }
  try {
    for (; taken < files.length; taken++) {
      for (const worker of idle) if (send(worker)) idle.delete(worker);
      while (!results.has(taken) && !failed) await new Promise<void>((resolve) => (wake = resolve));
      const reads = results.get(taken);
      results.delete(taken);
      if (reads) {
        yield reads;
        continue;
      }
      console.warn(`Framing Workbench: a reading thread failed (${failed?.message}); reading the rest here.`);
      for (; taken < files.length; taken++)
        yield results.get(taken) ?? (await readHere(root, fields, files[taken] as string));
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function readHere(root: string, fields: JsonFieldNames, file: string): Promise<Read[]> {
  const reads: Read[] = [];
  for await (const read of readCorpusFile(root, file, fields)) reads.push(read);
  return reads;
}

/** The bundled worker beside the built host, or the source's starter when the host runs from source. */
function workerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  const name = fromSource ? 'corpus-reader.worker-source.mjs' : 'corpus-reader.worker.js';
  return new URL(`./${name}`, import.meta.url);
}
