export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string; failed: number };

/** The last snapshot of the work the host was asked to keep, and how it went. */
export type BackupState =
  | { kind: 'none' }
  | { kind: 'written'; at: string }
  | { kind: 'failed'; at: string; reason: string };

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
  #backup: BackupState = { kind: 'none' };
  /** Fields typed into and not yet handed to a write: not saved yet, so not "All changes saved". */
  readonly #typing = new Set<string>();
  readonly #listeners = new Set<() => void>();

  /** How many writes have committed since the window opened: backups compare it to know there is news. */
  get committed(): number {
    return this.#committed;
  }

  get state(): SaveState {
    return this.#state;
  }

  get backup(): BackupState {
    return this.#backup;
  }

  /**
   * How the last backup went: a failed one is shown beside the save state until one succeeds,
   * since the database alone does not survive a lost browser profile.
   */
  reportBackup(outcome: { written: true } | { written: false; reason: string }, at = new Date().toISOString()): void {
    this.#backup = outcome.written ? { kind: 'written', at } : { kind: 'failed', at, reason: outcome.reason };
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /**
   * `keep: false` is for writes whose caller reports a failure itself and that would fail again
   * (an import refused by the database): they are not kept to retry, and the indicator goes back to
   * what the other writes say.
   */
  async track<T>(write: () => Promise<T>, { keep = true }: { keep?: boolean } = {}): Promise<T> {
    this.#pending++;
    this.#publish();
    try {
      const result = await attempt(write);
      this.#committed++;
      return result;
    } catch (error) {
      if (keep) {
        this.#lastError = error instanceof Error ? error.message : String(error);
        this.#failed.push(write);
      }
      throw error;
    } finally {
      this.#pending--;
      this.#publish();
    }
  }

  /** Says whether the field `key` holds typing that has not been handed to a write yet. */
  typing(key: string, unsaved: boolean): void {
    const before = this.#typing.size;
    if (unsaved) this.#typing.add(key);
    else this.#typing.delete(key);
    if (this.#typing.size !== before) this.#publish();
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
        : this.#pending > 0 || this.#typing.size > 0
          ? { kind: 'saving' }
          : { kind: 'saved' };
    for (const listener of this.#listeners) listener();
  }
}
