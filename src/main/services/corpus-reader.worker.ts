import { parentPort, workerData } from 'node:worker_threads';
import type { JsonFieldNames } from '../../shared/corpus/json-corpus';
import { type Read, readCorpusFile } from './corpus-file';

/**
 * One of the threads of a corpus's first read (corpus-readers.ts): reads the files it is sent,
 * one message per file, and answers each with what reading it gave.
 */
const { root, fields } = workerData as { root: string; fields: JsonFieldNames };

parentPort?.on('message', async ({ index, file }: { index: number; file: string }) => {
  const reads: Read[] = [];
  for await (const read of readCorpusFile(root, file, fields)) {
    // The listing needs no segments (a document's are made again when it is opened); not
    // copying them across threads saves a fifth of the transfer.
    reads.push('document' in read ? { document: { ...read.document, segments: [] } } : read);
  }
  parentPort?.postMessage({ index, reads });
});
