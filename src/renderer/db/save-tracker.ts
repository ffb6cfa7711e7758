export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string; failed: number };

type Write = () => Promise<unknown>;

/** Transient failures (a busy disk, an aborted transaction) often pass on a second try. */
const RETRY_DELAYS_MS = [200, 1000];

async function attempt<T>(write: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await write();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[i];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Every write of the window, reported: "saving" until IndexedDB has committed it, then "saved".
 * A write that still fails after retries is kept, shown, and can be retried; it is never dropped.
 * One per window, made where the window starts and handed down with the database.
 */
export class SaveTracker {
  #pending = 0;
  #state: SaveState = { kind: 'saved' };
  readonly #failed: Write[] = [];
  #lastError = '';
  #committed = 0;
  readonly #listeners = new Set<() => void>();

  /** How many writes have committed since the window opened: backups compare it to know there is news. */
  get committed(): number {
    return this.#committed;
  }

  get state(): SaveState {
    return this.#state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  async track<T>(write: () => Promise<T>): Promise<T> {
    this.#pending++;
    this.#publish();
    try {
      const result = await attempt(write);
      this.#committed++;
      return result;
    } catch (error) {
      this.#lastError = error instanceof Error ? error.message : String(error);
      this.#failed.push(write);
      throw error;
    } finally {
      this.#pending--;
      this.#publish();
    }
  }

  /** Runs every write that failed again, in the order they were made. */
  async retry(): Promise<void> {
    const writes = this.#failed.splice(0);
    this.#publish();
    for (const write of writes) await this.track(write).catch(() => undefined);
  }

  #publish() {
    this.#state =
      this.#failed.length > 0
        ? { kind: 'error', message: this.#lastError, failed: this.#failed.length }
        : this.#pending > 0
          ? { kind: 'saving' }
          : { kind: 'saved' };
    for (const listener of this.#listeners) listener();
  }
}
