import { useEffect, useState } from 'react';

const waiting = new Set<() => void>();

/**
 * Runs `work` once the next frame has been painted, with every other piece of work asked for
 * before then: one animation callback and one task for all of them, so the frame that shows a
 * change carries one callback, and the parts that follow it re-render together. Returns how to
 * cancel.
 */
export function afterPaint(work: () => void): () => void {
  const once = () => work();
  if (waiting.size === 0) {
    // An animation frame callback runs just before its frame is painted; a task it queues, after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        const due = [...waiting];
        waiting.clear();
        for (const run of due) run();
      }),
    );
  }
  waiting.add(once);
  return () => {
    waiting.delete(once);
  };
}

/**
 * `value` as it was at the last painted frame: a part of the window that can follow a frame later
 * (a side list) takes a new value only after the frame that shows the change where the analyst
 * is looking has been painted, so its work never holds that frame up. The first value is taken
 * at once.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return afterPaint(() => setShown(() => value));
  }, [value, shown]);
  return shown;
}
