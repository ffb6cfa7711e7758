import type { CorpusStatus } from '../../shared/host-api';
import { type Corpus, openCorpus } from './corpus';

/**
 * The corpus a host serves: reading starts at once and is reported as progress; calls that need
 * the documents wait for it. Opening another folder replaces it the same way.
 */
export class CorpusHost {
  private current: Promise<Corpus> | undefined;
  private state: CorpusStatus = { state: 'error', message: 'No corpus is open.' };

  /** `index`: the folder where corpus indexes are kept (see corpus-index.ts); none, and every open reads every file. */
  constructor(private readonly options: { index?: string } = {}) {}

  open(folder: string, name: string): Promise<Corpus> {
    this.state = { state: 'loading', name, read: 0, total: 0, documents: 0 };
    // The corpus it replaces lets go of its files once it has opened (or failed to).
    this.current?.then((corpus) => corpus.close()).catch(() => undefined);
    const opening = openCorpus(folder, {
      index: this.options.index,
      onProgress: (read, total, documents) => {
        if (this.current === opening) this.state = { state: 'loading', name, read, total, documents };
      },
    });
    this.current = opening;
    opening.then(
      () => {
        if (this.current === opening) this.state = { state: 'ready' };
      },
      (error: unknown) => {
        if (this.current === opening) {
          this.state = { state: 'error', message: `${name} could not be opened: ${(error as Error).message}` };
        }
      },
    );
    return opening;
  }

  status(): CorpusStatus {
    return this.state;
  }

  corpus(): Promise<Corpus> {
    return this.current ?? Promise.reject(new Error('No corpus is open.'));
  }
}
