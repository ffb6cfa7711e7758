/** Starts watching one key: `report` is called with each value, `fail` on an error. Returns how to stop. */
export type Watch<T> = (key: string, report: (value: T) => void, fail: (error: unknown) => void) => () => void;

interface Entry<T> {
  value?: T;
  error?: unknown;
  listeners: Set<() => void>;
  stop: () => void;
}

/**
 * Values watched while someone looks at them, and for a while after: the last `keep` keys nobody
 * looks at any more stay watched, so that going back to one shows its current value at once
 * instead of waiting for it to be read again.
 */
export function keptWatches<T>(watch: Watch<T>, keep: number) {
  // In order of last use, least recent first.
  const entries = new Map<string, Entry<T>>();

  const release = () => {
    const idle = [...entries].filter(([, entry]) => entry.listeners.size === 0);
    for (const [key, entry] of idle.slice(0, Math.max(0, idle.length - keep))) {
      entry.stop();
      entries.delete(key);
    }
  };

  return {
    /** The last value reported for `key`; undefined before the first. Throws the watch's error. */
    current(key: string): T | undefined {
      const entry = entries.get(key);
      if (entry?.error !== undefined) throw entry.error;
      return entry?.value;
    },

    /** Looks at `key` (watching it if it is not watched yet); `listener` hears of each new value. */
    subscribe(key: string, listener: () => void): () => void {
      let entry = entries.get(key);
      if (entry) entries.delete(key);
      else {
        const created: Entry<T> = { listeners: new Set(), stop: () => {} };
        const tell = () => {
          for (const heard of created.listeners) heard();
        };
        created.stop = watch(
          key,
          (value) => {
            created.value = value;
            created.error = undefined;
            tell();
          },
          (error) => {
            created.error = error;
            tell();
          },
        );
        entry = created;
      }
      entries.set(key, entry);
      const looking = entry;
      looking.listeners.add(listener);
      return () => {
        looking.listeners.delete(listener);
        release();
      };
    },

    /** The keys watched now, least recently used first. */
    watched: (): string[] => [...entries.keys()],
  };
}
