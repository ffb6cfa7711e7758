import { parentPort, workerData } from 'node:worker_threads';
import type { JsonFieldNames } from '../../shared/corpus/json-corpus';
import type { Read } from './corpus-file';
import { run, type Task } from './corpus-readers';

/**
 * One of the threads of a corpus's first read (corpus-readers.ts): does the tasks it is sent (read
 * a file, or analyse a batch of a dump's articles) and answers each with the reads.
 */
const { root, fields } = workerData as { root: string; fields: JsonFieldNames };

parentPort?.on('message', async ({ id, task }: { id: number; task: Task }) => {
  const parts = (await run(root, fields, task)).map((reads) =>
    reads.map(
      // The listing needs no segments (a document's are made again when it is opened); not
      // copying them across threads saves a fifth of the transfer.
      (read): Read => ('document' in read ? { document: { ...read.document, segments: [] } } : read),
    ),
  );
  parentPort?.postMessage({ id, parts });
});
