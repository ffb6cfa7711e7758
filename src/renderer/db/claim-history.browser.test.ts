import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/model/annotation';
import { ClaimHistory, type Step } from './claim-history';

/** The window's own sessionStorage, with what is written to it counted. */
class CountingStorage implements Storage {
  written = 0;
  get length() {
    return sessionStorage.length;
  }
  clear() {
    sessionStorage.clear();
  }
  getItem(key: string) {
    return sessionStorage.getItem(key);
  }
  key(index: number) {
    return sessionStorage.key(index);
  }
  removeItem(key: string) {
    sessionStorage.removeItem(key);
  }
  setItem(key: string, value: string) {
    this.written += value.length;
    sessionStorage.setItem(key, value);
  }
}

const claim = (n: number, note = ''): Annotation =>
  ({
    id: `claim-${n}`,
    documentId: 'a.txt',
    selector: { unit: 'utf16', start: n, end: n + 4, exact: 'NATO', prefix: '', suffix: '' },
    tags: ['threat-narrative'],
    attributes: { note },
    annotator: 'Ada',
    created: '2026-12-05T10:00:00.000Z',
    modified: '2026-12-05T10:00:00.000Z',
  }) as unknown as Annotation;

const step = (n: number, note = ''): Step => ({ claims: [{ before: null, after: claim(n, note) }], orphans: [] });
const keys = () => Object.keys(sessionStorage).filter((key) => key.startsWith('framing-workbench:history:c1:'));

afterEach(() => sessionStorage.clear());

describe('the undo history, in sessionStorage', () => {
  it('writes the new step and a short list, not the history before it', () => {
    const storage = new CountingStorage();
    const history = new ClaimHistory('c1', storage);
    // An import's step: 2,000 claims.
    history.record('a.txt', {
      claims: Array.from({ length: 2000 }, (_, n) => ({ before: null, after: claim(n, 'imported') })),
      orphans: [],
    });
    for (let n = 0; n < 50; n++) history.record('a.txt', step(5000 + n));
    storage.written = 0;
    history.record('a.txt', step(9999));
    // The step, and the list of 52 step ids (28 characters each); the history before was 2,000 claims.
    expect(storage.written).toBeLessThan(JSON.stringify(step(9999)).length + 52 * 30);
  });

  it('survives a reload with its order, and undo and redo move steps between the stacks', () => {
    const history = new ClaimHistory('c1');
    for (const n of [1, 2, 3]) history.record('a.txt', step(n));
    history.shift('a.txt', -1);
    const reloaded = new ClaimHistory('c1');
    expect(reloaded.nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-2');
    expect(reloaded.nextRedo('a.txt')?.claims[0]?.after.id).toBe('claim-3');
    reloaded.shift('a.txt', 1);
    expect(new ClaimHistory('c1').nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-3');
  });

  it('removes the steps it no longer keeps: past the limit, merged, or no longer redoable', () => {
    const history = new ClaimHistory('c1');
    for (let n = 0; n < 320; n++) history.record('a.txt', step(n));
    // 300 steps and the list.
    expect(keys()).toHaveLength(301);
    history.shift('a.txt', -1);
    history.record('a.txt', step(1000));
    expect(keys()).toHaveLength(301);
    history.record('a.txt', { ...step(1001, 'a'), mergeKey: 'typed' });
    history.record('a.txt', { ...step(1001, 'ab'), mergeKey: 'typed' });
    expect(keys()).toHaveLength(301);
    expect(new ClaimHistory('c1').nextUndo('a.txt')?.claims[0]?.after.attributes.note).toBe('ab');
    history.clear();
    expect(keys()).toEqual([]);
  });

  it('reads a history an earlier version wrote whole under the document’s key', () => {
    sessionStorage.setItem(
      'framing-workbench:history:c1:a.txt',
      JSON.stringify({ done: [step(1), { before: null, after: claim(2) }], undone: [step(3)] }),
    );
    const history = new ClaimHistory('c1');
    expect(history.nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-2');
    expect(history.nextRedo('a.txt')?.claims[0]?.after.id).toBe('claim-3');
    history.record('a.txt', step(4));
    const reloaded = new ClaimHistory('c1');
    expect(reloaded.nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-4');
    reloaded.shift('a.txt', -1);
    reloaded.shift('a.txt', -1);
    expect(reloaded.nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-1');
  });

  it('keeps the newest steps when the storage is full', () => {
    const storage = new CountingStorage();
    let room = 40_000;
    storage.setItem = (key, value) => {
      const used = (sessionStorage.getItem(key) ?? '').length;
      if (value.length - used > room) throw new DOMException('full', 'QuotaExceededError');
      room -= value.length - used;
      sessionStorage.setItem(key, value);
    };
    storage.removeItem = (key) => {
      room += (sessionStorage.getItem(key) ?? '').length;
      sessionStorage.removeItem(key);
    };
    const history = new ClaimHistory('c1', storage);
    for (let n = 0; n < 200; n++) history.record('a.txt', step(n));
    expect(history.nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-199');
    const reloaded = new ClaimHistory('c1', storage);
    expect(reloaded.nextUndo('a.txt')?.claims[0]?.after.id).toBe('claim-199');
    expect(keys().length).toBeLessThan(200);
  });
});
