import { describe, expect, it } from 'vitest';
import { keptWatches } from './kept-watches';

/** A watch whose values the test sends by hand, recording which keys are being watched. */
function fakeWatch() {
  const live = new Map<string, { report: (value: string) => void; fail: (error: unknown) => void }>();
  const watch = (key: string, report: (value: string) => void, fail: (error: unknown) => void) => {
    live.set(key, { report, fail });
    return () => live.delete(key);
  };
  return { live, watch };
}

describe('kept watches', () => {
  it('report each value to whoever looks, and keep it for when they come back', () => {
    const { live, watch } = fakeWatch();
    const store = keptWatches(watch, 2);
    const heard: string[] = [];
    const stop = store.subscribe('a', () => heard.push(store.current('a') ?? 'none'));
    expect(store.current('a')).toBeUndefined();
    live.get('a')?.report('one');
    live.get('a')?.report('two');
    expect(heard).toEqual(['one', 'two']);
    stop();
    // Nobody looks, but the value is kept current.
    live.get('a')?.report('three');
    expect(store.current('a')).toBe('three');
    const again = store.subscribe('a', () => {});
    expect(store.current('a')).toBe('three');
    expect(live.size).toBe(1);
    again();
  });

  it('stop watching the least recently used keys beyond the ones to keep, never one looked at', () => {
    const { live, watch } = fakeWatch();
    const store = keptWatches(watch, 2);
    const open = store.subscribe('open', () => {});
    for (const key of ['a', 'b', 'c', 'd']) store.subscribe(key, () => {})();
    expect(store.watched()).toEqual(['open', 'c', 'd']);
    expect([...live.keys()].sort()).toEqual(['c', 'd', 'open']);
    // Looking at c again makes d the older of the two kept.
    store.subscribe('c', () => {})();
    store.subscribe('e', () => {})();
    expect(store.watched()).toEqual(['open', 'c', 'e']);
    open();
    expect(store.watched()).toEqual(['c', 'e']);
  });

  it('throw the error a watch failed with until it reports a value again', () => {
    const { live, watch } = fakeWatch();
    const store = keptWatches(watch, 1);
    store.subscribe('a', () => {});
    live.get('a')?.fail(new Error('The database is closed.'));
    expect(() => store.current('a')).toThrow('The database is closed.');
    live.get('a')?.report('back');
    expect(store.current('a')).toBe('back');
  });
});
