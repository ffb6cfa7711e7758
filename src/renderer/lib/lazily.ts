/** A value computed on first use and kept: work a user may never need stays off the critical path. */
export function lazily<T>(compute: () => T): () => T {
  let value: { computed: T } | undefined;
  return () => {
    value ??= { computed: compute() };
    return value.computed;
  };
}
