import { useEffect, useState } from 'react';

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
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame callback runs just before its frame is painted; a task it queues, after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(() => value));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
