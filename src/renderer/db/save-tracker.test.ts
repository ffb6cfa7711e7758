import { describe, expect, it, vi } from 'vitest';
import { SaveTracker } from './save-tracker';

describe('SaveTracker', () => {
  it('retries a write that fails for a moment, and reports it saved', async () => {
    vi.useFakeTimers();
    const saves = new SaveTracker();
    let calls = 0;
    const write = saves.track(async () => {
      calls++;
      if (calls < 3) throw new Error('transaction aborted');
      return 'stored';
    });
    expect(saves.state.kind).toBe('saving');
    await vi.runAllTimersAsync();
    await expect(write).resolves.toBe('stored');
    expect(calls).toBe(3);
    expect(saves.state.kind).toBe('saved');
    expect(saves.committed).toBe(1);
    vi.useRealTimers();
  });

  it('keeps a write that keeps failing, shows it, and runs it again on retry', async () => {
    vi.useFakeTimers();
    const saves = new SaveTracker();
    let diskFull = true;
    const stored: string[] = [];
    const write = saves.track(async () => {
      if (diskFull) throw new Error('QuotaExceededError');
      stored.push('claim');
    });
    const outcome = expect(write).rejects.toThrow('QuotaExceededError');
    await vi.runAllTimersAsync();
    await outcome;
    expect(stored).toEqual([]);
    expect(saves.state).toEqual({ kind: 'error', message: 'QuotaExceededError', failed: 1 });

    diskFull = false;
    await saves.retry();
    expect(stored).toEqual(['claim']);
    expect(saves.state.kind).toBe('saved');
    vi.useRealTimers();
  });
});

describe('SaveTracker, a write not kept to retry', () => {
  it('fails without leaving the indicator on "not saved" for the writes after it', async () => {
    vi.useFakeTimers();
    const saves = new SaveTracker();
    const refused = saves.track(
      async () => {
        throw new Error('ConstraintError');
      },
      { keep: false },
    );
    const outcome = expect(refused).rejects.toThrow('ConstraintError');
    await vi.runAllTimersAsync();
    await outcome;
    await saves.track(async () => 'next claim');
    expect(saves.state.kind).toBe('saved');
    vi.useRealTimers();
  });
});
