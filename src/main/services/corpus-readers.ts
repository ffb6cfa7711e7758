import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JsonFieldNames } from '../../shared/corpus/json-corpus';
import { analyseArticle, isJsonl, type Read, readCorpusFile, type Scanned, scanCorpusFile } from './corpus-file';

/**
 * Fewer files than this, and JSONL dumps smaller than the next, are read in this thread: starting
 * threads would cost more than they save.
 */
export const PARALLEL_FROM_FILES = 64;
export const PARALLEL_FROM_DUMP_BYTES = 4 * 1024 * 1024;
/** A JSONL dump's articles go to the threads this many at a time. */
const ARTICLES_PER_TASK = 64;
/**
 * Files go to the threads this many at a time: a message per file cost a tenth of a thread's time
 * on a corpus of small files (benchmark 6a).
 */
const FILES_PER_TASK = 16;
/** Tasks sent to a thread before it answers, so that none waits for its next one. */
const IN_FLIGHT = 4;
/**
 * Tasks made ahead of the one the caller waits for, at most: bounds what is held while an early
 * task is slow (64 tasks of a dump: about 4,000 articles).
 */
const AHEAD = 64;

/** Enough for the largest article (20 MB, twice over as UTF-16) and its analysis. */
const THREAD_HEAP_MB = 256;

export interface ReadersOptions {
  /** Threads to read with; by default one per core. */
  threads?: number;
  /** The worker script; by default corpus-reader.worker's (a test gives one that fails). */
  worker?: URL;
}

/** Part of one file's reads, in order; `last` on the file's final part. */
export interface FileReads {
  reads: Read[];
  last: boolean;
}

/** What a reading thread is asked to do: read files, or analyse articles this thread has read from a dump. */
export type Task = { files: string[] } | { items: Scanned[] };

/**
 * What reading each file gives, in the order of `files`, read by worker threads in parallel (one
 * per core). A JSONL dump is read here, a line at a time, and its articles analysed by the
 * threads a batch at a time; it comes in several parts. If a thread cannot start or fails, what
 * it had not done is done here: the corpus opens either way.
 */
export async function* readFiles(
  root: string,
  fields: JsonFieldNames,
  files: readonly string[],
  options: ReadersOptions = {},
): AsyncGenerator<FileReads> {
  const threads = options.threads ?? availableParallelism();
  const parallel =
    threads >= 2 && (files.length >= PARALLEL_FROM_FILES || (await dumpBytes(files)) >= PARALLEL_FROM_DUMP_BYTES);
  if (!parallel) {
    for (const file of files) yield* readHere(root, fields, file);
    return;
  }
  const tasks = new Map<number, { task: Task; last: boolean }>();
  const queue: number[] = [];
  const results = new Map<number, Read[][]>();
  let made = 0;
  let taken = 0;
  let finished = false;
  let failed: Error | undefined;
  let stopped = false;
  let wakeCaller: (() => void) | undefined;
  let wakeMaker: (() => void) | undefined;
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(options.worker ?? workerUrl(), {
      workerData: { root, fields },
      // A thread's heap holds a few tasks; left unbounded it grows with garbage to gigabytes on a
      // large dump. Past this the thread ends and its work is done here (see above).
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    const state = { worker, inFlight: 0 };
    worker.on('message', ({ id, parts }: { id: number; parts: Read[][] }) => {
      results.set(id, parts);
      state.inFlight--;
      send();
      wakeCaller?.();
    });
    worker.on('error', (error) => {
      failed ??= error;
      wakeCaller?.();
      wakeMaker?.();
    });
    return state;
  });
  const send = () => {
    if (failed) return;
    for (const state of workers) {
      while (state.inFlight < IN_FLIGHT && queue.length > 0) {
        const id = queue.shift() as number;
        state.worker.postMessage({ id, task: tasks.get(id)?.task });
        state.inFlight++;
      }
    }
  };
  const make = async (task: Task, last: boolean) => {
    tasks.set(made, { task, last });
    queue.push(made++);
    send();
    wakeCaller?.();
    while (!stopped && made - taken > AHEAD) await new Promise<void>((resolve) => (wakeMaker = resolve));
  };
  const making = (async () => {
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const task = { files: batch };
      batch = [];
      await make(task, true);
    };
    for (const file of files) {
      if (stopped) return;
      if (!isJsonl(file)) {
        batch.push(file);
        if (batch.length === FILES_PER_TASK) await flush();
        continue;
      }
      await flush();
      let items: Scanned[] = [];
      for await (const item of scanCorpusFile(root, file, fields)) {
        items.push(item);
        if (items.length < ARTICLES_PER_TASK) continue;
        await make({ items }, false);
        items = [];
        if (stopped) return;
      }
      await make({ items }, true);
    }
    await flush();
  })().finally(() => {
    finished = true;
    wakeCaller?.();
  });
  try {
    for (; ; taken++) {
      wakeMaker?.();
      while (!results.has(taken) && !failed && !(finished && taken >= made)) {
        await new Promise<void>((resolve) => (wakeCaller = resolve));
      }
      if (finished && taken >= made) break;
      const { task, last } = tasks.get(taken) as { task: Task; last: boolean };
      tasks.delete(taken);
      let parts = results.get(taken);
      results.delete(taken);
      if (!parts) {
        console.warn(`Framing Workbench: a reading thread failed (${failed?.message}); reading the rest here.`);
        parts = await run(root, fields, task);
      }
      // A task of files gives each file whole; a batch of a dump's articles, part of one file.
      for (const reads of parts) yield { reads, last: 'files' in task || last };
    }
    await making;
  } finally {
    stopped = true;
    wakeMaker?.();
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }
}

async function dumpBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(
    files.filter(isJsonl).map((file) =>
      stat(file).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Does one task in the thread that calls it (in a reading thread, or here when none can): reads per file. */
export async function run(root: string, fields: JsonFieldNames, task: Task): Promise<Read[][]> {
  if ('items' in task)
    return [task.items.map((item) => ('article' in item ? { document: analyseArticle(item.article) } : item))];
  const parts: Read[][] = [];
  for (const file of task.files) {
    const reads: Read[] = [];
    for await (const read of readCorpusFile(root, file, fields)) reads.push(read);
    parts.push(reads);
  }
  return parts;
}

/** One file read in this thread, a dump in parts so that its articles are never all held. */
async function* readHere(root: string, fields: JsonFieldNames, file: string): AsyncGenerator<FileReads> {
  let reads: Read[] = [];
  for await (const read of readCorpusFile(root, file, fields)) {
    reads.push(read);
    if (reads.length < ARTICLES_PER_TASK) continue;
    yield { reads, last: false };
    reads = [];
  }
  yield { reads, last: true };
}

/** The bundled worker beside the built host, or the source's starter when the host runs from source. */
function workerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  const name = fromSource ? 'corpus-reader.worker-source.mjs' : 'corpus-reader.worker.js';
  return new URL(`./${name}`, import.meta.url);
}
