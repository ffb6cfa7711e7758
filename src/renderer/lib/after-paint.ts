import { useEffect, useState } from 'react';

/**
 * Work that waits until the next frame has been painted: one animation callback and one task for
 * all of it, so the frame that shows a change carries one callback, and the parts that follow it
 * re-render together (React batches what one task sets). One per corpus session.
 */
export class FrameScheduler {
  readonly #waiting = new Set<() => void>();

  /** Runs `work` once the next frame has been painted. Returns how to cancel. */
  afterPaint(work: () => void): () => void {
    const once = () => work();
    if (this.#waiting.size === 0) {
      // An animation frame callback runs just before its frame is painted; a task it queues, after.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const due = [...this.#waiting];
          this.#waiting.clear();
          for (const run of due) run();
        }),
      );
    }
    this.#waiting.add(once);
    return () => {
      this.#waiting.delete(once);
    };
  }
}

/**
 * `value` as it was at the last painted frame: a part of the window that can follow a frame later
 * takes a new value only after the frame that shows the change where the analyst is looking has
 * been painted. The first value is taken at once.
 */
export function useAfterPaint<T>(value: T, frames: FrameScheduler): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return frames.afterPaint(() => setShown(() => value));
  }, [value, shown, frames]);
  return shown;
}
